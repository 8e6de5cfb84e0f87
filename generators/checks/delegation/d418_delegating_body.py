"""Delegationsordningen tillhör styrelsen eller en nämnd och antas av det organet.

## Vad kontrolleras

Att organet i `body` är styrelsen, en nämnd eller krisledningsnämnden (de organ som får delegera
enligt KL 6 kap. 37 §), och att dokumentet är antaget av just det organet.

## Varför

Det är nämnden själv som bestämmer vad den delegerar. En delegationsordning som antagits av ett annat
organ, eller som tillhör ett utskott, ger ingen giltig delegation.

## Lagrum

KL 6 kap. 37 §.

## Exempel som godkänns

```yaml
body: socialnamnden
document: {adopted_by: {body: socialnamnden, ...}, ...}
```

## Exempel som underkänns

```yaml
body: socialnamnden
document: {adopted_by: {body: kommunstyrelsen, ...}, ...}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("D418", "delegating-body", "error", "Delegationsordningen antas av det delegerande organet.", needs=("organisation", "delegation"), per_document="delegation")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for order in model.delegations:
        body = org.bodies.get(order.body)
        if body is None:
            continue  # D401
        if body.kind not in ("styrelse", "namnd", "krisledningsnamnd"):
            yield RULE.at(order.source.at("body"), f"{body.name} är ett {body.kind}; bara styrelsen och nämnderna delegerar beslutanderätt (KL 6 kap. 37 §).")
        adoption = order.meta.adopted_by
        if adoption is not None and adoption.body != order.body:
            adopter = org.bodies[adoption.body].name if adoption.body in org.bodies else adoption.body
            yield RULE.at(adoption.source.at("body"), f"Delegationsordningen för {body.name} är antagen av {adopter}. Det är nämnden själv som beslutar om sin delegation (KL 6 kap. 37 §).")
