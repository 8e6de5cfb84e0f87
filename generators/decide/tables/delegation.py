"""The delegation decision table: for each matter, each version and period, the amount tiers with the
delegate, the substitute resolved to a position, and the Swedish sentences an answer is made of.

The tiers of a period cover every amount from 0 kr upwards: where the delegationsordning sets no
delegate (above a matter's limit, or in a gap between tiers that D412 reports), a tier says that
the matter is not delegated for that amount and the body decides itself. A lookup therefore always
finds exactly one tier: the first whose `up_to` is null or at least the amount (`above` is
exclusive, `up_to` inclusive, as in delegation.json).

Substitutes: the matter's (or the tier's) own substitute when it names one; otherwise the general
provisions' rule for absence and for jäv, resolved against the delegate: `superior` is the
delegate's närmaste chef in the line of command (for a role type, each member's; for an utskott
or presidium, the body it belongs to; for the ordförande, the vice ordförande), `vice_chair` the
vice ordförande, `actor` the named actor.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from generators.decide.tables.common import (
    Period,
    UnitValue,
    amount_text,
    document_info,
    in_sek,
    included,
    periods,
    unit_value,
)
from generators.decide.text import join, kronor, lower_first, sentence
from generators.model import Model
from generators.model.common import Actor, Amount
from generators.model.delegation import DelegationOrder, Matter, SubstitutionRule, further_delegation_bounds
from generators.model.matter_kinds import MATTER_KINDS
from generators.model.organisation import Organisation
from generators.model.procurement import comparison_of
from generators.wording.labels import label
from generators.wording.limits import comparison_of as limit_comparison
from generators.wording.limits import range_text

VICE_CHAIR_SEATS = ("vice_ordforande", "forste_vice_ordforande")


def actor_json(org: Organisation | None, actor: Actor) -> dict[str, Any]:
    return {"key": actor.key, "kind": actor.kind, "id": actor.id, "label": org.label(actor) if org else actor.id}


def role_type_members(org: Organisation, actor: Actor) -> list[dict[str, Any]]:
    """The positions of a role-type delegate with their förvaltning; empty for any other delegate."""
    if actor.kind != "role_type":
        return []
    found = []
    for position_id in org.positions_of_role_type(actor.id):
        position = org.positions.get(position_id)
        member = actor_json(org, Actor("position", position_id))
        found.append({**member, "administration": position.administration if position is not None else None})
    return found


def _vice_chair(org: Organisation, body_id: str) -> Actor | None:
    body = org.bodies.get(body_id)
    if body is None:
        return None
    seat = next((s for s in VICE_CHAIR_SEATS if body.seats.get(s, 0) > 0), None)
    return Actor("seat", seat, body_id) if seat else None


def resolve_substitute(org: Organisation, order: DelegationOrder, rule: SubstitutionRule, delegate: Actor) -> list[tuple[str | None, Actor]]:
    """Who steps in for `delegate` under a general provision: [(for which position, actor)]; the
    first element is None unless a role type's members have different superiors."""
    if rule.rule == "actor":
        return [(None, rule.actor)] if rule.actor is not None else []
    if rule.rule == "vice_chair":
        seat_body = delegate.body if delegate.kind == "seat" and delegate.body else order.body
        vice = _vice_chair(org, seat_body)
        return [(None, vice)] if vice else []
    # superior
    if delegate.kind == "position":
        return _superior_of(org, delegate.id)
    if delegate.kind == "role_type":
        found: list[tuple[str | None, Actor]] = []
        for member in org.positions_of_role_type(delegate.id):
            found += [(member, actor) for _, actor in _superior_of(org, member)]
        if len({a.key for _, a in found}) == 1:
            return [(None, found[0][1])]
        return found
    if delegate.kind == "relative":
        return [(None, Actor("relative", "overordnad_chef"))]
    if delegate.kind == "seat":
        if delegate.id == "ordforande":
            vice = _vice_chair(org, delegate.body or order.body)
            return [(None, vice)] if vice else []
        return [(None, Actor("body", delegate.body or order.body))]
    if delegate.kind == "body":
        body = org.bodies.get(delegate.id)
        if body is not None and body.parent and delegate.id != order.body:
            return [(None, Actor("body", body.parent))]
        return []
    return []


