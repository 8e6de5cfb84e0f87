"""openapi.json: an OpenAPI 3.1 description of the static rules API v1 (every file a GET endpoint).

Written from what the build publishes (the manifest, the decision tables' parts, the feeds and the
schemas), so it cannot list a file that does not exist. Each JSON endpoint's response refers to the
file's own published JSON Schema by a relative `$ref` (`schemas/rules-delegation.schema.json`),
resolved against the address of openapi.json itself; the server is the site's rules/v1/ address
when the build knows it, else `.` (relative to where the document was fetched).

HTTP behaviour is the host's: GitHub Pages answers every file with `ETag`, `Last-Modified`,
`Cache-Control: max-age=600` and `Access-Control-Allow-Origin: *`, and honours `If-None-Match` and
`If-Modified-Since` with 304. That is documented here and on the developer page; it cannot be tested
offline, so the tests check only the document.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from generators.outputs.rules.common import RULES_FORMAT_VERSION, RulesContext
from generators.serialize import to_json_bytes

OPENAPI_PATH = "openapi.json"

_CACHING = (
    "Statiska filer på GitHub Pages. Svaret har `ETag` och `Last-Modified`; skicka `If-None-Match` "
    "eller `If-Modified-Since` så blir svaret 304 utan innehåll när filen inte har ändrats. "
    "`Cache-Control: max-age=600` (tio minuter). `Access-Control-Allow-Origin: *`, så filerna kan "
    "hämtas med fetch() från en annan webbplats. Filerna ändras bara när källorna ändras (eller vid "
    "nattbygget när en ny version börjar gälla); SHA-256 i förteckningen visar om innehållet är nytt."
)


def _headers() -> dict[str, Any]:
    return {
        "ETag": {"description": "Filens version hos GitHub Pages (för If-None-Match).", "schema": {"type": "string"}},
        "Last-Modified": {"description": "När filen senast publicerades (för If-Modified-Since).", "schema": {"type": "string"}},
        "Access-Control-Allow-Origin": {"description": "Alltid `*` på GitHub Pages.", "schema": {"type": "string", "const": "*"}},
        "Cache-Control": {"description": "`max-age=600` på GitHub Pages.", "schema": {"type": "string"}},
    }


def _get(summary: str, description: str, media: str, schema: dict[str, Any], operation_id: str) -> dict[str, Any]:
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "description": description,
            "responses": {
                "200": {"description": "Filen.", "headers": _headers(), "content": {media: {"schema": schema}}},
                "304": {"description": "Oförändrad sedan If-None-Match / If-Modified-Since.", "headers": _headers()},
                "404": {"description": "Filen finns inte (till exempel ett organ utan delegationsordning)."},
            },
        }
    }


def _ref(schema_path: str) -> dict[str, Any]:
    return {"$ref": schema_path}


def _operation_id(path: str) -> str:
    return "get_" + "".join(c if c.isalnum() else "_" for c in path.strip("/").removesuffix(".json"))


def render_openapi(ctx: RulesContext, published: Mapping[str, bytes], rules_base: str | None) -> dict[str, bytes]:
    index = json.loads(published["index.json"])
    paths: dict[str, Any] = {
        "/index.json": _get("Förteckningen", "Formatets version, datumet, källans commit och varje fil med SHA-256, storlek, schema och dokumentversioner. Börja här.",
                            "application/json", _ref("schemas/rules-index.schema.json"), "get_index"),
    }
    for entry in index["files"]:
        schema = json.loads(published[entry["schema"]])
        path = f"/{entry['path']}"
        paths[path] = _get(schema.get("title", entry["path"]), schema.get("description", ""), "application/json",
                           _ref(entry["schema"]), _operation_id(entry["path"]))
    if "decisions/index.json" in published:
        paths["/decisions/index.json"] = _get(
            "Beslutstabellernas delar", "Delarna per organ och tabell, med SHA-256 och storlek.", "application/json",
            _ref("schemas/rules-decisions-index.schema.json"), "get_decisions_index")
        parts = json.loads(published["decisions/index.json"])["parts"]
        bodies = sorted(e["body"] for e in parts if e["body"] is not None)
        if bodies:
            operation = _get("Ett organs delegationstabell", "Organets ärenden, by_kind och upphörda ärenden, med de gemensamma tabellerna bodies och kind_labels; alla andra tabeller är null.",
                             "application/json", _ref("schemas/rules-decisions.schema.json"), "get_decisions_delegation_body")
            operation["get"]["parameters"] = [{
                "name": "body", "in": "path", "required": True, "description": "Organets id, som i decisions/index.json.",
                "schema": {"type": "string", "enum": bodies},
            }]
            paths["/decisions/delegation/{body}.json"] = operation
        for entry in parts:
            if entry["body"] is None:
                paths[f"/{entry['path']}"] = _get(f"Beslutstabellen {entry['table']}", "En tabell; alla andra tabeller är null.", "application/json",
                                                  _ref("schemas/rules-decisions.schema.json"), _operation_id(entry["path"]))
    feeds = index.get("feeds") or {}
    if "json" in feeds:
        paths["/changes.json"] = _get("Ändringsflödet (JSON Feed 1.1)", "En post per publicerad dokumentversion; ändrade id:n som data i `_changes`.",
                                      "application/feed+json", {"type": "object", "required": ["version", "title", "items"]}, "get_changes_json")
    if "atom" in feeds:
        paths["/changes.atom"] = _get("Ändringsflödet (Atom)", "Samma poster som changes.json, med ändringarna som text.",
                                      "application/atom+xml", {"type": "string"}, "get_changes_atom")
    bundle = index.get("opa_bundle")
    if bundle:
        paths[f"/{bundle['path']}"] = _get("Beslutstabellerna som OPA-paket",
                                           "Ett paket (bundle) för Open Policy Agent: `opa run --server --bundle bundle.tar.gz`, sedan "
                                           "POST /v1/data/styrdokument/decide/answer med {\"input\": …}.",
                                           "application/gzip", {"type": "string", "format": "binary"}, "get_opa_bundle")
    paths["/schemas/{schema}"] = {
        "get": {
            "operationId": "get_schema",
            "summary": "Ett JSON-schema (draft 2020-12)",
            "description": "Schemats `$id` är dess adress på webbplatsen (relativt filnamn i en bygge utan känd adress).",
            "parameters": [{"name": "schema", "in": "path", "required": True, "description": "Schemats filnamn.",
                            "schema": {"type": "string", "enum": sorted(e["path"].removeprefix("schemas/") for e in index["schemas"])}}],
            "responses": {"200": {"description": "Schemat.", "headers": _headers(), "content": {"application/schema+json": {"schema": {"type": "object"}}}},
                          "404": {"description": "Inget sådant schema."}},
        }
    }
    org = ctx.organisation
    name = org.municipality["name"] if org is not None else "organisationen"
    document = {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": f"Styrdokumentens regler – {name} (JSON-regler, API v1)",
            "version": RULES_FORMAT_VERSION,
            "summary": "Static JSON files: who decides, delegation, travel, whistleblowing, procurement rules, with history and a change feed.",
            "description": "Statiska filer, bara GET. " + _CACHING,
        },
        "servers": [{"url": rules_base or ".", "description": "rules/v1/ på webbplatsen"}],
        "paths": dict(sorted(paths.items())),
    }
    return {OPENAPI_PATH: to_json_bytes(document)}
