"""Id:n är unika i hela förrådet.

## Vad kontrolleras

- Dokument-id: två filer med samma `document.id` ska vara versioner av samma dokument (samma
  dokumenttyp, och för en delegationsordning samma organ).
- Id:n på det som dokumenten beslutar om — ärenden och avsnitt i delegationsordningarna,
  värdeintervall, tabeller och beslutsrader i upphandlingspolicyn, godkännanden och
  hanteringsvägar i rese- och visselblåsningsdokumenten, rader i undantagslistan — förekommer bara
  en gång i samma fil, och aldrig i två olika dokument som gäller samma dag (till exempel samma
  ärende-id i två nämnders delegationsordningar). Versioner av samma dokument delar däremot id:n:
  ett ärende behåller sitt id när texten ändras.

Meddelandet anger båda filerna och raderna. Organisationens id:n kontrolleras av O301 och ärende-id
inom en delegationsordning av D404.

## Varför

Publicerade regler, beslutstabeller och `decide` slår upp med id. Samma id för två saker som gäller
samtidigt gör svaret tvetydigt; ett id som byter betydelse bryter det som bygger på det.

## Lagrum

Ingen; en förutsättning för att hänvisningarna mellan styrdokumenten ska gå att kontrollera.

## Exempel som godkänns

```yaml
# delegation/styrelsen.yaml och styrelsen.2027.yaml (två versioner)
- {id: ks-upphandling-tilldelning, number: "5.2", ...}
```

## Exempel som underkänns

```yaml
# delegation/socialnamnden.yaml
- {id: ks-upphandling-tilldelning, number: "3.5", ...}   # används redan i styrelsens delegationsordning
```
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from generators.checks.crossdoc.common import ids_in, where
from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.loading.documents import SourceDocument
from generators.model import Model
from generators.model.common import SourceRef

RULE = Rule("X806", "unique-ids", "error", "Id:n är unika i hela förrådet.")


@dataclass(frozen=True)
class _Doc:
    document: SourceDocument
    set_id: str  # the version set: versions of one document share ids on purpose
    title: str
    valid_from: date | None
    valid_to: date | None

    def overlaps(self, other: _Doc) -> bool:
        if self.valid_from is None or other.valid_from is None:
            return True
        starts_before_other_ends = other.valid_to is None or self.valid_from <= other.valid_to
        ends_after_other_starts = self.valid_to is None or other.valid_from <= self.valid_to
        return starts_before_other_ends and ends_after_other_starts


def _docs(model: Model) -> list[_Doc]:
    docs = [
        _Doc(d.meta.source.document, d.meta.id, d.meta.title, d.meta.valid_from, d.meta.valid_to)
        for d in model.governed_documents()
        if d is not model.organisation  # O301
    ]
    if model.allowlist is not None:
        docs.append(_Doc(model.allowlist.source.document, f"allowlist:{model.allowlist.id}", model.allowlist.title, None, None))
    return sorted(docs, key=lambda d: d.document.file)


def _both_matters(first: SourceRef, second: SourceRef) -> bool:
    """D404 reports a matter id twice in one delegationsordning."""
    return all(len(s.path) >= 4 and s.path[0] == "sections" and s.path[2] == "matters" for s in (first, second))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    yield from _document_ids(model)
    docs = _docs(model)
    seen: dict[str, list[tuple[_Doc, SourceRef]]] = {}
    for doc in docs:
        local: dict[str, SourceRef] = {}
        for entity_id, source in ids_in(doc.document):
            if entity_id in local:
                first = local[entity_id]
                if not (doc.document.kind == "delegation" and _both_matters(first, source)):
                    yield RULE.at(source, f"Id:t '{entity_id}' används redan på rad {first.location().line} i samma fil. Varje sak behöver ett eget id.")
                continue
            local[entity_id] = source
            for other, other_source in seen.get(entity_id, []):
                if other.set_id != doc.set_id and other.overlaps(doc):
                    yield RULE.at(source, f"Id:t '{entity_id}' används redan i {other.title} ({where(other_source)}), som gäller samtidigt "
                                          f"som {doc.title} ({where(source)}). Publicerade regler och uppslag skulle bli tvetydiga; välj ett annat id.")
                    break
            seen.setdefault(entity_id, []).append((doc, source))


def _document_ids(model: Model) -> Iterator[Diagnostic]:
    first: dict[str, tuple[tuple[str, str | None], Any]] = {}
    for document in model.governed_documents():
        meta = document.meta
        body = getattr(document, "body", None)
        key = (meta.kind, body)
        if meta.id not in first:
            first[meta.id] = (key, document)
            continue
        other_key, other = first[meta.id]
        if other_key != key:
            what = f"en {meta.kind}" + (f" för {body}" if body else "")
            yield RULE.at(meta.source.at("id"), f"Dokument-id '{meta.id}' används redan av {other.meta.title} ({where(other.meta.source.at('id'))}), "
                                                f"men det här är {what}. Samma dokument-id betyder versioner av samma dokument; välj ett eget id.")
