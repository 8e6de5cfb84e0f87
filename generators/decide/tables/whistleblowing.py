"""The whistleblowing decision table: who handles a report, for everyone a report can concern.

Computed by the regulation's own queries: `route_for` (position > unit > role type > default, or
the route for a category, an external party, a function), `assess` (who steps aside for jäv and
whether the quorum remains) and `explain`. One answer per version of the regulation for every
position in the organisation, every category of person the regulation routes, every external
party and every whistleblowing function.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from generators.decide.tables.common import document_info, included
from generators.decide.text import join, sentence, upper_first
from generators.model import Model
from generators.model.common import Actor
from generators.model.organisation import Organisation
from generators.model.whistleblowing import (
    CATEGORY_LABELS,
    Concerned,
    Handler,
    WhistleblowingRegulation,
    concerned_label,
    join_titles,
    route_level_label,
    route_text,
)


def _handler_json(org: Organisation, regulation: WhistleblowingRegulation, handler: Handler | None) -> dict[str, Any] | None:
    if handler is None:
        return None
    kind = "function" if handler.function is not None else handler.actor.kind if handler.actor else "unknown"
    label = regulation.handler_label(org, handler)
    # Inside a sentence: a position or body in definite, lower-case form; a named function keeps its name.
    running = org.running_label(handler.actor) if handler.function is None and handler.actor is not None else label
    return {"key": handler.key, "kind": kind, "label": label, "text": running}


def concerned_parties(org: Organisation, regulation: WhistleblowingRegulation) -> dict[str, Concerned]:
    found: dict[str, Concerned] = {}
    for position_id in org.positions:
        found[f"position:{position_id}"] = Concerned("position", position_id)
    for category in CATEGORY_LABELS:
        found[f"category:{category}"] = Concerned("category", category)
    for external_id in org.externals:
        found[f"external:{external_id}"] = Concerned("external", external_id)
    for function in regulation.functions:
        found[f"function:{function.id}"] = Concerned("function", function.id)
    return found


def _answer(org: Organisation, regulation: WhistleblowingRegulation, who: Concerned) -> dict[str, Any]:
    route = regulation.route_for(org, who)
    if route is None:
        return {"status": "undetermined", "route": None, "route_level": None, "route_text": None, "handler": None, "handover_to": None,
                "stepping_aside": [], "stepping_aside_text": None, "remaining": None, "members": None, "independent": None,
                "lines": [regulation.explain(org, who)]}
    assessment = regulation.assess(org, route.handler, who)
    lines = [regulation.explain(org, who)]
    if route.note:
        lines.append(sentence(f"Regelns motivering: {route.note}"))
    for other in regulation.routes_for(org, who)[1:]:
        lines.append(sentence(f"Reglementets regel {route_text(org, regulation, other)} gäller inte: en regel för "
                              f"{route_level_label(route)} går före"))
    return {
        "status": "answered" if assessment.passes else "undetermined",
        "route": route.id,
        "route_level": route_level_label(route),
        "route_text": upper_first(route_text(org, regulation, route)),
        "handler": _handler_json(org, regulation, route.handler),
        "handover_to": _handler_json(org, regulation, route.handover_to),
        "stepping_aside": [org.positions[p].title if p in org.positions else p for p in assessment.conflicted],
        "stepping_aside_text": join_titles(org, assessment.conflicted) or None,
        "remaining": len(assessment.remaining) if assessment.members else None,
        "members": len(assessment.members) if assessment.members else None,
        "independent": assessment.passes,
        "lines": lines,
    }


def steps(org: Organisation, regulation: WhistleblowingRegulation) -> list[str]:
    """'Så här gör du': where to report, one step per channel (with whether it takes anonymous reports,
    the regulation's own choice), the competent authorities' external channels, and the protection."""
    found = []
    for channel in regulation.channels:
        contact = channel.url or channel.phone or channel.email
        where = f": {contact}" if contact else (f", inom {channel.within_days} dagar" if channel.within_days else "")
        anonymous = {True: " Du kan vara anonym.", False: " Den här kanalen tar inte emot anonyma rapporter.", None: ""}[channel.anonymous]
        found.append(sentence(f"{channel.name}{where}") + anonymous)
    authorities = [a.name for a in regulation.external_channels.authorities]
    if authorities:
        found.append(sentence(f"Du kan också rapportera till en behörig myndighet genom dess externa kanal, till exempel {join(authorities[:3])}"))
    found.append(sentence(regulation.protection.strip()))
    return found


def build(model: Model, versions: str, as_of: date) -> dict[str, Any] | None:
    org = model.organisation
    regulations = sorted((r for r in model.whistleblowing if included(r.meta, versions, as_of)), key=lambda r: r.meta.valid_from)
    if org is None or not regulations:
        return None
    built = []
    labels: dict[str, str] = {}
    for regulation in regulations:
        parties = concerned_parties(org, regulation)
        answers = {}
        for key, who in parties.items():
            answers[key] = _answer(org, regulation, who)
            labels[key] = concerned_label(org, regulation, who)
        meta = regulation.meta
        built.append({
            "document": document_info(model, meta),
            "valid_from": meta.valid_from.isoformat(),
            "valid_to": meta.valid_to.isoformat() if meta.valid_to else None,
            "steps": steps(org, regulation),
            "answers": answers,
        })
    role_types = {f"role_type:{r}": [f"position:{m}" for m in org.positions_of_role_type(r)] for r in org.role_types}
    labels.update({f"role_type:{r.id}": r.title for r in org.role_types.values()})
    running = {f"position:{pid}": org.running_label(Actor("position", pid)) for pid in org.positions}
    return {
        "versions": built,
        "concerned": dict(sorted(labels.items())),
        "concerned_text": {key: running.get(key, labels[key]) for key in sorted(labels)},
        "role_types": dict(sorted(role_types.items())),
    }
