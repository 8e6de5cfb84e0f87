"""Jäv in trip approvals and hiring, and decisions on vidaredelegation reported to the
förvaltningschef: hand-written cases (tests/audit/data/jav/) derived from KL 6 kap. 28 § (through
7 kap. 4 § for employees) and KL 7 kap. 6–7 §§, against the fixture's socialnämnd.

Each violation is planted once, beside a lawful near-miss that must give nothing: a declaration that
starts the day after the approval, one that ended before it, the substitute hiring the person the
delegate declared a relation to, a decision by the ordinary delegate in a matter that is also
vidaredelegerad, and one reported to the förvaltningschef.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from generators.audit.run import AuditInputs, AuditResult, run_audit
from generators.cli import main
from tests.audit.test_audit import _schema_validator
from tests.conftest import REPO

DATA = Path(__file__).parent / "data"
JAV = DATA / "jav"
POLICIES = REPO / "tests" / "fixtures" / "kommun" / "policies"
AS_OF = date(2026, 12, 1)


def _run(decisions: Path = JAV / "beslut.csv", interests: Path | None = JAV / "intressen.csv") -> AuditResult:
    return run_audit(AuditInputs(POLICIES, DATA / "users.csv", JAV / "resor.csv", decisions, interests=interests), AS_OF)


@pytest.fixture(scope="module")
def result() -> AuditResult:
    return _run()


def test_every_planted_case_and_nothing_else(result: AuditResult) -> None:
    assert sorted((f.code, f.id, f.severity, f.file, f.line) for f in result.findings) == [
        ("AU302", "J-DB-012", "violation", (JAV / "beslut.csv").as_posix(), 9),  # before the vidaredelegation began: no mandate at all
        ("AU305", "J-DB-011", "violation", (JAV / "beslut.csv").as_posix(), 8),  # on vidaredelegation, no report to the socialchef
        ("AU802", "J-DB-020", "violation", (JAV / "beslut.csv").as_posix(), 11),  # the enhetschef has a bisyssla at the supplier
        ("AU802", "J-DB-022", "violation", (JAV / "beslut.csv").as_posix(), 13),  # the socialchef too, in the second tier
        ("AU802", "J-DB-023", "violation", (JAV / "beslut.csv").as_posix(), 14),  # the avdelningschef, deciding as superior
        ("AU803", "J-R-001", "violation", (JAV / "resor.csv").as_posix(), 2),  # the approver declared the traveller a närstående
        ("AU803", "J-R-003", "violation", (JAV / "resor.csv").as_posix(), 4),  # the approver has a bisyssla at the trip's organiser
        ("AU803", "J-R-006", "violation", (JAV / "resor.csv").as_posix(), 7),  # another close relation, declared until 30 June
        ("AU803", "J-R-007", "violation", (JAV / "resor.csv").as_posix(), 8),  # the traveller declared the approver a närstående
        ("AU803", "J-R-008", "violation", (JAV / "resor.csv").as_posix(), 9),  # outside the EU/EES: the kommundirektör on delegation
        ("AU804", "J-DB-001", "violation", (JAV / "beslut.csv").as_posix(), 2),  # the socialchef hires a declared närstående
        ("AU804", "J-DB-004", "violation", (JAV / "beslut.csv").as_posix(), 5),  # the socialchef hires themself
    ]


def test_lawful_near_misses_are_not_flagged(result: AuditResult) -> None:
    # J-R-002: the relation is declared from 2026-04-01, the trip approved 2026-03-23. J-R-004: the
    # bisyssla starts 2026-03-18, the trip approved 2026-03-17. J-R-005: the relation ended 2026-06-30.
    # J-DB-002: nobody declared a relation to REK-2026-015. J-DB-003: the kommundirektör, who steps in
    # when the socialchef is jävig, hires REK-2026-014. J-DB-010: reported to the socialchef.
    # J-DB-013: the socialchef is the ordinary delegate, not on vidaredelegation. J-DB-021: the
    # avdelningschef, a superior who may always decide, has no interest in the supplier.
    flagged = {f.id for f in result.findings}
    assert not flagged & {"J-R-002", "J-R-004", "J-R-005", "J-DB-002", "J-DB-003", "J-DB-010", "J-DB-013", "J-DB-021"}


def test_the_findings_name_who_acted_who_should_have_and_the_declaration(result: AuditResult) -> None:
    by_id = {f.id: f for f in result.findings}
    hiring = by_id["J-DB-001"]
    assert (hiring.facts["decided_by"], hiring.facts["decider_id"], hiring.facts["hired"]) == ("Socialchef", "u3002", "REK-2026-014")
    assert hiring.facts["should_have"] == "Kommundirektör"  # on jäv, the superior (the general provisions)
    assert hiring.facts["declaration"] == f"{(JAV / 'intressen.csv').as_posix()}:5"
    trip = by_id["J-R-003"]
    assert (trip.facts["approved_by"], trip.facts["organiser"], trip.facts["declaration"]) == (
        "Enhetschef barn och unga", "559319-7840", f"{(JAV / 'intressen.csv').as_posix()}:3")
    further = by_id["J-DB-011"]
    assert (further.facts["further_delegation"], further.facts["should_have"]) == ("soc-vd-2026-04", "Socialchef")


SOCIAL = "tests/fixtures/kommun/policies/delegation/socialnamnden.yaml"
TRAVEL = "tests/fixtures/kommun/policies/travel.yaml"


@pytest.mark.parametrize(("ident", "acted", "should_have", "source"), [
    # A decision on delegation: the general provision on jäv (närmast överordnad chef, line 27),
    # resolved for the holder who decided: the enhetschef's own chef, not every enhetschef's.
    ("J-DB-020", "Enhetschef barn och unga", "Avdelningschef individ- och familjeomsorg", f"{SOCIAL}:27"),
    ("J-DB-022", "Socialchef", "Kommundirektör", f"{SOCIAL}:27"),
    # A superior who decided (lawfully, superior_may_decide) but was jävig: their own chef, not the enhetschefer's.
    ("J-DB-023", "Avdelningschef individ- och familjeomsorg", "Socialchef", f"{SOCIAL}:27"),
    ("J-DB-001", "Socialchef", "Kommundirektör", f"{SOCIAL}:27"),  # AU804, the same provision
    # A trip on line management: the chef above the approver (the travel policy's cell).
    ("J-R-001", "Enhetschef barn och unga", "Avdelningschef individ- och familjeomsorg", f"{TRAVEL}:136"),
    ("J-R-006", "Avdelningschef individ- och familjeomsorg", "Socialchef", f"{TRAVEL}:141"),
    # A trip outside the EU/EES, on the kommunstyrelse's delegation: its general provision on jäv.
    ("J-R-008", "Kommundirektör", "Kommunstyrelsen", "tests/fixtures/kommun/policies/delegation/kommunstyrelsen.yaml:29"),
])
def test_a_jav_finding_names_who_should_have_decided_instead(result: AuditResult, ident: str, acted: str, should_have: str,
                                                            source: str) -> None:
    finding = next(f for f in result.findings if f.id == ident and f.code in ("AU802", "AU803", "AU804"))
    assert (finding.facts.get("decided_by") or finding.facts.get("approved_by"), finding.facts["should_have"], finding.facts["source"]) == (
        acted, should_have, source)


def test_a_personnummer_as_the_hired_id_is_refused_and_never_written(result: AuditResult, tmp_path: Path) -> None:
    assert [p.text() for p in result.problems] == [
        (f"{(JAV / 'beslut.csv').as_posix()}:6:8: AU103 'hired' innehåller ett personnummer (19800101-••••); ange ett användar-id "
         "eller rekryteringssystemets id, aldrig ett personnummer.")
    ]
    assert next(d for d in result.decisions if d.id == "J-DB-005").checkable is False
    out = tmp_path / "r"
    assert main(["audit", "--policies", str(POLICIES), "--users", str(DATA / "users.csv"), "--decisions", str(JAV / "beslut.csv"),
                 "--interests", str(JAV / "intressen.csv"), "--today", "2026-12-01", "--out", str(out)]) == 1
    for name in ("findings.json", "findings.csv", "report.html", "summary.json"):
        assert "0101-0027" not in (out / name).read_text(encoding="utf-8"), name
    report = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    _schema_validator("audit-findings.schema.json").validate(report)
    codes = {f["code"] for f in report["findings"]}
    assert {"AU804", "AU305"} <= codes


def test_without_the_declarations_only_the_own_hiring_is_jav() -> None:
    found = _run(interests=None)
    assert sorted((f.code, f.id) for f in found.findings if f.code.startswith("AU8")) == [("AU804", "J-DB-004")]


def test_a_register_without_the_column_cannot_show_the_report_to_the_forvaltningschef(tmp_path: Path) -> None:
    """No column: the report is not guessed missing; the decision on vidaredelegation is listed as not checked."""
    decisions = tmp_path / "beslut.csv"
    decisions.write_text("decision_id;matter;decider;decided_on;reported_on\n"
                         "D-1;soc-allmant-yttrande-remiss;u2003;2026-03-17;2026-04-21\n"
                         "D-2;soc-allmant-yttrande-remiss;u3002;2026-03-17;2026-04-21\n", encoding="utf-8")
    found = _run(decisions)
    assert [(f.code, f.id, f.severity, f.line) for f in found.findings if f.transaction == "decision"] == [("AU305", "D-1", "undetermined", 2)]


@pytest.mark.parametrize(("row", "column", "code"), [
    ("u2001,5560000007,u1001,narstaende,2026-01-01,,jav", 3, "AU103"),  # both an organisation and a person
    ("u2001,,,,2026-01-01,,jav", 2, "AU103"),  # neither
    ("u2001,,u1001,,2026-01-01,,jav", 4, "AU103"),  # a person without the relation
    ("u2001,,u1001,kusin,2026-01-01,,jav", 4, "AU103"),  # a relation the format does not know
    ("u2001,,u2001,narstaende,2026-01-01,,jav", 3, "AU103"),  # the declarant themself
    ("u2001,,19800101-0027,narstaende,2026-01-01,,jav", 3, "AU103"),  # an identity number
    ("u2001,,u1001,narstaende,2026-05-01,2026-04-01,jav", 6, "AU103"),  # ends before it starts
])
def test_a_declaration_that_says_nothing_clear_is_reported(tmp_path: Path, row: str, column: int, code: str) -> None:
    interests = tmp_path / "intressen.csv"
    interests.write_text("person,organisation,related_person,relation,valid_from,valid_to,kind\n" + row + "\n", encoding="utf-8")
    found = _run(interests=interests)
    assert [(p.code, p.row, p.column) for p in found.problems if p.file == interests.as_posix()] == [(code, 2, column)]
    assert not any(f.code == "AU803" for f in found.findings)
