"""The table of every rule code ever issued (generators/checks/codes.tsv) agrees with the registry.

A code is never reused: a rule that is removed keeps its line, marked retired. These tests fail when a
code disappears from the registry without being listed as retired, when a retired code comes back,
and when a code changes its name (its meaning).
"""

from __future__ import annotations

import pytest

from generators.audit.rules import audit_rules
from generators.checks.codes import CodeEntry, families, family_of, read_table, table_problems
from generators.checks.registry import all_rules
from generators.imports.contracts import IMPORT_CODES


def _registered() -> dict[str, tuple[str, bool]]:
    """The check registry's codes, the audit command's (AU, generators/audit/rules.py) and the
    contract import's (AR2xx, generators/imports/contracts.py)."""
    found = {r.rule.code: (r.rule.name, r.rule.retired) for r in all_rules()}
    found |= {code: (name, False) for code, name, _summary in IMPORT_CODES}
    return found | {r.rule.code: (r.rule.name, False) for r in audit_rules()}


def test_the_code_table_matches_the_registry() -> None:
    assert table_problems(read_table(), _registered()) == []


def test_a_code_that_disappears_without_being_retired_fails() -> None:
    registered = _registered()
    del registered["D402"]
    assert table_problems(read_table(), registered) == [
        "D402: active in the code table but no rule has it; a removed rule's code is marked retired, never freed"
    ]


def test_a_retired_code_may_disappear_but_never_come_back() -> None:
    table = [CodeEntry(e.code, "retired", e.name) if e.code == "D402" else e for e in read_table()]
    registered = _registered()
    assert table_problems(table, registered) == ["D402: retired in the code table, so it may not be used again"]
    del registered["D402"]
    assert table_problems(table, registered) == []


def test_a_code_keeps_its_name() -> None:
    registered = _registered()
    registered["D402"] = ("something-else", False)
    assert table_problems(read_table(), registered) == [
        "D402: named 'something-else' but 'substitute-differs' in the code table (a code keeps its meaning)"
    ]


def test_a_code_listed_twice_fails() -> None:
    table = read_table()
    assert table_problems([*table, table[0]], _registered()) == [f"{table[0].code}: listed twice in the code table (a code is never reused)"]


@pytest.mark.parametrize(
    ("code", "prefix"),
    [("L101", "L1"), ("D419", "D4"), ("X832", "X8"), ("P905", "P9"), ("R5xx", None), ("D501", None), ("AT101", "AT"), ("ZA101", None), ("Q101", None)],
)
def test_the_scheme(code: str, prefix: str | None) -> None:
    """Each one-letter family owns its hundreds digit; an unregistered family has no codes."""
    family = family_of(code)
    assert (family.prefix if family else None) == prefix


def test_every_code_belongs_to_a_registered_family() -> None:
    assert [r.rule.code for r in all_rules() if family_of(r.rule.code) is None] == []
    assert [f.prefix for f in families()] == ["L1", "S2", "O3", "D4", "R5", "V6", "U7", "AT", "AR", "IK", "EV", "JV", "X8", "P9", "AU"]
