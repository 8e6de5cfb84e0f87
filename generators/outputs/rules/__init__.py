"""The JSON rules API v1: one file per document kind, schemas for each, and a manifest (index.json),
published under `rules/v1/` on the site (`generators.paths.RULES_SITE_DIR`).

Every file is a view of the checked `Model` and is written only through `generators.serialize.to_json_bytes`
(sorted keys, NFC text, whole numbers as int). The as-of date and the commit come from the caller
(SOURCE_DATE_EPOCH or the commit date, see generators/clock.py), never from the clock, so the same
model gives byte-identical files. Adding a document kind: see `registry.py`.

Schema identifiers. In the repository a rules schema's `$id` is `SCHEMA_ID_BASE` + its file name (a
name, not an address). On publishing it becomes the schema's own address on the site: the site's
base URL (mkdocs `site_url`, set from the `SITE_URL` environment variable by the publish workflow)
+ `rules/v1/schemas/<name>`. Without a base URL (a local or preview build) the published `$id` is the
bare file name, a relative reference that JSON Schema resolves against the address the schema was
fetched from, so it names the same file wherever the site is served. The schemas refer to each other
by relative `$ref`s (`rules-common.schema.json#/$defs/...`), which resolve either way.
"""

from __future__ import annotations

import datetime
import tempfile
from pathlib import Path
from typing import Any

from generators.model import Model
from generators.outputs.opa import render_bundle
from generators.outputs.rules.common import RULES_FORMAT_VERSION, RulesContext
from generators.outputs.rules.decision_parts import PARTS_INDEX_SCHEMA, iter_parts
from generators.outputs.rules.feed import render_feeds
from generators.outputs.rules.index import COMMON_SCHEMA, INDEX_PATH, INDEX_SCHEMA, build_index
from generators.outputs.rules.openapi import render_openapi
from generators.outputs.rules.registry import SCHEMA_ID_BASE, rules_files
from generators.outputs.rules.serialize import PublishedFolder
from generators.paths import RULES_SITE_DIR, SCHEMAS_DIR

__all__ = ["RULES_FORMAT_VERSION", "RULES_SITE_DIR", "PublishedFolder", "render_rules", "schema_id", "write_rules"]


def schema_id(name: str, base_url: str | None) -> str:
    """The published `$id` of the schema file `name` (see the module docstring)."""
    if not base_url:
        return name
    return f"{base_url.rstrip('/')}/{RULES_SITE_DIR}/schemas/{name}"


def _schema_bytes(name: str, base_url: str | None, folder: Path | None = None) -> bytes:
    """The repository schema with its `$id` replaced by the published one; nothing else changes."""
    data = ((folder or SCHEMAS_DIR) / name).read_bytes()
    source = f'"$id": "{SCHEMA_ID_BASE}{name}"'.encode()
    if data.count(source) != 1:
        raise RuntimeError(f"{name}: the schema's $id is not {SCHEMA_ID_BASE}{name}")
    return data.replace(source, f'"$id": "{schema_id(name, base_url)}"'.encode())


def render_rules(model: Model, as_of: datetime.date, commit: str | None, base_url: str | None = None) -> dict[str, bytes]:
    """Every published file under rules/v1/, by path relative to it (e.g. "delegation.json",
    "index.json", "schemas/rules-delegation.schema.json", "opa/bundle.tar.gz") → its exact bytes. `base_url`: the site's
    address (mkdocs `site_url`), for the schemas' `$id`s; None gives relative ones. In memory, for
    readers of a few files (tests, `decide`'s tables); a build writes them with `write_rules`."""
    with tempfile.TemporaryDirectory(prefix="styrdokument-regler-") as folder:
        published = write_rules(model, as_of, commit, Path(folder), base_url)
        return {path: published[path] for path in published}


def write_rules(model: Model, as_of: datetime.date, commit: str | None, folder: Path, base_url: str | None = None) -> PublishedFolder:
    """`render_rules`'s files written into `folder` one at a time, each as it is made and none kept
    in memory (see serialize.py); the same bytes."""
    ctx = RulesContext(model, as_of, commit)
    published = PublishedFolder(folder)
    manifest: list[tuple[str, str, list[dict[str, Any]]]] = []
    for rules_file in rules_files():
        rendered = rules_file.render(ctx)
        if rendered is None:
            continue
        schema_path = f"schemas/{rules_file.schema_name}"
        published.write_json(rules_file.path, rendered.data)
        published.write_bytes(schema_path, _schema_bytes(rules_file.schema_name, base_url, rules_file.schema_dir))
        manifest.append((rules_file.path, schema_path, rendered.documents))
        del rendered  # the file is on disk: its data need not outlive it
    if "decisions.json" in published:
        for path, data in iter_parts(ctx, published["decisions.json"]):
            published.write_bytes(path, data)
        published.write_bytes(f"schemas/{PARTS_INDEX_SCHEMA}", _schema_bytes(PARTS_INDEX_SCHEMA, base_url))
    rules_base = f"{base_url.rstrip('/')}/{RULES_SITE_DIR}/" if base_url else None
    for path, data in render_feeds(ctx, published, rules_base).items():
        published.write_bytes(path, data)
    # The decision tables again, as an OPA bundle (generators/outputs/opa/), listed in index.json.
    if "decisions.json" in published:
        for path, data in render_bundle(published["decisions.json"]).items():
            published.write_bytes(path, data)
    published.write_bytes(f"schemas/{COMMON_SCHEMA}", _schema_bytes(COMMON_SCHEMA, base_url))
    published.write_bytes(f"schemas/{INDEX_SCHEMA}", _schema_bytes(INDEX_SCHEMA, base_url))
    published.write_json(INDEX_PATH, build_index(ctx, manifest, published))
    # The OpenAPI description covers index.json too, so it is written last and not listed in it.
    for path, data in render_openapi(ctx, published, rules_base).items():
        published.write_bytes(path, data)
    return published
