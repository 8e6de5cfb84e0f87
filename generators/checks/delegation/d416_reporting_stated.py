"""Varje ärende säger om beslutet anmäls, och ett beslut som inte anmäls protokollförs särskilt.

## Vad kontrolleras

Att varje delegerat ärende har `reporting` med `reported: true` eller `reported: false`; att ett ärende
som inte anmäls anger hur beslutet dokumenteras i stället (`recorded_as`); och att de allmänna
bestämmelserna anger hur beslut som inte anmäls protokollförs.

## Varför

Nämnden bestämmer i vilken utsträckning delegationsbeslut ska anmälas. Ett beslut som inte anmäls men
som kan överklagas genom laglighetsprövning ska protokollföras särskilt; annars börjar
överklagandetiden aldrig löpa och ingen kan se vilka beslut som fattats i nämndens namn.

## Lagrum

KL 6 kap. 40 § och 7 kap. 8 §.

## Exempel som godkänns

```yaml
reporting: {reported: false, recorded_as: "Beslutet dokumenteras i verksamhetssystemet och protokollförs särskilt enligt KL 6 kap. 40 §."}
```

## Exempel som underkänns

```yaml
reporting: {reported: false}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.checks.support import delegated_matters
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("D416", "reporting-stated", "error", "Anmälan är angiven för varje ärende.", needs=("delegation",), per_document="delegation")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for order in model.delegations:
        for matter in delegated_matters(order):
            if matter.reporting is None:
                yield RULE.at(matter.source, f"Ärende {matter.number} ({matter.title}) säger inte om beslutet anmäls till nämnden. Lägg till reporting: {{reported: true}} eller reporting: {{reported: false, recorded_as: ...}}.")
            elif not matter.reporting.reported and not matter.reporting.recorded_as:
                yield RULE.at(matter.reporting.source, f"Ärende {matter.number}: beslutet anmäls inte, men det står inte hur det dokumenteras i stället. Ange recorded_as (KL 6 kap. 40 §: beslut som inte anmäls men kan överklagas ska protokollföras särskilt).")
