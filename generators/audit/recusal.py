"""Who should have decided instead when the one who acted was jävig: the substitute on jäv the documents name.

KL 6 kap. 28 § (for employees through 7 kap. 4 §) bars a jävig person from the matter; who steps in
is not in the law but in the documents:

- a decision on delegation: the matter's own substitute, else the delegationsordning's general
  provision on jäv (`on_conflict_of_interest`), resolved for the position that acted exactly as the
  decision tables resolve it (`resolve_substitute`: a role type's holder gets their own närmaste chef);
- a trip the travel policy delegates (`basis: delegation`): the same, for the matter it names;
- a trip a förtroendevald approves on the policy's own terms: whoever the cell names for the case
  where the approver cannot decide in the matter (`own_trip_approver`);
- a trip approved on line management: a chef above the approver, the närmaste chef, which the travel
  policy accepts (a chef above the one it names) and the riktlinjer mot jäv name where they have a
  recusal paragraph.

Nothing is guessed: where the documents name nobody the answer says so, with where it looked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generators.audit.mandate import Memo, decided_trip
from generators.decide.answers import ANSWERED
from generators.decide.engine import Decider
from generators.decide.tables.delegation import resolve_substitute
from generators.model import Model
from generators.model.common import Actor, SourceRef, version_in_force
from generators.model.jav import guidelines
from generators.model.organisation import Organisation
from generators.model.travel import travel_policy_on
from generators.wording.labels import label
from generators.wording.swedish import join


@dataclass(frozen=True)
class Instead:
    """Who steps in for the jävig one, and where the documents say so."""

    should_have: str  # Swedish labels of who steps in; "" when the documents name nobody
    rule: str  # Swedish: the document, version and provision
    source: str  # file:line of the provision; "" when there is none to point at

    def clause(self, what: str) -> str:
        """The end of a finding's sentence, in Swedish: to whom `what` ("ärendet", "resan") should have
        gone, and where that is written."""
        where = f" ({self.source})" if self.source else ""
        if not self.should_have:
            return f"och {self.rule}{where}"
        return f"och {what} skulle ha lämnats till {self.should_have} enligt {self.rule}{where}"


def _at(source: SourceRef) -> str:
    location = source.location()
    return f"{location.file}:{location.line}"


def _labels(org: Organisation, actors: list[Actor]) -> str:
    return join(list(dict.fromkeys(org.label(a) for a in actors)))


def on_decision(model: Model, decider: Decider, matter_id: str, amount: float | None, day: date,
                acted: tuple[Actor, ...]) -> Instead:
    """The substitute on jäv for a decision in `matter_id` taken by `acted` (the decider's positions that day)."""
    org = model.organisation
    assert org is not None
    status, tier, piece = decider.delegate(matter_id, amount, day)
    found = model.matters_by_id(day).get(matter_id)
    if status != ANSWERED or tier is None or piece is None or found is None:
        return Instead("", f"delegationsordningarna i kraft {day.isoformat()} ger inget svar för ärendet {matter_id}", "")
    order, matter = found
    where = f"{order.meta.title} version {order.meta.version}"
    body = Actor("body", piece.body)
    if not tier["delegated"]:
        return Instead(f"{org.label(body)} själv", f"{where}, ärende {matter.number} {matter.title} (beloppet är inte delegerat)",
                       _at(matter.source))
    substitute = tier.get("substitute") or {}
    if substitute.get("source") == "matter":
        return Instead(join([str(a["label"]) for a in substitute.get("actors", [])]),
                       f"{where}, ärende {matter.number} {matter.title} (ersättare)", _at(matter.source))
    rule = order.provisions.on_conflict_of_interest
    if rule is None:
        return Instead("", f"{where} anger ingen ersättare vid jäv i de allmänna bestämmelserna; ärendet går då till "
                           f"{org.label(body)}", _at(order.provisions.source))
    delegates = matter.tiers[tier["index"]].delegates if matter.tiers and tier.get("index") is not None else matter.delegates
    if not delegates:
        return Instead("", f"{where}, ärende {matter.number} {matter.title} anger ingen delegat", _at(matter.source))
    # The one who is jävig steps aside: resolve for the position that acted (a role type's holder has a
    # närmaste chef of their own, and so has a substitute or superior who decided), else for the delegate.
    holder = next((a for a in acted if a.kind == "position"), None)
    resolved = [actor for _, actor in resolve_substitute(org, order, rule, holder or delegates[0])]
    provision = f"{where}, allmänna bestämmelser: vid jäv beslutar {label('substitution_rule', rule.rule)}"
    if not resolved:
        return Instead(org.label(body), f"{provision}, och ingen sådan finns; ärendet går till nämnden", _at(rule.source))
    return Instead(_labels(org, resolved), provision, _at(rule.source))


def on_trip(model: Model, decider: Decider, travellers: tuple[Actor, ...], countries: tuple[str, ...], day: date,
            approvers: tuple[Actor, ...], memo: Memo | None = None) -> Instead:
    """The substitute on jäv for a trip's approval, from the travel policy's cell for the trip."""
    org = model.organisation
    assert org is not None
    decisions = [d for t in travellers for c in countries if (d := decided_trip(model, t, c, day, memo)) is not None and d.approval is not None]
    if not decisions:
        return Instead("", f"resepolicyn i kraft {day.isoformat()} ger inget svar för resan", "")
    decision = decisions[0]  # the first traveller position and destination, as AU201 reports them
    approval = decision.approval
    assert approval is not None
    policy = travel_policy_on(model, day)
    cell = f"{policy.meta.title} version {policy.meta.version}, cell {approval.id}" if policy is not None else f"cell {approval.id}"
    if decision.basis == "delegation" and decision.matter is not None:
        return on_decision(model, decider, decision.matter.id, None, day, approvers)
    if approval.own_trip_approver is not None:
        return Instead(org.label(approval.own_trip_approver), f"{cell} (den som beslutar när den som annars godkänner inte får "
                                                              "besluta i saken)", _at(approval.source))
    acting = next((a for a in approvers if a.kind == "position"), None)
    if decision.basis == "line_management" and acting is not None:
        superior = org.superior(acting.id)
        position = org.positions.get(acting.id)
        chef = Actor("position", superior) if superior is not None else position.reports_to if position is not None else None
        rule = f"{cell} (arbetsledning: en chef ovanför den som godkände)"
        jav = version_in_force(guidelines(model), day)
        if jav is not None and jav.recusal is not None:
            rule += f" och {jav.meta.title} {jav.recusal.paragraph}"
        if chef is not None:
            return Instead(org.label(chef), rule, _at(approval.source))
    return Instead("", f"{cell} anger ingen annan som godkänner resan", _at(approval.source))
