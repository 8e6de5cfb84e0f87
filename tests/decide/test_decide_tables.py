"""The decision tables agree with the rest of the published rules, and `decide` behaves on the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generators.decide import Decider, from_rules
from generators.loading.documents import load_policies
from generators.model import build_model
from generators.outputs.rules import render_rules
from tests.conftest import EXAMPLE_POLICIES, REPO, TODAY


@pytest.fixture(scope="module")
def rules_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("rules")
    for relative, data in render_rules(build_model(load_policies(EXAMPLE_POLICIES)), TODAY, None).items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return target


@pytest.fixture(scope="module")
def decider(rules_dir: Path) -> Decider:
    return from_rules(rules_dir)


def _probe_amounts(row: dict[str, Any], bounds: dict[str, Any]) -> list[float]:
    """The amounts at each end of a tier: its limit itself where the row says the limit belongs to it."""
    above, up_to = bounds["above"], bounds["up_to"]
    amounts = []
    if up_to is not None:
        inclusive = row["up_to"] is None or row["up_to"]["inclusive"]  # "under 700 000 kr" is not inclusive
        amounts.append(up_to if inclusive else up_to - 0.5)
    if above is not None:
        inclusive = row["above"] is not None and row["above"]["inclusive"]  # "från och med" is inclusive
        amounts.append(above if inclusive else above + 0.5)
    return amounts or [1]


def test_every_row_of_delegation_json_gets_the_same_delegate(rules_dir: Path, decider: Decider) -> None:
    """decision_table in delegation.json and the decision tables are two views of the same model."""
    table = json.loads((rules_dir / "delegation.json").read_bytes())["decision_table"]
    checked = 0
    for row in table:
        if row["grant"] != "delegation":
            continue
        for year, bounds in row["sek_by_year"].items():
            day = max(row["valid_from"], f"{year}-01-01")
            if row["valid_to"] is not None and day > row["valid_to"]:
                continue
            for amount in _probe_amounts(row, bounds):
                status, tier, _ = decider.delegate(row["matter_id"], amount, day)
                assert status == "answered", (row["id"], year, amount, status)
                assert tier is not None and tier["delegated"], (row["id"], amount)
                assert tier["decided_by"]["key"] == row["delegate_key"], (row["id"], year, amount)
                assert tier["index"] == row["tier"]
                checked += 1
    assert checked > 100


def test_an_amount_above_every_delegation_goes_to_the_body(decider: Decider) -> None:
    answer = decider.delegation("soc-ekonomi-budgetjustering", 1_000_001, "2026-06-01")
    assert answer.answered and not answer.facts["delegated"]
    assert answer.facts["decided_by"]["key"] == "body:socialnamnden"
    at_limit = decider.delegation("soc-ekonomi-budgetjustering", 1_000_000, "2026-06-01")
    assert at_limit.facts["decided_by"]["key"] == "position:socialchef"


def test_the_explanation_is_built_only_when_read(decider: Decider) -> None:
    answer = decider.delegation("soc-ekonomi-avskrivning-fordringar", 30000, "2026-11-23")
    assert answer._details is None and answer._explanation is None
    assert answer.status == "answered"
    assert answer.explanation and answer._details is not None


def test_published_decisions_hold_only_published_versions(rules_dir: Path) -> None:
    data = json.loads((rules_dir / "decisions.json").read_bytes())
    versions = {(v["document"]["id"], v["document"]["version"]) for vs in data["delegation"]["matters"].values() for v in vs}
    published = {(d["document"]["id"], d["document"]["version"]) for d in json.loads((rules_dir / "delegation.json").read_bytes())["documents"]}
    assert versions == published


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generators", *args], capture_output=True, text=True, cwd=REPO, check=False)


def test_command_line_text_and_json_from_both_sources(rules_dir: Path) -> None:
    question = ["decide", "delegation", "--body", "socialnamnden", "--matter", "soc-ekonomi-avskrivning-fordringar",
                "--amount", "30 000 kr", "--date", "2026-11-23"]
    text = run(*question, "--rules", str(rules_dir))
    assert text.returncode == 0, text.stderr
    assert text.stdout.startswith("Enhetschef inom socialförvaltningen beslutar i ärende 3.2")
    assert "Nivån över 1 prisbasbelopp (59\u00a0200\u00a0kr 2026)" in text.stdout
    from_rules_json = run(*question, "--rules", str(rules_dir), "--format", "json")
    from_policies_json = run(*question, "--policies", str(EXAMPLE_POLICIES), "--format", "json")
    assert from_rules_json.returncode == from_policies_json.returncode == 0, from_policies_json.stderr
    assert json.loads(from_rules_json.stdout) == json.loads(from_policies_json.stdout)
    assert json.loads(from_rules_json.stdout)["answer"]["decided_by"]["key"] == "role_type:enhetschef_soc"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["decide", "delegation", "--matter", "x", "--amount", "mycket"], "'mycket' är inget belopp i kronor"),
        (["decide", "delegation", "--matter", "x", "--date", "2026-13-01"], "'2026-13-01' är inget giltigt datum"),
        (["decide", "delegation", "--matter-kind", "ekonomi"], "--matter-kind kräver --body"),
        (["decide", "travel", "--seat", "ordforande", "--traveller", "socialchef", "--country", "US"], "--seat kräver --body"),
        (["decide", "procurement"], "--value"),
    ],
)
def test_usage_errors_are_swedish_and_exit_2(args: list[str], message: str, rules_dir: Path) -> None:
    result = run(*args, "--rules", str(rules_dir))
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_rules_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = run("decide", "whistleblowing", "--concerns", "kommundirektor", "--rules", str(tmp_path))
    assert result.returncode == 2
    assert "decisions.json finns inte" in result.stderr and "Traceback" not in result.stderr


def test_an_unanswerable_question_exits_1(rules_dir: Path) -> None:
    result = run("decide", "delegation", "--matter", "soc-finns-inte", "--date", "2026-11-23", "--rules", str(rules_dir))
    assert result.returncode == 1
    assert "finns inte i någon delegationsordning" in result.stdout


def test_broken_policies_are_refused_with_their_errors(policies_copy: Path) -> None:
    path = policies_copy / "delegation" / "socialnamnden.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("delegate:", "delgat:", 1), encoding="utf-8")
    result = run("decide", "delegation", "--matter", "soc-allmant-bradskande", "--policies", str(policies_copy))
    assert result.returncode == 1
    assert "socialnamnden.yaml" in result.stderr and "rätta dem först" in result.stderr
    assert "Traceback" not in result.stderr


def test_help_lists_the_four_questions() -> None:
    result = run("decide", "--help")
    assert result.returncode == 0
    for question in ("delegation", "travel", "whistleblowing", "procurement"):
        assert question in result.stdout
    top = run("--help")
    assert "decide" in top.stdout and "Svara på \"vem beslutar?\"" in top.stdout


def test_reading_one_matter_gives_exactly_the_published_entry(rules_dir: Path) -> None:
    """The command line's partial read finds every matter (first, last, in between) and nothing else."""
    from generators.decide.partial import read_partial

    path = rules_dir / "decisions.json"
    full = json.loads(path.read_bytes())
    for matter, versions in full["delegation"]["matters"].items():
        partial = read_partial(path, "delegation", [matter])
        assert partial is not None and partial["delegation"]["matters"] == {matter: versions}
    for missing in ("a", "zzz", "soc-", "soc-zzz", min(full["delegation"]["matters"]) + "x"):
        partial = read_partial(path, "delegation", [missing])
        assert partial is not None and partial["delegation"]["matters"] == {}
    for body, kinds in full["delegation"]["by_kind"].items():
        partial = read_partial(path, "delegation", None, body)
        assert partial is not None
        assert set(partial["delegation"]["matters"]) == {m for ids in kinds.values() for m in ids}
        assert {k: partial["delegation"][k] for k in ("bodies", "by_kind", "kind_labels", "retired")} == \
            {k: full["delegation"][k] for k in ("bodies", "by_kind", "kind_labels", "retired")}
    for kind in ("travel", "whistleblowing", "procurement"):
        partial = read_partial(path, kind)
        assert partial is not None and partial[kind] == full[kind]


