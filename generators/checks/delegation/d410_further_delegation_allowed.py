"""Vidaredelegation tillåts bara där delegaten är förvaltningschefen.

## Vad kontrolleras

Att ett ärende med `further_delegation: true` har förvaltningschefen inom nämndens område som delegat
(för kommunstyrelsen: kommundirektören). Ingen annan anställd, och ingen förtroendevald, får
vidaredelegera.

## Varför

Bara en förvaltningschef får vidaredelegera, och bara om nämnden har medgett det. Att markera
vidaredelegation som tillåten för en enhetschef ger en rätt som lagen inte känner.

## Lagrum

KL 7 kap. 6 §.

## Exempel som godkänns

```yaml
- {number: "2.4", delegate: {position: socialchef}, further_delegation: true, ...}
```

## Exempel som underkänns

```yaml
- {number: "2.4", delegate: {position: enhetschef_vuxen}, further_delegation: true, ...}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.checks.support import delegated_matters
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("D410", "further-delegation-by-head", "error", "Bara förvaltningschefen får rätt att vidaredelegera.", needs=("organisation", "delegation"), per_document="delegation")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for order in model.delegations:
        head = org.head_of_body(order.body)
        head_title = org.positions[head].title if head in org.positions else "förvaltningschefen"
        for matter in delegated_matters(order):
            if not matter.further_delegation:
                continue
            for actor in matter.all_delegates():
                if not (actor.kind == "position" and actor.id == head):
                    yield RULE.at(
                        matter.source.at("further_delegation"),
                        f"Ärende {matter.number} tillåter vidaredelegation, men delegaten är {org.label(actor)}. Bara förvaltningschefen "
                        f"inom nämndens område ({head_title}) får vidaredelegera (KL 7 kap. 6 §).",
                    )
                    break
