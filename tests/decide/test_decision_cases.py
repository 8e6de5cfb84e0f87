"""Decision behaviour cases as YAML (question → expected answer, OpenFisca-style), collected by pytest.

Every case runs against the decision tables built from the policies, against the published
`decisions.json` (rendered with `render_rules` into a temporary folder) and against the part of that
file the command line reads for the one question; the JSON answers must be identical. The site's "Vem beslutar?" page can run the same files.

`tests/decisions/<topic>.yaml`:

    title: Socialnämnden                 # what the file is about (free text)
    cases:
      - name: Vem beslutar om avskrivning av en fordran på 30 000 kr i socialnämnden?
        ask:                             # the question; `kind` picks the function, the rest are its arguments
          kind: delegation               # delegation | travel | whistleblowing | procurement
          body: socialnamnden
          matter: soc-ekonomi-avskrivning-fordringar   # or matter_kind: ekonomi (with body)
          amount: 30000                  # kronor
          date: "2026-11-23"             # always given, so a case never depends on the clock
        expect:
          status: answered               # answered | not_found | not_in_force | other_body | needs_amount | not_allowed |
                                         # unknown_value | retired | undetermined
          decided_by.key: role_type:enhetschef_soc      # any other key: a dotted path into the answer's
          tier: 0                                       # facts (`answer` in `decide --format json`);
          substitute.actors.0.key: position:avdelningschef_ifo   # list items by index
          summary_contains: ["Enhetschef inom socialförvaltningen"]
          steps_contains: ["…"]          # each text must occur in one of the "Så här gör du" steps
          explanation_contains:          # each text must occur in one of the explanation's sentences
                                         # (the no-break spaces in amounts compare as ordinary spaces)
            - "upp till 1 prisbasbelopp (59 200 kr 2026)"
        edits:                           # optional: change a copy of the example policies first
          - {file: reference/prisbasbelopp.yaml, find: "…", replace: "…"}   # as in tests/rules/*.yaml
        policies: region                 # optional: ask another fixture's tree (tests/fixtures/<name>/policies:
                                         # region, kommunalforbund) instead of the example; edits apply to it

Arguments per kind: delegation (body, matter | matter_kind, amount, date); travel (traveller | body
[+ seat], country, date); whistleblowing (concerns, date); procurement (value, regime, category,
body, date). The published tables are rendered as of 2026-11-23 (the tests' "today"), so a case
may ask about any date from then on; the policies answer any date.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from generators.decide import Decider, from_rules
from generators.decide.engine import Decider as EngineDecider
from generators.decide.sources import build_from_policies
from generators.loading.documents import load_policies
from generators.model import build_model
from generators.outputs.rules import render_rules
from tests.conftest import EXAMPLE_POLICIES, FIXTURES, TODAY
from tests.test_rule_cases import apply_edits

CASES_DIR = Path(__file__).resolve().parents[1] / "decisions"
COMMIT = "0123456789abcdef0123456789abcdef01234567"
STATUSES = {"answered", "not_found", "not_in_force", "other_body", "needs_amount", "unknown_value", "retired", "undetermined", "not_allowed"}


@dataclass(frozen=True)
class Case:
    file: str
    name: str
    spec: dict[str, Any]


def _collect() -> list[Case]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for spec in data["cases"]:
            cases.append(Case(path.name, spec["name"], spec))
    return cases


ALL_CASES = _collect()


def asks_the_example(spec: dict[str, Any]) -> bool:
    """Whether a case asks the example as it stands (no edits, no other fixture): the published example answers it."""
    return not spec.get("edits") and not spec.get("policies")


def case_policies(spec: dict[str, Any], target: Path) -> Path:
    """A copy of the tree a case asks (the example, or `policies: <fixture>`) with its edits, at `target`."""
    source = FIXTURES / spec["policies"] / "policies" if spec.get("policies") else EXAMPLE_POLICIES
    shutil.copytree(source, target)
    apply_edits(target, spec.get("edits") or [])
    return target


def case_key(spec: dict[str, Any]) -> str:
    """What makes a case's tree: the fixture and the edits (cases with the same key share one build)."""
    return json.dumps({"policies": spec.get("policies"), "edits": spec.get("edits") or []}, sort_keys=True)


