"""The change feed: changes.atom (Atom 1.0) and changes.json (JSON Feed 1.1) under rules/v1/.

One entry per published document version (every adopted version, ended ones included), dated by its
adoption (`adopted_by.date`, else `valid_from`). Each entry holds the semantic difference from the
version it replaces (`supersedes`, else the previous version of the same document): the ids added,
changed (with the fields that changed), retired (in `retired_matters`, retired on or before the new
version takes effect), deprecated (in `retired_matters`, retired later: still valid until then) and
removed (gone without being marked retired: never a matter, check X830 stops that before publishing,
but e.g. a year's vidaredelegationer replaced by the next year's). A document's
first version lists every id as added.

The difference is taken on the published rules themselves (the files this build writes), so the
feed says what changed for a consumer of these files. Ids are `<collection>/<id>` for entities with
an id (`matters/ks-upphandling-tilldelning`) and `<key>` for a section without ids (`zones`).

Deterministic and independent of the build date: the feed is a function of the published documents
only; values that depend on the as-of date (`in_force_on_as_of`, `review_overdue`, kronor per year)
are left out of the comparison and the feed never states the as-of date. Identical sources give
byte-identical feeds. The machine-readable changes are in JSON Feed's extension `_changes` of each
item; the Atom entries carry the same lists as text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from generators.outputs.rules.common import RulesContext
from generators.serialize import normalise, to_json_bytes

ATOM_PATH = "changes.atom"
JSON_FEED_PATH = "changes.json"
# Values that depend on the build date, never compared.
DATE_DEPENDENT = {"in_force_on_as_of", "review_overdue", "sek_by_year"}
CHANGE_KINDS = ("added", "changed", "retired", "deprecated", "removed")


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in DATE_DEPENDENT}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def _versions(files: dict[str, Any]) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(file, document metadata, content without metadata) of every document version in the files."""
    found = []
    for path, data in sorted(files.items()):
        if not isinstance(data, dict):
            continue
        for _key, value in sorted(data.items()):
            if not isinstance(value, list):
                continue
            for item in value:
                if isinstance(item, dict) and isinstance(item.get("document"), dict) and "version" in item["document"]:
                    content = {k: v for k, v in item.items() if k != "document"}
                    found.append((path, item["document"], _strip(content)))
    return found


def _entities(content: dict[str, Any]) -> dict[str, Any]:
    """`collection/id` → entity for lists of objects with ids; `key` → value for everything else."""
    out: dict[str, Any] = {}
    for key, value in sorted(content.items()):
        if isinstance(value, list) and value and all(isinstance(v, dict) and isinstance(v.get("id"), str) for v in value):
            for entity in value:
                out[f"{key}/{entity['id']}"] = entity
        else:
            out[key] = value
    return out


def _changed_fields(before: Any, after: Any) -> list[str]:
    if isinstance(before, dict) and isinstance(after, dict):
        return sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    return []


def _retired(tables: dict[str, Any], meta: dict[str, Any]) -> tuple[list[str], list[str]]:
    delegation = (tables or {}).get("delegation") or {}
    retired: list[str] = []
    deprecated: list[str] = []
    for matter_id, gone in sorted((delegation.get("retired") or {}).items()):
        if gone.get("document") == meta["id"] and gone.get("version") == meta["version"]:
            (retired if gone["retired_on"] <= meta["valid_from"] else deprecated).append(f"matters/{matter_id}")
    return retired, deprecated


def feed_items(files: dict[str, Any]) -> list[dict[str, Any]]:
    """The entries, newest first (by date, then document id and version)."""
    versions = _versions({p: d for p, d in files.items() if p != "decisions.json" and "/" not in p})
    by_document: dict[str, list[tuple[str, dict[str, Any], dict[str, Any]]]] = {}
    for version in versions:
        by_document.setdefault(version[1]["id"], []).append(version)
    items = []
    for document_id, chain in sorted(by_document.items()):
        chain.sort(key=lambda v: (v[1]["valid_from"], v[1]["version"]))
        for position, (path, meta, content) in enumerate(chain):
            previous = next((v for v in chain if v[1]["version"] == meta.get("supersedes")), None)
            if previous is None and position > 0:
                previous = chain[position - 1]
            new = _entities(content)
            old = _entities(previous[2]) if previous is not None else {}
            retired, deprecated = _retired(files.get("decisions.json") or {}, meta)
            removed = sorted(k for k in old if k not in new and k not in retired and k not in deprecated)
            changes = {
                "added": sorted(k for k in new if k not in old),
                "changed": [{"id": k, "fields": _changed_fields(old[k], new[k])} for k in sorted(new) if k in old and old[k] != new[k]],
                "retired": retired,
                "deprecated": deprecated,
                "removed": removed,
            }
            adopted = meta.get("adopted_by") or {}
            items.append({
                "id": f"{document_id}/{meta['version']}",
                "date": adopted.get("date") or meta["valid_from"],
                "file": path,
                "document": {**{k: meta.get(k) for k in ("id", "version", "supersedes", "valid_from", "valid_to")},
                             "kind": meta.get("kind") or path.removesuffix(".json"), "title": meta.get("title") or document_id},
                "replaces": previous[1]["version"] if previous is not None else None,
                "changes": changes,
            })
    items.sort(key=lambda i: (i["date"], i["id"]), reverse=True)
    return items


