"""Ärendet som ett resegodkännande vilar på är delegerat till just den som godkänner.

## Vad kontrolleras

För varje cell med `basis: delegation` och varje delegationsordning där ärendet finns, under
policyns giltighetstid: att godkännaren är delegat i ärendet (eller i någon av ärendets
beloppsnivåer), en befattning i en rolltyp som är delegat, eller har fått ärendet genom ett beslut om
vidaredelegation. Anger cellen `own_trip_approver` ska den vara delegat eller ersättare i ärendet,
eller den som enligt delegationsordningens allmänna bestämmelser beslutar när delegaten är jävig.
Meddelandet anger både cellen i rese- och mötespolicyn och ärendet i delegationsordningen med fil
och rad. Jämförelsen görs med aktörens sort och id, aldrig med text.

## Varför

Delegation knyts till en befattning eller en post. Pekar policyn ut en annan godkännare än
delegationsordningen, fattas besluten av någon utan mandat, och nämnden kan inte följa upp dem.

## Lagrum

KL 6 kap. 37 §, 7 kap. 5 och 6 §§ (delegation och vidaredelegation), 6 kap. 28 § (jäv).

## Exempel som godkänns

```yaml
# travel.yaml
- {id: anstallda-medarbetare-varlden, ..., approver: {position: direktor}, basis: delegation, matter: ks-resor-utanfor-eu-anstallda}
# delegation/styrelsen.yaml
- {id: ks-resor-utanfor-eu-anstallda, delegate: {position: direktor}, ...}
```

## Exempel som underkänns

```yaml
- {id: anstallda-medarbetare-varlden, ..., approver: {position: hr_direktor}, basis: delegation, matter: ks-resor-utanfor-eu-anstallda}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.checks.travel._support import delegation_check_dates, matters_on, place, with_related
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.common import Actor
from generators.model.delegation import DelegationOrder, Matter
from generators.model.organisation import Organisation
from generators.model.travel import join_names

RULE = Rule("X812", "travel-matter-delegate", "error", "Ärendet är delegerat till den som godkänner resan.",
            needs=("organisation", "delegation"), per_document="travel")

VICE_SEATS = ("vice_ordforande", "forste_vice_ordforande")


def _matches(org: Organisation, approver: Actor, delegate: Actor) -> bool:
    if approver.same_as(delegate):
        return True
    return approver.kind == "position" and delegate.kind == "role_type" and org.holds_role_type(approver.id, delegate.id)


def holds_matter(org: Organisation, order: DelegationOrder, matter: Matter, approver: Actor) -> bool:
    if any(_matches(org, approver, d) for d in matter.all_delegates()):
        return True
    return any(f.matter == matter.id and _matches(org, approver, f.to) for f in order.further_delegations)


def decides_on_conflict(org: Organisation, order: DelegationOrder, matter: Matter, actor: Actor) -> bool:
    """Substitute for a delegate who is jävig: the matter's (or a tier's) ersättare, or the general rule."""
    substitutes = [matter.substitute, *(t.substitute for t in matter.tiers)]
    if any(s is not None and _matches(org, actor, s) for s in substitutes):
        return True
    rule = order.provisions.on_conflict_of_interest
    if rule is None:
        return False
    if rule.rule == "actor" and rule.actor is not None:
        return _matches(org, actor, rule.actor)
    if rule.rule == "vice_chair":
        return actor.kind == "seat" and actor.id in VICE_SEATS and any(d.kind == "seat" and d.body == actor.body for d in matter.all_delegates())
    return False


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for policy in model.travel:
        days = delegation_check_dates(model, policy)
        for approval in policy.approvals:
            if approval.basis != "delegation" or not approval.matter:
                continue
            seen: set[int] = set()
            for day in days:
                for order, matter in matters_on(model, approval.matter, day):
                    if id(order) in seen:
                        continue
                    seen.add(id(order))
                    there = place(matter.source)
                    head = f"Cellen {approval.id} hänvisar till ärende {matter.number} {matter.id} i {order.meta.title} ({there})"
                    delegates = join_names(dict.fromkeys(org.label(d) for d in matter.all_delegates())) or "ingen"
                    if org.exists(approval.approver) and not holds_matter(org, order, matter, approval.approver):
                        yield with_related(RULE.at(
                            approval.approver.source or approval.source,
                            f"{head}, men där är delegaten {delegates}, inte {org.label(approval.approver)}. "
                            "Den som godkänner resan har alltså inget delegerat mandat; ändra godkännaren eller delegationsordningen.",
                        ), there)
                    own = approval.own_trip_approver
                    if own is not None and org.exists(own) and not holds_matter(org, order, matter, own) and not decides_on_conflict(org, order, matter, own):
                        yield with_related(RULE.at(
                            own.source or approval.source,
                            f"{head}, men {org.label(own)}, som beslutar när godkännaren själv reser, är varken delegat eller ersättare i "
                            f"ärendet (delegat: {delegates}).",
                        ), there)
