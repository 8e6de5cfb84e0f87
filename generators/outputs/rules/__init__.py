"""The JSON rules API: one file per document kind, schemas for each, and a manifest (index.json).

Every file is a view of the checked `Model` and is written only through `generators.serialize.to_json_bytes`
(sorted keys, NFC text, whole numbers as int). The as-of date and the commit come from the caller
(SOURCE_DATE_EPOCH or the commit date, see generators/clock.py), never from the clock, so the same
model gives byte-identical files. Adding a document kind: see `registry.py`.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from generators.model import Model
from generators.outputs.rules.common import RULES_FORMAT_VERSION, RulesContext
from generators.outputs.rules.index import COMMON_SCHEMA, INDEX_PATH, INDEX_SCHEMA, build_index
from generators.outputs.rules.registry import rules_files
from generators.paths import SCHEMAS_DIR
from generators.serialize import to_json_bytes

__all__ = ["RULES_FORMAT_VERSION", "render_rules"]


def _schema_bytes(name: str, folder: Path | None = None) -> bytes:
    return ((folder or SCHEMAS_DIR) / name).read_bytes()


def render_rules(model: Model, as_of: datetime.date, commit: str | None) -> dict[str, bytes]:
    """Every published file under rules/, by path relative to rules/ (e.g. "delegation.json",
    "index.json", "schemas/rules-delegation.schema.json") → its exact bytes."""
    ctx = RulesContext(model, as_of, commit)
    published: dict[str, bytes] = {}
    manifest: list[tuple[str, str, list[dict[str, Any]]]] = []
    for rules_file in rules_files():
        rendered = rules_file.render(ctx)
        if rendered is None:
            continue
        schema_path = f"schemas/{rules_file.schema_name}"
        published[rules_file.path] = to_json_bytes(rendered.data)
        published[schema_path] = _schema_bytes(rules_file.schema_name, rules_file.schema_dir)
        manifest.append((rules_file.path, schema_path, rendered.documents))
    published[f"schemas/{COMMON_SCHEMA}"] = _schema_bytes(COMMON_SCHEMA)
    published[f"schemas/{INDEX_SCHEMA}"] = _schema_bytes(INDEX_SCHEMA)
    published[INDEX_PATH] = to_json_bytes(build_index(ctx, manifest, published))
    return dict(sorted(published.items()))
