"""The travel decision table: who approves a trip, for every traveller, zone and period.

Computed by the travel model's own query (`TravelPolicy.approver_for`, which places the country in
its zone, the traveller in a category, reads the approval cell, resolves a relative approver such as
"närmaste chef" against the traveller's position and a seat's own trip to its own-trip approver, and
finds the delegated matter in the delegationsordning in force). The answer for a zone is the same for
every country in it, so each period stores the country → zone map once and, per traveller and zone,
the index of the answer in the version's `answers` (asked with the zone's first country on the
period's first day; identical answers are stored once).

Periods split the policy's validity where a country group it uses changes (`check_dates`) and where a
delegationsordning it names begins or ends (the matter's version changes the answer's source).
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from generators.decide.tables.common import document_info, included, periods
from generators.decide.tables.delegation import actor_json
from generators.decide.text import lower_first, say, sentence, upper_first
from generators.model import Model
from generators.model.common import Actor
from generators.model.organisation import SEAT_LABELS, Organisation
from generators.model.travel import BASIS_LABELS, ISO_SERIES, TravelDecision, TravelPolicy, traveller_in_approving_body, traveller_label
from generators.wording.countries import country_name


def travellers(org: Organisation, policy: TravelPolicy) -> dict[str, Actor]:
    """Everyone the policy can be asked about: every position, every elected body, every seat in them."""
    found: dict[str, Actor] = {}
    for position_id in org.positions:
        actor = Actor("position", position_id)
        found[actor.key] = actor
    for category in policy.categories:
        if category.kind != "elected":
            continue
        for body_id in category.bodies:
            body = org.bodies.get(body_id)
            if body is None:
                continue
            found[f"body:{body_id}"] = Actor("body", body_id)
            for seat, count in body.seats.items():
                if count > 0 and seat in SEAT_LABELS:
                    actor = Actor("seat", seat, body_id)
                    found[actor.key] = actor
    return found


def _change_days(model: Model, policy: TravelPolicy) -> list[date]:
    """Where a delegationsordning naming one of the cells' matters begins or ends."""
    matters = {a.matter for a in policy.approvals if a.matter}
    days: set[date] = set()
    for order in model.delegations:
        if order.meta.status == "antagen" and any(m.id in matters for m in order.matters):
            days.add(order.meta.valid_from)
            if order.meta.valid_to is not None:
                days.add(order.meta.valid_to + timedelta(days=1))
    return sorted(days)


def _decision_json(model: Model, org: Organisation, policy: TravelPolicy, decision: TravelDecision) -> dict[str, Any]:
    approval = decision.approval
    if approval is None or decision.approver is None:
        return {"status": "undetermined", "approver": None, "approver_text": None, "named_approver": None, "basis": None, "basis_label": None,
                "category": decision.category.id if decision.category else None, "approval": None, "own_trip": False,
                "matter": None, "lines": [sentence(p) for p in decision.problems]}
    approver = actor_json(org, decision.approver)
    named = actor_json(org, decision.named_approver) if decision.named_approver else approver
    lines = []
    category = decision.category
    running = org.running_label
    category_name = next((c.name for c in policy.categories if c.id == approval.category), approval.category)
    zone_name = next((z.name for z in policy.zones if z.id == approval.zone), approval.zone)
    # The cell in the policy's own words (its id is for developers, in `approval`).
    cell = f"Enligt resepolicyns beslutstabell godkänner {running(approval.approver)} resor till {zone_name} för {lower_first(category_name)}"
    if decision.own_trip:
        lines.append(sentence(cell))
        lines.append(sentence(f"Den som annars godkänner är själv resenären, så {running(decision.approver)} godkänner resan"))
    elif named["key"] != approver["key"]:
        lines.append(sentence(f"{cell}, det vill säga {running(decision.approver)}"))
    else:
        lines.append(sentence(cell))
    # The approving body decides without the member who travels: the trip concerns them personally.
    sits = traveller_in_approving_body(org, decision.traveller, decision.approver)
    if sits == "member":
        lines.append(sentence(say("travel.recused", who=upper_first(traveller_label(org, decision.traveller)), approver=running(decision.approver))))
    elif sits == "may_be_member":
        lines.append(sentence(say("travel.recused.if_member", approver=running(decision.approver))))
    matter = None
    if approval.basis == "delegation" and decision.matter is not None and decision.order is not None:
        order = decision.order
        matter = {"id": decision.matter.id, "number": decision.matter.number, "title": decision.matter.title,
                  "document": order.meta.title, "version": order.meta.version}
        lines.append(sentence(f"Grund: delegation, ärende {decision.matter.number} {decision.matter.title} i "
                              f"{order.meta.title} version {order.meta.version}"))
    elif approval.basis == "delegation":
        lines.append(sentence(f"Grund: delegation, ärende {approval.matter}"))
    elif approval.basis == "regulation" and approval.regulation is not None:
        short_names = {sfs: s.short for sfs, s in model.reference.statutes.items()}
        lines.append(sentence(f"Grund: {BASIS_LABELS['regulation']} ({approval.regulation.label(short_names)})"))
    elif approval.basis == "line_management":
        lines.append("Grund: arbetsledning, inte delegering; den som godkänner gör det som chef.")
    else:
        lines.append(sentence(f"Grund: {BASIS_LABELS.get(approval.basis, approval.basis)}"))
    if approval.note:
        lines.append(sentence(f"Anmärkning: {approval.note}"))
    lines += [sentence(f"Observera: {p}") for p in decision.problems]
    return {
        "status": "answered" if not decision.problems else "undetermined",
        "approver": approver,
        "approver_text": running(decision.approver),
        "named_approver": named,
        "basis": approval.basis,
        "basis_label": BASIS_LABELS.get(approval.basis, approval.basis),
        "category": category.id if category else None,
        "approval": approval.id,
        "own_trip": decision.own_trip,
        "matter": matter,
        "lines": lines,
    }