def _superior_of(org: Organisation, position_id: str) -> list[tuple[str | None, Actor]]:
    superior = org.superior(position_id)
    if superior is not None:
        return [(None, Actor("position", superior))]
    position = org.positions.get(position_id)
    return [(None, position.reports_to)] if position is not None else []




def _substitution_text(org: Organisation, resolved: list[tuple[str | None, Actor]]) -> str:
    if not resolved:
        return "ingen kan utses ur de allmänna bestämmelserna; ärendet går till nämnden"
    if resolved[0][0] is None:
        return org.label(resolved[0][1])
    by_actor: dict[str, tuple[Actor, list[str]]] = {}
    for member, actor in resolved:
        by_actor.setdefault(actor.key, (actor, []))[1].append(org.label(Actor("position", member or "")))
    return "; ".join(f"{org.label(actor)} (för {join(members)})" for actor, members in by_actor.values())


def substitute_json(org: Organisation, order: DelegationOrder, delegate: Actor, own: Actor | None) -> dict[str, Any]:
    """Who decides when the delegate is absent or jävig."""
    if own is not None:
        return {
            "source": "matter",
            "actors": [actor_json(org, own)],
            "text": sentence(f"Ersättare enligt ärendet: {org.label(own)}"),
        }
    provisions = order.provisions
    parts: list[str] = []
    actors: dict[str, dict[str, Any]] = {}
    rules = [("frånvaro", provisions.on_absence), ("jäv", provisions.on_conflict_of_interest)]
    same = (provisions.on_absence is not None and provisions.on_conflict_of_interest is not None
            and provisions.on_absence.rule == provisions.on_conflict_of_interest.rule
            and provisions.on_absence.actor == provisions.on_conflict_of_interest.actor)
    if same:
        rules = [("frånvaro och jäv", provisions.on_absence)]
    for when, rule in rules:
        if rule is None:
            parts.append(f"vid {when} säger de allmänna bestämmelserna inget")
            continue
        resolved = resolve_substitute(org, order, rule, delegate)
        for _, actor in resolved:
            actors.setdefault(actor.key, actor_json(org, actor))
        parts.append(f"vid {when} beslutar {label('substitution_rule', rule.rule)} enligt de allmänna bestämmelserna: "
                     f"{_substitution_text(org, resolved)}")
    return {"source": "general_provisions", "actors": list(actors.values()), "text": sentence("; ".join(parts))}


def _per(amount: Amount | None) -> str:
    if amount is None:
        return ""
    text = f" {label('per', amount.per)}" if amount.per else ""
    if amount.excluding_vat:
        text += " exklusive moms"
    return text


def _range_label(above: str | None, up_to: str | None, per: str, above_comparison: str | None = None,
                 up_to_comparison: str | None = None) -> str:
    return (range_text(above, up_to, above_comparison, up_to_comparison) or "utan beloppsgräns") + per


