"""Ett avtal vars löptid har gått ut är inte markerat som gällande.

## Vad kontrolleras

Ett avtal med status `active` vars slutdatum, med de optioner som utnyttjats, ligger före dagens
datum (`--today`) ger en varning.

## Varför

Ett utgånget avtal som ser ut att gälla gör att beställare fortsätter att köpa på det, utan avtal.
Antingen har en option utnyttjats utan att registret uppdaterats, eller så ska avtalet avslutas.

## Lagrum

Lokal regel: upphandlingspolicyn, avsnittet om avtalsförvaltning (registret hålls aktuellt).

## Exempel som godkänns

```yaml
term: {start: "2026-06-01", end: "2026-08-31"}
status: ended
```

## Exempel som underkänns

```yaml
term: {start: "2026-06-01", end: "2026-08-31"}
status: active
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.contracts import contracts_model

RULE = Rule("AR106", "ended-still-active", "warning", "Ett avtal vars löptid gått ut är inte markerat som gällande.", needs=("contract",))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for _register, contract in contracts_model(model).contracts():
        end = contract.current_end()
        if contract.status == "active" and end < ctx.today:
            yield RULE.at(contract.source.at("status"), f"Avtal {contract.id} löpte ut {end.isoformat()} men är markerat som gällande. "
                          "Ange status ended, eller registrera den option som utnyttjats.")