def _summary(item: dict[str, Any]) -> str:
    doc = item["document"]
    lines = [f"{doc['title']}, version {doc['version']}, gäller från {doc['valid_from']}"
             + (f" till {doc['valid_to']}" if doc["valid_to"] else "") + "."]
    lines.append(f"Jämförd med version {item['replaces']}." if item["replaces"] else "Första publicerade versionen.")
    labels = {"added": "Nya", "changed": "Ändrade", "retired": "Upphörda", "deprecated": "Upphör senare", "removed": "Borttagna utan att markeras som upphörda"}
    for kind in CHANGE_KINDS:
        ids = [c["id"] + " (" + ", ".join(c["fields"]) + ")" if isinstance(c, dict) else c for c in item["changes"][kind]]
        if ids:
            lines.append(f"{labels[kind]}: {', '.join(ids)}.")
    return "\n".join(lines)


def _address(base: str | None, path: str) -> str:
    return f"{base}{path}" if base else path


def _feed_sources(published: Mapping[str, bytes]) -> dict[str, Any]:
    """What `feed_items` reads of the published files, loaded one file at a time: the documents'
    files at the top of rules/v1/, and of decisions.json only its retired matters (the whole
    tables are the largest file of a region's build and the feed needs one table of them)."""
    files: dict[str, Any] = {}
    for path in sorted(published):
        if not path.endswith(".json") or "/" in path:
            continue
        data = json.loads(published[path])
        if path == "decisions.json":
            delegation = data.get("delegation") if isinstance(data, dict) else None
            data = {"delegation": {"retired": delegation.get("retired")}} if isinstance(delegation, dict) else {}
        files[path] = data
    return files


def render_feeds(ctx: RulesContext, published: Mapping[str, bytes], rules_base: str | None) -> dict[str, bytes]:
    """changes.atom and changes.json from the published files' bytes. `rules_base`: the absolute
    address of rules/v1/ (with a trailing slash) when the site's address is known."""
    items = feed_items(_feed_sources(published))
    org = ctx.organisation
    name = org.municipality["name"] if org is not None else "Organisationen"
    key = org.municipality["id"] if org is not None else "kommun"
    title = f"Ändringar i styrdokumenten – {name}"
    updated = max((i["date"] for i in items), default="1970-01-01")
    json_feed: dict[str, Any] = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "description": "Varje publicerad version av ett styrdokument i JSON-reglerna (API v1), med id:n som lagts till, ändrats, upphört eller ska upphöra.",
        "language": "sv",
        "items": [
            {
                "id": f"urn:styrdokument:{key}:{item['id']}",
                "title": f"{item['document']['title']}, version {item['document']['version']}",
                "content_text": _summary(item),
                "date_published": f"{item['date']}T00:00:00Z",
                "url": _address(rules_base, item["file"]),
                "tags": [item["document"]["kind"]],
                "_changes": item,
            }
            for item in items
        ],
    }
    if rules_base:
        json_feed["feed_url"] = f"{rules_base}{JSON_FEED_PATH}"
        json_feed["home_page_url"] = rules_base
    atom = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">',
        f"  <id>urn:styrdokument:{escape(key)}:changes</id>",
        f"  <title>{escape(title)}</title>",
        f"  <updated>{updated}T00:00:00Z</updated>",
        f"  <author><name>{escape(name)}</name></author>",
    ]
    if rules_base:
        atom.append(f'  <link rel="self" type="application/atom+xml" href={quoteattr(rules_base + ATOM_PATH)}/>')
    atom.append(f'  <link rel="alternate" type="application/feed+json" href={quoteattr(_address(rules_base, JSON_FEED_PATH))}/>')
    for item in items:
        atom += [
            "  <entry>",
            f"    <id>urn:styrdokument:{escape(key)}:{escape(item['id'])}</id>",
            f"    <title>{escape(item['document']['title'] + ', version ' + item['document']['version'])}</title>",
            f"    <updated>{item['date']}T00:00:00Z</updated>",
            f'    <link rel="alternate" type="application/json" href={quoteattr(_address(rules_base, item["file"]))}/>',
            f'    <category term={quoteattr(item["document"]["kind"])}/>',
            f"    <summary type=\"text\">{escape(_summary(item))}</summary>",
            "  </entry>",
        ]
    atom.append("</feed>")
    text = "\n".join(atom) + "\n"
    return {ATOM_PATH: normalise(text).encode("utf-8"), JSON_FEED_PATH: to_json_bytes(json_feed)}
