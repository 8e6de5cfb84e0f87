"""Varje avtal har en avtalsägare, och tredje attesten görs av någon annan än ägaren.

## Vad kontrolleras

Att avtalsägaren som standard (`contract_management.owner.default`) och ägaren för varje utpekat
avtalsområde (`areas`) är en befattning, en rolltyp eller en relativ aktör (till exempel
förvaltningschefen i den förvaltning som bär kostnaden) — inte ett organ, en politisk post eller en
extern part. Att varje område som tredje attesten gäller (`third_attest.areas`) finns bland
avtalsområdena, och att den som gör tredje attesten inte själv är avtalsägare för ett område den
attesterar. (Att befattningarna finns i organisationen kontrolleras av X807.)

## Varför

Överprissatta avtal upptäcks inte när ingen äger avtalet. Ett organ kan inte följa upp ett avtal i
vardagen, och en extern part kan inte ansvara för organisationens avtal. Den tredje attesten är en
kontroll av avtalsägarens fakturor mot avtalet; gör ägaren den själv är det ingen kontroll.

## Lagrum

KL (2017:725) 6 kap. 6 § (nämndens ansvar för intern kontroll); organisationens attestreglemente.

## Exempel som godkänns

```yaml
areas: [{id: bevakning, owner: {position: sakerhetschef}}]
third_attest: {performed_by: {position: avtalscontroller}, areas: [bevakning]}
```

## Exempel som underkänns

```yaml
areas: [{id: bevakning, owner: {position: avtalscontroller}}]
third_attest: {performed_by: {position: avtalscontroller}, areas: [bevakning, vaktbolag]}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.common import Actor

RULE = Rule("U712", "contract-owners", "error", "Varje avtal har en avtalsägare; tredje attesten görs av någon annan än ägaren.",
            needs=("procurement", "organisation"), per_document="procurement")

_OWNER_KINDS = ("position", "role_type", "relative")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return

    def name(actor: Actor) -> str:
        return org.label(actor)

    for policy in model.procurement:
        cm = policy.contract_management
        owners = [("Avtalsägaren som standard", cm.default_owner)] + [(f"Avtalsområdet {a.name} ({a.id})", a.owner) for a in cm.areas]
        for what, owner in owners:
            if owner.kind not in _OWNER_KINDS:
                yield RULE.at(owner.source or cm.source, f"{what}: avtalsägaren är {name(owner)}, men ett avtal ägs av en befattning, en "
                                                          "rolltyp eller en relativ aktör (till exempel förvaltningschefen), inte av ett organ, "
                                                          "en politisk post eller en extern part.")
        areas = {a.id: a for a in cm.areas}
        attest = cm.third_attest
        performer = set(org.positions_of(attest.performed_by))
        for index, area_id in enumerate(attest.areas):
            area = areas.get(area_id)
            if area is None:
                yield RULE.at(attest.source.at("areas", index), f"Tredje attesten gäller avtalsområdet '{area_id}', som inte finns under "
                                                                f"contract_management.areas. Finns: {', '.join(areas)}.")
            elif performer & set(org.positions_of(area.owner)):
                yield RULE.at(attest.source.at("performed_by"), f"Tredje attesten för {area.name} görs av {name(attest.performed_by)}, som också "
                                                                f"är avtalsägare för området ({name(area.owner)}). Kontrollen mot avtalet ska "
                                                                "göras av någon annan än den som äger avtalet.")
