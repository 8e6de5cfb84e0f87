"""Helpers the cross-document rules share (not a rule: it defines no RULE)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generators.diagnostics import JsonPath
from generators.loading.documents import SourceDocument, schema_store
from generators.loading.schemas import Schema
from generators.model.common import Actor, SourceRef

COMMON_SCHEMA_ID = "https://styrdokument.example/schemas/common.schema.json"

Candidates = list[tuple[Schema, str]]


def where(source: SourceRef) -> str:
    return f"{source.file}:{source.location().line}"


def nodes_of(document: SourceDocument, definition: str) -> Iterator[tuple[Any, SourceRef]]:
    """Every value a document has where its schema puts `common.schema.json#/$defs/<definition>`.

    The walk follows the document's own schema ($ref, allOf/anyOf/oneOf, if/then/else), so a value
    counts exactly when the schema puts the shared definition there — never guessed from its shape.
    """
    # Several rules ask the same document for the same definition, and an unchanged file loaded
    # again shares its memo (see `load_file`), also from the disk cache: the walk runs once per
    # content, not once per rule. The memo keeps the paths only (plain data); the value is the
    # document's own node at that path, the very object the walk found.
    store, _ = schema_store()
    target = store.by_id[COMMON_SCHEMA_ID]["$defs"][definition]
    schema = store.by_name[document.schema]
    paths = document.derived(("nodes_of", definition),
                             lambda data: tuple(path for _, path in _walk(store, target, data, [(schema, schema["$id"])], ())))
    for path in paths:
        yield _at(document.data, path), SourceRef(document, path)


def _at(node: Any, path: JsonPath) -> Any:
    for step in path:
        node = node[step]
    return node


def actors_in(document: SourceDocument) -> Iterator[tuple[Actor, SourceRef]]:
    """Every actor a document names, found through its schema."""
    for value, source in nodes_of(document, "actor"):
        try:
            yield Actor.parse(value, source), source
        except (KeyError, ValueError, TypeError):
            continue  # not a valid actor: the schema check has reported it


def _flatten(store: Any, candidates: Candidates) -> Candidates:
    return [sub for node, base in candidates for sub in store.subschemas(node, base)]


def _walk(store: Any, target: Schema, node: Any, candidates: Candidates, path: JsonPath) -> Iterator[tuple[Any, JsonPath]]:
    flat = _flatten(store, candidates)
    if isinstance(node, dict):
        if any(sub is target for sub, _ in flat):
            yield node, path
            return
        for key, child in node.items():
            found: Candidates = []
            for sub, base in flat:
                properties = sub.get("properties", {})
                if key in properties:
                    found.append((properties[key], base))
                    continue
                for pattern, pattern_schema in sub.get("patternProperties", {}).items():
                    if re.search(pattern, key):
                        found.append((pattern_schema, base))
                additional = sub.get("additionalProperties")
                if isinstance(additional, dict):
                    found.append((additional, base))
            yield from _walk(store, target, child, found, (*path, key))
    elif isinstance(node, list):
        items = [(sub["items"], base) for sub, base in flat if isinstance(sub.get("items"), dict)]
        for index, child in enumerate(node):
            yield from _walk(store, target, child, items, (*path, index))


def ids_in(document: SourceDocument) -> Iterator[tuple[str, SourceRef]]:
    """Every `id` an entity in the document declares (the document's own `document.id` excluded)."""
    for value, path in document.derived("ids_in", lambda data: tuple(_ids(data, ()))):
        yield value, SourceRef(document, path)


def _ids(node: Any, path: JsonPath) -> Iterator[tuple[str, JsonPath]]:
    if isinstance(node, dict):
        value = node.get("id")
        if isinstance(value, str) and path != ("document",):
            yield value, (*path, "id")
        for key, child in node.items():
            yield from _ids(child, (*path, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _ids(child, (*path, index))
