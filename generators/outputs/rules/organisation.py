"""organisation.json: the municipality, its bodies, förvaltningar, positions with the line of
command resolved, role types with their member positions, and the external parties."""

from __future__ import annotations

from typing import Any

from generators.model.common import Actor
from generators.model.organisation import LEVEL_LABELS, POLITICAL_BODY_KINDS, SEAT_LABELS, Organisation
from generators.outputs.rules.common import RulesContext, actor_json, document_json, index_entry, raw_at
from generators.outputs.rules.registry import Rendered, RulesFile

BODY_KIND_LABELS = {
    "fullmaktige": "fullmäktige",
    "styrelse": "styrelse",
    "namnd": "nämnd",
    "utskott": "utskott",
    "presidium": "presidium",
    "revision": "revision",
    "krisledningsnamnd": "krisledningsnämnd",
    "direktion": "direktion",
    "gemensam_namnd": "gemensam nämnd",
}
EXTERNAL_KIND_LABELS = {
    "extern_mottagare": "extern mottagare",
    "revisionsbitrade": "revisionsbiträde",
    "annan_kommun": "annan kommun",
    "annan_region": "annan region",
    "konsult": "konsult",
    "myndighet": "myndighet",
}


def _named(table: dict[str, Any], entity_id: str | None, attribute: str) -> dict[str, str] | None:
    if entity_id is None:
        return None
    entity = table.get(entity_id)
    return {"id": entity_id, "name": getattr(entity, attribute) if entity is not None else entity_id}


def _position_ref(org: Organisation, position_id: str) -> dict[str, str]:
    position = org.positions.get(position_id)
    return {"id": position_id, "title": position.title if position is not None else position_id}


def _municipality(org: Organisation) -> dict[str, Any]:
    m = org.municipality
    return {
        "id": m["id"],
        "name": m["name"],
        "kind": m["kind"],
        "organisation_number": m.get("organisation_number"),
        "website": m.get("website"),
        "workers": [{"year": w["year"], "count": w["count"], "source": w["source"]} for w in m.get("workers", ())],
    }


def render(ctx: RulesContext) -> Rendered | None:
    org = ctx.organisation
    if org is None:
        return None
    bodies = [
        {
            "id": b.id,
            "name": b.name,
            "kind": b.kind,
            "kind_label": BODY_KIND_LABELS.get(b.kind, b.kind),
            "political": b.kind in POLITICAL_BODY_KINDS,
            "parent": b.parent,
            # The förvaltning that serves the body (an utskott or presidium: its parent's).
            "administration": org.administration_of_body(b.id),
            "adopts": list(b.adopts),
            "seats": {seat: {"count": count, "label": SEAT_LABELS.get(seat, seat)} for seat, count in b.seats.items()},
            "description": b.description,
        }
        for b in org.bodies.values()
    ]
    administrations = [
        {
            "id": a.id,
            "name": a.name,
            "serves": list(a.serves),
            "head": actor_json(ctx, Actor("position", a.head)),
            "units": [{"id": unit_id, "name": name} for unit_id, name in a.units.items()],
        }
        for a in org.administrations.values()
    ]
    positions = []
    for p in org.positions.values():
        unit_name = org.administrations[p.administration].units.get(p.unit) if p.unit and p.administration in org.administrations else None
        positions.append(
            {
                "id": p.id,
                "title": p.title,
                "level": p.level,
                "level_label": LEVEL_LABELS.get(p.level, p.level),
                "administration": _named(org.administrations, p.administration, "name"),
                "unit": None if p.unit is None else {"id": p.unit, "name": unit_name or p.unit},
                "reports_to": actor_json(ctx, p.reports_to),
                "superiors": [_position_ref(org, s) for s in org.superiors(p.id)],
                "top_body": org.top_body(p.id),
                "subordinates_count": len(org.subordinates.get(p.id, ())),
                "direct_reports": sorted(q.id for q in org.positions.values() if org.superior(q.id) == p.id),
                "description": p.description,
            }
        )
    role_types = [
        {
            "id": r.id,
            "title": r.title,
            "levels": list(r.levels),
            "administration": r.administration,
            # Listed members, or every position of the listed levels (in the förvaltning if given).
            "members_listed": bool(r.members),
            "members": [_position_ref(org, pid) for pid in org.positions_of_role_type(r.id)],
        }
        for r in org.role_types.values()
    ]
    externals = [
        {
            "id": e.id,
            "name": e.name,
            "kind": e.kind,
            "kind_label": EXTERNAL_KIND_LABELS.get(e.kind, e.kind),
            "description": e.description,
            "contact": raw_at(e.source, "contact"),
        }
        for e in org.externals.values()
    ]
    data = {
        **ctx.header(),
        "document": document_json(ctx, org.meta),
        "municipality": _municipality(org),
        "bodies": bodies,
        "administrations": administrations,
        "positions": positions,
        "role_types": role_types,
        "externals": externals,
    }
    return Rendered(data, [index_entry(org.meta, ctx.as_of)])


RULES_FILE = RulesFile(name="organisation", render=render)
