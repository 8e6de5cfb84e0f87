"""Belopp är positiva och anges i en känd enhet.

## Vad kontrolleras

Att varje beloppsgräns i en delegationsordning (ärendets gräns, beloppsnivåer och vidaredelegationer)
är ett positivt tal, och att enheten är kronor (`sek`) eller en beloppsserie som finns i
referensdata under `policies/reference/` (till exempel `prisbasbelopp`), med värden som täcker dokumentets hela
giltighetstid från början. (Ett värde som ännu inte är publicerat ger en varning, se D419.)

## Varför

Ett belopp på noll eller under noll ger ingen delegation alls. En okänd enhet (`basbelopp`,
`pbb`) går inte att räkna om till kronor, så varken attestsystemet eller kontrollen av
upphandlingsgränser kan avgöra om ett beslut ligger inom mandatet.

## Lagrum

Prisbasbeloppet fastställs för varje år enligt socialförsäkringsbalken (2010:110) 2 kap. 6–7 §§.

## Exempel som godkänns

```yaml
limit: {amount: 3, unit: prisbasbelopp, per: case}
```

## Exempel som underkänns

```yaml
limit: {amount: 3, unit: pbb, per: case}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.common import Amount

RULE = Rule("D413", "amounts-valid", "error", "Belopp är positiva och i en känd enhet.", needs=("delegation", "reference"), per_document="delegation")


def _amounts(order) -> Iterator[tuple[str, Amount]]:
    for matter in order.matters:
        if matter.limit is not None:
            yield f"Ärende {matter.number}", matter.limit
        for tier in matter.tiers:
            for amount in (tier.above, tier.up_to):
                if amount is not None:
                    yield f"Ärende {matter.number}", amount
    for further in order.further_delegations:
        if further.limit is not None:
            yield f"Vidaredelegation {further.id}", further.limit


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    known = {sid for sid, s in model.reference.series.items() if s.kind == "amount"}
    for order in model.delegations:
        for where, amount in _amounts(order):
            if amount.amount <= 0:
                yield RULE.at(amount.source.at("amount"), f"{where}: beloppet måste vara större än noll (nu {amount.amount:g}).")
            if amount.unit != "sek" and amount.unit not in known:
                units = ", ".join(["sek", *sorted(known)])
                yield RULE.at(amount.source.at("unit"), f"{where}: enheten '{amount.unit}' är okänd. Använd en av: {units}.")
            elif amount.unit != "sek":
                first = model.reference.get(amount.unit).values[0].valid_from  # type: ignore[union-attr]
                if order.meta.valid_from < first:
                    yield RULE.at(amount.source.at("unit"), f"{where}: {amount.unit} har inget värde före {first.isoformat()}, men dokumentet gäller från {order.meta.valid_from.isoformat()}.")
