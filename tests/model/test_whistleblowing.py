"""The whistleblowing model's queries: routing with precedence, handler positions, computed independence.

Expectations are derived from the example organisation's line of command through the model; the
schema tests show what the schema, not a check, refuses (the law's exceptions to confirming receipt,
the information about external channels).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from generators.model import Model
from generators.model.common import Actor
from generators.model.whistleblowing import CATEGORY_LABELS, Concerned, Handler, WhistleblowingRegulation, regulation_on, route_text
from generators.pipeline import load_and_check
from tests.conftest import EXAMPLE_POLICIES, TODAY


@pytest.fixture(scope="module")
def model() -> Model:
    return load_and_check(EXAMPLE_POLICIES, TODAY).model


@pytest.fixture(scope="module")
def regulation(model: Model) -> WhistleblowingRegulation:
    found = regulation_on(model, TODAY)
    assert found is not None
    return found


def test_precedence_position_before_unit_before_role_type_before_default(model: Model, regulation: WhistleblowingRegulation) -> None:
    org = model.organisation
    assert org is not None
    by_kind = {r.concerns.kind: r for r in regulation.routes}
    unit_route = by_kind["unit"]
    in_unit = [p for p in org.positions if org.positions[p].unit == unit_route.concerns.value]
    with_own = [p for p in in_unit if any(r.concerns.kind == "position" and r.concerns.value == p for r in regulation.routes)]
    without_own = [p for p in in_unit if p not in with_own]
    assert with_own and without_own
    for position_id in with_own:
        assert regulation.route_for(org, position_id).concerns.kind == "position"  # type: ignore[union-attr]
    for position_id in without_own:
        assert regulation.route_for(org, position_id) is unit_route
    role_route = by_kind["role_type"]
    for position_id in org.positions_of_role_type(role_route.concerns.value or ""):
        assert regulation.route_for(org, position_id) is role_route
    default = by_kind["default"]
    plain = [p for p in org.positions if regulation.route_for(org, p) is default]
    assert plain and all(len(regulation.routes_for(org, p)) == 1 for p in plain)


def test_the_direktor_has_a_route_of_their_own(model: Model, regulation: WhistleblowingRegulation) -> None:
    org = model.organisation
    assert org is not None
    director = next(p for p in org.positions if org.superior(p) is None)
    route = regulation.route_for(org, director)
    assert route is not None and route.concerns.kind == "position"
    assert not regulation.handler_positions(org, route.handler)  # someone outside the line


def test_every_category_external_party_and_function_is_routed(model: Model, regulation: WhistleblowingRegulation) -> None:
    org = model.organisation
    assert org is not None
    for category in CATEGORY_LABELS:
        assert regulation.route_for(org, Concerned("category", category)) is not None
    for function in regulation.functions:
        route = regulation.route_for(org, Concerned("function", function.id))
        assert route is not None and route.concerns.kind == "function"


def test_handler_positions(model: Model, regulation: WhistleblowingRegulation) -> None:
    org = model.organisation
    assert org is not None
    function = regulation.functions[0]
    members = {p for m in function.members for p in org.positions_of(m)}
    source = function.source
    assert regulation.handler_positions(org, Handler(function.id, None, source)) == members
    assert regulation.handler_positions(org, Handler(None, Actor("position", "kanslichef"), source)) == {"kanslichef"}
    assert regulation.handler_positions(org, Handler(None, Actor("body", "ks_presidium"), source)) == set()
    assert regulation.handler_positions(org, Handler(None, Actor("external", "lindsjo_kommun"), source)) == set()


def test_every_route_in_the_example_is_independent(model: Model, regulation: WhistleblowingRegulation) -> None:
    org = model.organisation
    assert org is not None
    for position_id, route in regulation.routing_table(org):
        assert route is not None, position_id
        for handler in (route.handler, route.handover_to):
            if handler is not None:
                assert regulation.assess(org, handler, Concerned("position", position_id)).passes, (position_id, route.id)


def test_a_subordinate_is_never_independent_of_their_chef(model: Model, regulation: WhistleblowingRegulation) -> None:
    org = model.organisation
    assert org is not None
    for upper, lowers in org.subordinates.items():
        for lower in lowers:
            handler = Handler(None, Actor("position", lower), regulation.source)
            assessment = regulation.assess(org, handler, Concerned("position", upper))
            assert not assessment.passes and assessment.conflicted == {lower: "subordinate"}
    own = Handler(None, Actor("position", "kanslichef"), regulation.source)
    assert regulation.assess(org, own, Concerned("position", "kanslichef")).conflicted == {"kanslichef": "self"}


def test_a_group_passes_when_the_quorum_remains_after_jav(model: Model, regulation: WhistleblowingRegulation) -> None:
    org = model.organisation
    assert org is not None
    function = regulation.functions[0]
    handler = Handler(function.id, None, function.source)
    members = regulation.function_positions(org, function.id)
    for member in members:
        assessment = regulation.assess(org, handler, Concerned("position", member))
        expected = len(members) - len(assessment.conflicted) >= function.quorum
        assert assessment.passes is expected
        assert member in assessment.conflicted
    stricter = dataclasses.replace(regulation, functions=[dataclasses.replace(function, quorum=len(members))])
    assert not stricter.assess(org, handler, Concerned("position", members[0])).passes


def test_explain_names_the_route_and_those_who_step_aside(model: Model, regulation: WhistleblowingRegulation) -> None:
    org = model.organisation
    assert org is not None
    function = regulation.functions[0]
    member = regulation.function_positions(org, function.id)[-1]
    route = regulation.route_for(org, member)
    assert route is not None
    text = regulation.explain(org, member)
    assert route_text(org, regulation, route) in text and regulation.handler_label(org, route.handler) in text
    assert route.id not in text  # the id is for developers; staff read the rule in words
    if route.handler.function == function.id:
        assert "jäv" in text


def _load_with(policies: Path, find: str, replace: str) -> list[tuple[str, int]]:
    target = policies / "whistleblowing.yaml"
    text = target.read_text(encoding="utf-8")
    assert text.count(find) == 1
    target.write_text(text.replace(find, replace), encoding="utf-8")
    result = load_and_check(policies, TODAY).result
    return [(d.code, d.line) for d in result.diagnostics if d.file.endswith("whistleblowing.yaml")]


def test_the_schema_allows_only_the_laws_exceptions_to_confirming_receipt(policies_copy: Path) -> None:
    found = _load_with(policies_copy, "        kind: would_reveal_identity\n", "        kind: utredning_pagar\n")
    line = (policies_copy / "whistleblowing.yaml").read_text(encoding="utf-8").splitlines().index("        kind: utredning_pagar") + 1
    assert any(code.startswith("S2") and at == line for code, at in found), found


def test_the_schema_requires_information_about_the_external_channels(policies_copy: Path) -> None:
    text = (policies_copy / "whistleblowing.yaml").read_text(encoding="utf-8")
    start = text.index("external_channels:\n")
    end = text.index("functions:\n")
    found = _load_with(policies_copy, text[start:end], "")
    assert any(code.startswith("S2") for code, _ in found), found


def test_whistleblowing_json_routes_every_position(model: Model, regulation: WhistleblowingRegulation) -> None:
    """The routing table an HR system looks up has one row per position, with the model's route and handler."""
    import json

    from generators.outputs.rules import render_rules

    published = json.loads(render_rules(model, TODAY, None)["whistleblowing.json"])
    document = next(d for d in published["documents"] if d["document"]["version"] == regulation.meta.version)
    org = model.organisation
    assert org is not None
    rows = {r["concerned"]["id"]: r for r in document["routing_table"] if r["concerned"]["kind"] == "position"}
    assert set(rows) == set(org.positions)
    for position_id, row in rows.items():
        route = regulation.route_for(org, position_id)
        assert route is not None
        assert row["route"] == route.id and row["handler"]["key"] == route.handler.key
        assert row["independent"] is True
    limits = document["deadlines"]["receipt_confirmation"]["law"]
    assert limits["within_law"] is True and all(v["limit"] is not None for v in limits["by_date"])
