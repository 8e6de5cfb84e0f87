"""The JSON Schemas: loaded once, `$ref`s resolved, validators compiled once."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin

Schema = dict[str, Any]


@dataclass
class SchemaStore:
    """Every schema under `schemas/`, by `$id` and by file name."""

    directory: Path
    by_id: dict[str, Schema] = field(default_factory=dict)
    by_name: dict[str, Schema] = field(default_factory=dict)
    # The schemas never change once loaded, so what a node combines with is worked out once: the
    # cross-document walks ask it for every value of every document.
    _subschemas: dict[tuple[int, str], tuple[tuple[Schema, str], ...]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def load(cls, directory: Path, extra_dirs: tuple[Path, ...] = ()) -> SchemaStore:
        """`directory` and the folders of kinds that bring their own schemas (`Kind.schemas_dir`)."""
        store = cls(directory)
        paths = [path for folder in (directory, *extra_dirs) for path in sorted(folder.glob("*.schema.json"))]
        for path in paths:
            schema = json.loads(path.read_text(encoding="utf-8"))
            store.by_id[schema["$id"]] = schema
            store.by_name[path.name] = schema
        return store

    def subschemas(self, schema: Schema, base: str) -> tuple[tuple[Schema, str], ...]:
        """`iter_subschemas`, remembered per node of this store (keyed by identity: every node is
        owned by the store, which lives as long as the process)."""
        key = (id(schema), base)
        found = self._subschemas.get(key)
        if found is None:
            found = self._subschemas[key] = tuple(iter_subschemas(self, schema, base))
        return found

    def resolve(self, ref: str, base: str) -> tuple[Schema, str]:
        """Resolve a `$ref` relative to the schema whose `$id` is `base`."""
        url, fragment = urldefrag(urljoin(base, ref))
        node: Any = self.by_id[url]
        for part in filter(None, fragment.split("/")):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node, url

    @cached_property
    def _python_registry(self) -> Any:
        from referencing import Registry, Resource

        return Registry().with_resources(
            (schema_id, Resource.from_contents(schema)) for schema_id, schema in self.by_id.items()
        )

    @cached_property
    def _rust_registry(self) -> Any:
        import jsonschema_rs

        return jsonschema_rs.Registry(list(self.by_id.items()))

    def python_validator(self, name: str) -> Any:
        """The `jsonschema` validator: slower, used to word errors precisely."""
        return _python_validators(self, name)

    def fast_validator(self, name: str) -> Any:
        """The compiled `jsonschema-rs` validator: the fast path for valid documents."""
        return _rust_validators(self, name)


_PY_CACHE: dict[tuple[int, str], Any] = {}
_RS_CACHE: dict[tuple[int, str], Any] = {}


def _python_validators(store: SchemaStore, name: str) -> Any:
    key = (id(store), name)
    if key not in _PY_CACHE:
        from jsonschema import Draft202012Validator

        _PY_CACHE[key] = Draft202012Validator(
            store.by_name[name],
            registry=store._python_registry,
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        )
    return _PY_CACHE[key]


def _rust_validators(store: SchemaStore, name: str) -> Any:
    key = (id(store), name)
    if key not in _RS_CACHE:
        import jsonschema_rs

        _RS_CACHE[key] = jsonschema_rs.Draft202012Validator(
            store.by_name[name], registry=store._rust_registry, validate_formats=True
        )
    return _RS_CACHE[key]


def iter_subschemas(store: SchemaStore, schema: Schema, base: str) -> Iterator[tuple[Schema, str]]:
    """The schema and every schema it combines with ($ref, allOf, anyOf, oneOf, if/then/else)."""
    stack = [(schema, base)]
    seen: set[int] = set()
    while stack:
        node, node_base = stack.pop()
        if not isinstance(node, dict) or id(node) in seen:
            continue
        seen.add(id(node))
        node_base = node.get("$id", node_base)
        yield node, node_base
        if "$ref" in node:
            stack.append(store.resolve(node["$ref"], node_base))
        for keyword in ("allOf", "anyOf", "oneOf"):
            stack.extend((sub, node_base) for sub in node.get(keyword, ()))
        for keyword in ("then", "else"):
            if keyword in node:
                stack.append((node[keyword], node_base))
