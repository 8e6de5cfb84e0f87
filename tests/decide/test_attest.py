"""`decide attest` and attest.json: the whole chain, the same from the policies and from the published file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generators.decide.attest import chain
from generators.decide.sources import build_from_policies
from generators.loading.documents import load_policies
from generators.model import build_model
from generators.outputs.rules import render_rules
from tests.conftest import EXAMPLE_POLICIES, REPO, TODAY

DAY = "2026-03-02"


def from_rules(rules_dir: Path) -> dict[str, Any]:
    """attest.json as an invoice system reads it."""
    data: dict[str, Any] = json.loads((rules_dir / "attest.json").read_bytes())
    return data


def from_policies(policies: Path) -> dict[str, Any]:
    """The attest table `decide attest` answers from (every adopted version)."""
    table: dict[str, Any] = build_from_policies(policies)["attest"]
    return table


@pytest.fixture(scope="module")
def rules_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("rules")
    for relative, data in render_rules(build_model(load_policies(EXAMPLE_POLICIES)), TODAY, None).items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return target


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generators", *args], capture_output=True, text=True, cwd=REPO, check=False)


def test_a_consultancy_invoice_on_social_services_gets_the_full_chain_from_both_sources(rules_dir: Path) -> None:
    # Issue 13, "Done when": an 80 000 kr consultancy invoice on a social-services ansvar.
    question = ["decide", "attest", "--ansvar", "5110", "--amount", "80000", "--category", "konsulttjanster", "--date", DAY, "--format", "json"]
    published = run(*question, "--rules", str(rules_dir))
    in_process = run(*question, "--policies", str(EXAMPLE_POLICIES))
    assert published.returncode == in_process.returncode == 0, published.stderr + in_process.stderr
    answer = json.loads(published.stdout)
    assert answer == json.loads(in_process.stdout)
    steps = {s["step"]: s for s in answer["answer"]["steps"]}
    assert list(steps) == ["receipt", "review", "decision", "third"]
    assert steps["decision"]["attestant"]["key"] == "position:enhetschef_barn_och_unga"
    assert steps["decision"]["substitute"]["key"] == "position:avdelningschef_ifo"
    assert steps["third"]["attestant"]["key"] == "position:avtalscontroller"
    assert steps["third"]["substitute"]["key"] == "position:kanslichef"
    assert any("11 §" in r for r in steps["third"]["reasons"])
    assert any("9 §" in r for r in steps["decision"]["substitute_reasons"])
    text = run(*question[:-2], "--rules", str(rules_dir))
    assert text.returncode == 0 and "Tredje atteststeget: avtalscontroller" in text.stdout, text.stdout


def test_the_chain_from_the_file_equals_the_chain_from_the_policies(rules_dir: Path) -> None:
    published, in_process = from_rules(rules_dir), from_policies(EXAMPLE_POLICIES)
    day = TODAY.isoformat()
    for forteckning in published["lists"]:
        for ansvar in forteckning["ansvar"]:
            for amount, category in ((1_000, None), (450_000, None), (80_000, "konsulttjanster")):
                a = chain(published, ansvar["code"], amount, category, None, day)
                b = chain(in_process, ansvar["code"], amount, category, None, day)
                assert a.to_json() == b.to_json()


def test_own_costs_go_to_the_chef_above() -> None:
    data = from_policies(EXAMPLE_POLICIES)
    answer = chain(data, "5010", 12_000, None, "socialchef", DAY)
    assert answer.answered
    decision = next(s for s in answer.facts["steps"] if s["step"] == "decision")
    assert decision["attestant"]["key"] == "position:kommundirektor"
    assert any("7 §" in r for r in decision["reasons"])


def test_the_directors_costs_go_to_the_chair() -> None:
    data = from_policies(EXAMPLE_POLICIES)
    answer = chain(data, "1000", 8_500, "representation", "kommundirektor", DAY)
    decision = next(s for s in answer.facts["steps"] if s["step"] == "decision")
    assert decision["attestant"]["key"] == "seat:ordforande@kommunstyrelsen"
    assert decision["substitute"]["key"] == "seat:forste_vice_ordforande@kommunstyrelsen"


def test_an_amount_above_the_level_without_a_higher_attestant_is_not_answered() -> None:
    data = from_policies(EXAMPLE_POLICIES)
    answer = chain(data, "5130", 450_000, None, None, DAY)  # avdelningsnivå: up to 400 000 kr
    assert answer.status == "undetermined"
    assert "över beloppsnivån" in answer.summary


def test_the_third_step_by_amount_skips_an_attestant_below_the_decider() -> None:
    data = from_policies(EXAMPLE_POLICIES)
    answer = chain(data, "1110", 390_000, "konsulttjanster", None, DAY)  # upphandlingschef is the avtalscontroller's chef
    third = next(s for s in answer.facts["steps"] if s["step"] == "third")
    assert third["attestant"]["key"] == "position:kanslichef"


def test_unknown_ansvar_and_category_are_answered_as_not_found(rules_dir: Path) -> None:
    result = run("decide", "attest", "--ansvar", "9999", "--amount", "100", "--rules", str(rules_dir), "--date", DAY)
    assert result.returncode == 1 and "Ansvar 9999 finns inte" in result.stdout
    data = from_rules(rules_dir)
    assert chain(data, "5110", 100, "glass", None, DAY).status == "not_found"


# -- attest.json read the way an invoice system would, without this project's code ----------------


def _invoice_system_chain(data: dict[str, Any], code: str, amount: int, category: str | None, for_position: str | None,
                          day: str) -> dict[str, Any]:
    """Who attests an invoice, computed from attest.json alone by following the file's documentation
    (the reglemente in force, the förteckning whose period covers the day, the amount levels, the
    director and own-costs rules, the third step and its independence over `line_of_command`).
    Written independently of `generators.decide.attest.chain`, so a gap in the published data shows."""
    def in_force(doc: dict[str, Any]) -> bool:
        return doc["status"] == "antagen" and doc["valid_from"] <= day and (doc["valid_to"] is None or day <= doc["valid_to"])

    reglemente = max((r for r in data["reglementen"] if in_force(r["document"])), key=lambda r: r["document"]["valid_from"])
    rows = [a for f in data["lists"] if f["document"]["status"] == "antagen" and f["period"]["from"] <= day <= f["period"]["to"]
            for a in f["ansvar"] if a["code"] == code]
    if not rows:
        return {"status": "not_found"}
    row = rows[0]
    line = data["line_of_command"]

    def below(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:  # a is b, or below b in the line
        if a is None or b is None:
            return False
        return a["key"] == b["key"] or (a["kind"] == b["kind"] == "position" and b["id"] in line[a["id"]]["superiors"])

    decider, substitute = row["decider"], row["substitute"]
    level = {lv["id"]: lv for lv in reglemente["amount_levels"]}[row["level"]]
    if level["up_to"] is not None and amount > level["up_to"]:
        if row["above_level"] is None:
            return {"status": "undetermined"}
        decider, substitute = row["above_level"], None
    director = reglemente["director_costs"]
    if for_position is not None:
        if director is not None and director["director"]["id"] == for_position:
            decider, substitute = director["attested_by"], director["substitute"]
        else:
            holder = {"kind": "position", "id": for_position, "key": f"position:{for_position}"}
            superiors = line[for_position]["superiors"]
            attestants = [decider, substitute]
            for i, current in enumerate(attestants):
                own = current is not None and current["key"] == holder["key"]
                if (own and "own_costs" in reglemente["rules"]) or (
                        not own and below(current, holder) and "superior_costs" in reglemente["rules"]):
                    other = attestants[1 - i]
                    chef = next((p for p in superiors if other is None or other["key"] != f"position:{p}"), None)
                    attestants[i] = None if chef is None else {"kind": "position", "id": chef, "key": f"position:{chef}"}
            decider, substitute = attestants
            if decider is None:
                return {"status": "undetermined"}
    steps = {"receipt": (row["receiver"]["key"], None), "review": (row["reviewer"]["key"], None),
             "decision": (decider["key"], substitute["key"] if substitute else None)}
    third = reglemente["third_step"]
    applies = third is not None and ((category is not None and category in third["categories"])
                                     or (third["from_amount"] is not None and amount >= third["from_amount"]))
    if applies:
        first = [a for a in (row["reviewer"], decider, substitute) if a is not None]
        if not any(below(third["attestant"], a) for a in first):
            steps["third"] = (third["attestant"]["key"], third["substitute"]["key"])
        elif not any(below(third["substitute"], a) for a in first):
            steps["third"] = (third["substitute"]["key"], None)
        else:
            return {"status": "undetermined"}
    return {"status": "answered", "steps": steps, "third_step": applies}


INVOICES = [
    # Issue 13, "Done when": an 80 000 kr consultancy invoice on a social-services ansvar.
    ("5110", 80_000, "konsulttjanster", None),
    ("5110", 80_000, "material_och_tjanster", None),  # no third step
    ("5100", 600_000, None, None),  # third step by amount
    ("5120", 2_500, "placeringar", None),
    ("5130", 450_000, None, None),  # above the avdelningsnivå, no attestant above it
    ("1110", 390_000, "konsulttjanster", None),  # the avtalscontroller is below the decider: the substitute takes it
    ("5010", 12_000, None, "socialchef"),  # own costs
    ("5130", 3_000, None, "avdelningschef_ifo"),  # a superior's costs
    ("1000", 8_500, "representation", "kommundirektor"),  # the direktör's costs
    ("3300", 1_200_000, "lokalhyra", None),
    ("9999", 100, None, None),  # unknown ansvar
]


@pytest.mark.parametrize(("code", "amount", "category", "for_position"), INVOICES)
def test_an_invoice_system_reading_attest_json_gets_the_answer_of_decide_attest(
        rules_dir: Path, code: str, amount: int, category: str | None, for_position: str | None) -> None:
    question = ["decide", "attest", "--ansvar", code, "--amount", str(amount), "--date", DAY, "--format", "json", "--rules", str(rules_dir)]
    question += ["--category", category] if category else []
    question += ["--for", for_position] if for_position else []
    decided = json.loads(run(*question).stdout)
    expected = _invoice_system_chain(from_rules(rules_dir), code, amount, category, for_position, DAY)
    assert decided["status"] == expected["status"], decided["summary"]
    if expected["status"] != "answered":
        return
    steps = {s["step"]: (s["attestant"]["key"], s["substitute"]["key"] if s["substitute"] else None) for s in decided["answer"]["steps"]}
    assert steps == expected["steps"], decided["explanation"]
    assert decided["answer"]["third_step"] == expected["third_step"]
