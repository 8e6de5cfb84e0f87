"""Den som godkänner förtroendevaldas resor beslutar inte om sin egen resa.

## Vad kontrolleras

Att en cell för förtroendevalda, där godkännaren är en politisk post i ett av kategorins organ (till
exempel ordföranden i styrelsen för styrelsens ledamöter), anger `own_trip_approver`:
vem som beslutar när posten själv reser, och att det är en annan post eller ett organ (att den är
förtroendevald kontrolleras av R506).

## Varför

Ordföranden kan själv vara resenären och får inte besluta i en sak som gäller henne eller honom
själv. Delegationsordningarna anger därför vice ordföranden som ersättare vid jäv.

## Lagrum

KL 6 kap. 28 § (jäv), 6 kap. 37 § (delegation till ledamot).

## Exempel som godkänns

```yaml
- {id: fortroendevalda-ks-sverige, category: fortroendevalda-ks, zone: sverige, approver: {seat: ordforande, body: styrelsen},
   basis: delegation, matter: ks-resor-kurser-fortroendevalda, own_trip_approver: {seat: forste_vice_ordforande, body: styrelsen}}
```

## Exempel som underkänns

```yaml
- {id: fortroendevalda-ks-sverige, category: fortroendevalda-ks, zone: sverige, approver: {seat: ordforande, body: styrelsen},
   basis: delegation, matter: ks-resor-kurser-fortroendevalda}   # vem beslutar när ordföranden reser?
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.travel import same_seat_holder, seat_may_be_traveller

RULE = Rule("R509", "own-trip-approver", "error", "Godkännaren beslutar inte om sin egen resa.", needs=("organisation",), per_document="travel")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for policy in model.travel:
        for approval in policy.approvals:
            category = policy.category(approval.category)
            if category is None or not seat_may_be_traveller(org, category, approval.approver):
                continue
            label = org.label(approval.approver)
            own = approval.own_trip_approver
            if own is None:
                yield RULE.at(
                    approval.approver.source or approval.source,
                    f"Cellen {approval.id}: {label} godkänner resor för {category.name} men hör själv till kategorin. Ange "
                    "own_trip_approver, t.ex. vice ordföranden, som beslutar när posten själv reser; ingen beslutar i en egen sak.",
                )
            elif same_seat_holder(org, own, approval.approver):
                yield RULE.at(own.source or approval.source, f"Cellen {approval.id}: own_trip_approver är samma post som godkännaren ({label}).")
