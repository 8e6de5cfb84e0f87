"""The travel model's queries: zones per date, categories, the approval cell, who approves a trip.

Expectations come from the example policies and the reference data through the model, so the tests
hold while the example grows; the few fixed facts (Norway is Nordic, the USA is outside the EU/EES)
are facts of the world, not of the example.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from generators.model import Model
from generators.model.common import Actor
from generators.model.travel import ISO_SERIES, TravelPolicy, decide_trip, travel_policy_on, traveller_in_approving_body
from generators.pipeline import load_and_check
from tests.conftest import EXAMPLE_POLICIES, TODAY


@pytest.fixture(scope="module")
def model() -> Model:
    return load_and_check(EXAMPLE_POLICIES, TODAY).model


@pytest.fixture(scope="module")
def policy(model: Model) -> TravelPolicy:
    found = travel_policy_on(model, TODAY)
    assert found is not None
    return found


def test_every_iso_code_is_in_exactly_one_zone_on_every_check_date(model: Model, policy: TravelPolicy) -> None:
    days = policy.check_dates(model.reference)
    assert days[0] == policy.meta.valid_from
    for day in days:
        iso = model.reference.value_on(ISO_SERIES, day)
        assert iso is not None
        for code in iso.countries:
            assert len(policy.zones_of(code, day, model.reference)) == 1, (code, day)


@pytest.mark.parametrize(
    ("country", "expected_group"),
    [("SE", None), ("NO", "norden"), ("AX", "norden"), ("DE", "eu-ees"), ("RE", "eu-ees"), ("US", None), ("FO", None), ("CH", None)],
)
def test_zone_of_follows_the_groups(model: Model, policy: TravelPolicy, country: str, expected_group: str | None) -> None:
    zone = policy.zone_of(country, TODAY, model.reference)
    assert zone is not None
    if country == "SE":
        assert zone.include is not None and zone.include.countries == ("SE",)
    elif expected_group is None:
        assert zone.rest, f"{country} should fall to the rest of the world"
    else:
        assert zone.include is not None and expected_group in zone.include.groups
    assert country in policy.zone_members(zone.id, TODAY, model.reference)


def test_unquoted_no_in_the_nordic_zone_is_norway_and_changes_nothing(policies_copy: Path) -> None:
    """(e) A policy owner types NO without quotes: it stays the text "NO", Norway stays in Norden,
    and the check result is identical to the unedited example's."""
    before = load_and_check(EXAMPLE_POLICIES, TODAY)
    target = policies_copy / "travel.yaml"
    text = target.read_text(encoding="utf-8")
    needle = "    include:\n      groups: [norden]\n"
    assert text.count(needle) == 1
    target.write_text(text.replace(needle, needle + "      countries: [NO]\n"), encoding="utf-8")
    after = load_and_check(policies_copy, TODAY)

    policy_before = travel_policy_on(before.model, TODAY)
    policy_after = travel_policy_on(after.model, TODAY)
    assert policy_before is not None and policy_after is not None
    nordic = next(z for z in policy_after.zones if z.include is not None and "norden" in z.include.groups)
    assert nordic.include is not None and nordic.include.countries == ("NO",)
    assert "NO" in policy_after.zone_members(nordic.id, TODAY, after.model.reference)
    for day in policy_after.check_dates(after.model.reference):
        for zone in policy_after.zones:
            assert policy_after.zone_members(zone.id, day, after.model.reference) == policy_before.zone_members(zone.id, day, before.model.reference)

    def shown(result: object) -> list[tuple[str, str, int, int, str]]:
        return [(d.code, d.file.split("policies/")[-1], d.line, d.column, d.message) for d in result.diagnostics]  # type: ignore[attr-defined]

    assert shown(after.result) == shown(before.result)


def test_every_position_and_elected_body_has_exactly_one_category(model: Model, policy: TravelPolicy) -> None:
    org = model.organisation
    assert org is not None
    for position_id in org.positions:
        assert len(policy.categories_of_position(org, position_id)) == 1, position_id
        assert policy.category_of_position(org, position_id) is not None
    for body_id in org.bodies:
        assert policy.category_of_body(body_id) is not None, body_id


