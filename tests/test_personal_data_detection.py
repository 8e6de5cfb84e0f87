"""Personnummer, samordningsnummer, e-post and phone detection (generators/checks/personal_data/detect.py).

Test numbers are generated here with the Luhn algorithm, never copied from anywhere. Their dates lie
in the future (2030 and later) when written with the century, so no person can have been given one;
the ten-digit forms reuse the same digits only to exercise the format.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from generators.checks.personal_data.detect import (
    find_emails,
    find_identity_numbers,
    find_phones,
    luhn_check_digit,
    luhn_valid,
)


def make_number(born: date, serial: int, samordning: bool = False) -> str:
    """YYYYMMDDNNNC for a birth date and a three-digit serial, with a correct Luhn digit."""
    day = born.day + 60 if samordning else born.day
    nine = f"{born:%y%m}{day:02d}{serial:03d}"
    return f"{born.year // 100}{nine}{luhn_check_digit(nine)}"


def wrong_check_digit(number: str) -> str:
    return number[:-1] + str((int(number[-1]) + 1) % 10)


FUTURE = [date(2030, 1, 1) + timedelta(days=97 * i) for i in range(12)]


def _luhn_mod10(number: str) -> bool:
    """The textbook check, written independently: from the right, double every second digit."""
    total = 0
    for index, char in enumerate(reversed(number)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def test_luhn_agrees_with_the_textbook_algorithm() -> None:
    for nine in ("300101123", "310615000", "450229999", "991231987", "000101001"):
        check = luhn_check_digit(nine)
        assert _luhn_mod10(nine + str(check))
        assert luhn_valid(nine + str(check))
        assert not luhn_valid(nine + str((check + 1) % 10))
    assert not luhn_valid("300101123")  # nine digits
    assert not luhn_valid("30010112x2")


@pytest.mark.parametrize("born", FUTURE)
def test_valid_personnummer_in_every_written_form(born: date) -> None:
    twelve = make_number(born, serial=123 + born.toordinal() % 700)
    ten = twelve[2:]
    forms = [twelve, f"{twelve[:8]}-{twelve[8:]}", ten, f"{ten[:6]}-{ten[6:]}"]
    for form in forms:
        found = find_identity_numbers(f"Beslutet gäller {form} enligt protokollet.")
        assert [(f.kind, f.text) for f in found] == [("personnummer", form)], form
        assert "••••" in found[0].masked and form[-4:] not in found[0].masked


@pytest.mark.parametrize("born", FUTURE)
def test_valid_samordningsnummer(born: date) -> None:
    twelve = make_number(born, serial=456, samordning=True)
    assert 61 <= int(twelve[6:8]) <= 91
    for form in (twelve, f"{twelve[2:8]}-{twelve[8:]}"):
        assert [f.kind for f in find_identity_numbers(form)] == ["samordningsnummer"]


@pytest.mark.parametrize("born", FUTURE)
def test_wrong_check_digit_is_not_a_personnummer(born: date) -> None:
    twelve = wrong_check_digit(make_number(born, serial=321))
    assert find_identity_numbers(twelve) == []
    assert find_identity_numbers(f"{twelve[2:8]}-{twelve[8:]}") == []


def test_impossible_dates_are_not_personnummer() -> None:
    for nine in ("301301123", "300230123", "300100123", "300132123", "300192123", "300160123"):
        # month 13, 30 February, day 0, day 32, day 92 (samordning beyond 31), day 60 (samordning day 0)
        number = nine + str(luhn_check_digit(nine))
        assert find_identity_numbers(number) == [], number
        assert find_identity_numbers(f"{number[:6]}-{number[6:]}") == [], number
    # 29 February only in a leap year; with the century the year is fixed.
    leap = "20320229" + "123"
    assert find_identity_numbers(leap + str(luhn_check_digit(leap[2:]))) != []
    not_leap = "20310229" + "123"
    assert find_identity_numbers(not_leap + str(luhn_check_digit(not_leap[2:]))) == []


def test_a_century_outside_18_to_20_is_not_a_personnummer() -> None:
    nine = "300101123"
    assert find_identity_numbers("21" + nine + str(luhn_check_digit(nine))) == []


def test_plus_separator_means_a_hundred_years_or_older() -> None:
    nine = "300101123"
    number = nine + str(luhn_check_digit(nine))
    assert [f.kind for f in find_identity_numbers(f"{number[:6]}+{number[6:]}")] == ["personnummer"]


def test_longer_digit_runs_are_not_cut_into_a_personnummer() -> None:
    twelve = make_number(date(2031, 5, 17), 234)
    assert find_identity_numbers("9" + twelve) == []
    assert find_identity_numbers(twelve + "7") == []


@pytest.mark.parametrize(
    "text",
    [
        "Kommunens organisationsnummer är 212000-2468.",  # month 20: an organisation number
        "2120002468",
        "Kommunallagen (2017:725) 6 kap. 38 §",
        "SFS 2016:1145",
        "Diarienummer KS 2025/412",
        "Beslutet togs 2025-09-22 och gäller från 2026-01-01.",
        "Direktupphandlingsgränsen är 700 000 kr och tröskelvärdet 2 389 585 kr.",
        "5 404 000 euro, 59 200 kr per prisbasbelopp, 20260101",
        "§ 87, version 2026:1",
    ],
)
def test_what_is_not_personal_data(text: str) -> None:
    assert find_identity_numbers(text) == []
    assert find_emails(text) == []
    assert find_phones(text) == []


def test_emails() -> None:
    found = find_emails("Frågor: upphandling@ekbacka.se eller Anna.Öberg@ekbacka.se.")
    assert [f.text for f in found] == ["upphandling@ekbacka.se", "Anna.Öberg@ekbacka.se"]
    assert found[1].masked == "A…@ekbacka.se"
    assert find_emails("https://www.ekbacka.se/visselblasning") == []
    assert find_emails("@ekbacka.se och namn@ och a@b") == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Ring 0980-319 210.", "0980-319 210"),
        ("Växeln 08-123 45 67 svarar.", "08-123 45 67"),
        ("Mobil: 070-123 45 67", "070-123 45 67"),
        ("Från utlandet +46 980 319 210", "+46 980 319 210"),
        ("0980319210", "0980319210"),
    ],
)
def test_phone_numbers(text: str, number: str) -> None:
    assert [f.text for f in find_phones(text)] == [number]


def test_amounts_and_identity_numbers_are_not_phone_numbers() -> None:
    assert find_phones("2 000 000 000 kr") == []
    assert find_phones("0 kr till 100 000 kr") == []
    assert find_phones("010101-0101") == []  # shaped like a personnummer
