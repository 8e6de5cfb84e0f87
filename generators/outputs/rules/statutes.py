"""statutes.json: browse by law. For each statute, every document rule and check that cites it,
per chapter and paragraph.

The index is `generators.outputs.citations` (shared with the site's statute pages), over the
document versions the other rules files publish: every adopted version with its validity, ended
ones included, so a consumer can answer "what cited SoL 4 kap. 1 § on 2025-03-01?". A document
without version metadata (the contract register) counts as one current document. Each citation
names its document, version, entity (the matter, the exception …), file and line; each check its
code. A statute's entry says whether it is in force and what replaced it.
"""

from __future__ import annotations

from typing import Any

from generators.loading.documents import SourceDocument
from generators.outputs.citations import DocumentCitation, Group, StatuteCitations, build_index
from generators.outputs.rules.common import RulesContext
from generators.outputs.rules.registry import Rendered, RulesFile


def adopted(document: SourceDocument) -> bool:
    """An adopted version (or a document without version metadata): proposals are never published."""
    meta = document.data.get("document") if isinstance(document.data, dict) else None
    return not isinstance(meta, dict) or meta.get("status") == "antagen"


def _document(citation: DocumentCitation) -> dict[str, Any]:
    return {
        "kind": citation.document.kind,
        "document_id": citation.document_id,
        "title": citation.document_title,
        "version": citation.version,
        "valid_from": citation.valid_from,
        "valid_to": citation.valid_to,
        "entity_id": citation.entity_id,
        "entity": citation.entity_label,
        "transitional": citation.transitional,
        "file": citation.file,
        "line": citation.line,
    }


def _group(group: Group) -> dict[str, Any]:
    return {
        "chapter": group.chapter,
        "section": group.section,
        "label": group.where or None,
        "documents": [_document(c) for c in group.documents],
        "checks": [{"code": c.code, "summary": c.rule.rule.summary} for c in group.checks],
    }


def _statute(ctx: RulesContext, entry: StatuteCitations) -> dict[str, Any]:
    statute = entry.statute
    return {
        "sfs": entry.sfs,
        "in_register": statute is not None,
        "short": statute.short if statute else None,
        "name": entry.name,
        "url": statute.url if statute else None,
        "valid_from": statute.valid_from if statute else None,
        "valid_to": statute.valid_to if statute else None,
        "in_force_on_as_of": statute is not None and not statute.repealed_on(ctx.as_of)
                             and (statute.valid_from is None or statute.valid_from <= ctx.as_of),
        "replaced_by": statute.replaced_by if statute else None,
        "citations": entry.count,
        "groups": [_group(g) for g in entry.groups],
    }


def render(ctx: RulesContext) -> Rendered | None:
    index = build_index(ctx.model, adopted)
    if not index:
        return None
    return Rendered({**ctx.header(), "statutes": [_statute(ctx, entry) for entry in index]})


RULES_FILE = RulesFile(name="statutes", render=render)