def test_the_approval_table_has_one_cell_per_category_and_zone(policy: TravelPolicy) -> None:
    for category in policy.categories:
        for zone in policy.zones:
            assert len(policy.approvals_for(category.id, zone.id)) == 1
            assert policy.approval_for(category.id, zone.id) is not None


def test_every_employee_cell_resolves_to_someone_above_the_traveller(model: Model, policy: TravelPolicy) -> None:
    org = model.organisation
    assert org is not None
    for approval in policy.approvals:
        category = policy.category(approval.category)
        assert category is not None
        if category.kind != "employee":
            continue
        for position_id in category.member_positions(org):
            resolved = policy.resolve_for_position(org, approval, position_id)
            assert resolved.allowed, (approval.id, position_id, resolved.relation)


def test_relations_self_below_beside_and_the_direktors_missing_chef(model: Model, policy: TravelPolicy) -> None:
    org = model.organisation
    assert org is not None
    cell = policy.approvals[0]
    director = next(p for p in org.positions if org.superior(p) is None)
    below = next(p for p in org.positions if org.superior(p) == director)
    lowest = next(p for p in org.positions if org.superiors(p)[:1] and org.superiors(p)[0] == below)
    beside = next(p for p in org.positions if org.superior(p) == director and p != below)

    def relation(approver: Actor, traveller: str) -> str:
        return policy.resolve_for_position(org, dataclasses.replace(cell, approver=approver, own_trip_approver=None), traveller).relation

    assert relation(Actor("position", below), below) == "self"
    assert relation(Actor("position", lowest), below) == "below"
    assert relation(Actor("position", beside), lowest) == "beside"
    assert relation(Actor("position", director), lowest) == "above"
    assert relation(Actor("relative", "narmaste_chef"), director) == "no_superior"
    assert relation(Actor("relative", "narmaste_chef"), lowest) == "above"


def test_approver_for_resolves_the_nearest_chef_at_home(model: Model) -> None:
    org = model.organisation
    assert org is not None
    traveller = next(p for p in org.positions if org.positions[p].level in ("specialist", "medarbetare") and org.superior(p))
    decision = decide_trip(model, Actor("position", traveller), "SE", TODAY)
    assert decision is not None and not decision.problems
    assert decision.basis == "line_management"
    assert decision.approver is not None and decision.approver.kind == "position"
    assert decision.approver.id == org.superior(traveller)
    assert org.positions[org.superior(traveller) or ""].title in decision.explanation


def test_approver_for_a_trip_to_the_usa_names_the_matter_and_its_version(model: Model) -> None:
    org = model.organisation
    assert org is not None
    traveller = next(p for p in org.positions if org.positions[p].level == "specialist")
    this_year = decide_trip(model, Actor("position", traveller), "US", TODAY)
    next_year = decide_trip(model, Actor("position", traveller), "US", date(2027, 1, 15))
    assert this_year is not None and next_year is not None
    for decision in (this_year, next_year):
        assert not decision.problems, decision.explanation
        assert decision.zone is not None and decision.zone.rest
        assert decision.basis == "delegation" and decision.matter is not None and decision.order is not None
        assert decision.approver is not None and decision.approver.kind == "position"
        assert org.positions[decision.approver.id].level == "direktor"
        assert decision.matter.number in decision.explanation and decision.order.file in decision.explanation
    assert this_year.order is not None and next_year.order is not None
    assert this_year.order.meta.in_force_on(TODAY) and next_year.order.meta.valid_from == date(2027, 1, 1)


def test_the_chair_does_not_approve_their_own_trip(model: Model, policy: TravelPolicy) -> None:
    cell = next(a for a in policy.approvals if a.approver.kind == "seat" and a.own_trip_approver is not None)
    category = policy.category(cell.category)
    zone = policy.zone(cell.zone)
    assert category is not None and zone is not None
    country = min(policy.zone_members(zone.id, TODAY, model.reference))
    decision = decide_trip(model, cell.approver, country, TODAY)
    assert decision is not None and decision.approval is not None
    assert decision.own_trip and decision.approver is not None
    assert decision.approver.same_as(decision.approval.own_trip_approver)  # type: ignore[arg-type]


