"""whistleblowing.json: the reglemente för visselblåsning resolved — channels, functions with their
member positions, deadlines next to the law's limits, routes with their handlers' positions, and a
precomputed routing table for every position and every other party a report can concern.

Published versions: adopted and not expired on the as-of date. Routing and independence come from
the regulation's own queries (`route_for`, `assess`, `handler_positions`), the same the checks use.

Looking up who handles a report about position P on day D: take the version whose valid_from ≤ D ≤
valid_to (null = open), then the `routing_table` row with `concerned.kind` "position" and
`concerned.id` P. Its `handler` handles the report, `stepping_aside` are the members who take no
part (jäv), and `handover_to` receives the conclusions. Categories (förtroendevalda, revisorer,
leverantörer och konsulter, okänd person), external parties and the functions have rows of their own.
"""

from __future__ import annotations

from typing import Any

from generators.model.organisation import Organisation
from generators.model.whistleblowing import (
    ARRANGEMENT_LABELS,
    CATEGORY_LABELS,
    EXCEPTION_LABELS,
    FEEDBACK_COUNTED_FROM_LABELS,
    FORM_LABELS,
    RETENTION_COUNTED_FROM_LABELS,
    Concerned,
    Handler,
    Route,
    WhistleblowingRegulation,
    concerned_label,
    route_level_label,
)
from generators.outputs.rules.common import RulesContext, actor_json, document_json, index_entry, is_published, legal_ref_json
from generators.outputs.rules.registry import Rendered, RulesFile
from generators.wording.labels import label


def _position_ref(org: Organisation, position_id: str) -> dict[str, str]:
    position = org.positions.get(position_id)
    return {"id": position_id, "title": position.title if position is not None else position_id}


def _handler(ctx: RulesContext, org: Organisation, regulation: WhistleblowingRegulation, handler: Handler | None) -> dict[str, Any] | None:
    if handler is None:
        return None
    return {
        "key": handler.key,
        "kind": "function" if handler.function is not None else (handler.actor.kind if handler.actor else "function"),
        "label": regulation.handler_label(org, handler),
        "function": handler.function,
        "actor": actor_json(ctx, handler.actor),
        "positions": [_position_ref(org, p) for p in sorted(regulation.handler_positions(org, handler))],
    }


def _limits(ctx: RulesContext, regulation: WhistleblowingRegulation, series_id: str, field: str, own: int) -> dict[str, Any]:
    """The law's limit on each date the regulation is checked on, and whether the regulation keeps within it."""
    series = ctx.reference.get(series_id)
    values: list[dict[str, Any]] = []
    for day in regulation.check_dates(ctx.reference):
        value = ctx.reference.value_on(series_id, day)
        values.append({"valid_from": day, "limit": getattr(value, field) if value is not None else None})
    known = [v["limit"] for v in values if v["limit"] is not None]
    return {
        "series": series_id,
        "title": series.title if series is not None else None,
        "unit": field,
        "by_date": values,
        "within_law": bool(known) and len(known) == len(values) and all(own <= limit for limit in known),
    }


def _routes(ctx: RulesContext, org: Organisation, regulation: WhistleblowingRegulation, route: Route) -> dict[str, Any]:
    concerns = route.concerns
    label = "alla som ingen annan regel gäller" if concerns.kind == "default" else _concerns_label(org, regulation, concerns.kind, concerns.value or "")
    return {
        "id": route.id,
        "concerns": {"kind": concerns.kind, "id": concerns.value, "label": label},
        "level_label": route_level_label(route),
        "handler": _handler(ctx, org, regulation, route.handler),
        "handover_to": _handler(ctx, org, regulation, route.handover_to),
        "concerned_positions": [_position_ref(org, p) for p in regulation.concerned_positions(org, route)],
        "note": route.note,
    }


def _concerns_label(org: Organisation, regulation: WhistleblowingRegulation, kind: str, value: str) -> str:
    if kind == "unit":
        for administration in org.administrations.values():
            if value in administration.units:
                return administration.units[value]
        return value
    if kind == "role_type":
        role_type = org.role_types.get(value)
        return role_type.title if role_type is not None else value
    if kind in ("position", "category", "external", "function"):
        return concerned_label(org, regulation, Concerned(kind, value))  # type: ignore[arg-type]
    return value


def _concerned_parties(org: Organisation, regulation: WhistleblowingRegulation) -> list[Concerned]:
    parties = [Concerned("position", p) for p in org.positions]
    parties += [Concerned("category", c) for c in CATEGORY_LABELS]
    parties += [Concerned("external", e) for e in org.externals]
    parties += [Concerned("function", f.id) for f in regulation.functions]
    return parties


def _routing_row(ctx: RulesContext, org: Organisation, regulation: WhistleblowingRegulation, who: Concerned) -> dict[str, Any]:
    route = regulation.route_for(org, who)
    position = org.positions.get(who.id) if who.kind == "position" else None
    row: dict[str, Any] = {
        "concerned": {"kind": who.kind, "id": who.id, "label": concerned_label(org, regulation, who)},
        "administration": None,
        "unit": None,
        "route": route.id if route is not None else None,
        "route_level": route_level_label(route) if route is not None else None,
        "handler": None,
        "handover_to": None,
        "stepping_aside": [],
        "remaining": [],
        "quorum": None,
        "independent": None,
        "explanation": regulation.explain(org, who),
    }
    if position is not None:
        administration = org.administrations.get(position.administration)
        row["administration"] = {"id": position.administration, "name": administration.name if administration else position.administration}
        unit_name = administration.units.get(position.unit) if administration and position.unit else None
        row["unit"] = {"id": position.unit, "name": unit_name or position.unit} if position.unit else None
    if route is not None:
        assessment = regulation.assess(org, route.handler, who)
        handover = regulation.assess(org, route.handover_to, who) if route.handover_to is not None else None
        row.update({
            "handler": _handler(ctx, org, regulation, route.handler),
            "handover_to": _handler(ctx, org, regulation, route.handover_to),
            "stepping_aside": [_position_ref(org, p) for p in assessment.conflicted],
            "remaining": [_position_ref(org, p) for p in assessment.remaining],
            "quorum": assessment.quorum if assessment.members else None,
            "independent": assessment.passes and (handover is None or handover.passes),
        })
    return row


