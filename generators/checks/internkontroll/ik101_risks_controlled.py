"""Varje risk över planens tröskel har minst en kontrollaktivitet.

## Vad kontrolleras

Att varje risk i internkontrollplanens riskbedömning vars riskvärde (`score`) är högre än planens
tröskel (`threshold`) nämns av minst en kontrollaktivitet (`controls[].risks`). Felet anges på
raden där risken står.

## Varför

Revisorerna frågar efter tre saker: en dokumenterad riskbedömning, en plan med kontrollaktiviteter
och nämndens uppföljning. En väsentlig risk som ingen kontroll möter är just den brist i den
interna kontrollen som granskningen letar efter.

## Lagrum

Kommunallagen (2017:725) 6 kap. 6 § (nämnden ser till att den interna kontrollen är tillräcklig).
Tröskeln är nämndens eget val i planen.

## Exempel som godkänns

```yaml
threshold: 8
risks: [{id: avtal-utan-agare, description: "Avtal saknar ägare.", likelihood: 3, consequence: 4, score: 12}]
controls: [{id: avtalsagare-finns, risks: [avtal-utan-agare], activity: "…", owner: {position: upphandlingschef},
            method: {automatic: U712}, frequency: lopande, report: "2026-06-16"}]
```

## Exempel som underkänns

```yaml
threshold: 8
risks: [{id: avtal-utan-agare, description: "Avtal saknar ägare.", likelihood: 3, consequence: 4, score: 12}]
controls: []   # risken med värdet 12 saknar kontroll
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.internkontroll import internkontroll_model

RULE = Rule("IK101", "risks-controlled", "error", "Varje risk över planens tröskel har minst en kontrollaktivitet.",
            needs=("internkontroll",))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for plan in internkontroll_model(model).plans:
        for risk in plan.uncontrolled():
            yield RULE.at(risk.source.at("id"), f"Risken '{risk.id}' har riskvärdet {risk.score}, över planens tröskel {plan.threshold}, "
                                                f"men ingen kontrollaktivitet i {plan.meta.title} möter den. Lägg till en kontroll "
                                                f"som nämner risken under controls (KL 6 kap. 6 §).")
