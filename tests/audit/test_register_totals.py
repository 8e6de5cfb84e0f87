"""Completeness first for the register of delegation decisions: its count per month and nämnd against
the diarium's control totals (`--decision-totals`, AU113 and AU114), hand-written cases against the
fixture's register (tests/audit/data/decisions.csv: nine decisions of March 2026 under the
socialnämnd that can be placed, and one in a matter no delegationsordning has, AU107)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generators.audit.run import AuditInputs, AuditResult, AuditSetupError, run_audit
from tests.conftest import REPO

DATA = Path(__file__).parent / "data"
POLICIES = REPO / "tests" / "fixtures" / "kommun" / "policies"
AS_OF = date(2026, 12, 1)
DECISIONS = (DATA / "decisions.csv").as_posix()


def _run(totals: Path) -> AuditResult:
    return run_audit(AuditInputs(POLICIES, DATA / "users.csv", decisions=DATA / "decisions.csv", decision_totals=totals), AS_OF)


def _register_problems(result: AuditResult) -> list[tuple[str, str, int, int]]:
    return [(p.code, p.file, p.row, p.column) for p in result.problems if p.code in ("AU113", "AU114")
            or p.file.endswith(("diarium.csv", "kontroll.csv"))]


def test_the_register_short_of_the_diarium_is_reported_at_the_control_row() -> None:
    # March: the diarium counts ten, the register places nine (its tenth row names an unknown matter,
    # AU107, and is counted in no period). February and the kommunstyrelse: none on either side.
    result = _run(DATA / "diarium.csv")
    assert _register_problems(result) == [("AU113", (DATA / "diarium.csv").as_posix(), 3, 3)]
    assert [p.code for p in result.problems if p.file == DECISIONS] == ["AU107"]


def test_a_month_the_control_totals_lack_is_reported_at_the_first_decision(tmp_path: Path) -> None:
    totals = tmp_path / "kontroll.csv"
    totals.write_text("period,body,decision_count\n2026-04,socialnamnden,0\n", encoding="utf-8")
    assert _register_problems(_run(totals)) == [("AU114", DECISIONS, 2, 1)]


def test_equal_counts_give_nothing(tmp_path: Path) -> None:
    totals = tmp_path / "kontroll.csv"
    totals.write_text("period;body;decision_count\n2026-03;socialnamnden;9\n", encoding="utf-8")
    assert _register_problems(_run(totals)) == []


@pytest.mark.parametrize(("row", "column", "code"), [
    ("2026-3,socialnamnden,9", 1, "AU103"),  # no ÅÅÅÅ-MM period
    ("2026-03,okand_namnd,9", 2, "AU105"),  # a body the organisation does not have
    ("2026-03,socialnamnden,nio", 3, "AU103"),  # no count
])
def test_a_control_row_that_cannot_be_read_is_reported_and_not_counted(tmp_path: Path, row: str, column: int, code: str) -> None:
    totals = tmp_path / "kontroll.csv"
    totals.write_text(f"period,body,decision_count\n2026-03,socialnamnden,9\n{row}\n", encoding="utf-8")
    assert _register_problems(_run(totals)) == [(code, totals.as_posix(), 3, column)]


def test_the_same_month_and_body_twice_is_reported(tmp_path: Path) -> None:
    totals = tmp_path / "kontroll.csv"
    totals.write_text("period,body,decision_count\n2026-03,socialnamnden,9\n2026-03,socialnamnden,9\n", encoding="utf-8")
    assert _register_problems(_run(totals)) == [("AU106", totals.as_posix(), 3, 1)]


def test_control_totals_without_the_register_are_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(AuditSetupError):
        run_audit(AuditInputs(POLICIES, DATA / "users.csv", trips=DATA / "trips.csv", decision_totals=DATA / "diarium.csv"), AS_OF)


def test_the_report_opens_with_the_registers_reconciliation(tmp_path: Path) -> None:
    """Completeness first: the month and nämnd that differ, in the HTML before any finding and in
    findings.json and summary.json (aggregates only), each valid against its schema."""
    import json

    from generators.cli import main
    from tests.audit.test_audit import _schema_validator

    out = tmp_path / "o"
    args = ["audit", "--policies", str(POLICIES), "--users", str(DATA / "users.csv"), "--decisions", str(DATA / "decisions.csv"),
            "--decision-totals", str(DATA / "diarium.csv"), "--today", "2026-12-01", "--out", str(out)]
    assert main(args) == 1
    report = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    _schema_validator("audit-findings.schema.json").validate(report)
    _schema_validator("audit-summary.schema.json").validate(summary)
    for data in (report, summary):
        reconciliation = data["decision_reconciliation"]
        assert reconciliation["complete"] is False
        differing = [p for p in reconciliation["periods"] if p["code"] is not None]
        assert differing == [{"period": "2026-03", "body": "socialnamnden", "diarium_count": 10, "register_count": 9, "code": "AU113"}]
    html = (out / "report.html").read_text(encoding="utf-8")
    assert html.index("Avstämning mot diariet") < html.index("Fynd per regel")
    assert "skiljer sig (AU113)" in html
