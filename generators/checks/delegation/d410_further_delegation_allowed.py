"""Vidaredelegation tillåts bara där delegaten är en förvaltningschef inom organets område.

## Vad kontrolleras

Att ett ärende med `further_delegation: true` har en förvaltningschef inom nämndens eller
styrelsens verksamhetsområde som delegat: chefen för organets egen förvaltning (för styrelsen:
direktören) eller chefen för en annan förvaltning som betjänar organet (`serves`). En styrelse eller
nämnd med flera förvaltningar har alltså flera förvaltningschefer, och var och en får ges rätten.
Ett ärende som delegeras till ”respektive förvaltningschef inom sitt område” skrivs med en rolltyp
vars befattningar (`members`) alla är förvaltningschefer inom organets område: var och en beslutar
då för sin egen förvaltning och får vidaredelegera där. Ingen annan anställd, och ingen
förtroendevald, får vidaredelegera.

## Varför

Lagen talar om "en förvaltningschef inom nämndens verksamhetsområde": bara en sådan chef får
vidaredelegera, och bara om nämnden har medgett det. Att markera vidaredelegation som tillåten för en
enhetschef ger en rätt som lagen inte känner.

## Lagrum

KL 7 kap. 6 §.

## Exempel som godkänns

```yaml
- {number: "2.4", delegate: {position: socialchef}, further_delegation: true, ...}
# organisation.yaml: {id: forvaltningschef_ks, title: "Förvaltningschef inom styrelsens område", members: [direktor, servicechef]}
- {number: "1.4", delegate: {role_type: forvaltningschef_ks}, further_delegation: true, ...}
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
from generators.model.common import Actor
from generators.model.organisation import Organisation

RULE = Rule("D410", "further-delegation-by-head", "error", "Bara en förvaltningschef inom organets område får rätt att vidaredelegera.", needs=("organisation", "delegation"), per_document="delegation")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for order in model.delegations:
        # Every förvaltningschef within the body's area may be given the right (KL 7 kap. 6 §: "en
        # förvaltningschef inom nämndens verksamhetsområde"): a styrelse with several förvaltningar has several.
        heads = org.heads_of_body(order.body)
        titles = [org.positions[h].title for h in heads if h in org.positions] or ["förvaltningschefen"]
        for matter in delegated_matters(order):
            if not matter.further_delegation:
                continue
            for actor in matter.all_delegates():
                if not _heads_only(org, actor, heads):
                    yield RULE.at(
                        matter.source.at("further_delegation"),
                        f"Ärende {matter.number} tillåter vidaredelegation, men delegaten är {org.label(actor)}. Bara en förvaltningschef "
                        f"inom nämndens område ({_joined(titles)}) får vidaredelegera (KL 7 kap. 6 §).",
                    )
                    break


def _heads_only(org: Organisation, actor: Actor, heads: list[str]) -> bool:
    """A förvaltningschef within the body's area, or a role type whose every holder is one: "respektive
    förvaltningschef inom sitt område" delegates to each of them for their own förvaltning, never jointly."""
    if actor.kind == "position":
        return actor.id in heads
    if actor.kind == "role_type":
        members = org.positions_of_role_type(actor.id)
        return bool(members) and all(member in heads for member in members)
    return False


def _joined(titles: list[str]) -> str:
    return titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + " eller " + titles[-1]
