"""En anställd delegat utanför organets egen förvaltning är ovanligt.

## Vad kontrolleras

Att en anställd delegat (befattning eller rolltyp) i en nämnds delegationsordning hör till den
förvaltning som betjänar nämnden. Styrelsens delegationsordning får däremot delegera till alla
anställda under direktören. Det är en varning, inget fel.

## Varför

KL 7 kap. 5 § tillåter delegation till vilken anställd som helst i organisationen. Men en nämnd som delegerar
till en annan förvaltnings personal har ingen ledningsrätt över dem, och det är ofta ett tecken på en
kvarglömd rad efter en omorganisation.

## Lagrum

KL 7 kap. 5 §.

## Exempel som godkänns

```yaml
delegate: {position: avdelningschef_ifo}   # i socialnämndens delegationsordning
```

## Exempel som underkänns

```yaml
delegate: {position: bygglovschef}   # i socialnämndens delegationsordning
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.checks.support import delegated_matters
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("D409", "delegate-outside-administration", "warning", "Anställd delegat hör till nämndens egen förvaltning.", needs=("organisation", "delegation"), per_document="delegation")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for order in model.delegations:
        body = org.bodies.get(order.body)
        if body is None or body.kind in ("fullmaktige", "styrelse", "direktion"):
            # fullmäktige delegates only to nämnder (D408); the styrelse and a direktion lead every förvaltning
            continue
        own = org.administration_of_body(order.body)
        for matter in delegated_matters(order):
            for actor in matter.all_delegates():
                outside = [p for p in org.positions_of(actor) if org.positions[p].administration != own]
                if outside and actor.kind in ("position", "role_type"):
                    position = org.positions[outside[0]]
                    administration = org.administrations.get(position.administration)
                    yield RULE.at(
                        actor.source or matter.source,
                        f"Ärende {matter.number}: delegaten {org.label(actor)} hör till {administration.name if administration else position.administration}, "
                        f"inte till den förvaltning som betjänar {body.name}. Det är tillåtet (KL 7 kap. 5 §) men ovanligt: kontrollera att det är avsiktligt.",
                    )
