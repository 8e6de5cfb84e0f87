"""The OPA bundle (rules/v1/opa/bundle.tar.gz): a valid bundle, deterministic, and a real Rego engine
(regopy, the Python binding of rego-cpp) evaluating its policy over its data answers every decision
behaviour case (tests/decisions/*.yaml) and every attest invoice of tests/decide/test_attest.py
exactly as `decide` does.

The engine loads the bundle the way OPA does (generators/outputs/opa/evaluate.py). Compiling it takes
seconds, so it is built once per set of policies.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from generators.decide.attest import chain
from generators.decide.engine import Decider
from generators.loading.documents import load_policies
from generators.model import build_model
from generators.outputs.opa import BUNDLE_PATH, unpack
from generators.outputs.opa.evaluate import BundleEngine
from generators.outputs.rules import render_rules
from tests.conftest import EXAMPLE_POLICIES, FIXTURES, TODAY
from tests.decide.test_attest import DAY as ATTEST_DAY
from tests.decide.test_attest import INVOICES
from tests.decide.test_decision_cases import ALL_CASES, COMMIT, Case, ask, asks_the_example, case_key, case_policies


def published(policies: Path, as_of: date = TODAY) -> dict[str, bytes]:
    return render_rules(build_model(load_policies(policies)), as_of, COMMIT)


@pytest.fixture(scope="module")
def example() -> tuple[dict[str, bytes], BundleEngine]:
    files = published(EXAMPLE_POLICIES)
    return files, BundleEngine(files[BUNDLE_PATH])


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> Callable[[dict[str, Any]], tuple[dict[str, bytes], BundleEngine]]:
    """The published files and the engine for the tree a case asks, with its edits (each tree built once)."""
    built: dict[str, tuple[dict[str, bytes], BundleEngine]] = {}

    def make(spec: dict[str, Any]) -> tuple[dict[str, bytes], BundleEngine]:
        key = case_key(spec)
        if key not in built:
            policies = case_policies(spec, tmp_path_factory.mktemp("policies") / "policies")
            files = published(policies)
            built[key] = (files, BundleEngine(files[BUNDLE_PATH]))
        return built[key]

    return make


def _plain_json(value: Any) -> Any:
    """As a client receives it over HTTP."""
    return json.loads(json.dumps(value))


@pytest.mark.parametrize("case", ALL_CASES, ids=[f"{c.file}: {c.name}" for c in ALL_CASES])
def test_the_bundle_answers_every_decision_case_as_decide(case: Case, example: tuple[dict[str, bytes], BundleEngine],
                                                          edited: Callable[[dict[str, Any]], tuple[dict[str, bytes], BundleEngine]]) -> None:
    files, engine = example if asks_the_example(case.spec) else edited(case.spec)
    question = dict(case.spec["ask"])
    decided = ask(Decider(json.loads(files["decisions.json"])), question).to_json()
    question["question"] = question.pop("kind")
    question["date"] = str(question["date"])
    got = engine.answer(question)
    assert got["status"] == decided["status"], decided["summary"]
    assert got["answer"] == _plain_json(decided["answer"]), decided["summary"]


# The invoices of tests/decide/test_attest.py, and the edges of each class the precomputed chains
# are grouped by: a level's upper bound and the third step's lower one, a category the reglemente
# does not know or the ansvar does not carry, whose costs (a position that is no attestant, an id
# that is no position), and days before the reglemente and after the förteckning.
ATTEST_QUESTIONS = [(code, amount, category, for_position, ATTEST_DAY) for code, amount, category, for_position in INVOICES] + [
    ("5110", 250_000, None, None, ATTEST_DAY),
    ("5110", 250_001, None, None, ATTEST_DAY),
    ("5100", 499_999, None, None, ATTEST_DAY),
    ("5100", 500_000, None, None, ATTEST_DAY),
    ("5110", 80_000, "ingen_sadan_kategori", None, ATTEST_DAY),
    ("5120", 2_500, "konsulttjanster", None, ATTEST_DAY),
    ("5110", 80_000, None, "hr_direktor", ATTEST_DAY),
    ("5110", 80_000, None, "ingen_sadan_befattning", ATTEST_DAY),
    ("5110", 80_000, None, "kommundirektor", ATTEST_DAY),
    ("5110", 80_000, "konsulttjanster", None, "2025-06-30"),
    ("5110", 80_000, "konsulttjanster", None, "2027-03-01"),
]


def _steps(facts: dict[str, Any] | None) -> dict[str, Any] | None:
    """The chain without the steps' Swedish reasons (the bundle leaves the explanation to `decide`)."""
    if facts is None:
        return None
    steps = [{k: v for k, v in step.items() if k not in ("reasons", "substitute_reasons")} for step in facts["steps"]]
    return _plain_json({**facts, "steps": steps})


@pytest.mark.parametrize(("code", "amount", "category", "for_position", "day"), ATTEST_QUESTIONS)
def test_the_bundle_gives_the_attest_chain_of_decide(example: tuple[dict[str, bytes], BundleEngine], code: str, amount: int,
                                                     category: str | None, for_position: str | None, day: str) -> None:
    files, engine = example
    decided = chain(json.loads(files["attest.json"]), code, amount, category, for_position, day)
    got = engine.answer({"question": "attest", "ansvar": code, "amount": amount, "category": category, "for": for_position, "date": day})
    assert got["status"] == decided.status, decided.summary
    assert got["answer"] == _steps(decided.facts), decided.summary


