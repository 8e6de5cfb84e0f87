"""The rule registry: stable, unique, sorted codes in their families, each documented and tested."""

from __future__ import annotations

import re

import yaml

from generators.checks.codes import family_of
from generators.checks.registry import all_rules
from tests.test_rule_cases import CASES_DIR

FAMILY_DIGIT = {"L": "1", "S": "2", "O": "3", "D": "4", "R": "5", "V": "6", "U": "7", "X": "8", "P": "9"}
HEADINGS = ("## Vad kontrolleras", "## Varför", "## Lagrum", "## Exempel som godkänns", "## Exempel som underkänns")


def test_codes_are_unique_sorted_and_in_their_family() -> None:
    codes = [r.rule.code for r in all_rules()]
    assert len(codes) == len(set(codes)), "a rule code is used twice"
    assert codes == sorted(codes)
    for code in codes:
        if re.fullmatch(r"[A-Z]{2}[1-9][0-9]{2}", code):  # a two-letter family owns all of 100–999
            assert family_of(code) is not None, f"{code}: no registered kind declares the family"
            continue
        assert re.fullmatch(r"[LSODRVUXP][1-9][0-9]{2}", code), code
        assert code[1] == FAMILY_DIGIT[code[0]], f"{code} is outside its family's range"


def test_names_are_unique() -> None:
    names = [r.rule.name for r in all_rules()]
    assert len(names) == len(set(names))


def test_every_rule_is_documented_with_the_same_headings() -> None:
    for registered in all_rules():
        doc = registered.doc
        positions = [doc.find(h) for h in HEADINGS]
        assert all(p >= 0 for p in positions), f"{registered.rule.code} lacks a heading"
        assert positions == sorted(positions), f"{registered.rule.code}: headings out of order"
        assert registered.rule.summary.strip()
        assert registered.rule.severity in ("error", "warning")


def test_every_check_has_a_failing_case() -> None:
    covered: set[str] = set()
    for path in CASES_DIR.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            covered |= {e["code"] for e in case.get("expect", []) if e["code"] == data["code"]}
    missing = [r.rule.code for r in all_rules() if r.check is not None and not r.rule.retired and r.rule.code not in covered]
    assert not missing, f"checks without a failing behaviour case in tests/rules/: {missing}"
