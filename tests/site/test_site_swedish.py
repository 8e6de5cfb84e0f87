"""Swedish formats on the site: dates, numbers, amounts in their unit and in kronor, definite forms."""

from __future__ import annotations

from datetime import date

import pytest

from generators.loading.documents import load_policies
from generators.model import build_model
from generators.model.common import Amount
from generators.outputs.site.swedish import amount_text, definite, genitive, kronor, limit_text, long_date, lower_first, number
from generators.wording.limits import range_text
from tests.site.conftest import EXAMPLE_POLICIES

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def reference():
    return build_model(load_policies(EXAMPLE_POLICIES)).reference


def test_dates_and_numbers() -> None:
    assert long_date(date(2027, 1, 1)) == "1 januari 2027"
    assert number(177600) == f"177{NBSP}600"
    assert number(0.5) == "0,5"
    assert number(3.0) == "3"
    assert kronor(2389585.4) == f"2{NBSP}389{NBSP}585,40{NBSP}kr"  # öre kept, never rounded away


def test_amounts_in_their_unit_and_in_kronor(reference) -> None:
    pbb = reference.value_on("prisbasbelopp", date(2026, 6, 1))
    assert pbb is not None and pbb.value
    three = Amount(3, "prisbasbelopp", "case", None, None)  # type: ignore[arg-type]
    assert amount_text(three, reference, date(2026, 6, 1)) == f"3 prisbasbelopp ({kronor(3 * pbb.value)}) per ärende eller tillfälle"
    assert amount_text(three, reference, date(2026, 6, 1), with_per=False) == f"3 prisbasbelopp ({kronor(3 * pbb.value)})"
    sek = Amount(250000, "sek", "contract", True, None)  # type: ignore[arg-type]
    assert amount_text(sek, reference, date(2026, 6, 1)) == f"250{NBSP}000{NBSP}kr per avtal och hela avtalstiden, exklusive moms"


def test_a_strict_limit_says_under(reference) -> None:
    """'under 580 000 kr' must be said; a limit up to and including its amount reads as the bare amount."""
    day = date(2026, 6, 1)
    strict = Amount(580000, "sek", "case", None, None, "below")  # type: ignore[arg-type]
    plain = Amount(580000, "sek", "case", None, None)  # type: ignore[arg-type]
    assert limit_text(strict, reference, day) == f"Under 580{NBSP}000{NBSP}kr per ärende eller tillfälle"
    assert limit_text(plain, reference, day) == f"580{NBSP}000{NBSP}kr per ärende eller tillfälle"
    assert range_text("1 kr", "580 000 kr", None, "below") == "över 1 kr under 580 000 kr"
    assert range_text("580 000 kr", None, "at_least") == "från och med 580 000 kr"
    assert range_text(None, "580 000 kr") == "upp till 580 000 kr"


def test_an_unpublished_value_is_said_not_guessed(reference) -> None:
    series = reference.get("prisbasbelopp")
    later = max(v.valid_from for v in series.values)
    unknown = next((v for v in series.values if v.value is None), None)
    day = unknown.valid_from if unknown is not None else date(later.year + 5, 1, 1)
    if unknown is None and reference.to_sek(1, "prisbasbelopp", day) is not None:
        pytest.skip("exemplet har inget år utan fastställt prisbasbelopp")
    text = amount_text(Amount(1, "prisbasbelopp", None, None, None), reference, day)  # type: ignore[arg-type]
    assert text == f"1 prisbasbelopp (beloppet i kronor för {day.year} är inte fastställt än)"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("HR-direktör", "HR-direktören"),
        ("Kommunjurist", "kommunjuristen"),
        ("Upphandlingschef", "upphandlingschefen"),
        ("Registrator", "registratorn"),
        ("Nämndsekreterare", "nämndsekreteraren"),
        ("Dataskyddsombud", "dataskyddsombudet"),
        ("Enhetschef hemtjänsten Norr", "enhetschef hemtjänsten Norr"),
    ],
)
def test_definite_forms_in_running_text(title: str, expected: str) -> None:
    assert definite(title) == expected


def test_genitive_and_lower_first() -> None:
    assert genitive("socialnämnden") == "socialnämndens"
    assert genitive("Ekbacka kommuns revisorers") == "Ekbacka kommuns revisorers"
    assert lower_first("Socialnämnden") == "socialnämnden"
    assert lower_first("IT-chef") == "IT-chef"
