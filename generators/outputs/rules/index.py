"""index.json: the manifest, computed from the final bytes of every other published file."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from generators.outputs.opa import BUNDLE_PATH
from generators.outputs.rules.common import RulesContext

INDEX_PATH = "index.json"
INDEX_SCHEMA = "rules-index.schema.json"
COMMON_SCHEMA = "rules-common.schema.json"


def digest(data: bytes) -> dict[str, Any]:
    return {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def build_index(
    ctx: RulesContext,
    files: list[tuple[str, str, list[dict[str, Any]]]],
    published: Mapping[str, bytes],
) -> dict[str, Any]:
    """`files`: (path, schema path, document entries) of each data file; `published`: every path → bytes
    (read one at a time: at region size they are written to disk, see serialize.py)."""
    org = ctx.organisation
    municipality = None if org is None else {"id": org.municipality["id"], "name": org.municipality["name"]}
    return {
        **ctx.header(),
        "municipality": municipality,
        "files": [
            {"path": path, **digest(published[path]), "schema": schema, "documents": documents}
            for path, schema, documents in sorted(files)
        ],
        "decision_parts": None
        if "decisions/index.json" not in published
        else {"path": "decisions/index.json", "schema": "schemas/rules-decisions-index.schema.json", **digest(published["decisions/index.json"])},
        "opa_bundle": None if BUNDLE_PATH not in published else {"path": BUNDLE_PATH, **digest(published[BUNDLE_PATH])},
        "feeds": {
            name: {"path": path, **digest(published[path])}
            for name, path in (("atom", "changes.atom"), ("json", "changes.json")) if path in published
        },
        "schemas": [
            {"path": path, **digest(published[path])} for path in sorted(published) if path.startswith("schemas/")
        ],
    }
