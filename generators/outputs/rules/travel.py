"""travel.json: the rese- och mötespolicy resolved — zones with their countries per period, traveller
categories with their positions and bodies, the approval table with resolved approvers, the rules.

Published versions: adopted and not expired on the as-of date. Everything is computed by the
travel model's queries (`zone_members`, `categories_of_position`, `resolve_for_position`), so the
file says what the checks checked.

Looking up who approves a trip by traveller T to country X on day D: take the version whose
valid_from ≤ D ≤ valid_to (null = open); the zone whose `periods` entry for D lists X; the category
that lists T (`positions` for an employee, `bodies` for a förtroendevald); the approval with that
category and zone. For an employee, `resolved` gives the approver for each position (a relative
actor such as närmaste chef is resolved there, and own trips are already substituted).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from generators.model.organisation import LEVEL_LABELS, Organisation
from generators.model.travel import BASIS_LABELS, CATEGORY_KIND_LABELS, Approval, CountrySet, TravellerCategory, TravelPolicy
from generators.outputs.rules.common import (
    RulesContext,
    actor_json,
    amount_json,
    body_json,
    document_json,
    index_entry,
    is_published,
    legal_ref_json,
)
from generators.outputs.rules.registry import Rendered, RulesFile
from generators.wording.labels import label


def _position_ref(org: Organisation, position_id: str) -> dict[str, str]:
    position = org.positions.get(position_id)
    return {"id": position_id, "title": position.title if position is not None else position_id}


def _country_set(country_set: CountrySet | None) -> dict[str, Any] | None:
    if country_set is None:
        return None
    return {"groups": list(country_set.groups), "countries": list(country_set.countries)}


def _periods(ctx: RulesContext, policy: TravelPolicy) -> list[tuple[date, date | None]]:
    """The policy's validity split at every change of the reference data its zones use."""
    days = policy.check_dates(ctx.reference)
    ends: list[date | None] = [d - timedelta(days=1) for d in days[1:]]
    ends.append(policy.meta.valid_to)
    return list(zip(days, ends, strict=True))


def _zones(ctx: RulesContext, policy: TravelPolicy) -> list[dict[str, Any]]:
    periods = _periods(ctx, policy)
    outside = {start: policy.zones_outside_eu_ees(start, ctx.reference) for start, _ in periods}
    return [
        {
            "id": zone.id,
            "name": zone.name,
            "description": zone.description,
            "rest": zone.rest,
            "include": _country_set(zone.include),
            "exclude": _country_set(zone.exclude),
            "periods": [
                {
                    "valid_from": start,
                    "valid_to": end,
                    "countries": sorted(policy.zone_members(zone.id, start, ctx.reference)),
                    "outside_eu_ees": sorted(outside[start].get(zone.id, ())),
                }
                for start, end in periods
            ],
        }
        for zone in policy.zones
    ]


def _category(ctx: RulesContext, org: Organisation, category: TravellerCategory) -> dict[str, Any]:
    return {
        "id": category.id,
        "name": category.name,
        "kind": category.kind,
        "kind_label": CATEGORY_KIND_LABELS.get(category.kind, category.kind),
        "levels": list(category.levels),
        "level_labels": [LEVEL_LABELS.get(level, level) for level in category.levels],
        "positions": [_position_ref(org, p) for p in category.member_positions(org)],
        "bodies": [body_json(ctx, b) for b in category.bodies],
        "description": category.description,
    }


def _matter(ctx: RulesContext, matter_id: str | None) -> dict[str, Any] | None:
    """Where the matter a delegated approval rests on stands, in every published delegationsordning."""
    if matter_id is None:
        return None
    found = []
    for order in sorted(ctx.model.delegations, key=lambda o: (o.body, o.meta.valid_from, o.meta.version)):
        if not is_published(order.meta, ctx.as_of):
            continue
        for matter in order.matters:
            if matter.id == matter_id:
                found.append({
                    "document_id": order.meta.id,
                    "document_version": order.meta.version,
                    "valid_from": order.meta.valid_from,
                    "valid_to": order.meta.valid_to,
                    "body": body_json(ctx, order.body),
                    "number": matter.number,
                    "title": matter.title,
                    "kind": matter.kind,
                    "delegates": [actor_json(ctx, a) for a in matter.all_delegates()],
                    "source_file": order.file,
                })
    return {"id": matter_id, "found_in": found}


