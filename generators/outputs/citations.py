"""Browse by law: every place that cites each statute, per chapter and paragraph.

One index, two views: the site's statute pages (`outputs/site/pages/statutes.py`) and the JSON
statute index (`outputs/rules/statutes.py`). It holds

- every legal reference in the documents, found through each document's schema (wherever it puts
  `common.schema.json#/$defs/legal_reference`: a delegation row's `legal_basis`, a travel approval's
  `regulation`, a whistleblowing confidentiality rule …), so a new document kind is indexed without
  an edit here. Each is attributed to the nearest entity around it that has an `id` (the matter, the
  exception, the ground); a reference on the document itself belongs to the document;
- every statute a check's documentation names (`generators.checks.statutes`).

Citations are grouped per statute (every statute in the register, and any cited SFS number the
register lacks, which D414/X820 warn about), then per chapter and paragraphs as written (6 kap.
28–32 §§ is one group, beside 6 kap. 30 § if that is cited too), ordered by chapter and first
paragraph. Everything is sorted, so the views are deterministic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from generators.checks.crossdoc.common import nodes_of
from generators.checks.rule import RegisteredRule
from generators.checks.statutes import rule_statutes
from generators.diagnostics import JsonPath
from generators.loading.documents import SourceDocument, schema_store
from generators.model import Model, sections
from generators.model.common import where
from generators.model.reference import Statute


@dataclass(frozen=True, slots=True)
class DocumentCitation:
    """A legal reference in a document: which document version, which entity in it, where in the file."""

    document: SourceDocument
    document_id: str
    document_title: str
    version: str | None
    valid_from: date | None
    valid_to: date | None
    path: JsonPath  # of the legal reference
    entity_path: JsonPath | None  # of the entity it belongs to (None: the document itself)
    entity_id: str | None
    entity_label: str | None
    transitional: str | None

    @property
    def file(self) -> str:
        return self.document.file

    @property
    def line(self) -> int:
        return self.document.location(self.path).line

    def sort_key(self) -> tuple[Any, ...]:
        return (self.document_title, self.document_id, self.valid_from or date.min, self.path_key())

    def path_key(self) -> tuple[str, ...]:
        # Numbers and keys in one path: indices sort as numbers (2 before 10).
        return tuple(f"{step:08d}" if isinstance(step, int) else step for step in self.path)


@dataclass(frozen=True, slots=True)
class CheckCitation:
    rule: RegisteredRule

    @property
    def code(self) -> str:
        return self.rule.rule.code


@dataclass
class Group:
    """One chapter-and-paragraphs of a statute and who cites it."""

    chapter: str | None
    section: str | None
    documents: list[DocumentCitation] = field(default_factory=list)
    checks: list[CheckCitation] = field(default_factory=list)

    @property
    def where(self) -> str:
        """"6 kap. 38 §", "6 kap. 28–32 §§", "6 kap."; empty for the statute as a whole."""
        return where(self.chapter, self.section)

    def sort_key(self) -> tuple[Any, ...]:
        chapter = sections.paragraph(self.chapter) if self.chapter else None
        chapter_key = (0, 0, "", "") if self.chapter is None else (1, chapter.number, chapter.letter, "") if chapter else (2, 0, "", self.chapter)
        return (chapter_key, sections.sort_key(self.section))


@dataclass
class StatuteCitations:
    sfs: str
    statute: Statute | None  # None: cited, but not in the statute register
    groups: list[Group]

    @property
    def name(self) -> str:
        return self.statute.name if self.statute is not None else f"SFS {self.sfs}"

    @property
    def count(self) -> int:
        return sum(len(g.documents) + len(g.checks) for g in self.groups)


def _normalised(section: str | None) -> str | None:
    """One key per set of paragraphs however written: "1-3" and "1 – 3" are "1–3"."""
    spans = sections.spans_or_none(section)
    return section if spans is None else ", ".join(str(span) for span in spans)


def _entity(data: Any, path: JsonPath) -> tuple[JsonPath | None, dict[str, Any] | None]:
    """The nearest mapping with an `id` that contains `path` (the document root excluded)."""
    nodes: list[tuple[JsonPath, Any]] = []
    node = data
    for index, step in enumerate(path):
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        nodes.append((path[: index + 1], node))
    for entity_path, candidate in reversed(nodes[:-1]):
        if isinstance(candidate, dict) and isinstance(candidate.get("id"), str):
            return entity_path, candidate
    return None, None


def _entity_label(document: SourceDocument, path: JsonPath, entity: dict[str, Any]) -> str:
    """The entity's own name ("3.4 Upphandling …", "Synnerlig brådska"), else what its schema calls
    it ("Sekretess", "Arkivering av allmänna handlingar"), else its id."""
    number, title = entity.get("number"), entity.get("title")
    if isinstance(number, str) and isinstance(title, str):
        return f"{number} {title}"
    for key in ("title", "name", "heading"):
        if isinstance(entity.get(key), str):
            return str(entity[key])
    return _schema_title(document, path) or str(entity["id"])


def _schema_title(document: SourceDocument, path: JsonPath) -> str | None:
    """The deepest schema `title` along `path` in the document's schema (following $ref and the
    combinators, as `nodes_of` does)."""
    store, _ = schema_store()
    schema = store.by_name[document.schema]
    candidates = [(schema, str(schema["$id"]))]
    found: str | None = None
    for step in path:
        following = []
        for node, base in candidates:
            for sub, sub_base in store.subschemas(node, base):
                child = sub.get("items") if isinstance(step, int) else sub.get("properties", {}).get(step)
                if isinstance(child, dict):
                    following.append((child, sub_base))
        candidates = following
        titles = [str(sub["title"]) for node, base in candidates for sub, _ in store.subschemas(node, base) if sub.get("title")]
        found = titles[0] if titles else found
    return found


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def document_citations(document: SourceDocument) -> Iterable[tuple[dict[str, Any], DocumentCitation]]:
    """Every legal reference in a document that cites a statute by SFS number, with its place."""
    data = document.data if isinstance(document.data, dict) else {}
    raw_meta = data.get("document")
    meta: dict[str, Any] = raw_meta if isinstance(raw_meta, dict) else {}
    document_id = str(meta.get("id") or data.get("id") or document.file)
    title = str(meta.get("title") or data.get("title") or document.file)
    for value, source in nodes_of(document, "legal_reference"):
        if not isinstance(value, dict) or not isinstance(value.get("sfs"), str):
            continue
        entity_path, entity = _entity(data, source.path)
        yield value, DocumentCitation(
            document, document_id, title, meta.get("version"), _date(meta.get("valid_from")), _date(meta.get("valid_to")),
            source.path, entity_path, entity.get("id") if entity else None,
            _entity_label(document, entity_path, entity) if entity and entity_path else None,
            value.get("transitional") if isinstance(value.get("transitional"), str) else None,
        )


def build_index(model: Model, include: Callable[[SourceDocument], bool], rules: Iterable[RegisteredRule] | None = None) -> list[StatuteCitations]:
    """The citations per statute, from the documents `include` accepts and every active check.

    Every statute in the register has an entry (cited or not), in SFS order (year, then number)."""
    statutes = model.reference.statutes
    groups: dict[str, dict[tuple[str | None, str | None], Group]] = {sfs: {} for sfs in statutes}

    def group(sfs: str, chapter: str | None, section: str | None) -> Group:
        key = (chapter, _normalised(section))
        return groups.setdefault(sfs, {}).setdefault(key, Group(*key))

    for document in sorted(model.documents, key=lambda d: d.file):
        if not include(document):
            continue
        for value, citation in document_citations(document):
            chapter = value.get("chapter") if isinstance(value.get("chapter"), str) else None
            section = value.get("section") if isinstance(value.get("section"), str) else None
            group(value["sfs"], chapter, section).documents.append(citation)
    for found in rule_statutes(statutes, rules):
        for cited in found.citations:
            group(cited.sfs, cited.chapter, cited.section).checks.append(CheckCitation(found.rule))

    result = []
    for sfs in sorted(groups, key=sfs_key):
        ordered = sorted(groups[sfs].values(), key=Group.sort_key)
        for item in ordered:
            item.documents.sort(key=DocumentCitation.sort_key)
            item.checks = sorted({c.code: c for c in item.checks}.values(), key=lambda c: c.code)
        result.append(StatuteCitations(sfs, statutes.get(sfs), ordered))
    return result


def sfs_key(sfs: str) -> tuple[int, int, str]:
    """SFS numbers in the statute book's order: 2017:30 before 2017:725."""
    year, _, number = sfs.partition(":")
    return (int(year), int(number), sfs) if year.isdigit() and number.isdigit() else (0, 0, sfs)


def slug(sfs: str) -> str:
    """A statute's page and key: 2017:725 → 2017-725."""
    return sfs.replace(":", "-")
