"""Liggaren över publicerade id:n är aktuell.

## Vad kontrolleras

Att varje ärende i en antagen delegationsordning står i liggaren `ledger/published-ids.json`. Ett nytt
ärende i en delegationsordning som liggaren redan känner till rapporteras här, vid ärendet. En helt
ny delegationsordning rapporteras av `python -m generators ledger --check`, som jämför hela den
incheckade filen med den som skulle genereras.

## Varför

Liggaren är det enda som visar att ett id har publicerats, så att kontrollen X830 kan säga till när
det försvinner — också i en CI-miljö som bara hämtar den senaste committen. Ett id som aldrig kom in
i liggaren skyddas inte. Kör `python -m generators ledger` när du lägger till ärenden och checka in
filen tillsammans med ändringen.

## Lagrum

Ingen.

## Exempel som godkänns

```yaml
# socialnamnden.yaml har ärendet soc-ekonomi-ny, och liggaren har raden
{"document": "sn-delegationsordning", "first_version": "2026:1", "id": "soc-ekonomi-ny", "kind": "matter"}
```

## Exempel som underkänns

```yaml
# socialnamnden.yaml har ärendet soc-ekonomi-ny, men liggaren har ingen rad för det
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.ledger.published import REGENERATE, Ledger, adopted_orders, load_for
from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("X831", "ledger-stale", "warning", "Nya ärende-id står i liggaren över publicerade id:n.",
            needs=("organisation", "delegation"))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    ledger = load_for(model)
    if not isinstance(ledger, Ledger):
        return
    known = ledger.by_key()
    documents = {e.id for e in ledger.entries if e.kind == "document"}
    reported: set[str] = set()
    for order in adopted_orders(model):
        if order.meta.id not in documents:
            continue  # a new delegationsordning: `ledger --check` reports it
        for matter in order.matters:
            if ("matter", matter.id) in known or matter.id in reported:
                continue
            reported.add(matter.id)
            yield RULE.at(matter.source.at("id"), f"Ärendet {matter.id} ({matter.number} {matter.title}) står inte i {ledger.shown}. "
                          f"Kör `{REGENERATE}` och checka in filen, så att id:t skyddas när det har publicerats.")
