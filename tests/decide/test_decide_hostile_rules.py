"""`decide --rules` with a decisions.json from outside: deep nesting, non-finite numbers and a wrong
shape get one Swedish line and exit 2 (a bad input to the command), never an internal error (issue 11)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

DEEP = "[" * 100_000 + "]" * 100_000

CASES = {
    "deep-whole-file": DEEP,
    "deep-inside-a-table": '{"tables_version": "1.0", "travel": ' + DEEP + "}",
    "nan": '{"tables_version": "1.0", "travel": NaN}',
    "wrong-shape": '{"tables_version": "1.0", "delegation": {"matters": 3}, "travel": {"zones": 5}}',
    "wrong-periods": '{"tables_version": "1.0", "delegation": {"matters": {"x": [{"periods": 5}]}}}',
}
QUESTIONS = {
    "travel": ["travel", "--traveller", "kommundirektor", "--country", "SE"],
    "delegation": ["delegation", "--matter", "x"],
}


@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize("case", CASES)
def test_hostile_decisions_json_is_a_clean_error(case: str, question: str, tmp_path: Path) -> None:
    (tmp_path / "decisions.json").write_text(CASES[case], encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generators", "decide", *QUESTIONS[question], "--rules", str(tmp_path)],
        capture_output=True, text=True, cwd=REPO, check=False, timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "Internt fel" not in result.stderr, result.stderr
    assert "RecursionError" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("Fel: ") and "decisions.json" in line, line
