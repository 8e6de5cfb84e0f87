"""Upphörda ärenden är entydiga.

## Vad kontrolleras

Att ett ärende under `retired_matters` inte samtidigt finns som ärende i samma version av
delegationsordningen, att samma id inte står två gånger, och att `replaced_by` pekar på ett ärende
som finns i någon antagen delegationsordning.

## Varför

Ett upphört ärende talar om för andra system att id:t inte längre gäller och vart de ska vända sig i
stället. Står id:t kvar som ärende, eller pekar ersättaren på ett ärende som inte finns, får
systemen motstridiga eller tomma svar.

## Lagrum

Ingen.

## Exempel som godkänns

```yaml
retired_matters:
  - {id: soc-ekonomi-kontantkassa, retired_on: "2027-01-01", reason: "Kontantkassorna avvecklas.", replaced_by: soc-ekonomi-attestanter}
```

## Exempel som underkänns

```yaml
retired_matters:
  - {id: soc-ekonomi-attestanter, retired_on: "2027-01-01", reason: "Flyttas."}   # står kvar under sections
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("X832", "retired-matters", "error", "Upphörda ärenden står inte kvar och pekar på ärenden som finns.",
            needs=("delegation",), per_document="delegation")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    existing = {m.id for o in model.delegations if o.meta.status == "antagen" for m in o.matters}
    for order in model.delegations:
        matters = {m.id for m in order.matters}
        seen: set[str] = set()
        for retired in order.retired_matters:
            if retired.id in matters:
                yield RULE.at(retired.source.at("id"), f"Ärendet {retired.id} står under retired_matters men finns kvar som ärende i "
                              f"{order.meta.title} version {order.meta.version}. Ta bort det ur avsnittet eller ur retired_matters.")
            if retired.id in seen:
                yield RULE.at(retired.source.at("id"), f"Ärendet {retired.id} står två gånger under retired_matters.")
            seen.add(retired.id)
            if retired.replaced_by is not None and retired.replaced_by not in existing:
                yield RULE.at(retired.source.at("replaced_by"), f"replaced_by: {retired.replaced_by} är inget ärende i någon antagen "
                              "delegationsordning. Ange id:t för ärendet som ersätter det upphörda, eller ta bort replaced_by.")
