"""Whatever organisation's policies stand in `policies/` pass `check`, and the files kept beside them
(the id ledger, CODEOWNERS) are current.

The rest of the suite runs on its own fixture trees (`tests/fixtures/`), so these tests are the only
ones that read `policies/`: a fork that replaced it with its own organisation's tree (and ran
`python -m generators adopt`) runs the same suite green. Warnings are allowed here (an unpublished
reference value is an honest warning); errors are not.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import REPO


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    return subprocess.run([sys.executable, "-m", "generators", *args], cwd=REPO, capture_output=True, text=True, env=env, check=False)


def test_the_repositorys_policies_pass_check_without_errors() -> None:
    result = run("check", "--format", "json")
    payload = json.loads(result.stdout)
    errors = [f"{d['file']}:{d['line']}:{d['column']}: {d['code']} {d['message']}" for d in payload["diagnostics"] if d["severity"] == "error"]
    assert result.returncode == 0 and payload["summary"]["errors"] == 0, "\n".join(errors) or result.stderr
    assert payload["skipped"] == [], "every rule ran on the repository's policies"


def test_the_repositorys_id_ledger_is_current() -> None:
    result = run("ledger", "--check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_repositorys_codeowners_is_current() -> None:
    result = run("codeowners", "--check")
    assert result.returncode == 0, result.stdout + result.stderr
