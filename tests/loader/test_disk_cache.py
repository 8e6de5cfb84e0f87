"""The on-disk cache of `check` (generators/loading/disk_cache.py) never gives another result than a cold run.

Each test compares `check`'s printed report and exit code with the cache against the same run without
it (`cache_folder=None`: nothing read or written), on a copy of the kommun fixture (policies and
ledger) with its own cache folder. The process's own parse cache is emptied before each run, so a
file's parse comes from the disk cache or from the YAML, never from an earlier run in this process.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from generators.loading import documents
from generators.loading.disk_cache import DiskCache
from generators.loading.documents import load_policies
from generators.paths import REPO_ROOT
from generators.pipeline import check_report
from tests.conftest import TODAY

FIXTURE = REPO_ROOT / "tests" / "fixtures" / "kommun"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "kommun")
    return tmp_path / "kommun" / "policies"


def _run(policies: Path, cache: Path | None, today: date = TODAY, strict: bool = False, output: str = "text") -> tuple[str, int]:
    documents._PARSED.clear()
    return check_report(policies, today, output, strict, cache)


def _entries(cache: Path, section: str) -> list[Path]:
    return sorted((cache / section).rglob("*.json")) if (cache / section).is_dir() else []


def test_cached_runs_give_the_cold_result(tree: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold = _run(tree, None)
    assert cold[1] == 0 and "0 fel" in cold[0]
    assert _run(tree, cache) == cold  # fills the cache
    parsed = _entries(cache, "parsed")
    assert len(parsed) >= 10 and len(_entries(cache, "checks")) == 1
    assert _run(tree, cache) == cold  # answered from the stored report
    for entry in _entries(cache, "checks"):
        entry.unlink()
    assert _run(tree, cache) == cold  # every file from the parsed entries, the checks run again
    assert _entries(cache, "parsed") == parsed


def test_an_edited_file_is_checked_again_with_its_lines(tree: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _run(tree, cache)
    travel = tree / "travel.yaml"
    text = travel.read_text(encoding="utf-8")
    assert "  id: " in text
    # A second key of the same name: the loader's L-code at this very line, from the YAML.
    travel.write_text(text.replace("document:\n", "document:\n  id: resepolicy\n", 1), encoding="utf-8")
    edited = _run(tree, cache)
    assert edited == _run(tree, None)
    assert edited[1] == 1 and "policies/travel.yaml:" in edited[0]
    # Back to the original bytes: the first answer again, from the cache.
    travel.write_text(text, encoding="utf-8")
    assert _run(tree, cache) == _run(tree, None)


def test_settings_and_the_ledger_are_in_the_key(tree: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    for today, strict, output in ((TODAY, False, "text"), (date(2031, 1, 1), False, "text"), (date(2031, 1, 1), True, "text"),
                                  (date(2031, 1, 1), True, "json")):
        assert _run(tree, cache, today, strict, output) == _run(tree, None, today, strict, output)
    later = _run(tree, None, date(2031, 1, 1), True)
    assert later != _run(tree, None) and later[1] == 1  # reviews overdue by then: the day matters
    ledger = tree.parent / "ledger" / "published-ids.json"
    data = json.loads(ledger.read_text(encoding="utf-8"))
    data["ids"].append({"id": "borttaget-arende", "kind": "matter", "document": data["ids"][0]["document"],
                        "first_version": data["ids"][0]["first_version"]})
    ledger.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    changed = _run(tree, cache)
    assert changed == _run(tree, None) and "X830" in changed[0]


def test_positions_survive_the_cache(tree: Path, tmp_path: Path) -> None:
    cache = DiskCache(tmp_path / "cache")
    documents._PARSED.clear()
    cold = load_policies(tree, disk_cache=cache)  # writes the entries
    documents._PARSED.clear()
    warm = load_policies(tree, disk_cache=cache)  # reads them
    assert [d.file for d in warm.documents] == [d.file for d in cold.documents]
    for before, after in zip(cold.documents, warm.documents, strict=True):
        assert after.data is not before.data
        assert after.data == before.data
        assert after.positions == before.positions and after.key_positions == before.key_positions
    assert warm.diagnostics == cold.diagnostics


def test_entries_are_json_and_a_damaged_one_is_a_miss(tree: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold = _run(tree, None)
    _run(tree, cache)
    entries = _entries(cache, "parsed") + _entries(cache, "checks")
    for entry in entries:
        json.loads(entry.read_bytes())  # data, never pickle
    for number, entry in enumerate(entries):
        entry.write_bytes(b"{not json" if number % 3 == 0 else b"[]" if number % 3 == 1 else b'{"data": 1}')
    assert _run(tree, cache) == cold


def test_no_cache_writes_no_folder(tree: Path, tmp_path: Path) -> None:
    env = {**os.environ, "STYRDOKUMENT_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(REPO_ROOT)}
    command = [sys.executable, "-m", "generators", "check", "--policies", str(tree), "--today", TODAY.isoformat(), "--format", "text"]
    for extra, extra_env in ((["--no-cache"], {}), ([], {"STYRDOKUMENT_NO_CACHE": "1"})):
        done = subprocess.run(command + extra, env={**env, **extra_env}, capture_output=True, check=False, cwd=REPO_ROOT)
        assert done.returncode == 0, done.stderr
        assert not (tmp_path / "cache").exists()
    done = subprocess.run(command, env=env, capture_output=True, check=False, cwd=REPO_ROOT)
    assert done.returncode == 0 and (tmp_path / "cache" / "checks").is_dir()