def test_a_file_in_another_layout_is_read_whole(tmp_path: Path, rules_dir: Path) -> None:
    compact = json.loads((rules_dir / "decisions.json").read_bytes())
    (tmp_path / "decisions.json").write_text(json.dumps(compact, ensure_ascii=False), encoding="utf-8")
    question = {"kind": "delegation", "matter": "soc-ekonomi-avskrivning-fordringar", "body": None}
    answer = from_rules(tmp_path, question).delegation("soc-ekonomi-avskrivning-fordringar", 30000, "2026-11-23")
    assert answer.facts["decided_by"]["key"] == "role_type:enhetschef_soc"


def test_the_policies_cache_gives_the_same_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Built once, then read back (whole or only what one question needs) from a content-addressed cache."""
    from generators.decide import sources

    monkeypatch.setattr(sources, "CACHE_DIR", tmp_path / "cache")
    question = {"kind": "delegation", "matter": "ks-upphandling-tilldelning", "body": None}
    built = sources.from_policies(EXAMPLE_POLICIES, question=question)
    assert len(list((tmp_path / "cache").glob("*.json"))) == 1
    cached_partial = sources.from_policies(EXAMPLE_POLICIES, question=question)
    cached_whole = sources.from_policies(EXAMPLE_POLICIES)
    answers = [d.delegation("ks-upphandling-tilldelning", 5_500_000, "2027-01-01").to_json() for d in (built, cached_partial, cached_whole)]
    assert answers[0] == answers[1] == answers[2]
    assert answers[0]["answer"]["decided_by"]["key"] == "position:kommundirektor"
    assert list(cached_partial.tables["delegation"]["matters"]) == ["ks-upphandling-tilldelning"]


def test_tables_of_some_kinds_are_those_of_the_full_build() -> None:
    """The audit builds only the tables it asks (`only`): each is the one the full build gives, the
    others are absent, and a kind without a table is refused."""
    from generators.decide.sources import tables_of_model

    model = build_model(load_policies(EXAMPLE_POLICIES))
    full = tables_of_model(model, TODAY)
    some = tables_of_model(model, TODAY, ("delegation", "attest"))
    assert sorted(some) == ["attest", "delegation", "tables_version"]
    assert some == {key: full[key] for key in some}
    with pytest.raises(ValueError, match="organisation"):
        tables_of_model(model, TODAY, ("organisation",))
