"""Dates that must not come from the wall clock where outputs need to be reproducible."""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path


def parse_day(text: str) -> date:
    """`YYYY-MM-DD` from the command line; ValueError with a Swedish message otherwise."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"'{text}' är inget giltigt datum: skriv ÅÅÅÅ-MM-DD.") from None


def source_epoch(repo: Path, policies: Path | None = None) -> int | None:
    """SOURCE_DATE_EPOCH if set, else the commit time of the last commit touching the policies
    (`policies`, default `repo`/policies), else None.

    The date belongs to the organisation's documents, not to the tool: a change to the generators
    does not move the date an adopting organisation's site says it is valid on.
    """
    env = os.environ.get("SOURCE_DATE_EPOCH")
    if env and env.strip().isdigit():
        return int(env.strip())
    folder = (policies if policies is not None else repo / "policies").resolve()
    if not folder.is_dir():
        return None
    try:
        out = subprocess.run(
            ["git", "-C", str(folder), "log", "-1", "--format=%ct", "--", "."],
            capture_output=True, text=True, timeout=10, check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return int(out) if out.isdigit() else None


def build_date(repo: Path, policies: Path | None = None) -> date:
    """The 'as of' date of a build: from SOURCE_DATE_EPOCH or the policies' last commit, never the
    clock if avoidable."""
    epoch = source_epoch(repo, policies)
    if epoch is None:
        return date.today()
    return datetime.fromtimestamp(epoch, tz=UTC).date()


def source_commit(repo: Path) -> str | None:
    try:
        out = subprocess.run(
            ["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True, timeout=10, check=False
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return out or None
