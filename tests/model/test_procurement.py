"""The procurement model's queries: bounds per day, band_for, procedures, documentation duty,
mandates against the delegationsordningar, decision makers and signers.

Expectations are derived from the example policies and the reference data through the model where
they can be; the fixed facts are the law's (700 000 kr below which direct procurement is allowed
since 2022-02-01, documentation from 100 000 kr, the 2024–25 EU threshold 2 389 585 kr, the
2026–27 threshold published only in euro).
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from generators.loading.documents import load_policies
from generators.model import Model, build_model
from generators.model.allowlist import normalise_contact
from generators.model.common import Actor
from generators.model.procurement import (
    Bound,
    ProcurementPolicy,
    bound_sek,
    compare_bounds,
    decision_makers_for,
    kronor,
    mandate_dates,
    mandate_for,
    policies_in_force,
    resolve_bound,
    signers_for,
)
from generators.pipeline import load_and_check
from tests.conftest import EXAMPLE_POLICIES, TODAY
from tests.test_rule_cases import apply_edits

DAY_2025 = date(2025, 6, 1)
DAY_2026 = date(2026, 6, 1)


@pytest.fixture(scope="module")
def model() -> Model:
    return load_and_check(EXAMPLE_POLICIES, TODAY).model


@pytest.fixture(scope="module")
def policy(model: Model) -> ProcurementPolicy:
    found = policies_in_force(model, TODAY)
    assert len(found) == 1
    return found[0]


def _band(policy: ProcurementPolicy, band_id: str):  # type: ignore[no-untyped-def]
    return next(b for b in policy.bands() if b.id == band_id)


def _bound(policy: ProcurementPolicy, reference: str, inclusive: bool) -> Bound:
    source = policy.source
    return Bound(None, reference, inclusive, False, source)


# -- bounds ---------------------------------------------------------------------------------------
def test_bound_sek_reads_the_reference_value_in_force(model: Model, policy: ProcurementPolicy) -> None:
    limit = _bound(policy, "direktupphandlingsgrans", False)
    assert bound_sek(limit, date(2022, 1, 15), model.reference) == (Decimal(626284), False)
    assert bound_sek(limit, date(2022, 2, 1), model.reference) == (Decimal(700000), False)
    assert bound_sek(limit, DAY_2026, model.reference) == (Decimal(700000), False)


def test_an_unpublished_threshold_is_unknown_with_its_euro_value(model: Model, policy: ProcurementPolicy) -> None:
    threshold = _bound(policy, "troskelvarde-eu-kommuner", True)
    known = resolve_bound(threshold, DAY_2025, model.reference)
    assert known.sek == Decimal(2389585) and known.known
    unknown = resolve_bound(threshold, DAY_2026, model.reference)
    assert unknown.sek is None and not unknown.known and unknown.problem == "unknown"
    assert unknown.eur == Decimal(216000)
    assert "216\u00a0000\u00a0euro" in unknown.figure() and "kr" not in unknown.figure().split("(")[0]
    assert bound_sek(threshold, DAY_2026, model.reference) == (None, True)


def test_a_reference_equals_itself_even_when_unknown_in_kronor(model: Model, policy: ProcurementPolicy) -> None:
    a = resolve_bound(_bound(policy, "troskelvarde-eu-kommuner", False), DAY_2026, model.reference)
    b = resolve_bound(_bound(policy, "troskelvarde-eu-kommuner", True), DAY_2026, model.reference)
    c = resolve_bound(_bound(policy, "direktupphandlingsgrans", True), DAY_2026, model.reference)
    assert compare_bounds(a, b) == 0
    assert compare_bounds(a, c) is None  # 216 000 euro against 700 000 kr: not comparable without a rate
    d = resolve_bound(_bound(policy, "dokumentationsgrans", True), DAY_2026, model.reference)
    assert compare_bounds(d, c) == -1


def test_swedish_amounts() -> None:
    assert kronor(700000) == "700\u00a0000\u00a0kr"
    assert kronor(Decimal("17190.5")) == "17\u00a0190,50\u00a0kr"


# -- which band, which procedure ------------------------------------------------------------------
def test_bands_cover_every_amount_with_the_laws_semantics(model: Model, policy: ProcurementPolicy) -> None:
    cases = [
        (0, "lou-vot-direkt"),
        (99999, "lou-vot-direkt"),
        (100000, "lou-vot-direkt-dokumenterad"),  # documentation from 100 000 kr
        (699999, "lou-vot-direkt-dokumenterad"),
        (Decimal("699999.99"), "lou-vot-direkt-dokumenterad"),
        (700000, "lou-vot-annonserad"),  # direct procurement only below 700 000 kr
    ]
    # 2025: the EU threshold is published in kronor, so every amount has exactly one band.
    # The policy starts 2026, so ask as if it had started earlier.
    earlier = dataclasses.replace(policy, meta=dataclasses.replace(policy.meta, valid_from=date(2024, 1, 1)))
    for value, expected in [*cases, (2389584, "lou-vot-annonserad"), (2389585, "lou-vot-eu"), (10**9, "lou-vot-eu")]:
        band, why = earlier.band_for("lou", "varor_och_tjanster", value, DAY_2025, model.reference)
        assert band is not None and band.id == expected, (value, why)
        assert kronor(value).split("\u00a0kr")[0] in why
    # 2026: below the direct-procurement limit nothing depends on the EU threshold; from 700 000 kr
    # the answer is annonserad or EU procedure, and the threshold is only published in euro.
    for value, expected in cases[:-1]:
        band, _ = policy.band_for("lou", "varor_och_tjanster", value, DAY_2026, model.reference)
        assert band is not None and band.id == expected, value
    assert policy.band_for("lou", "varor_och_tjanster", 700000, DAY_2026, model.reference)[0] is None


def test_an_amount_near_the_unpublished_threshold_is_undetermined_never_guessed(model: Model, policy: ProcurementPolicy) -> None:
    band, why = policy.band_for("lou", "varor_och_tjanster", 1_500_000, DAY_2026, model.reference)
    assert band is None
    assert "lou-vot-annonserad" in why and "lou-vot-eu" in why and "216\u00a0000\u00a0euro" in why


def test_procedure_and_documentation(model: Model, policy: ProcurementPolicy) -> None:
    procedure, why = policy.procedure_for("lou", "varor_och_tjanster", 650000, DAY_2026, model.reference)
    assert procedure is not None and procedure.kind == "direktupphandling" and procedure.min_quotes == 3
    assert "minst 3 skriftliga offerter" in why
    assert policy.documentation_required(99999, DAY_2026, model.reference)[0] is False
    required, why = policy.documentation_required(100000, DAY_2026, model.reference)
    assert required is True and "19 a kap." in why
    assert policy.documentation_required(100000, date(2021, 6, 1), model.reference)[0] is None  # no threshold before 2022-02-01


def test_luf_has_its_own_limit(model: Model, policy: ProcurementPolicy) -> None:
    band, _ = policy.band_for("luf", "varor_och_tjanster", 1_100_000, DAY_2026, model.reference)
    assert band is not None and band.procedure.kind == "direktupphandling"
    band, why = policy.band_for("luf", "varor_och_tjanster", 1_200_000, DAY_2026, model.reference)
    assert band is None and "luf-vot-annonserad" in why  # LUF's 2026 threshold is not published at all
    assert policy.regime_for_unit("va_avdelningen").id == "luf"  # type: ignore[union-attr]
    assert policy.regime_for_unit("ekonomiavdelningen").id == "lou"  # type: ignore[union-attr]


# -- who decides, who signs -----------------------------------------------------------------------
def test_every_decision_in_the_example_is_covered_or_honestly_unknown(model: Model, policy: ProcurementPolicy) -> None:
    statuses = set()
    for day in mandate_dates(policy, model):
        for band in policy.bands():
            for decision in band.decisions:
                mandate = mandate_for(policy, band, decision, day, model)
                statuses.add(mandate.status)
                assert mandate.status in ("covered", "unknown"), (day, decision.id, mandate.explanation)
    assert statuses == {"covered", "unknown"}


def test_mandate_dates_follow_the_delegationsordningar_and_the_prisbasbelopp(model: Model, policy: ProcurementPolicy) -> None:
    days = mandate_dates(policy, model)
    assert days[0] == policy.meta.valid_from
    assert date(2027, 1, 1) in days  # kommunstyrelsen.2027.yaml and the 2027 prisbasbelopp


def test_a_limit_below_the_band_is_not_covered_and_names_the_matter(model: Model, policy: ProcurementPolicy) -> None:
    band = _band(policy, "lou-vot-direkt-dokumenterad")
    decision = band.decision_for("kommunstyrelsen")
    assert decision is not None
    narrowed = dataclasses.replace(decision, decided_by=Actor("role_type", "chef_kommunledning"))
    mandate = mandate_for(policy, band, narrowed, DAY_2026, model)
    assert mandate.status == "not_covered"
    assert mandate.limit_sek == 3 * Decimal(59200)
    assert "ks-upphandling-direktupphandling" in mandate.explanation and "kommunstyrelsen.yaml:" in mandate.explanation


def test_the_open_band_needs_an_unlimited_mandate(model: Model, policy: ProcurementPolicy) -> None:
    band = _band(policy, "lou-soc-annonserad")
    decision = band.decision_for("socialnamnden")
    assert decision is not None
    assert mandate_for(policy, band, decision, DAY_2026, model).status == "covered"
    limited = dataclasses.replace(decision, decided_by=Actor("position", "socialchef"))
    assert mandate_for(policy, band, limited, DAY_2026, model).status == "not_covered"


def test_a_superior_may_hold_the_lower_part_of_a_band(model: Model, policy: ProcurementPolicy) -> None:
    # LUF 100 000–1 200 000 kr: the samhällsbyggnadschef's tier starts above 8 prisbasbelopp; the
    # VA-chef below is his subordinate and the delegationsordning lets a superior decide.
    band = _band(policy, "luf-vot-direkt-dokumenterad")
    decision = band.decision_for("samhallsbyggnadsnamnden")
    assert decision is not None and decision.decided_by == Actor("position", "samhallsbyggnadschef", None, decision.decided_by.source)
    assert mandate_for(policy, band, decision, DAY_2026, model).status == "covered"
    presidium = dataclasses.replace(_band(policy, "lou-soc-direkt-dokumenterad").decisions[0], decided_by=Actor("body", "sn_presidium"))
    assert mandate_for(policy, _band(policy, "lou-soc-direkt-dokumenterad"), presidium, DAY_2026, model).status == "gap_below"


def test_decision_makers_split_the_band_by_tier(model: Model, policy: ProcurementPolicy) -> None:
    band = _band(policy, "lou-vot-direkt-dokumenterad")
    makers = decision_makers_for(band, "kommunstyrelsen", DAY_2026, model)
    keys = [m.actor.key for m in makers]
    assert keys == ["role_type:chef_kommunledning", "position:kommundirektor", "body:ks_arbetsutskott"]
    assert makers[0].up_to_sek == 3 * Decimal(59200) and makers[2].up_to_sek is None


def test_signers_are_kept_apart_from_deciders(model: Model, policy: ProcurementPolicy) -> None:
    org = model.organisation
    rule, _ = signers_for(policy, Actor("role_type", "chef_kommunledning"), org)
    assert rule is not None and rule.signed_by_decision_maker
    rule, why = signers_for(policy, Actor("body", "sn_presidium"), org)
    assert rule is not None and rule.body == "socialnamnden" and rule.signed_by == Actor("seat", "ordforande", "socialnamnden", rule.signed_by.source)  # type: ignore[union-attr]
    assert "socialnämndens ordförande" in why


def test_a_policy_valid_since_2024_is_checked_after_the_2026_threshold_change(policies_copy: Path) -> None:
    apply_edits(policies_copy, [{"file": "procurement.yaml", "find": '  valid_from: "2026-01-01"\n  supersedes: "2021:2"',
                                 "replace": '  valid_from: "2024-01-01"\n  supersedes: "2021:2"'}])
    changed = build_model(load_policies(policies_copy))
    policy = changed.procurement[0]
    assert policy.bound_dates(changed.reference) == [date(2024, 1, 1), date(2026, 1, 1)]
    eu = _band(policy, "lou-vot-eu")
    assert eu.bounds_on(date(2024, 1, 1), changed.reference)[0].sek == Decimal(2389585)
    assert eu.bounds_on(date(2026, 1, 1), changed.reference)[0].sek is None


def test_contact_normalisation() -> None:
    assert normalise_contact("phone", "0980-319 210") == normalise_contact("phone", "+46 980 319 210") == "0980319210"
    assert normalise_contact("email", " Upphandling@Ekbacka.SE ") == "upphandling@ekbacka.se"