def test_an_unknown_country_gets_no_approver_and_says_why(model: Model) -> None:
    decision = decide_trip(model, Actor("position", "kommundirektor"), "XX", TODAY)
    assert decision is not None
    assert decision.approver is None and decision.problems
    assert "XX" in decision.explanation


def test_travel_json_is_the_models_view(model: Model, policy: TravelPolicy) -> None:
    """travel.json publishes what the queries answer: zone countries per period and resolved approvers."""
    import json

    from generators.outputs.rules import render_rules

    published = json.loads(render_rules(model, TODAY, None)["travel.json"])
    document = next(d for d in published["documents"] if d["document"]["version"] == policy.meta.version)
    for zone in document["zones"]:
        for period in zone["periods"]:
            day = date.fromisoformat(period["valid_from"])
            assert period["countries"] == sorted(policy.zone_members(zone["id"], day, model.reference))
    org = model.organisation
    assert org is not None
    for cell in document["approvals"]:
        approval = next(a for a in policy.approvals if a.id == cell["id"])
        for row in cell["resolved"]:
            resolved = policy.resolve_for_position(org, approval, row["position"]["id"])
            assert row["approver"]["key"] == resolved.actor.key  # type: ignore[union-attr]
            assert row["stands_above"] is True


def test_a_matter_found_only_in_a_later_version_is_reported_with_both_places(policies_copy: Path) -> None:
    """X810 names the travel cell and where the matter stands in the version that is not yet in force."""
    target = policies_copy / "delegation" / "kommunstyrelsen.yaml"
    text = target.read_text(encoding="utf-8")
    needle = "      - id: ks-resor-utanfor-eu-kommundirektor\n"
    assert text.count(needle) == 1
    target.write_text(text.replace(needle, "      - id: ks-resor-utanfor-eu-kd\n"), encoding="utf-8")
    result = load_and_check(policies_copy, TODAY).result
    found = [d for d in result.diagnostics if d.code == "X810"]
    assert len(found) == 1
    (diagnostic,) = found
    assert diagnostic.file.endswith("policies/travel.yaml")
    assert "kommunstyrelsen.2027.yaml:" in diagnostic.message and "2026-01-01–2026-12-31" in diagnostic.message
    later = (policies_copy / "delegation" / "kommunstyrelsen.2027.yaml").read_text(encoding="utf-8").splitlines()
    line = later.index(needle.rstrip("\n")) + 1
    assert diagnostic.related and diagnostic.related[0].endswith(f"kommunstyrelsen.2027.yaml:{line}")


@pytest.mark.parametrize(("traveller", "approver", "expected"), [
    (Actor("seat", "ordforande", "socialnamnden"), Actor("body", "socialnamnden"), "member"),
    # The presidium is the nämnd's ordförande and vice ordförande: one seat of each in both bodies.
    (Actor("seat", "ordforande", "socialnamnden"), Actor("body", "sn_presidium"), "member"),
    (Actor("seat", "vice_ordforande", "socialnamnden"), Actor("body", "sn_presidium"), "member"),
    # A ledamot may or may not be one of the presidium's ledamöter, an utskott's members are chosen
    # among the nämnd's, and a whole body's members may include the presidium's.
    (Actor("seat", "ledamot", "socialnamnden"), Actor("body", "sn_presidium"), "may_be_member"),
    (Actor("seat", "ordforande", "kommunstyrelsen"), Actor("body", "ks_arbetsutskott"), "may_be_member"),
    (Actor("body", "socialnamnden"), Actor("body", "sn_presidium"), "may_be_member"),
    # Another nämnd, a seat or a position approving: nobody who travels sits in the approving body.
    (Actor("seat", "ordforande", "socialnamnden"), Actor("body", "kommunstyrelsen"), None),
    (Actor("seat", "ordforande", "kommunstyrelsen"), Actor("seat", "forste_vice_ordforande", "kommunstyrelsen"), None),
    (Actor("position", "enhetschef_vuxen"), Actor("body", "socialnamnden"), None),
])
def test_a_member_of_the_approving_body_is_told_apart(model: Model, traveller: Actor, approver: Actor, expected: str | None) -> None:
    assert model.organisation is not None
    assert traveller_in_approving_body(model.organisation, traveller, approver) == expected
