"""decisions/: the decision tables split per body and per document kind, so a reader loads only what
its question needs (the Vem beslutar page loads one body's delegation table when that body is chosen)
and no file grows with the whole region.

Each part is a decisions document in its own right: it validates against rules-decisions.schema.json,
with every table null except its own. A delegation part (`decisions/delegation/<body>.json`) holds
that body's matters, its `by_kind` entry and its retired matters, plus the small shared maps
(`bodies`, `kind_labels`); every other table is one part (`decisions/<table>.json`).
`decisions/index.json` lists the parts with their SHA-256 and size, and names each body.

Merging every part gives back decisions.json's tables exactly (tested): for `delegation` take the
union of `bodies`, `kind_labels`, `by_kind`, `matters` and `retired`; for any other table the one
part that is not null. `merge_parts` is that rule (in Python; site/assets/vem-beslutar.js does the same).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from generators.outputs.rules.common import RulesContext
from generators.outputs.rules.index import digest
from generators.serialize import to_json_bytes

PARTS_DIR = "decisions"
PARTS_INDEX = f"{PARTS_DIR}/index.json"
PARTS_INDEX_SCHEMA = "rules-decisions-index.schema.json"
HEADER_KEYS = ("as_of", "format_version", "source_commit", "tables_version")
SHARED_DELEGATION_KEYS = ("bodies", "kind_labels")
SPLIT_DELEGATION_KEYS = ("by_kind", "matters", "retired")


def _empty(tables: dict[str, Any]) -> dict[str, Any]:
    """The decisions document with every table null (the header kept)."""
    return {key: (value if key in HEADER_KEYS else None) for key, value in tables.items()}


def _delegation_parts(delegation: dict[str, Any], document_bodies: dict[str, str]) -> dict[str, dict[str, Any]]:
    """body → that body's delegation table (with the shared maps)."""
    parts: dict[str, dict[str, Any]] = {}

    def part(body: str) -> dict[str, Any]:
        if body not in parts:
            parts[body] = {**{k: delegation[k] for k in SHARED_DELEGATION_KEYS}, **{k: {} for k in SPLIT_DELEGATION_KEYS}}
        return parts[body]

    for body, kinds in delegation["by_kind"].items():
        part(body)["by_kind"][body] = kinds
    for matter_id, versions in delegation["matters"].items():
        for body in sorted({version["body"] for version in versions}):
            part(body)["matters"][matter_id] = versions
    for matter_id, retired in delegation["retired"].items():
        body = document_bodies.get(retired.get("document"))
        if body is None:
            raise RuntimeError(f"retired matter {matter_id}: no delegationsordning {retired.get('document')!r}")
        part(body)["retired"][matter_id] = retired
    return parts


def document_bodies_of(tables: dict[str, Any]) -> dict[str, str]:
    """Each delegationsordning's body, as the tables themselves tell it (from its matters)."""
    delegation = tables.get("delegation") or {}
    return {v["document"]["id"]: v["body"] for versions in delegation.get("matters", {}).values() for v in versions}


def split_tables(tables: dict[str, Any], document_bodies: dict[str, str]) -> dict[str, bytes]:
    """The parts and their index, by path relative to rules/v1/, from decisions.json's data."""
    return dict(_split(tables, document_bodies))


def _split(tables: dict[str, Any], document_bodies: dict[str, str]) -> Iterator[tuple[str, bytes]]:
    """The parts one by one (so a build writes each and lets it go), then their index."""
    entries: list[dict[str, Any]] = []
    for table, value in sorted(tables.items()):
        if table in HEADER_KEYS or value is None:
            continue
        if table == "delegation":
            for body, part in sorted(_delegation_parts(value, document_bodies).items()):
                path = f"{PARTS_DIR}/delegation/{body}.json"
                data = to_json_bytes({**_empty(tables), "delegation": part})
                entries.append({"path": path, "table": table, "body": body, **digest(data)})
                yield path, data
        else:
            path = f"{PARTS_DIR}/{table}.json"
            data = to_json_bytes({**_empty(tables), table: value})
            entries.append({"path": path, "table": table, "body": None, **digest(data)})
            yield path, data
    delegation = tables.get("delegation") or {}
    yield PARTS_INDEX, to_json_bytes({
        **{key: tables[key] for key in HEADER_KEYS},
        "bodies": {body: name for body, name in sorted((delegation.get("bodies") or {}).items())},
        "parts": sorted(entries, key=lambda e: e["path"]),
    })


def render_parts(ctx: RulesContext, decisions: bytes) -> dict[str, bytes]:
    """The parts and their index from decisions.json's final bytes (every delegationsordning's body from the model)."""
    return dict(iter_parts(ctx, decisions))


def iter_parts(ctx: RulesContext, decisions: bytes) -> Iterator[tuple[str, bytes]]:
    """`render_parts` one file at a time."""
    tables: dict[str, Any] = json.loads(decisions)
    del decisions
    bodies = {**document_bodies_of(tables), **{order.meta.id: order.body for order in ctx.model.delegations}}
    yield from _split(tables, bodies)


def merge_parts(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """The decisions tables from any set of parts (all of them: exactly decisions.json's tables)."""
    merged: dict[str, Any] = {}
    for part in parts:
        for key, value in part.items():
            if key in HEADER_KEYS:
                merged.setdefault(key, value)
            elif value is None:
                merged.setdefault(key, None)
            elif key == "delegation":
                into = merged.get(key) or {k: {} for k in (*SHARED_DELEGATION_KEYS, *SPLIT_DELEGATION_KEYS)}
                for inner in (*SHARED_DELEGATION_KEYS, *SPLIT_DELEGATION_KEYS):
                    into[inner] = {**into[inner], **value[inner]}
                merged[key] = into
            else:
                merged[key] = value
    for key in ("delegation",):
        if isinstance(merged.get(key), dict):
            merged[key] = {inner: dict(sorted(value.items())) for inner, value in merged[key].items()}
    return merged