def ask(decider: Decider, question: dict[str, Any]) -> Any:
    q = dict(question)
    kind = q.pop("kind")
    day = str(q.pop("date"))
    if kind == "delegation":
        return decider.delegation(q.get("matter"), q.get("amount"), day, q.get("body"), q.get("matter_kind"))
    if kind == "travel":
        return decider.travel(q.get("traveller"), q.get("country"), day, q.get("body"), q.get("seat"))
    if kind == "whistleblowing":
        return decider.whistleblowing(q.get("concerns"), day)
    if kind == "procurement":
        return decider.procurement(q.get("value"), day, q.get("regime"), q.get("category"), q.get("body"))
    raise AssertionError(f"unknown question kind {kind!r}")


@dataclass(frozen=True)
class Sources:
    policies: Decider  # built from the policies in-process
    rules: Decider  # the whole published decisions.json
    rules_dir: Path  # for reading only what one question needs (the command line's way)


def deciders_for(policies: Path, rules_dir: Path) -> Sources:
    """The tables from the policies, and the JSON rendered from the same policies into `rules_dir`."""
    from_policy_tables = EngineDecider(build_from_policies(policies))
    model = build_model(load_policies(policies))
    for relative, data in render_rules(model, TODAY, COMMIT).items():
        target = rules_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return Sources(from_policy_tables, from_rules(rules_dir), rules_dir)


@pytest.fixture(scope="session")
def example(tmp_path_factory: pytest.TempPathFactory) -> Sources:
    return deciders_for(EXAMPLE_POLICIES, tmp_path_factory.mktemp("rules"))


def _at(data: Any, path: str) -> Any:
    node = data
    for step in path.split("."):
        if isinstance(node, list):
            assert step.isdigit() and int(step) < len(node), f"{path}: no item {step} in a list of {len(node)}"
            node = node[int(step)]
        else:
            assert isinstance(node, dict) and step in node, f"{path}: no '{step}' in {sorted(node) if isinstance(node, dict) else node!r}"
            node = node[step]
    return node


def plain(text: str) -> str:
    """Amounts are written with no-break spaces (59\u00a0200\u00a0kr); a case writes ordinary ones."""
    return text.replace("\u00a0", " ")


def check_expectations(answer: dict[str, Any], expect: dict[str, Any], where: str) -> None:
    explanation = [plain(line) for line in answer["explanation"]]
    detail = f"{where}\n{plain(answer['summary'])}\n" + "\n".join(explanation)
    for key, wanted in expect.items():
        if key == "status":
            assert wanted in STATUSES, f"{where}: unknown status {wanted!r}"
            assert answer["status"] == wanted, detail
        elif key == "explanation_contains":
            for text in wanted:
                assert any(text in line for line in explanation), f"{text!r} not in the explanation\n{detail}"
        elif key == "steps_contains":
            steps = [plain(step) for step in answer["steps"]]
            for text in wanted:
                assert any(text in step for step in steps), f"{text!r} not in the steps\n{detail}\n" + "\n".join(steps)
        elif key == "summary_contains":
            for text in wanted:
                assert text in plain(answer["summary"]), f"{text!r} not in the summary\n{detail}"
        else:
            assert answer["answer"] is not None, detail
            assert _at(answer["answer"], key) == wanted, f"{key}: {_at(answer['answer'], key)!r} != {wanted!r}\n{detail}"


@pytest.mark.parametrize("case", ALL_CASES, ids=[f"{c.file}: {c.name}" for c in ALL_CASES])
def test_decision_case(case: Case, example: Sources, tmp_path: Path) -> None:
    if asks_the_example(case.spec):
        sources = example
    else:
        sources = deciders_for(case_policies(case.spec, tmp_path / "policies"), tmp_path / "rules")
    question = case.spec["ask"]
    from_policies_answer = ask(sources.policies, question).to_json()
    from_rules_answer = ask(sources.rules, question).to_json()
    assert from_policies_answer == from_rules_answer, "the policies and the published JSON answer differently"
    one_shot = from_rules(sources.rules_dir, {"kind": question["kind"], "matter": question.get("matter"), "body": question.get("body")})
    assert ask(one_shot, question).to_json() == from_rules_answer, "reading only what the question needs answers differently"
    check_expectations(from_policies_answer, case.spec["expect"], f"{case.file}: {case.name}")


def test_cases_exist_for_every_kind_of_question() -> None:
    kinds = {c.spec["ask"]["kind"] for c in ALL_CASES}
    assert kinds == {"delegation", "travel", "whistleblowing", "procurement"}


def test_every_case_fixes_its_date() -> None:
    for case in ALL_CASES:
        assert "date" in case.spec["ask"], f"{case.file}: {case.name} depends on the clock"
        date.fromisoformat(str(case.spec["ask"]["date"]))
