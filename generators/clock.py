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


def source_epoch(repo: Path) -> int | None:
    """SOURCE_DATE_EPOCH if set, else the commit time of HEAD, else None."""
    env = os.environ.get("SOURCE_DATE_EPOCH")
    if env and env.strip().isdigit():
        return int(env.strip())
    try:
        out = subprocess.run(
            ["git", "-C", str(repo), "log", "-1", "--format=%ct"], capture_output=True, text=True, timeout=10, check=False
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return int(out) if out.isdigit() else None


def build_date(repo: Path) -> date:
    """The 'as of' date of a build: from SOURCE_DATE_EPOCH or the commit, never the clock if avoidable."""
    epoch = source_epoch(repo)
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
