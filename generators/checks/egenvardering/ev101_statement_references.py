"""Egenvärderingens påståenden hänvisar till områden som finns och besvaras på ett sätt.

## Vad kontrolleras

- Varje påstående hör till ett område i filens `areas`, och påståenden och områden har egna id:n.
- Ett påstående besvaras antingen ur dokumenten (`computed`) eller av ägaren (`declared`), aldrig
  båda: ett framräknat svar kan inte skrivas över.
- Bara ett framräknat svar kan ifrågasättas (`disputed`); ett eget svar ändrar ägaren själv.

## Varför

Ett påstående som både räknas fram och besvaras av ägaren ger två svar på samma fråga, och det är
då oklart vilket revisorerna ska lita på.

## Lagrum

Kommunallagen (2017:725) 6 kap. 6 §; egenvärderingen är organisationens eget verktyg.

## Exempel som godkänns

```yaml
- {id: avtalsagare, area: mojlighet-att-folja-upp, text: "Varje avtal har en avtalsägare.", computed: avtalsagare}
```

## Exempel som underkänns

```yaml
- id: avtalsagare
  area: mojlighet-att-folja-upp
  text: "Varje avtal har en avtalsägare."
  computed: avtalsagare
  declared: {answer: helt, evidence: "KS 2026/97", date: "2026-05-12"}   # skriver över det framräknade svaret
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.egenvardering import egenvarderingar

RULE = Rule("EV101", "statement-references", "error", "Påståendena hänvisar till områden som finns och besvaras på ett sätt.",
            needs=("egenvardering",))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for ev in egenvarderingar(model):
        area_ids: set[str] = set()
        for area in ev.areas:
            if area.id in area_ids:
                yield RULE.at(area.source.at("id"), f"Området '{area.id}' finns redan i filen. Varje område behöver ett eget id.")
            area_ids.add(area.id)
        statement_ids: set[str] = set()
        for s in ev.statements:
            if s.id in statement_ids:
                yield RULE.at(s.source.at("id"), f"Påståendet '{s.id}' finns redan i filen. Varje påstående behöver ett eget id.")
            statement_ids.add(s.id)
            if s.area not in area_ids:
                yield RULE.at(s.source.at("area"), f"Påståendet '{s.id}' hör till området '{s.area}', som inte finns under areas.")
            if s.computed is not None and s.declared is not None:
                yield RULE.at(s.source.at("declared"), f"Påståendet '{s.id}' räknas fram ur dokumenten ({s.computed}) och kan inte "
                                                       f"besvaras av ägaren. Ta bort declared, eller markera svaret som ifrågasatt "
                                                       f"(disputed) med underlag.")
            if s.disputed is not None and s.computed is None:
                yield RULE.at(s.source.at("disputed"), f"Påståendet '{s.id}' besvaras av ägaren; bara ett framräknat svar kan "
                                                       f"ifrågasättas. Ändra svaret under declared i stället.")
