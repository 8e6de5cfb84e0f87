"""The layer contract (ARCHITECTURE.md, "Layers"), enforced by import-linter (pyproject.toml).

`lint-imports` must keep every contract on the source tree, and must break on a backward import:
the second test adds one (loading importing checks) to a copy of the package and expects it caught.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=root, env=env, capture_output=True, text=True, timeout=300, check=False)


def test_the_source_keeps_every_contract() -> None:
    result = _lint(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_backward_import_breaks_the_contract(tmp_path: Path) -> None:
    shutil.copytree(REPO / "generators", tmp_path / "generators", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    probe = tmp_path / "generators" / "loading" / "backward.py"
    probe.write_text('"""A loader module reaching up into the checks."""\n\nfrom generators.checks.rule import Rule\n\n__all__ = ["Rule"]\n', encoding="utf-8")
    result = _lint(tmp_path)
    assert result.returncode == 1
    assert "generators.loading.backward -> generators.checks.rule" in result.stdout
