"""The build date comes from the policies, not from the tool's own last commit."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

from generators.clock import build_date, source_epoch


def _git(repo: Path, *args: str, when: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *args],
        check=True, capture_output=True, env=env,
    )


def test_build_date_is_the_last_commit_touching_the_policies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "policies").mkdir()
    (tmp_path / "policies" / "organisation.yaml").write_text("a: 1\n", encoding="utf-8")
    _git(tmp_path, "add", ".", when="2026-03-01T12:00:00+00:00")
    _git(tmp_path, "commit", "-q", "-m", "policies", when="2026-03-01T12:00:00+00:00")
    (tmp_path / "generators.py").write_text("x = 1\n", encoding="utf-8")
    _git(tmp_path, "add", ".", when="2026-09-15T12:00:00+00:00")
    _git(tmp_path, "commit", "-q", "-m", "tool", when="2026-09-15T12:00:00+00:00")
    assert build_date(tmp_path) == date(2026, 3, 1)
    assert build_date(tmp_path, tmp_path / "policies") == date(2026, 3, 1)


def test_source_date_epoch_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    assert source_epoch(tmp_path) == 1767225600
    assert build_date(tmp_path) == date(2026, 1, 1)
