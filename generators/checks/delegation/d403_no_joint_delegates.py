"""Ett ärende delegeras till en delegat, inte till flera tillsammans.

## Vad kontrolleras

Att delegaten i ett ärende (och i varje beloppsnivå) är en enda aktör och inte en lista av flera.

## Varför

Kommunallagen tillåter inte gemensam delegering: inte till en förtroendevald och en anställd
tillsammans, och inte till två anställda tillsammans. Om flera ska besluta tillsammans är det ett
utskott eller nämnden själv som ska vara delegat.

## Lagrum

KL 6 kap. 37 § och 7 kap. 5 § (SKR:s kommentar: blandad delegering och gemensam delegering till flera
anställda är inte tillåten).

## Exempel som godkänns

```yaml
delegate: {body: socialnamnden_individutskott}
```

## Exempel som underkänns

```yaml
delegate:
  - {seat: ordforande, body: socialnamnden}
  - {position: socialchef}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.checks.support import delegated_matters
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("D403", "no-joint-delegates", "error", "Ingen gemensam delegering till flera.", needs=("delegation",), per_document="delegation")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for order in model.delegations:
        for matter in delegated_matters(order):
            groups = [(matter.delegates, matter.source.at("delegate"))] + [(t.delegates, t.source.at("delegate")) for t in matter.tiers]
            for delegates, source in groups:
                if len(delegates) > 1:
                    yield RULE.at(
                        source,
                        f"Ärende {matter.number} delegeras till {len(delegates)} aktörer tillsammans. Kommunallagen tillåter inte "
                        "gemensam delegering (KL 6 kap. 37 §, 7 kap. 5 §): ange en delegat, eller ett utskott om flera ska besluta.",
                    )