def _regulation(ctx: RulesContext, org: Organisation, regulation: WhistleblowingRegulation) -> dict[str, Any]:
    receipt = regulation.receipt_confirmation
    feedback = regulation.feedback
    personal = regulation.personal_data
    retention = personal.retention
    follow = regulation.follow_up
    return {
        "document": document_json(ctx, regulation.meta),
        "scope": {"municipality": regulation.scope_municipality, "text": regulation.scope_text},
        "legal_basis": [legal_ref_json(ctx, ref) for ref in regulation.legal_basis],
        "reportable": regulation.reportable,
        "reporters": [{"id": r.id, "category": r.category, "text": r.text} for r in regulation.reporters],
        "intake": {"receiver": actor_json(ctx, regulation.intake_receiver), "text": regulation.intake_text},
        "channels": [
            {
                "id": c.id,
                "name": c.name,
                "form": c.form,
                "form_label": FORM_LABELS.get(c.form, c.form),
                "arrangement": c.arrangement,
                "arrangement_label": ARRANGEMENT_LABELS.get(c.arrangement, c.arrangement),
                "operated_by": actor_json(ctx, c.operated_by),
                "shared_with": [actor_json(ctx, a) for a in c.shared_with],
                "url": c.url,
                "phone": c.phone,
                "email": c.email,
                "within_days": c.within_days,
                "text": c.text,
            }
            for c in regulation.channels
        ],
        "external_channels": {
            "text": regulation.external_channels.text,
            "authorities": [{"id": a.id, "name": a.name, "area": a.area, "url": a.url} for a in regulation.external_channels.authorities],
            "full_list": regulation.external_channels.full_list,
        },
        "functions": [
            {
                "id": f.id,
                "name": f.name,
                "members": [actor_json(ctx, m) for m in f.members],
                "member_positions": [_position_ref(org, p) for p in regulation.function_positions(org, f.id)],
                "quorum": f.quorum,
                "fallback": _handler(ctx, org, regulation, f.fallback),
                "independence": f.independence,
                "conflict_of_interest": f.conflict_of_interest,
                "may_engage": f.may_engage,
            }
            for f in regulation.functions
        ],
        "routes": [_routes(ctx, org, regulation, r) for r in regulation.routes],
        "several_concerned": regulation.several_concerned,
        "deadlines": {
            "receipt_confirmation": {
                "id": receipt.id,
                "days": receipt.days,
                "law": _limits(ctx, regulation, receipt.reference, "days", receipt.days),
                "exceptions": [{"id": e.id, "kind": e.kind, "kind_label": EXCEPTION_LABELS.get(e.kind, e.kind), "text": e.text}
                               for e in receipt.exceptions],
                "text": receipt.text,
            },
            "feedback": {
                "id": feedback.id,
                "months": feedback.months,
                "counted_from": feedback.counted_from,
                "counted_from_label": FEEDBACK_COUNTED_FROM_LABELS[feedback.counted_from],
                "law": _limits(ctx, regulation, feedback.reference, "months", feedback.months),
                "text": feedback.text,
            },
        },
        "personal_data": {
            "id": personal.id,
            "controller": actor_json(ctx, personal.controller),
            "retention": {
                "years": retention.years,
                "counted_from": retention.counted_from,
                "counted_from_label": RETENTION_COUNTED_FROM_LABELS[retention.counted_from],
                "law": _limits(ctx, regulation, retention.reference, "years", retention.years),
                "text": retention.text,
            },
            "text": personal.text,
        },
        "archiving": {
            "id": regulation.archiving.id,
            "legal_basis": [legal_ref_json(ctx, ref) for ref in regulation.archiving.legal_basis],
            "text": regulation.archiving.text,
        },
        "confidentiality": [
            {"id": c.id, "protects": c.protects, "protects_label": label("confidentiality_protects", c.protects),
             "legal_basis": legal_ref_json(ctx, c.legal_basis), "text": c.text}
            for c in regulation.confidentiality
        ],
        "cooperation": [{"id": c.id, "with": actor_json(ctx, c.with_actor), "text": c.text} for c in regulation.cooperation],
        "follow_up": None if follow is None else {
            "id": follow.id,
            "reported_to": actor_json(ctx, follow.reported_to),
            "interval": follow.interval,
            "interval_label": label("follow_up_interval", follow.interval),
            "text": follow.text,
        },
        "protection": regulation.protection,
        "routing_table": [_routing_row(ctx, org, regulation, who) for who in _concerned_parties(org, regulation)],
    }


def render(ctx: RulesContext) -> Rendered | None:
    org = ctx.organisation
    regulations = sorted((r for r in ctx.model.whistleblowing if is_published(r.meta, ctx.as_of)),
                         key=lambda r: (r.meta.id, r.meta.valid_from))
    if org is None or not regulations:
        return None
    data = {**ctx.header(), "documents": [_regulation(ctx, org, r) for r in regulations]}
    return Rendered(data, [index_entry(r.meta, ctx.as_of) for r in regulations])


RULES_FILE = RulesFile(name="whistleblowing", render=render)
