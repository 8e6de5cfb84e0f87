"""The page for integrators: the JSON rules API v1 under rules/v1/, its schemas, examples, and promises.

The list of files and what each holds is read from what the build actually publishes (the rules
renderer's output and each file's JSON Schema title and description), so the page cannot drift from
the files; the examples are fixed text, and a test runs the Python example against a built site.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from generators.outputs.site.context import GeneratedPage, SiteContext
from generators.outputs.site.escape import Safe, link
from generators.outputs.site.render import render
from generators.outputs.site.swedish import long_date, number
from generators.outputs.site.tables import Row, table
from generators.paths import RULES_SITE_DIR

SECTION = "För systemutvecklare"
PATH = "for-systemutvecklare/json-regler.md"
INDEX = "index.json"
# The site's address in the examples when the build does not know it (no mkdocs site_url).
EXAMPLE_BASE = "https://styrdokument.example/"


def plan(ctx: SiteContext) -> None:
    if ctx.rules:
        ctx.named_pages["json-regler"] = PATH


def pages(ctx: SiteContext) -> Iterator[GeneratedPage]:
    if not ctx.rules:
        return
    schemas = {path: _json(data) for path, data in ctx.rules.items() if path.startswith("schemas/")}
    index = _json(ctx.rules.get(INDEX, b"{}"))
    rows = []
    files: list[dict[str, Any]] = []
    for entry in index.get("files", []):
        path, schema_path = entry["path"], entry["schema"]
        schema = schemas.get(schema_path, {})
        rows.append(Row([
            _rules_link(ctx, path),
            schema.get("title", ""),
            _rules_link(ctx, schema_path, schema_path.rsplit("/", 1)[-1]),
            f"{number(entry['size'])} byte",
        ]))
        files.append({
            "path": path,
            "title": schema.get("title", path),
            "description": schema.get("description", ""),
            "top_keys": sorted(schema.get("properties", {})),
            "link": _rules_link(ctx, path),
        })
    index_schema = schemas.get("schemas/rules-index.schema.json", {})
    rows.insert(0, Row([
        _rules_link(ctx, INDEX),
        index_schema.get("title", "Förteckning"),
        _rules_link(ctx, "schemas/rules-index.schema.json", "rules-index.schema.json"),
        f"{number(len(ctx.rules[INDEX]))} byte",
    ]))
    example = _example_matter(ctx)
    yield GeneratedPage(
        path=PATH,
        title="JSON-regler för andra system",
        content=render(
            "api.md.j2",
            files_table=table(f"Publicerade filer under {RULES_SITE_DIR}/", ["Fil", "Innehåll", "Schema", "Storlek"], rows),
            files=files,
            format_version=index.get("format_version", ""),
            as_of=long_date(ctx.as_of),
            commit=index.get("source_commit") or "",
            index_link=_rules_link(ctx, INDEX),
            common_link=_rules_link(ctx, "schemas/rules-common.schema.json", "rules-common.schema.json"),
            matter_id=example[0],
            amount=example[1],
            year=ctx.as_of.year,
            day=ctx.as_of.isoformat(),
            has_delegation="delegation.json" in ctx.rules,
            has_organisation="organisation.json" in ctx.rules,
            position_id=_example_position(ctx),
            has_reference="reference.json" in ctx.rules,
            has_decisions="decisions.json" in ctx.rules,
            rules_dir=RULES_SITE_DIR,
            parts_link=_rules_link(ctx, "decisions/index.json"),
            atom_link=_rules_link(ctx, "changes.atom"),
            json_feed_link=_rules_link(ctx, "changes.json"),
            openapi_link=_rules_link(ctx, "openapi.json"),
            example_is_real=bool(ctx.site_url),
            schema_base=f"{ctx.site_url.rstrip('/')}/{RULES_SITE_DIR}/schemas/" if ctx.site_url else None,
            example_base=f"{ctx.site_url.rstrip('/')}/" if ctx.site_url else EXAMPLE_BASE,
        ),
        nav=(SECTION,),
        nav_order=(50,),
        order=(),
    )


def _json(data: bytes) -> dict[str, Any]:
    loaded = json.loads(data)
    return loaded if isinstance(loaded, dict) else {}


def _rules_link(ctx: SiteContext, path: str, label: str | None = None) -> Safe:
    return link(ctx.asset_href(PATH, f"{RULES_SITE_DIR}/{path}"), label or f"{RULES_SITE_DIR}/{path}")


def _example_position(ctx: SiteContext) -> str | None:
    """The position with the longest line of command above it (ties: by id)."""
    org = ctx.model.organisation
    if org is None or not org.positions:
        return None
    return max(sorted(org.positions), key=lambda p: len(org.superiors(p)))


def _example_matter(ctx: SiteContext) -> tuple[str, int]:
    """A real tiered matter in force, and an amount in its middle tier, for the lookup example."""
    for versions in ctx.versions(ctx.model.delegations):
        order = versions.current
        if order is None:
            continue
        for matter in order.matters:
            if len(matter.tiers) >= 2 and matter.tiers[0].up_to is not None:
                limit = ctx.model.reference.to_sek(matter.tiers[0].up_to.amount, matter.tiers[0].up_to.unit, ctx.as_of)
                if limit:
                    return matter.id, int(limit) + 1000
    return "ett-arende-id", 100000