def _tier(index: int | None, delegated: bool, above: Decimal | None, up_to: Decimal | None, label: str,
          decided_by: dict[str, Any], substitute: dict[str, Any] | None, body_name: str, steps: list[str],
          above_inclusive: bool = False, up_to_inclusive: bool = True, members: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    if delegated:
        applies = f"ligger i nivån {label}: {decided_by['label']} beslutar."
    else:
        applies = (f"ligger {label}, där ärendet inte är delegerat: {lower_first(body_name)} beslutar själv.")
    return {
        "index": index,
        "delegated": delegated,
        "above": above,
        "above_inclusive": above_inclusive,
        "up_to": up_to,
        "up_to_inclusive": up_to_inclusive,
        "label": label,
        "decided_by": decided_by,
        "substitute": substitute,
        "applies": applies,
        "rejected_if_higher": sentence(f"Nivån {label} gäller inte: beloppet är högre"),
        "rejected_if_lower": sentence(f"Nivån {label} gäller inte: beloppet är lägre"),
        "steps": steps,
        # A role type's holders, each deciding within their own förvaltning ("respektive förvaltningschef
        # inom sitt område"): a question that names the förvaltning gets the one holder there.
        "members": members or [],
    }


def _tier_steps(model: Model, order: DelegationOrder, matter: Matter, delegates: tuple[Actor, ...] | None,
                substitute: dict[str, Any] | None) -> list[str]:
    """'Så här gör du' in one tier, finished sentences: the matter's conditions (samråd, yttrande),
    who takes the decision (on delegation, with the substitute; or the body itself, where the matter
    is not delegated), and whether the decision is reported to the body. `delegates` None: the body."""
    org = model.organisation
    assert org is not None
    found = conditions(model, matter)
    body = org.running_label(Actor("body", order.body))
    if delegates is None:
        found.append(sentence(f"Ärendet är inte delegerat på den här nivån: {body} beslutar själv"))
        return found
    if not delegates:
        found.append("Raden är ren verkställighet och ingen delegering: uppgiften utförs i verksamheten utan något delegationsbeslut.")
        reporting = _reporting(model, order, matter)
        return found + ([reporting] if reporting else [])
    names = [org.running_label(a) for a in delegates]
    found.append(sentence(f"Beslutet fattas av {names[0]} på delegation från {body}" if len(names) == 1
                          else f"Beslutet fattas gemensamt av {join(names)} på delegation från {body}"))
    members = role_type_members(org, delegates[0]) if len(delegates) == 1 else []
    if len(members) > 1:
        found.append(sentence(f"Var och en beslutar inom sitt eget område: {join([m['label'] for m in members])}"))
    if substitute is not None and substitute["actors"]:
        found.append(substitute["text"])
    reporting = _reporting(model, order, matter)
    if reporting:
        found.append(reporting)
    return found


def _matter_units(matter: Matter, order: DelegationOrder) -> set[str]:
    amounts = [matter.limit, *[a for t in matter.tiers for a in (t.above, t.up_to)]]
    amounts += [f.limit for f in order.further_delegations if f.matter == matter.id]
    return {a.unit for a in amounts if a is not None}


def _direct_procurement_series(model: Model, matter: Matter) -> tuple[str, str, str] | None:
    """(series id, statute short name, chapter) of the law's direct-procurement limit when the matter is
    a direct procurement: an upphandling matter citing the chapter the reference data names for the
    limit (LOU 19 a kap., LUF 19 a kap.). From the law alone: the organisation's procurement policy,
    or the lack of one, changes nothing (direct procurement at or above the limit is never allowed)."""
    if matter.kind != "upphandling":
        return None
    for series in model.reference.legal_limits("direct_procurement"):
        limit = series.legal_limit
        if limit is not None and any(ref.cites(limit.sfs, limit.chapter) for ref in matter.legal_basis):
            statute = model.reference.statutes.get(limit.sfs)
            return series.id, statute.short if statute else f"SFS {limit.sfs}", limit.chapter
    return None


def _direct_procurement(model: Model, matter: Matter, day: date) -> dict[str, Any] | None:
    """The law's limit for direct procurement on `day` when the matter is a direct procurement; None otherwise."""
    found = _direct_procurement_series(model, matter)
    if found is None:
        return None
    series_id, short, chapter = found
    value = model.reference.value_on(series_id, day)
    if value is None or value.value is None:
        return None
    comparison = comparison_of(value) or "below"
    limit = value.value
    wording = "under" if comparison == "below" else "upp till och med"
    return {
        "limit": limit,
        "comparison": comparison,
        "text": sentence(f"Direktupphandling på grund av lågt värde får bara användas {wording} direktupphandlingsgränsen, "
                         f"{kronor(Decimal(str(limit)))} ({short} {chapter} kap.; {value.source_title})"),
    }


def _period_tiers(model: Model, order: DelegationOrder, matter: Matter, values: dict[str, UnitValue], period: Period) -> list[dict[str, Any]]:
    org = model.organisation
    assert org is not None
    body = Actor("body", order.body)
    body_json = actor_json(org, body)
    body_name = body_json["label"]
    written = list(matter.tiers) if matter.tiers else None
    rows: list[tuple[int | None, Amount | None, Amount | None, tuple[Actor, ...], Actor | None]]
    if written is not None:
        rows = [(i, t.above, t.up_to, t.delegates, t.substitute) for i, t in enumerate(written)]
    else:
        rows = [(None, None, matter.limit, matter.delegates, matter.substitute)]
    tiers: list[dict[str, Any]] = []
    # What the tiers so far cover: every amount below `previous_up_to`, and the amount itself when
    # `previous_inclusive` (nothing yet: below 0 kr). A tier "under 580 000 kr" leaves 580 000 kr to the next.
    previous_up_to: Decimal | None = Decimal(0)
    previous_inclusive = False
    previous_text = "0 kr"
    for index, above, up_to, delegates, own_substitute in rows:
        above_sek = in_sek(above, values[above.unit]) if above is not None else None
        up_to_sek = in_sek(up_to, values[up_to.unit]) if up_to is not None else None
        above_text = amount_text(above, values[above.unit], period) if above is not None else None
        up_to_text = amount_text(up_to, values[up_to.unit], period) if up_to is not None else None
        start = above_sek if above_sek is not None else Decimal(0)
        start_inclusive = above.lower_inclusive if above is not None else True
        if previous_up_to is not None and (start > previous_up_to or (start == previous_up_to and not previous_inclusive
                                                                      and not start_inclusive)):
            # A gap the delegationsordning leaves (D412 reports it): the body decides there.
            gap_from = previous_up_to if previous_up_to or previous_inclusive else None
            gap_label = _range_label(previous_text if gap_from is not None else None, above_text, "",
                                     limit_comparison(not previous_inclusive, upper=False), limit_comparison(not start_inclusive, upper=True))
            tiers.append(_tier(None, False, gap_from, start, gap_label, body_json, None, body_name,
                               _tier_steps(model, order, matter, None, None), not previous_inclusive, not start_inclusive))
        members: list[dict[str, Any]] = []
        if not delegates:  # ren verkställighet naming no delegate (the schema allows no other row without one)
            decided_by = {"key": None, "kind": "execution", "id": None, "label": "Ingen delegat (ren verkställighet)"}
            substitute = None
        elif len(delegates) == 1:
            decided_by = actor_json(org, delegates[0])
            substitute = substitute_json(org, order, delegates[0], own_substitute)
            members = role_type_members(org, delegates[0])
        else:  # a joint delegation (D403 reports it): shown as written, no single delegate
            decided_by = {"key": None, "kind": "joint", "id": None, "label": "gemensamt " + join([org.label(a) for a in delegates])}
            substitute = None
        label = _range_label(above_text, up_to_text, _per(up_to or above), above.comparison if above else None,
                             up_to.comparison if up_to else None)
        tiers.append(_tier(index, True, above_sek, up_to_sek, label, decided_by, substitute, body_name,
                           _tier_steps(model, order, matter, delegates, substitute),
                           above.lower_inclusive if above is not None else False, up_to.upper_inclusive if up_to is not None else True,
                           members))
        previous_up_to, previous_text = up_to_sek, up_to_text or ""
        previous_inclusive = up_to.upper_inclusive if up_to is not None else True
    if previous_up_to is not None and tiers and tiers[-1]["up_to"] is not None:
        limit = rows[-1][2]
        beyond = range_text(previous_text, None, limit_comparison(not previous_inclusive, upper=False))
        label = f"{beyond}{_per(limit)}" + (", över delegationens beloppsgräns" if written is None else ", över den högsta nivån")
        tiers.append(_tier(None, False, previous_up_to, None, label, body_json, None, body_name,
                           _tier_steps(model, order, matter, None, None), not previous_inclusive))
    return tiers


def _further(model: Model, order: DelegationOrder, matter: Matter, values: dict[str, UnitValue], period: Period) -> list[dict[str, Any]]:
    org = model.organisation
    assert org is not None
    found = []
    for further in order.further_delegations:
        if further.matter != matter.id:
            continue
        above, up_to = further_delegation_bounds(matter, further)
        above_sek = in_sek(above, values[above.unit]) if above is not None else None
        up_to_sek = in_sek(up_to, values[up_to.unit]) if up_to is not None else None
        label = _range_label(amount_text(above, values[above.unit], period) if above else None,
                             amount_text(up_to, values[up_to.unit], period) if up_to else None, _per(up_to or above),
                             above.comparison if above else None, up_to.comparison if up_to else None)
        start = max(order.meta.valid_from, further.decided)
        to = actor_json(org, further.to)
        by = actor_json(org, further.by)
        found.append({
            "id": further.id,
            "from": start.isoformat(),
            "to": to,
            "by": by,
            "above": above_sek,
            "above_inclusive": above.lower_inclusive if above is not None else False,
            "up_to": up_to_sek,
            "up_to_inclusive": up_to.upper_inclusive if up_to is not None else True,
            "reference": further.reference,
            "text": sentence(f"{to['label']} får också besluta genom vidaredelegation från {lower_first(by['label'])} "
                             f"(beslut {further.reference}, {further.decided.isoformat()}), {label}")
                    + (f" {sentence(further.note)}" if further.note else ""),
        })
    return found


def _reporting(model: Model, order: DelegationOrder, matter: Matter) -> str | None:
    reporting = matter.reporting
    if reporting is None:
        return None
    if reporting.reported:
        interval = reporting.interval or order.provisions.reporting_interval
        body = model.organisation.label(Actor("body", order.body)) if model.organisation else order.body
        via = f" via {model.organisation.running_label(reporting.via)}" if reporting.via is not None and model.organisation else ""
        return sentence(f"Beslutet anmäls till {lower_first(body)} {label('reporting_interval', interval)}{via}")
    recorded = f" {reporting.recorded_as}" if reporting.recorded_as else ""
    return sentence(f"Beslutet anmäls inte.{recorded}")


def conditions(model: Model, matter: Matter) -> list[str]:
    """The matter's conditions as sentences: its own text, or the condition's label and with whom."""
    org = model.organisation
    found = []
    for condition in matter.conditions:
        if condition.text:
            found.append(sentence(condition.text))
        elif condition.with_actor is not None and org is not None:
            found.append(sentence(f"{label('condition', condition.kind)} {org.label(condition.with_actor)}"))
        else:
            found.append(sentence(label("condition", condition.kind)))
    return found


def _matter_json(model: Model, order: DelegationOrder, matter: Matter) -> dict[str, Any]:
    short_names = {sfs: s.short for sfs, s in model.reference.statutes.items()}
    kind = MATTER_KINDS.get(matter.kind)
    section_number = next((number for sid, number, _ in order.sections if sid == matter.section_id), "")
    return {
        "id": matter.id,
        "number": matter.number,
        "title": matter.title,
        "kind": matter.kind,
        "kind_label": kind.label if kind else matter.kind,
        "section": f"{section_number} {matter.section_title}".strip(),
        "legal_basis": [ref.label(short_names) for ref in matter.legal_basis],
        "conditions": conditions(model, matter),
        "reporting": _reporting(model, order, matter),
        "execution_only": matter.execution_only,
        "further_delegation_allowed": matter.further_delegation,
        "amount_unit": amount_unit(matter),
        "note": matter.note,
    }


def amount_unit(matter: Matter) -> str | None:
    """What the matter's amounts are counted per, for the place where an amount is asked: 'per år och
    samma slag, exklusive moms' (a five-year lease is then asked per year, not for its whole term).
    None when the matter has no amount, or its amounts do not say."""
    amounts = [a for a in ([matter.limit] + [b for t in matter.tiers for b in (t.above, t.up_to)]) if a is not None]
    pers = sorted({a.per for a in amounts if a.per})
    if not pers:
        return None
    text = " eller ".join(label("per", per) for per in pers)
    vat = {a.excluding_vat for a in amounts}
    if vat == {True}:
        text += ", exklusive moms"
    elif vat == {False}:
        text += ", inklusive moms"
    return text


def _versions_entry(model: Model, order: DelegationOrder, matter: Matter) -> dict[str, Any]:
    meta = order.meta
    units = _matter_units(matter, order)
    extra = [f.decided for f in order.further_delegations if f.matter == matter.id]
    direct = _direct_procurement_series(model, matter)
    if direct is not None and (series := model.reference.get(direct[0])) is not None:
        extra += [d for d in series.change_dates() if d > meta.valid_from and (meta.valid_to is None or d <= meta.valid_to)]
    built = []
    for period in periods(model.reference, meta.valid_from, meta.valid_to, units, extra):
        values = {unit: unit_value(model.reference, unit, period) for unit in units}
        unknown = [v for v in values.values() if v.per_unit is None]
        entry: dict[str, Any] = {
            **period.json,
            "known": not unknown,
            "reason": " ".join(v.reason or "" for v in unknown) or None,
            "reference_values": [v.reference_json() for v in values.values() if v.unit != "sek" and v.per_unit is not None],
            "tiers": [],
            "further": [],
            "direct_procurement": _direct_procurement(model, matter, period.start),
        }
        if not unknown:
            entry["tiers"] = _period_tiers(model, order, matter, values, period)
            entry["further"] = [f for f in _further(model, order, matter, values, period)
                                if f["from"] <= (period.end.isoformat() if period.end else "9999-12-31")]
        built.append(entry)
    return {
        "body": order.body,
        "document": document_info(model, meta),
        "matter": _matter_json(model, order, matter),
        "valid_from": meta.valid_from.isoformat(),
        "valid_to": meta.valid_to.isoformat() if meta.valid_to else None,
        "periods": built,
    }


def build(model: Model, versions: str, as_of: date) -> dict[str, Any] | None:
    org = model.organisation
    if org is None:
        return None
    orders = sorted((o for o in model.delegations if included(o.meta, versions, as_of)),
                    key=lambda o: (o.body, o.meta.id, o.meta.valid_from, o.meta.version))
    matters: dict[str, list[dict[str, Any]]] = {}
    by_kind: dict[str, dict[str, list[str]]] = {}
    bodies: dict[str, str] = {}
    retired: dict[str, dict[str, Any]] = {}
    for order in orders:
        bodies[order.body] = org.label(Actor("body", order.body))
        for matter in order.matters:
            matters.setdefault(matter.id, []).append(_versions_entry(model, order, matter))
            kinds = by_kind.setdefault(order.body, {}).setdefault(matter.kind, [])
            if matter.id not in kinds:
                kinds.append(matter.id)
        for gone in order.retired_matters:
            retired[gone.id] = {
                "document": order.meta.id,
                "version": order.meta.version,
                "retired_on": gone.retired_on.isoformat(),
                "reason": gone.reason,
                "replaced_by": gone.replaced_by,
            }
    for entries in matters.values():
        entries.sort(key=lambda e: e["valid_from"])
    kind_labels = {kind: MATTER_KINDS[kind].label if kind in MATTER_KINDS else kind
                   for per_body in by_kind.values() for kind in per_body}
    return {
        "bodies": dict(sorted(bodies.items())),
        "matters": dict(sorted(matters.items())),
        "by_kind": {body: dict(sorted(kinds.items())) for body, kinds in sorted(by_kind.items())},
        "kind_labels": dict(sorted(kind_labels.items())),
        "retired": dict(sorted(retired.items())),
    }
