"""Point-in-time history (rules API v1): the published rules keep every adopted version, ended ones
included, so `decide --rules --date D` answers for a day inside a version that has ended by the
build date exactly as `decide --policies` does.

The rules are rendered as of 2027-06-01, after kommunstyrelsen's delegationsordning 2026:1 ended
(2026-12-31); every behaviour case in tests/decisions/ (those without edits) is asked of both.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from generators.cli import main
from generators.decide import from_rules
from generators.decide.engine import Decider
from generators.decide.sources import build_from_policies
from generators.loading.documents import load_policies
from generators.model import build_model
from generators.outputs.rules import render_rules
from tests.conftest import EXAMPLE_POLICIES
from tests.decide.test_decision_cases import ALL_CASES, ask, asks_the_example

LATER = date(2027, 6, 1)
COMMIT = "0123456789abcdef0123456789abcdef01234567"
CASES = [c for c in ALL_CASES if asks_the_example(c.spec)]


@pytest.fixture(scope="module")
def later_rules(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("rules-v1-later")
    for relative, data in render_rules(build_model(load_policies(EXAMPLE_POLICIES)), LATER, COMMIT).items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return folder


@pytest.fixture(scope="module")
def from_the_policies() -> Decider:
    return Decider(build_from_policies(EXAMPLE_POLICIES))


def test_ended_versions_are_published_with_their_validity(later_rules: Path) -> None:
    index = json.loads((later_rules / "index.json").read_bytes())
    versions = {(d["id"], d["version"]): d for f in index["files"] for d in f["documents"]}
    ended = [d for d in versions.values() if d["valid_to"] is not None and d["valid_to"] < LATER.isoformat()]
    assert ended, "no ended version in the manifest"
    for entry in ended:
        assert entry["in_force_on_as_of"] is False and entry["valid_from"] <= entry["valid_to"]
    delegation = json.loads((later_rules / "delegation.json").read_bytes())
    published = {(d["document"]["id"], d["document"]["version"]) for d in delegation["documents"]}
    assert {(d["id"], d["version"]) for d in ended if d["kind"] == "delegation"} <= published


@pytest.mark.parametrize("case", CASES, ids=[f"{c.file}: {c.name}" for c in CASES])
def test_rules_with_history_answer_like_the_policies(case: Any, later_rules: Path, from_the_policies: Decider) -> None:
    question = case.spec["ask"]
    whole = ask(from_rules(later_rules), question).to_json()
    assert whole == ask(from_the_policies, question).to_json()
    one_shot = from_rules(later_rules, {"kind": question["kind"], "matter": question.get("matter"), "body": question.get("body")})
    assert ask(one_shot, question).to_json() == whole


def test_some_case_asks_inside_an_ended_version(later_rules: Path) -> None:
    """The comparison above covers history: at least one case is answered from a version that had ended."""
    index = json.loads((later_rules / "index.json").read_bytes())
    valid_to = {(d["id"], d["version"]): d["valid_to"] for f in index["files"] for d in f["documents"]}
    answered_from_ended = []
    for case in CASES:
        answer = ask(from_rules(later_rules), case.spec["ask"]).to_json().get("answer") or {}
        ended_on = valid_to.get((answer.get("document_id"), answer.get("document_version")))
        if ended_on is not None and ended_on < LATER.isoformat():
            answered_from_ended.append(case.name)
    assert answered_from_ended


def test_command_line_answers_for_a_date_inside_an_ended_version(later_rules: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["decide", "delegation", "--body", "kommunstyrelsen", "--matter", "ks-upphandling-tilldelning", "--amount", "5500000",
            "--format", "json"]
    assert main([*args, "--rules", str(later_rules), "--date", "2026-12-31"]) == 0
    ended = json.loads(capsys.readouterr().out)
    assert main([*args, "--policies", str(EXAMPLE_POLICIES), "--date", "2026-12-31"]) == 0
    assert json.loads(capsys.readouterr().out) == ended
    assert ended["answer"]["document_version"] == "2026:1"
    assert ended["answer"]["decided_by"]["key"] == "body:ks_arbetsutskott"
    assert main([*args, "--rules", str(later_rules), "--date", "2027-01-01"]) == 0
    assert json.loads(capsys.readouterr().out)["answer"]["document_version"] == "2027:1"
