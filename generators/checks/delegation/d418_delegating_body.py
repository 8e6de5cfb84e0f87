"""Delegationsordningen tillhör ett organ som får delegera och antas av det organet.

## Vad kontrolleras

Att organet i `body` är fullmäktige, styrelsen (i ett kommunalförbund kan det vara direktionen), en
nämnd (också en gemensam nämnd) eller krisledningsnämnden, och att dokumentet är antaget av just det
organet. Ett utskott, ett presidium eller revisionen har ingen egen delegationsordning.

## Varför

Det är organet självt som bestämmer vad det delegerar. Fullmäktige får uppdra åt en nämnd att
besluta i ett ärende eller en grupp av ärenden (KL 5 kap. 2 §; gränserna prövas av D430). Styrelsen
och nämnderna delegerar till utskott, ledamöter, ersättare och anställda (KL 6 kap. 37 §). En
delegationsordning som antagits av ett annat organ, eller som tillhör ett utskott, ger ingen giltig
delegation.

## Lagrum

KL 5 kap. 2 §, 6 kap. 37 §, 9 kap. 19 § (gemensam nämnd).

## Exempel som godkänns

```yaml
body: socialnamnden
document: {adopted_by: {body: socialnamnden, ...}, ...}
```

## Exempel som underkänns

```yaml
body: socialnamnden
document: {adopted_by: {body: styrelsen, ...}, ...}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

# Fullmäktige delegates to a nämnd (KL 5 kap. 2 §); a styrelse, a nämnd (a gemensam nämnd too, KL 9 kap.
# 19 §) and a kommunalförbund's direktion (both fullmäktige and styrelse) delegate under 6 kap. 37 §.
DELEGATING_KINDS = frozenset({"fullmaktige", "direktion", "styrelse", "namnd", "gemensam_namnd", "krisledningsnamnd"})

RULE = Rule("D418", "delegating-body", "error", "Delegationsordningen antas av det delegerande organet.", needs=("organisation", "delegation"), per_document="delegation")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for order in model.delegations:
        body = org.bodies.get(order.body)
        if body is None:
            continue  # D401
        if body.kind not in DELEGATING_KINDS:
            yield RULE.at(order.source.at("body"), f"{body.name} är ett {body.kind}; bara fullmäktige (till en nämnd, KL 5 kap. 2 §), "
                          "styrelsen och nämnderna (KL 6 kap. 37 §) delegerar beslutanderätt.")
        adoption = order.meta.adopted_by
        if adoption is not None and adoption.body != order.body:
            adopter = org.bodies[adoption.body].name if adoption.body in org.bodies else adoption.body
            yield RULE.at(adoption.source.at("body"), f"Delegationsordningen för {body.name} är antagen av {adopter}. Det är organet självt som beslutar om sin delegation (KL 5 kap. 2 §, 6 kap. 37 §).")
