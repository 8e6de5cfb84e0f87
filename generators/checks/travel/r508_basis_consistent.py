"""Grunden för beslutet passar resenären och godkännaren.

## Vad kontrolleras

- `basis: line_management` (arbetsledning) bara för anställda: förtroendevalda har ingen chef, så
  ett beslut om deras resor är aldrig arbetsledning.
- `basis: own_body` för förtroendevalda: organet beslutar själv om resor för sina egna ledamöter,
  så organet ska vara ett av kategorins organ (eller det organ som har valt dem, som fullmäktige för
  revisorerna).

Att ett ärende som anges vid `basis: delegation` finns och är delegerat till godkännaren kontrolleras
mot delegationsordningarna av X810–X812.

## Varför

Grunden avgör vad som ska kontrolleras och anmälas: arbetsledning är ren verkställighet, delegation
ska finnas i delegationsordningen och anmälas till nämnden, och ett organs eget beslut kan bara gälla
organets egna ledamöter.

## Lagrum

KL 6 kap. 37 och 40 §§, 7 kap. 5 §; ren verkställighet är ingen delegation.

## Exempel som godkänns

```yaml
- {id: revisorer-varlden, category: revisorer, zone: varlden, approver: {body: revisionen}, basis: own_body}
```

## Exempel som underkänns

```yaml
- {id: revisorer-varlden, category: revisorer, zone: varlden, approver: {seat: ordforande, body: revisionen}, basis: line_management}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.organisation import in_running_text

RULE = Rule("R508", "approval-basis", "error", "Beslutets grund passar resenären och godkännaren.", needs=("organisation",), per_document="travel")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for policy in model.travel:
        for approval in policy.approvals:
            category = policy.category(approval.category)
            if category is None or category.kind != "elected":
                continue
            basis_at = approval.source.at("basis")
            if approval.basis == "line_management":
                yield RULE.at(basis_at, f"Cellen {approval.id}: {category.name} är förtroendevalda och har ingen chef, så beslut om deras resor "
                              "är aldrig arbetsledning. Ange grunden delegation (med ärendet), regulation eller own_body.")
            elif approval.basis == "own_body" and approval.approver.kind == "body":
                body = approval.approver.id
                allowed = set(category.bodies) | {org.bodies[b].parent for b in category.bodies if b in org.bodies and org.bodies[b].parent}
                if body in org.bodies and body not in allowed:
                    yield RULE.at(
                        approval.approver.source or basis_at,
                        f"Cellen {approval.id}: grunden own_body betyder att organet beslutar om sina egna ledamöters resor, men "
                        f"{in_running_text(org.bodies[body].name)} är inte ett av organen i kategorin {category.name}. Ange grunden "
                        "delegation med ärendet i delegationsordningen, eller regulation.",
                    )
