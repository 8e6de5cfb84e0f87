"""Behaviour cases for the rules, written as YAML (OpenFisca-style), collected by pytest.

`tests/rules/<CODE>.yaml`:

    code: D402
    cases:
      - name: Ersättaren är samma som delegaten
        edits:                       # applied to a copy of the example policies
          - file: delegation/socialnamnden.yaml
            find: "substitute: {position: avdelningschef_ifo}"
            replace: "substitute: {position: socialchef}"
            occurrence: 1            # optional: which occurrence of `find` (default: it must be unique)
        today: "2026-11-23"          # optional
        expect:                      # ALL diagnostics the run produces, nothing more
          - {code: D402, file: delegation/socialnamnden.yaml, at: "substitute: {position: socialchef}"}
        also:                        # optional: other rules' findings the change rightly causes
          - {code: AR102, file: avtalsregister.yaml, count: 8}

Only what the edits change is compared: diagnostics the unedited example also has (by code, file
and message: an honest warning such as an unpublished prisbasbelopp) are left out on both sides.
`at` is text in the edited file; the expected line is the line where it stands (its first
occurrence, or `at_occurrence`). Files are relative to the policies folder. An edit may also be
`{file, content}` (write the whole file) or `{file, delete: true}`.

`also` is for consequences in other documents that a case is not about but a policy owner would
rightly be shown (lowering a limit takes the mandate from contracts already signed: AR102). They are
compared by code, file and count, so the case keeps its lines for its own rule.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from generators.pipeline import load_and_check
from tests.conftest import EXAMPLE_POLICIES, TODAY

CASES_DIR = Path(__file__).parent / "rules"


@dataclass(frozen=True)
class Case:
    code: str
    name: str
    spec: dict[str, Any]
    source: Path


def _collect() -> list[Case]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for spec in data["cases"]:
            cases.append(Case(data["code"], spec["name"], spec, path))
    return cases


ALL_CASES = _collect()


def _nth(text: str, needle: str, occurrence: int | None) -> int:
    count = text.count(needle)
    if occurrence is None:
        assert count == 1, f"{needle!r} occurs {count} times; give `occurrence`"
        return text.index(needle)
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    return index


def apply_edits(policies: Path, edits: list[dict[str, Any]]) -> None:
    for edit in edits:
        target = policies / edit["file"]
        if edit.get("delete"):
            target.unlink()
            continue
        if "content" in edit:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(edit["content"], encoding="utf-8")
            continue
        text = target.read_text(encoding="utf-8")
        start = _nth(text, edit["find"], edit.get("occurrence"))
        target.write_text(text[:start] + edit["replace"] + text[start + len(edit["find"]):], encoding="utf-8")


def expected_line(policies: Path, item: dict[str, Any]) -> int:
    if "line" in item:
        return int(item["line"])
    text = (policies / item["file"]).read_text(encoding="utf-8")
    start = _nth(text, item["at"], item.get("at_occurrence", 1))
    return text.count("\n", 0, start) + 1


@functools.cache
def _baseline() -> frozenset[tuple[str, str, str]]:
    result = load_and_check(EXAMPLE_POLICIES, TODAY).result
    return frozenset((d.code, d.file.removeprefix("policies/"), d.message) for d in result.diagnostics)


FOLLOW_ON_CODES = frozenset({"EV103"})


@pytest.mark.parametrize("case", ALL_CASES, ids=[f"{c.code}-{c.name}" for c in ALL_CASES])
def test_rule_case(case: Case, policies_copy: Path) -> None:
    apply_edits(policies_copy, case.spec.get("edits", []))
    today = date.fromisoformat(case.spec["today"]) if "today" in case.spec else TODAY
    result = load_and_check(policies_copy, today).result
    prefix = "policies/"
    baseline = _baseline() if today == TODAY else frozenset()
    new = [d for d in result.diagnostics if (d.code, d.file.removeprefix(prefix), d.message) not in baseline]
    expected = sorted((e["code"], e["file"], expected_line(policies_copy, e)) for e in case.spec.get("expect", []))
    # A summary that restates other checks' findings (EV103: the egenvärdering's computed answer turns
    # yellow because of them) is compared only where a case asks for it: its own cases and those that
    # list it. Every other case is about its own rule's finding.
    wanted_codes = {code for code, _, _ in expected} | {case.code}
    new = [d for d in new if d.code not in FOLLOW_ON_CODES or d.code in wanted_codes]
    also = {(a["code"], a["file"]): int(a["count"]) for a in case.spec.get("also", [])}
    consequences = [d for d in new if (d.code, d.file.removeprefix(prefix)) in also]
    counted = {key: sum(1 for d in consequences if (d.code, d.file.removeprefix(prefix)) == key) for key in also}
    new = [d for d in new if d not in consequences]
    found = sorted((d.code, d.file.removeprefix(prefix), d.line) for d in new)
    detail = "\n".join(f"{d.file}:{d.line}:{d.column}: {d.code} {d.message}" for d in new)
    assert found == expected, f"{case.source.name}: {case.name}\n{detail}"
    assert counted == also, f"{case.source.name}: {case.name}: {counted} != {also}"
    for d in result.diagnostics:
        assert d.message.strip() and d.line >= 1 and d.column >= 1
