"""Förtroendevaldas resor beslutas av ett politiskt organ eller en politisk post.

## Vad kontrolleras

Att varje cell i beslutstabellen som gäller förtroendevalda har en godkännare som är ett organ vars
ledamöter är förtroendevalda (fullmäktige, styrelsen, en nämnd, ett utskott, ett presidium,
krisledningsnämnden eller revisorerna) eller en politisk post i ett sådant organ, och att detsamma
gäller `own_trip_approver`. En befattning, en rolltyp, en relativ aktör som närmaste chef eller en
extern part är fel.

## Varför

Förtroendevalda har ingen chef i förvaltningen. De anställda arbetar under styrelsen och nämnderna,
och en anställd som prövar en förtroendevalds resa prövar sin egen uppdragsgivares sak.

## Lagrum

KL 6 kap. 37 § (nämnden får delegera till presidiet, ett utskott, en ledamot eller ersättare);
KL 7 kap. 1–2 §§ (förvaltningen arbetar under styrelsen och nämnderna).

## Exempel som godkänns

```yaml
- {id: fortroendevalda-sn-varlden, category: fortroendevalda-sn, zone: varlden,
   approver: {body: sn_presidium}, basis: delegation, matter: soc-resor-utanfor-eu-fortroendevalda}
```

## Exempel som underkänns

```yaml
- {id: fortroendevalda-sn-varlden, category: fortroendevalda-sn, zone: varlden,
   approver: {position: socialchef}, basis: delegation, matter: soc-resor-utanfor-eu-fortroendevalda}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.travel import is_elected_actor

RULE = Rule("R506", "elected-approved-politically", "error", "Förtroendevaldas resor beslutas av ett politiskt organ eller en politisk post.",
            needs=("organisation",), per_document="travel")

KIND_WORDS = {
    "position": "en anställd (befattning)",
    "role_type": "anställda (rolltyp)",
    "relative": "en chef i förvaltningen",
    "external": "en extern part",
    "body": "ett organ utan förtroendevalda ledamöter",
}


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for policy in model.travel:
        for approval in policy.approvals:
            category = policy.category(approval.category)
            if category is None or category.kind != "elected":
                continue
            for actor, role in ((approval.approver, "godkännare"), (approval.own_trip_approver, "godkännare vid egen resa (own_trip_approver)")):
                if actor is None or is_elected_actor(org, actor) or not org.exists(actor):
                    continue
                yield RULE.at(
                    actor.source or approval.source,
                    f"Cellen {approval.id}: {category.name} har {org.label(actor)} som {role}, men det är {KIND_WORDS.get(actor.kind, actor.kind)}. "
                    "Förtroendevaldas resor beslutas av ett politiskt organ eller en politisk post, aldrig av en anställd.",
                )
