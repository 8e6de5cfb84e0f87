"""Shared fixtures: the example policies, copied so a test can edit them freely."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_POLICIES = REPO / "policies"
# A fixed "today" keeps review-date warnings reproducible.
TODAY = date(2026, 11, 23)


@pytest.fixture
def policies_copy(tmp_path: Path) -> Path:
    """A copy of the example policies, with the id ledger beside them as in the repository."""
    target = tmp_path / "policies"
    shutil.copytree(EXAMPLE_POLICIES, target)
    shutil.copytree(REPO / "ledger", tmp_path / "ledger")
    return target