def _version(model: Model, org: Organisation, policy: TravelPolicy, who: dict[str, Actor]) -> dict[str, Any]:
    meta = policy.meta
    reference = model.reference
    built = []
    pool: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    split = sorted(set(policy.check_dates(reference)) | set(_change_days(model, policy)))
    for period in periods(reference, meta.valid_from, meta.valid_to, (), split):
        day = period.start
        iso = reference.value_on(ISO_SERIES, day)
        codes = sorted(iso.countries) if iso is not None else []
        countries: dict[str, str] = {}
        overlaps: dict[str, list[str]] = {}
        first_of_zone: dict[str, str] = {}
        excluded: dict[str, list[str]] = {}
        for code in codes:
            zones = policy.zones_of(code, day, reference)
            if not zones:
                continue
            countries[code] = zones[0].id
            first_of_zone.setdefault(zones[0].id, code)
            if len(zones) > 1:
                overlaps[code] = [z.id for z in zones]
        for zone in policy.zones:
            if zone.include is None or zone.exclude is None:
                continue
            # Codes a zone's groups include but the zone itself takes out (Greenland from Norden).
            for code in sorted(zone.include.resolve(day, reference) & zone.exclude.resolve(day, reference)):
                if code in countries:
                    excluded.setdefault(code, []).append(zone.id)
        cells: dict[str, dict[str, int]] = {}
        for key, actor in who.items():
            per_zone = {}
            for zone_id, country in first_of_zone.items():
                decision = policy.approver_for(org, actor, country, day, reference, model.delegations)
                if decision.category is None:
                    break  # not a traveller this policy knows: no row (the lookup says so)
                per_zone[zone_id] = _pooled(pool, index, _decision_json(model, org, policy, decision))
            if per_zone:
                cells[key] = per_zone
        built.append({**period.json, "countries": countries, "overlaps": overlaps, "excluded": excluded, "cells": cells})
    return {
        "document": document_info(model, meta),
        "valid_from": meta.valid_from.isoformat(),
        "valid_to": meta.valid_to.isoformat() if meta.valid_to else None,
        "zones": {z.id: z.name for z in policy.zones},
        "categories": {c.id: c.name for c in policy.categories},
        "steps": steps(org, policy),
        "periods": built,
        "answers": pool,
    }


def steps(org: Organisation, policy: TravelPolicy) -> list[str]:
    """'Så här gör du', from the policy's own rules, in the order a traveller takes them. `{approver}`
    is a slot: `decide` and the Vem beslutar? page put the approver of the answer there."""
    rules = policy.rules
    found: list[str] = []
    if rules.meetings.digital_first:
        found.append("Pröva först om mötet kan hållas digitalt.")
    if rules.purpose.required:
        where = f" i {lower_first(rules.purpose.stated_in.rstrip('.'))}" if rules.purpose.stated_in else ""
        found.append(sentence(f"Ansök om resan och ange dess syfte{where}"))
    if rules.booking.after_approval:
        found.append("Vänta tills {approver} har godkänt resan innan du bokar.")
    else:
        found.append("Resan godkänns av {approver}.")
    if rules.booking.via_procured_agency:
        found.append(f"Boka resa och logi genom den resebyrå som {org.words.definite} har avtal med.")
    return found


def country_names(codes: set[str]) -> dict[str, str]:
    """ISO 3166-1 code → its Swedish name (CLDR, through babel): 'US' → 'USA', 'GB' → 'Storbritannien'.
    A code CLDR does not name keeps the code itself, so nothing is guessed."""
    return {code: country_name(code) for code in sorted(codes)}


def _pooled(pool: list[dict[str, Any]], index: dict[str, int], answer: dict[str, Any]) -> int:
    """Many travellers share an answer (every medarbetare's trip outside the EU/EES): store it once."""
    key = json.dumps(answer, sort_keys=True, ensure_ascii=False)
    if key not in index:
        index[key] = len(pool)
        pool.append(answer)
    return index[key]


def build(model: Model, versions: str, as_of: date) -> dict[str, Any] | None:
    org = model.organisation
    policies = sorted((p for p in model.travel if included(p.meta, versions, as_of)), key=lambda p: p.meta.valid_from)
    if org is None or not policies:
        return None
    who: dict[str, Actor] = {}
    for policy in policies:
        who.update(travellers(org, policy))
    role_types = {f"role_type:{r}": org.positions_of_role_type(r) for r in org.role_types}
    built = [_version(model, org, p, who) for p in policies]
    return {
        "versions": built,
        "country_names": country_names({code for v in built for period in v["periods"] for code in period["countries"]}),
        "travellers": {key: {"label": traveller_label(org, actor), "kind": actor.kind} for key, actor in sorted(who.items())},
        "role_types": {key: {"label": org.label(Actor("role_type", key.split(":", 1)[1])), "members": [f"position:{m}" for m in members]}
                       for key, members in sorted(role_types.items())},
    }
