"""Under GitHub Actions the audit's terminal output cannot start a workflow command (issue 11).

An export is untrusted text: a quoted CSV cell may hold a line break followed by `::error::` or
`::add-mask::`. The findings and problems that quote it go out as plain text there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generators.cli import main
from tests.conftest import EXAMPLE_POLICIES

FORGED = (
    "invoice_id,supplier_id,invoice_number,invoice_date,amount_excl_vat,ansvar\n"
    '"F1\n::error::forged",5560000001,"12\n::add-mask::x",2026-05-04,1000,"11\n::error file=x::y"\n'
    '"F2",5560000001,"13",2026-13-01\n::warning::bad,1000,11\n'
)


def _run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / "fakturor.csv").write_text(FORGED, encoding="utf-8")
    code = main(["audit", "--policies", str(EXAMPLE_POLICIES), "--invoices", str(exports / "fakturor.csv"),
                 "--out", str(tmp_path / "granskning"), "--today", "2026-11-23"])
    assert code == 1  # findings and a bad row
    captured = capsys.readouterr()
    return captured.out + captured.err


def test_no_line_starts_a_workflow_command_under_actions(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    lines = _run(tmp_path, capsys).splitlines()
    assert any("forged" in line for line in lines)
    assert [line for line in lines if line.lstrip().startswith("::") or "##[" in line] == []


def test_elsewhere_the_text_stands_as_it_was(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert any(line.startswith("::error::forged") for line in _run(tmp_path, capsys).splitlines())
