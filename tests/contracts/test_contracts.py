"""The avtalsregister: the model's queries, contracts.json against its schema, `decide contract`, the
Avtal page and the role pages, and that a sole trader's personnummer is never published."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from generators.decide.sources import build_from_policies
from generators.loading.documents import load_policies
from generators.model import Model, build_model
from generators.model.contracts import check_orgnr, contracts_model, is_personnummer, luhn_ok, months_before
from generators.outputs.opa import BUNDLE_PATH, unpack
from generators.outputs.rules import render_rules
from generators.outputs.site.context import SiteContext
from generators.outputs.site.pages import contracts as contracts_page
from generators.outputs.site.roles import contracts as contracts_roles
from tests.conftest import EXAMPLE_POLICIES, TODAY

SOLE_TRADER = "710314-1235"  # a made-up personnummer with a valid check digit (month 03)


@pytest.fixture(scope="module")
def model() -> Model:
    return build_model(load_policies(EXAMPLE_POLICIES))


@pytest.fixture(scope="module")
def published(model: Model) -> dict[str, bytes]:
    return render_rules(model, TODAY, None)


def _validator(published: dict[str, bytes], schema_path: str) -> Draft202012Validator:
    schemas = [json.loads(data) for path, data in published.items() if path.startswith("schemas/")]
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas)
    return Draft202012Validator(json.loads(published[schema_path]), registry=registry)


def test_orgnr_check_digit_and_sole_traders() -> None:
    assert luhn_ok("5560123450") is False and check_orgnr("559012-3450") is None
    assert check_orgnr("559012-3451") == "kontrollsiffran (den sista siffran) stämmer inte"
    assert "mellanslag" in (check_orgnr("559012 3450") or "")
    assert check_orgnr("55901234") is not None
    assert is_personnummer(SOLE_TRADER) and not is_personnummer("559012-3450") and not is_personnummer("212000-2468")


def test_months_before_keeps_the_month_end() -> None:
    assert months_before(date(2027, 8, 31), 6) == date(2027, 2, 28)
    assert months_before(date(2027, 5, 31), 6) == date(2026, 11, 30)
    assert months_before(date(2027, 1, 15), -2) == date(2027, 3, 15)


def test_the_example_register_is_a_real_register(model: Model) -> None:
    contracts = contracts_model(model).contracts()
    assert len(contracts) >= 100
    kinds = {register.ground_of(c).kind for register, c in contracts}  # type: ignore[union-attr]
    assert kinds == {"low_value_direct", "other_direct", "procedure", "call_off", "exception"}
    assert all(c.owner is not None and c.owner.kind == "position" for _, c in contracts)
    assert {c.supplier.id_kind for _, c in contracts} == {"orgnr", "vat"}
    assert all(check_orgnr(c.supplier.orgnr) is None for _, c in contracts if c.supplier.orgnr)


def test_contracts_json_validates_against_its_schema_and_is_the_decide_table(model: Model, published: dict[str, bytes]) -> None:
    data = json.loads(published["contracts.json"])
    errors = sorted(_validator(published, "schemas/rules-contracts.schema.json").iter_errors(data), key=str)
    assert errors == []
    decisions = json.loads(published["decisions.json"])
    assert decisions["contract"] == {k: data[k] for k in ("registers", "contracts")}
    assert len(data["contracts"]) == len(contracts_model(model).contracts())


def _with_sole_trader(tmp_path: Path) -> Path:
    policies = tmp_path / "policies"
    shutil.copytree(EXAMPLE_POLICIES, policies)
    register = policies / "avtalsregister.yaml"
    text = register.read_text(encoding="utf-8")
    old = '{name: "Kunskapsportalen AB", orgnr: "559391-1919"}'
    assert old in text
    register.write_text(text.replace(old, f'{{name: "Kunskapsportalen Lena Ek", orgnr: "{SOLE_TRADER}"}}'), encoding="utf-8")
    return policies


def test_a_sole_traders_personnummer_is_never_published(tmp_path: Path) -> None:
    policies = _with_sole_trader(tmp_path)
    model = build_model(load_policies(policies))
    supplier = next(c.supplier for _, c in contracts_model(model).contracts() if c.supplier.name == "Kunskapsportalen Lena Ek")
    assert supplier.sole_trader and supplier.orgnr == SOLE_TRADER and supplier.published_id is None
    published = render_rules(model, TODAY, None)
    digits = SOLE_TRADER.replace("-", "")
    for path, data in published.items():
        # The OPA bundle is a tar.gz: every file in it is read too.
        texts = unpack(data).items() if path == BUNDLE_PATH else [(path, data)]
        for name, content in texts:
            text = content.decode("utf-8")
            assert SOLE_TRADER not in text and digits not in text, f"{path}: {name}"
    row = next(c for c in json.loads(published["contracts.json"])["contracts"] if c["supplier"]["name"] == "Kunskapsportalen Lena Ek")
    assert row["supplier"] == {"name": "Kunskapsportalen Lena Ek", "id_kind": "enskild_firma", "id": None, "country": "SE"}
    assert _validator(published, "schemas/rules-contracts.schema.json").is_valid(json.loads(published["contracts.json"]))
    ctx = SiteContext(model=model, as_of=TODAY)
    contracts_page.plan(ctx)
    content = "".join(p.content for p in contracts_page.pages(ctx))
    assert "Kunskapsportalen Lena Ek &#40;enskild firma&#41;" in content and SOLE_TRADER not in content and digits not in content


def _tables() -> dict[str, Any]:
    return build_from_policies(EXAMPLE_POLICIES)


def test_decide_contract_by_orgnr_and_vat() -> None:
    from argparse import Namespace

    from generators.decide.contracts_question import answer

    tables = _tables()
    rows = tables["contract"]["contracts"]
    guard = next(c for c in rows if c["subject"].startswith("Bevakning, larmcentral"))
    found = answer(tables, Namespace(supplier=guard["supplier"]["id"].replace("-", "")), "2026-11-23")
    assert found.status == "answered"
    assert guard["id"] in found.facts["contracts"]  # type: ignore[index]
    assert "Säkerhetschef" in found.summary
    foreign = answer(tables, Namespace(supplier="DK29403571"), "2026-11-23")
    assert foreign.status == "answered" and "Kanslichef" in foreign.summary
    assert answer(tables, Namespace(supplier="559012-3450"), "2026-11-23").status == "not_found"
    later = answer(tables, Namespace(supplier=guard["supplier"]["id"]), "2031-01-01")
    assert later.status == "answered" and later.facts["contracts"] == []  # type: ignore[index]


def test_the_avtal_page_lists_owners_and_contracts_ending_within_six_months(model: Model) -> None:
    ctx = SiteContext(model=model, as_of=TODAY)
    contracts_page.plan(ctx)
    pages = list(contracts_page.pages(ctx))
    assert [p.path for p in pages] == ["avtal/index.md"]
    content = pages[0].content
    ending_part, owners_part = content.split("## Gällande avtal och avtalsägare")
    for _register, contract in contracts_model(model).contracts():
        if not contract.in_force_on(TODAY):
            assert f">{contract.id}<" not in content
            continue
        assert f">{contract.id}<" in owners_part
        ends_soon = contract.current_end() <= date(2027, 5, 23)
        assert (f">{contract.id}<" in ending_part) == ends_soon, contract.id
    assert "HVB" in ending_part  # the call-off for HVB places ends 2026-12-31


def test_role_pages_show_the_contracts_a_position_owns(model: Model) -> None:
    ctx = SiteContext(model=model, as_of=TODAY)
    contracts_page.plan(ctx)
    entries = [e for e in contracts_roles.contribute(ctx) if e.actor.key == "position:sakerhetschef"]
    owned = {e.cells[0].label for e in entries if e.cells[4] == "Avtalsägare"}
    expected = {c.id for _, c in contracts_model(model).contracts_of_owner("sakerhetschef") if c.in_force_on(TODAY)}
    assert owned == expected and owned
