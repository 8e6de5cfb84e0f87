"""Compare two models: which documents, versions and entities were added, removed or changed.

Documents are matched by `document.id` and version, never by file name, so a file that was renamed
or moved is the same document (its file shows as changed metadata). A new version of a document
(say styrelsen.2027.yaml beside styrelsen.yaml) is compared with the version it replaces,
so the reviewer sees what the new version changes. Entities inside a document are matched by id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any

from generators.diff import entities as E
from generators.diff.entities import Entity, Facet, Side
from generators.kinds import kinds
from generators.kinds.spec import resolve
from generators.model import Model
from generators.model.common import DocumentMeta, SourceRef

ADDED = "Tillagt"
REMOVED = "Borttaget"
ORDER = [ADDED, REMOVED, E.DELEGATE, E.AMOUNT, E.MATTER, E.PROVISIONS, E.FURTHER, E.CELL, E.ZONE, E.TRAVEL_RULE, E.ROUTE,
         E.FUNCTION, E.BAND, E.BAND_DECISION, E.SIGNING, E.REGIME, E.VALUES, E.CONTENT, E.ORGANISATION, E.METADATA]


@dataclass
class Item:
    title: str
    lines: list[str] = field(default_factory=list)


@dataclass
class Part:
    """One document (or reference series) in the report."""

    heading: str
    file: str | None
    note: str | None = None
    sections: dict[str, list[Item]] = field(default_factory=dict)

    def add(self, section: str, item: Item) -> None:
        self.sections.setdefault(section, []).append(item)

    @property
    def count(self) -> int:
        return sum(len(items) for items in self.sections.values())

    def ordered(self) -> list[tuple[str, list[Item]]]:
        return sorted(self.sections.items(), key=lambda kv: ORDER.index(kv[0]) if kv[0] in ORDER else len(ORDER))


def _facet_line(old: Facet | None, new: Facet | None) -> str:
    label = (new or old).label  # type: ignore[union-attr]
    if old is None:
        return f"{label}: {new.text} (nytt)"  # type: ignore[union-attr]
    if new is None:
        return f"{label}: {old.text} (borttaget)"
    if old.amount is not None and new.amount is not None:
        (old_amount, old_sek), (new_amount, new_sek) = old.amount, new.amount
        if old_sek is not None and new_sek is not None and old_sek != new_sek:
            return f"{label} {'höjd' if new_sek > old_sek else 'sänkt'}: {old.text} → {new.text}"
        if old_amount.unit == new_amount.unit and old_amount.amount != new_amount.amount:
            return f"{label} {'höjd' if new_amount.amount > old_amount.amount else 'sänkt'}: {old.text} → {new.text}"
    if old.amount is None and new.amount is not None and old.key is None:
        return f"{label} införd: {new.text}"
    if new.amount is None and old.amount is not None and new.key is None:
        return f"{label} borttagen (var {old.text})"
    return f"{label}: {old.text} → {new.text}"


def _added_lines(entity: Entity) -> list[str]:
    shown = {E.DELEGATE, E.AMOUNT, E.CELL, E.ROUTE, E.BAND, E.BAND_DECISION, E.SIGNING, E.VALUES}
    return [f"{f.label}: {f.text}" for f in entity.facets
            if f.category in shown and f.key not in (None, "", (), ("open",))]


def compare_entities(part: Part, old: dict[str, Entity], new: dict[str, Entity], removed_note: Callable[[str, Entity], str | None]) -> None:
    for key, entity in new.items():
        if key not in old:
            part.add(ADDED, Item(entity.title, _added_lines(entity)))
    for key, entity in old.items():
        if key not in new:
            note = removed_note(key, entity)
            part.add(REMOVED, Item(entity.title, [note] if note else []))
    for key, after in new.items():
        before = old.get(key)
        if before is None:
            continue
        old_facets = {f.label: f for f in before.facets}
        new_facets = {f.label: f for f in after.facets}
        by_category: dict[str, list[str]] = {}
        for label in [*old_facets, *[label for label in new_facets if label not in old_facets]]:
            a, b = old_facets.get(label), new_facets.get(label)
            if (a.key if a else None) == (b.key if b else None):
                continue
            category = (b or a).category  # type: ignore[union-attr]
            by_category.setdefault(category, []).append(_facet_line(a, b))
        for category, lines in by_category.items():
            part.add(category, Item(after.title, lines))


# -- documents ------------------------------------------------------------------------------------
@dataclass
class Doc:
    meta: DocumentMeta
    entities: Callable[[Side], dict[str, Entity]]


def _entities_of(make: Callable[[Side, Any], dict[str, Entity]], document: Any, side: Side) -> dict[str, Entity]:
    return make(side, document)


def documents(model: Model) -> dict[str, list[Doc]]:
    """document id → its versions, each with how to see it as entities."""
    found: dict[str, list[Doc]] = {}

    def add(meta: DocumentMeta, make: Callable[[Side], dict[str, Entity]]) -> None:
        found.setdefault(meta.id, []).append(Doc(meta, make))

    plain = set()
    for kind in kinds():  # each kind that names its diff entities (`Kind.diff`), in registration order
        if kind.diff is None:
            plain.add(kind.name)
            continue
        make = resolve(kind.diff)
        data = model.of(kind.name)
        for document in data if isinstance(data, list) else [] if data is None else [data]:
            add(document.meta, partial(_entities_of, make, document))
    # The other kinds' documents with `document:` metadata are compared by their content as written.
    for source in model.documents:
        raw = source.data
        if source.kind in plain and isinstance(raw, dict) and isinstance(raw.get("document"), dict):
            meta = DocumentMeta.parse(raw["document"], SourceRef(source, ("document",)))
            add(meta, partial(_entities_of, E.content_entities, source))
    for versions in found.values():
        versions.sort(key=lambda d: (d.meta.valid_from, d.meta.version))
    return found


def _pair(old: list[Doc], new: list[Doc]) -> tuple[list[tuple[Doc | None, Doc, str | None]], list[Doc]]:
    """Match versions: same version; else a new version against the one it supersedes (or an
    unmatched old version, or the latest old one). Returns (pairs with a note, old versions left)."""
    pairs: list[tuple[Doc | None, Doc, str | None]] = []
    left_old = list(old)
    unmatched_new = []
    for doc in new:
        same = next((o for o in left_old if o.meta.version == doc.meta.version), None)
        if same is not None:
            left_old.remove(same)
            pairs.append((same, doc, None))
        else:
            unmatched_new.append(doc)
    for doc in unmatched_new:
        superseded = next((o for o in old if o.meta.version == doc.meta.supersedes), None)
        if superseded is not None and superseded not in left_old:
            pairs.append((superseded, doc, f"Ny version {doc.meta.version}, jämförd med version {superseded.meta.version} som den ersätter."))
            continue
        base = superseded or (left_old[-1] if left_old else (old[-1] if old else None))
        if base is None:
            pairs.append((None, doc, "Nytt dokument."))
            continue
        if base in left_old:
            left_old.remove(base)
            pairs.append((base, doc, f"Versionen har bytts från {base.meta.version} till {doc.meta.version}."))
        else:
            pairs.append((base, doc, f"Ny version {doc.meta.version}, jämförd med version {base.meta.version}."))
    return pairs, left_old


def _heading(meta: DocumentMeta) -> str:
    return f"{meta.title} ({meta.id}), version {meta.version}"


def _removed_note(new_entities: dict[str, Entity]) -> Callable[[str, Entity], str | None]:
    def note(key: str, entity: Entity) -> str | None:
        if not key.startswith("matter:"):
            return None
        retired = new_entities.get(f"retired:{entity.id}")
        if retired is not None:
            when = next((f.text for f in retired.facets if f.label == "Upphörde"), "?")
            return f"Markerat som upphört från {when} (retired_matters)."
        return ("Inte markerat som upphört: id:t har publicerats och andra system slutar hitta ärendet. "
                "Lägg till det under retired_matters (kontrollen X830).")
    return note


def compare_documents(old_model: Model, new_model: Model, day: date) -> list[Part]:
    old_side, new_side = Side(old_model, day), Side(new_model, day)
    old_docs, new_docs = documents(old_model), documents(new_model)
    parts: list[Part] = []
    for doc_id in sorted(set(old_docs) | set(new_docs)):
        olds, news = old_docs.get(doc_id, []), new_docs.get(doc_id, [])
        pairs, gone = _pair(olds, news)
        for before, after, note in pairs:
            part = Part(_heading(after.meta), after.meta.source.file, note)
            new_entities = after.entities(new_side)
            if before is None:  # a new document: what it holds, without every detail
                for entity in new_entities.values():
                    part.add(ADDED, Item(entity.title))
            else:
                old_entities = before.entities(old_side)
                compare_entities(part, old_entities, new_entities, _removed_note(new_entities))
                old_meta, new_meta = E.metadata(old_side, before.meta), E.metadata(new_side, after.meta)
                compare_entities(part, {"m": old_meta}, {"m": new_meta}, lambda *_: None)
            if part.sections or note:
                parts.append(part)
        for before in gone:
            part = Part(_heading(before.meta), before.meta.source.file, "Versionen har tagits bort.")
            part.add(REMOVED, Item(f"Dokumentversion {before.meta.version} ({before.meta.source.file})",
                                   ["Behåll en version som har upphört med status: upphavd i stället för att ta bort filen, så att beslutsunderlaget finns kvar."]))
            parts.append(part)
    return parts


def compare_reference(old_model: Model, new_model: Model, day: date) -> list[Part]:
    old_side, new_side = Side(old_model, day), Side(new_model, day)
    parts = []
    old_series, new_series = old_model.reference.series, new_model.reference.series
    for series_id in sorted(set(old_series) | set(new_series)):
        before, after = old_series.get(series_id), new_series.get(series_id)
        shown = after or before
        assert shown is not None
        part = Part(f"Referensdata: {shown.title} ({series_id})", shown.source.file)
        if before is None:
            part.note = "Ny referensserie."
        elif after is None:
            part.note = "Referensserien har tagits bort."
            part.add(REMOVED, Item(f"Referensserien {series_id}", []))
        compare_entities(part, E.series_entities(old_side, before) if before else {}, E.series_entities(new_side, after) if after else {},
                         lambda *_: None)
        if part.sections:
            parts.append(part)
    return parts


@dataclass
class Comparison:
    parts: list[Part]

    @property
    def count(self) -> int:
        return sum(p.count for p in self.parts)


def compare(old_model: Model, new_model: Model, day: date) -> Comparison:
    return Comparison(compare_documents(old_model, new_model, day) + compare_reference(old_model, new_model, day))
