"""The synthetic city (generators/synth): valid, deterministic, shaped like the example."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest
import yaml

from generators.cli import main
from generators.pipeline import load_and_check
from generators.synth import generate
from generators.synth.plan import build_plan
from tests.conftest import EXAMPLE_POLICIES

TODAY_TEXT = "2026-11-23"
# The kommun fixture's reference data (the synth's default is policies/reference, which belongs to
# whichever organisation adopted the tool).
REFERENCE = EXAMPLE_POLICIES / "reference"


def _tree_digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


def _load(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # every scalar as text


def _matters(root: Path) -> list[dict]:
    found = []
    for path in sorted((root / "delegation").glob("*.yaml")):
        if "2027" in path.name:
            continue
        for section in _load(path)["sections"]:
            found.extend(section["matters"])
    return found


@pytest.fixture(scope="module")
def small_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "policies"
    generate(out, bodies=3, matters_per_body=20, seed=7, reference_dir=REFERENCE)
    return out


def test_small_tree_passes_check(small_tree: Path) -> None:
    from datetime import date

    checked = load_and_check(small_tree, date(2026, 11, 23))
    errors = [f"{d.file}:{d.line}:{d.column}: {d.code} {d.message}" for d in checked.result.errors]
    assert errors == []
    assert checked.result.files_checked == len(list(small_tree.rglob("*.yaml")))
    assert len(checked.model.delegations) == 3
    assert not checked.loaded.failed


def test_check_command_accepts_the_tree(small_tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--policies", str(small_tree), "--today", TODAY_TEXT]) == 0
    assert "0 fel" in capsys.readouterr().out


def test_same_seed_gives_byte_identical_tree(tmp_path: Path, small_tree: Path) -> None:
    again = tmp_path / "again"
    generate(again, bodies=3, matters_per_body=20, seed=7, reference_dir=REFERENCE)
    assert _tree_digest(again) == _tree_digest(small_tree)
    other = tmp_path / "other"
    generate(other, bodies=3, matters_per_body=20, seed=8, reference_dir=REFERENCE)
    changed = {name for name, digest in _tree_digest(other).items() if _tree_digest(small_tree).get(name) != digest}
    assert any(name.startswith("delegation/") for name in changed)
    assert not any(name.startswith("reference/") for name in changed)  # reference data is the example's


def test_synth_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "tree"
    assert main(["synth", "--bodies", "2", "--matters-per-body", "12", "--out", str(out), "--seed", "3"]) == 0
    assert (out / "organisation.yaml").is_file() and len(list((out / "delegation").glob("*.yaml"))) == 2
    capsys.readouterr()
    # An existing tree is never overwritten; too small a city is refused; both are usage errors.
    assert main(["synth", "--bodies", "2", "--matters-per-body", "12", "--out", str(out)]) == 2
    assert main(["synth", "--bodies", "1", "--matters-per-body", "12", "--out", str(tmp_path / "x")]) == 2
    assert main(["synth", "--bodies", "3", "--matters-per-body", "5", "--out", str(tmp_path / "y")]) == 2
    assert "Fel:" in capsys.readouterr().err


def test_every_matter_is_filled_like_the_example(small_tree: Path) -> None:
    matters = _matters(small_tree)
    assert len(matters) == 3 * 20
    for matter in matters:
        assert 60 <= len(matter["title"]) <= 120, matter["title"]
        assert {"id", "number", "title", "kind", "further_delegation", "legal_basis", "reporting"} <= set(matter)
        assert ("delegate" in matter) != ("tiers" in matter)
    ids = [m["id"] for m in matters]
    assert len(ids) == len(set(ids))


def test_proportions_follow_the_example(tmp_path: Path) -> None:
    """Shares of limits, tiers, conditions, notes, substitutes, ren verkställighet and vidaredelegation,
    and how decisions are reported, are near the example's (measured here from policies/)."""

    def shares(matters: list[dict]) -> dict[str, float]:
        n = len(matters)
        count = Counter()
        for m in matters:
            for key in ("limit", "tiers", "conditions", "substitute", "note", "execution_only"):
                count[key] += key in m
            count["further_delegation"] += m["further_delegation"] == "true"
            count["not_reported"] += m.get("reporting", {}).get("reported") == "false"
            count["one_legal_ref"] += len(m["legal_basis"]) == 1
        return {key: value / n for key, value in count.items()}

    out = tmp_path / "city"
    generate(out, bodies=6, matters_per_body=300, seed=1, reference_dir=REFERENCE)
    synthetic, example = shares(_matters(out)), shares(_matters(EXAMPLE_POLICIES))
    for key, expected in example.items():
        assert abs(synthetic[key] - expected) <= 0.05, (key, synthetic[key], expected)


def test_cross_references_point_at_existing_matters(small_tree: Path) -> None:
    matters: dict[str, tuple[str, dict]] = {}
    for path in (small_tree / "delegation").glob("*.yaml"):
        order = _load(path)
        for section in order["sections"]:
            for matter in section["matters"]:
                matters[matter["id"]] = (order["body"], matter)
    travel = _load(small_tree / "travel.yaml")
    delegated = [a for a in travel["approvals"] if a["basis"] == "delegation"]
    assert delegated
    for approval in delegated:
        _, matter = matters[approval["matter"]]
        assert matter["kind"] == "tjansteresa" and matter["delegate"] == approval["approver"]
    procurement = _load(small_tree / "procurement.yaml")
    decisions = [d for t in procurement["band_tables"] for b in t["bands"] for d in b["decisions"] if d["basis"] == "delegation"]
    assert decisions
    for decision in decisions:
        body, matter = matters[decision["matter"]]
        assert body == decision["body"] and "tiers" in matter
        if "decided_by" in decision:
            assert decision["decided_by"] in [tier["delegate"] for tier in matter["tiers"]]


def test_region_size_organisation() -> None:
    plan = build_plan(20, 500)
    assert len(plan.positions) >= 300
    assert len(plan.bodies) == 20
    assert sum(1 for p in plan.positions if p["reports_to"].get("body")) == 1  # one direktör at the top


def test_small_tree_has_an_attestreglemente_and_a_list_per_body_without_attest_findings(small_tree: Path) -> None:
    from datetime import date

    assert (small_tree / "attestreglemente.yaml").exists()
    assert len(list((small_tree / "attest").glob("*.yaml"))) == 3
    checked = load_and_check(small_tree, date(2026, 11, 23))
    attest = [f"{d.file}:{d.line}: {d.code} {d.message}" for d in checked.result.diagnostics if d.code.startswith("AT")]
    assert attest == []


def test_region_size_attest_lists_have_about_two_thousand_ansvar() -> None:
    from generators.synth.attest import cost_centres_per_unit, forteckning_document

    plan = build_plan(20, 2500)
    lists = [forteckning_document(plan, body, n, cost_centres_per_unit(2500)) for n, body in enumerate(plan.bodies)]
    codes = [row["code"] for document in lists for row in document["ansvar"]]
    assert 1_500 <= len(codes) <= 3_000
    assert len(set(codes)) == len(codes)