def _approval(ctx: RulesContext, org: Organisation, policy: TravelPolicy, approval: Approval) -> dict[str, Any]:
    category = policy.category(approval.category)
    resolved = []
    if category is not None and category.kind == "employee":
        for position_id in category.member_positions(org):
            r = policy.resolve_for_position(org, approval, position_id)
            resolved.append({
                "position": _position_ref(org, position_id),
                "approver": actor_json(ctx, r.actor),
                "own_trip": r.own_trip,
                "stands_above": r.allowed,
            })
    return {
        "id": approval.id,
        "category": approval.category,
        "zone": approval.zone,
        "approver": actor_json(ctx, approval.approver),
        "basis": approval.basis,
        "basis_label": BASIS_LABELS.get(approval.basis, approval.basis),
        "matter": _matter(ctx, approval.matter),
        "regulation": legal_ref_json(ctx, approval.regulation) if approval.regulation is not None else None,
        "own_trip_approver": actor_json(ctx, approval.own_trip_approver),
        "note": approval.note,
        "resolved": resolved,
    }


def _rules(ctx: RulesContext, policy: TravelPolicy) -> dict[str, Any]:
    r = policy.rules
    follow = r.follow_up
    return {
        "purpose": {"id": r.purpose.id, "required": r.purpose.required, "stated_in": r.purpose.stated_in, "text": r.purpose.text},
        "meetings": {"id": r.meetings.id, "digital_first": r.meetings.digital_first, "text": r.meetings.text},
        "climate": {
            "id": r.climate.id,
            "train_below_km": r.climate.train_below_km,
            "train_below_hours": r.climate.train_below_hours,
            "exceptions_decided_by": actor_json(ctx, r.climate.exceptions_decided_by),
            "text": r.climate.text,
        },
        "booking": {"id": r.booking.id, "via_procured_agency": r.booking.via_procured_agency, "after_approval": r.booking.after_approval,
                    "text": r.booking.text},
        "costs": [{"id": c.id, "title": c.title, "limit": amount_json(ctx, c.limit, policy.meta), "text": c.text} for c in r.costs],
        "follow_up": None if follow is None else {
            "id": follow.id,
            "reported_to": actor_json(ctx, follow.reported_to),
            "interval": follow.interval,
            "interval_label": label("follow_up_interval", follow.interval),
            "text": follow.text,
        },
        "other": [{"id": o.id, "text": o.text} for o in r.other],
    }


def _policy(ctx: RulesContext, org: Organisation, policy: TravelPolicy) -> dict[str, Any]:
    return {
        "document": document_json(ctx, policy.meta),
        "scope": {"employees": policy.scope_employees, "elected": policy.scope_elected, "text": policy.scope_text},
        "zones": _zones(ctx, policy),
        "categories": [_category(ctx, org, c) for c in policy.categories],
        "approvals": [_approval(ctx, org, policy, a) for a in policy.approvals],
        "rules": _rules(ctx, policy),
        "legal_basis": [legal_ref_json(ctx, ref) for ref in policy.legal_basis],
    }


def render(ctx: RulesContext) -> Rendered | None:
    org = ctx.organisation
    policies = sorted((p for p in ctx.model.travel if is_published(p.meta, ctx.as_of)), key=lambda p: (p.meta.id, p.meta.valid_from))
    if org is None or not policies:
        return None
    data = {**ctx.header(), "documents": [_policy(ctx, org, p) for p in policies]}
    return Rendered(data, [index_entry(p.meta, ctx.as_of) for p in policies])


RULES_FILE = RulesFile(name="travel", render=render)
