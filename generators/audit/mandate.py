"""Who had the mandate: the answer of the rules in force, compared with who acted.

The answers come from the model and the decision tables (`decide_trip`, `Decider.delegate`); this
module only compares actors. Lawful besides the one named: a substitute the delegationsordning
names (absence is not in the exports, so a substitute's decision is accepted and marked), a
sub-delegate under a recorded vidaredelegation, a superior where the delegationsordning says a
superior may always decide, the nämnd itself for its own matters (it may always take a matter over),
and for line management a chef above the one named.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from generators.decide.answers import ANSWERED
from generators.decide.engine import Decider, further_for
from generators.model import Model
from generators.model.common import Actor
from generators.model.delegation import DelegationOrder
from generators.model.organisation import Organisation
from generators.model.travel import TravelDecision, decide_trip, travel_policy_on


def same_actor(org: Organisation, required: Actor | dict[str, Any], actual: Actor) -> bool:
    """`actual` (a position, body or seat) is the actor the rule names (a role type: one of its members)."""
    kind = required.kind if isinstance(required, Actor) else required.get("kind")
    ident = required.id if isinstance(required, Actor) else required.get("id")
    key = required.key if isinstance(required, Actor) else required.get("key")
    if kind == "role_type":
        return actual.kind == "position" and org.holds_role_type(actual.id, str(ident))
    return key == actual.key


def above(org: Organisation, actual: Actor, required: Actor | dict[str, Any]) -> bool:
    """`actual` is a position above the (position) actor the rule names, in the line of command."""
    kind = required.kind if isinstance(required, Actor) else required.get("kind")
    ident = str(required.id if isinstance(required, Actor) else required.get("id"))
    if actual.kind != "position":
        return False
    if kind == "position":
        return org.is_above(actual.id, ident)
    if kind == "role_type":
        return any(org.is_above(actual.id, member) for member in org.positions_of_role_type(ident))
    return False


@dataclass(frozen=True)
class Verdict:
    lawful: bool
    how: str  # Swedish: on what ground the actor was lawful ("ordinarie", "som ersättare" …), or why not
    should_have: str  # Swedish label of the actor the rules name
    rule: str  # Swedish: where the rule is written (document, version, cell or matter)
    source: str  # file:line of the rule


def _order_provisions(order: DelegationOrder | None) -> bool:
    return bool(order and order.provisions.superior_may_decide)


Memo = dict[object, object]  # `AuditContext.memo`: answers several checks ask for, once per question


def decided_trip(model: Model, traveller: Actor, country: str, day: date, memo: Memo | None = None) -> TravelDecision | None:
    """`decide_trip`, asked once per (traveller, country, day) in a run: AU201, AU204 and AU803 ask the same."""
    if memo is None:
        return decide_trip(model, traveller, country, day)
    key = ("decide_trip", traveller.key, country, day)
    if key not in memo:
        memo[key] = decide_trip(model, traveller, country, day)
    return memo[key]  # type: ignore[return-value]


def delegation_mandate(model: Model, decider: Decider, matter_id: str, amount: float | None, day: date,
                       actual: Actor, memo: Memo | None = None) -> tuple[str, dict[str, Any] | None, Any, str]:
    """(status, tier, piece, how) for a decision on a delegated matter: `how` is "" when `actual` had no
    mandate. With `memo`, asked once per question in a run (AU301, AU302 and AU305 ask the same)."""
    if memo is not None:
        key = ("delegation_mandate", matter_id, amount, day, actual.key)
        if key not in memo:
            memo[key] = delegation_mandate(model, decider, matter_id, amount, day, actual)
        return memo[key]  # type: ignore[return-value]
    org = model.organisation
    assert org is not None
    status, tier, piece = decider.delegate(matter_id, amount, day)
    if status != ANSWERED or tier is None or piece is None:
        return status, tier, piece, ""
    found = model.matters_by_id(day).get(matter_id)
    order = found[0] if found else None
    if actual.kind == "body" and actual.id == piece.body:
        return status, tier, piece, "nämnden själv"
    if tier["delegated"]:
        required = tier["decided_by"]
        if same_actor(org, required, actual):
            return status, tier, piece, "ordinarie delegat"
        substitute = tier.get("substitute") or {}
        if any(same_actor(org, s, actual) for s in substitute.get("actors", [])):
            return status, tier, piece, "som ersättare"
        if any(same_actor(org, f["to"], actual) for f in further_for(piece, amount, day.isoformat())):
            return status, tier, piece, "genom vidaredelegation"
        if _order_provisions(order) and above(org, actual, required):
            return status, tier, piece, "som överordnad chef"
    return status, tier, piece, ""


def trip_mandate(model: Model, decider: Decider, traveller: Actor, country: str, day: date,
                 approvers: tuple[Actor, ...], memo: Memo | None = None) -> tuple[TravelDecision | None, Verdict | None]:
    """The decision the rules give for the trip, and whether one of `approvers` had the mandate (None: no answer)."""
    org = model.organisation
    decision = decided_trip(model, traveller, country, day, memo)
    if org is None or decision is None or decision.approver is None or decision.approval is None:
        return decision, None
    required = decision.approver
    policy = travel_policy_on(model, day)
    policy_rule = f"{policy.meta.title} version {policy.meta.version}, " if policy is not None else ""
    policy_rule += f"cell {decision.approval.id}"
    if decision.matter is not None and decision.order is not None:
        policy_rule += (f", delegation enligt ärende {decision.matter.number} {decision.matter.title} "
                        f"i {decision.order.meta.title} version {decision.order.meta.version}")
    location = decision.approval.source.location()
    source = f"{location.file}:{location.line}"
    should_have = org.label(required)
    for actual in approvers:
        how = ""
        if same_actor(org, required, actual):
            how = "den som resepolicyn anger"
        elif decision.basis == "line_management" and actual.kind == "position" and traveller.kind == "position" \
                and above(org, actual, required) and org.is_above(actual.id, traveller.id):
            how = "chef ovanför den som resepolicyn anger (arbetsledning)"
        elif decision.basis == "delegation" and decision.matter is not None:
            _, _, _, how = delegation_mandate(model, decider, decision.matter.id, None, day, actual, memo)
        if how and not (actual.kind == "position" and traveller.kind == "position" and actual.id == traveller.id):
            return decision, Verdict(True, how, should_have, policy_rule, source)
    return decision, Verdict(False, "", should_have, policy_rule, source)
