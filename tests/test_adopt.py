"""`python -m generators adopt`: a new organisation replaces policies/ and starts its own id ledger and
owner map, after which `ledger --check` and `codeowners --check` pass (the pull-request workflow's gates)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURES, KOMMUN, REPO


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generators", *args], cwd=REPO, capture_output=True, text=True, check=False)


def test_a_region_replacing_the_kommuns_policies_starts_its_own_ledger_and_owner_map(tmp_path: Path) -> None:
    # The repository as a region finds it: the kommun's ledger and team map, the region's policies.
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "region" / "policies", root / "policies")
    shutil.copytree(KOMMUN / "ledger", root / "ledger")
    shutil.copytree(KOMMUN / ".github", root / ".github")
    assert _run("ledger", "--check", "--policies", str(root / "policies")).returncode == 1
    assert _run("codeowners", "--check", "--root", str(root)).returncode == 1

    adopted = _run("adopt", "--root", str(root))
    assert adopted.returncode == 0, adopted.stderr
    assert _run("ledger", "--check", "--policies", str(root / "policies")).returncode == 0
    checked = _run("codeowners", "--check", "--root", str(root))
    assert checked.returncode == 0, checked.stderr
    for written in ("ledger/published-ids.json", ".github/owner-teams.yaml", ".github/CODEOWNERS"):
        text = (root / written).read_text(encoding="utf-8")
        assert "ekbacka" not in text.lower(), written
    assert "@region-norrby/kanslichef" in (root / ".github" / "CODEOWNERS").read_text(encoding="utf-8")

    # Run again: the ledger already belongs to the region, so nothing changes (it must never shrink).
    before = (root / "ledger" / "published-ids.json").read_bytes()
    again = _run("adopt", "--root", str(root), "--github-org", "annat")
    assert again.returncode == 0 and "ingenting ändrades" in again.stdout
    assert (root / "ledger" / "published-ids.json").read_bytes() == before
    assert "@annat/" not in (root / ".github" / "owner-teams.yaml").read_text(encoding="utf-8")


def test_the_fixture_trees_are_adopted(tmp_path: Path) -> None:
    """The region and förbund fixtures carry their own ledger and team map, as an adopted repository."""
    for kind in ("region", "kommunalforbund"):
        root = FIXTURES / kind
        assert _run("ledger", "--check", "--policies", str(root / "policies")).returncode == 0, kind
        assert _run("codeowners", "--check", "--root", str(root)).returncode == 0, kind