def test_the_bundle_is_a_valid_opa_bundle(example: tuple[dict[str, bytes], BundleEngine]) -> None:
    bundle = example[0][BUNDLE_PATH]
    assert bundle[:2] == b"\x1f\x8b" and bundle[4:8] == b"\0\0\0\0", "gzip without a time"
    gzip.decompress(bundle)
    members = unpack(bundle)
    assert list(members) == sorted(members) == [".manifest", "styrdokument/decide/decide.rego", "styrdokument/tables/data.json"]
    manifest = json.loads(members[".manifest"])
    assert set(manifest) <= {"revision", "roots", "rego_version", "metadata", "wasm", "file_rego_versions"}
    assert re.fullmatch(r"[0-9a-f]{64}", manifest["revision"])
    assert manifest["rego_version"] == 1
    roots: list[str] = manifest["roots"]
    assert roots and all(root and not root.startswith("/") and not root.endswith("/") for root in roots)

    def under(path: str, root: str) -> bool:
        return path == root or path.startswith(root + "/")

    for a in roots:
        for b in roots:
            assert a == b or not under(a, b), f"roots {a} and {b} overlap"
    # Every data file lies under a root, and so does every package.
    for name, content in members.items():
        if name.endswith("data.json"):
            folder = name.rsplit("/", 1)[0] if "/" in name else ""
            data = json.loads(content)
            assert isinstance(data, dict) and data
            for key in data:
                assert any(under(f"{folder}/{key}".strip("/"), root) for root in roots), f"{name}: {key} is under no root"
        elif name.endswith(".rego"):
            package = re.search(r"^package ([\w.]+)$", content.decode("utf-8"), re.MULTILINE)
            assert package is not None, name
            assert any(under(package.group(1).replace(".", "/"), root) for root in roots), f"{name}: package {package.group(1)} is under no root"


def test_two_builds_give_the_same_bundle_and_other_data_another_revision(example: tuple[dict[str, bytes], BundleEngine]) -> None:
    bundle = example[0][BUNDLE_PATH]
    again = published(EXAMPLE_POLICIES)[BUNDLE_PATH]
    assert again == bundle
    later = published(EXAMPLE_POLICIES, date(2027, 6, 1))[BUNDLE_PATH]
    revision = json.loads(unpack(bundle)[".manifest"])["revision"]
    assert json.loads(unpack(later)[".manifest"])["revision"] != revision


def test_the_data_is_decisions_json(example: tuple[dict[str, bytes], BundleEngine]) -> None:
    files = example[0]
    data = json.loads(unpack(files[BUNDLE_PATH])["styrdokument/tables/data.json"])
    assert data["decisions"] == json.loads(files["decisions.json"])


def test_an_unknown_question_is_not_found(example: tuple[dict[str, bytes], BundleEngine]) -> None:
    assert example[1].answer({"question": "parkering", "date": "2026-11-23"}) == {"status": "not_found", "answer": None}


# "Respektive förvaltningschef inom sitt område" (`decide delegation --administration`): the region's
# ärende 1.4 is delegated to a role type whose members are the styrelse's förvaltningschefer. Asked for
# a förvaltning, the bundle answers with the one holder there, or undetermined where none is, as decide;
# a delegate that is no role type, a direct procurement the law forbids and another body's matter are
# answered as without the area.
AREA_QUESTIONS = [
    ("rs-allmant-ledighet", None, "regionservice", None),
    ("rs-allmant-ledighet", None, "regionkansliet", None),
    ("rs-allmant-ledighet", None, "digitaliseringsforvaltningen", None),
    ("rs-allmant-ledighet", None, "halso_och_sjukvardsforvaltningen", None),
    ("rs-allmant-ledighet", None, "ingen_sadan_forvaltning", None),
    ("rs-allmant-ledighet", None, None, None),
    ("rs-allmant-ledighet", None, "regionservice", "ingen_sadan_namnd"),
    ("rs-lokaler-direktupphandling", 699_999, "regionservice", None),
    ("rs-lokaler-direktupphandling", 700_000, "halso_och_sjukvardsforvaltningen", None),
]


@pytest.fixture(scope="module")
def region() -> tuple[Decider, BundleEngine]:
    files = published(FIXTURES / "region" / "policies")
    return Decider(json.loads(files["decisions.json"])), BundleEngine(files[BUNDLE_PATH])


@pytest.mark.parametrize(("matter", "amount", "area", "body"), AREA_QUESTIONS)
def test_the_bundle_answers_within_an_area_as_decide(region: tuple[Decider, BundleEngine], matter: str, amount: int | None,
                                                     area: str | None, body: str | None) -> None:
    decider, engine = region
    decided = decider.delegation(matter, amount, TODAY.isoformat(), body, None, area).to_json()
    question = {"question": "delegation", "matter": matter, "amount": amount, "area": area, "body": body, "date": TODAY.isoformat()}
    got = engine.answer(question)
    assert got["status"] == decided["status"], decided["summary"]
    assert got["answer"] == _plain_json(decided["answer"]), decided["summary"]


def test_the_area_questions_cover_each_answer(region: tuple[Decider, BundleEngine]) -> None:
    """The holder in the area, none there, the law's verdict and another body: each is asked above."""
    decider, _ = region
    statuses = {decider.delegation(m, a, TODAY.isoformat(), b, None, area).status for m, a, area, b in AREA_QUESTIONS}
    assert statuses == {"answered", "undetermined", "not_allowed", "other_body"}
    holder = decider.delegation("rs-allmant-ledighet", None, TODAY.isoformat(), None, None, "regionservice").to_json()
    assert holder["answer"]["decided_by_in_area"]["key"] == "position:servicedirektor"
