"""Förvaltningschefen hör till sin förvaltning och är förvaltningschef eller direktör.

## Vad kontrolleras

Att den befattning som anges som chef (head) för en förvaltning hör till den förvaltningen och har
nivån förvaltningschef (för styrelsens förvaltning: direktör), och att varje styrelse och nämnd
betjänas av exakt en förvaltning.

## Varför

Vidaredelegation får bara göras av förvaltningschefen inom nämndens område (KL 7 kap. 6 §).
Kontrollen av vidaredelegation, av ärenden "inom nämndens område" och av vem som är förvaltningschef
för en anställd bygger på att detta stämmer.

## Lagrum

KL 7 kap. 6 § (förvaltningschefen), 7 kap. 1–2 §§ (direktören).

## Exempel som godkänns

```yaml
administrations:
  - {id: socialforvaltningen, name: Socialförvaltningen, serves: [socialnamnden], head: socialchef}
```

## Exempel som underkänns

```yaml
administrations:
  - {id: socialforvaltningen, name: Socialförvaltningen, serves: [socialnamnden], head: enhetschef_vuxen}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("O304", "administration-heads", "error", "Förvaltningschefen hör till förvaltningen och nämnderna har en förvaltning.", needs=("organisation",))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    served_by: dict[str, list[str]] = {}
    for administration in org.administrations.values():
        for body_id in administration.serves:
            served_by.setdefault(body_id, []).append(administration.id)
        head = org.positions.get(administration.head)
        if head is None:
            continue  # O302 reports the missing position
        if head.administration != administration.id:
            yield RULE.at(administration.source.at("head"), f"{head.title} leder {administration.name} men hör själv till en annan förvaltning ('{head.administration}').")
        if head.level not in ("forvaltningschef", "direktor"):
            yield RULE.at(administration.source.at("head"), f"{head.title} leder {administration.name} men har nivån '{head.level}'. En förvaltning leds av en förvaltningschef (eller direktören).")
    for body in org.bodies.values():
        if body.kind not in ("styrelse", "namnd"):
            continue
        serving = served_by.get(body.id, [])
        if len(serving) != 1 and not body.administration:
            shown = ", ".join(serving) if serving else "ingen"
            yield RULE.at(body.source, f"{body.name} betjänas av {shown} förvaltning(ar). Varje styrelse och nämnd ska betjänas av exakt en förvaltning.")
