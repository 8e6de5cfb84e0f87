"""The diff tests' git repository: the example's policies committed once, for a test to change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_POLICIES
from tests.diff.test_semantic_diff import git


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(EXAMPLE_POLICIES, root / "policies")
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "add", "policies")
    git(root, "commit", "--quiet", "-m", "Exemplet")
    return root
