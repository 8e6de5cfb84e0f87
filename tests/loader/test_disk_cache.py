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

from generators.checks.runner import run_checks
from generators.loading import documents, plain_data
from generators.loading.disk_cache import DiskCache
from generators.loading.documents import load_policies
from generators.model import build_model
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
    entries = _entries(cache, "parsed") + _entries(cache, "checks") + _entries(cache, "derived")
    for entry in entries:
        lines = entry.read_bytes().split(b"\n")
        assert len(lines) == (3 if entry.parent.parent.name == "parsed" else 1)
        for line in lines:
            json.loads(line)  # data, never pickle
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


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# Each edit, one after another in the same cache folder, changes what a check reports. The cached run
# has every other file's parse and memo from the cache (its whole-check answer cannot match: the key
# changed); its printed report and exit code must be the cold run's, byte for byte.
_EDITS: tuple[tuple[str, str, str], ...] = (
    # A delegation file: a repealed statute (X821, over the memo's schema walk) and a phone number
    # in a title (P903, over the memo's strings).
    ("delegation/socialnamnden.yaml", '{sfs: "2017:725", chapter: "6", section: "39"}', '{sfs: "2001:453", chapter: "6", section: "39"}'),
    ("delegation/socialnamnden.yaml", "så brådskande att nämndens", "så brådskande (ring 070-123 45 67) att nämndens"),
    # The organisation: a body other files name is renamed.
    ("organisation.yaml", "- id: ks_presidium", "- id: ks_presidiet"),
    # Reference data: a statute the delegation orders cite is repealed.
    ("reference/forfattningar.yaml", '    url: "https://lagen.nu/1972:207"\n',
     '    url: "https://lagen.nu/1972:207"\n    valid_to: "2025-06-30"\n    replaced_by: "2017:725"\n'),
)


def test_edits_of_every_kind_give_the_cold_result(tree: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    previous = _run(tree, cache)
    assert previous == _run(tree, None)
    assert _entries(cache, "derived")  # the memos are stored
    for file, old, new in _EDITS:
        _edit(tree / file, old, new)
        cold = _run(tree, None)
        assert cold != previous, file  # the edit matters
        assert _run(tree, cache) == cold, file
        previous = cold
    # The settings: another day and --strict, each with every file's parse and memo from the cache.
    for today, strict in ((date(2031, 1, 1), False), (date(2031, 1, 1), True), (TODAY, True), (TODAY, False)):
        for output in ("text", "json"):
            assert _run(tree, cache, today, strict, output) == _run(tree, None, today, strict, output), (today, strict, output)
    assert _run(tree, None, date(2031, 1, 1)) != _run(tree, None)


def _exact(value: object) -> str:
    """A text that differs whenever the types differ (1, 1.0 and True; a tuple and a list)."""
    return json.dumps(plain_data.encode(value), ensure_ascii=False, sort_keys=True)


def test_the_stored_memo_is_the_computed_one(tree: Path, tmp_path: Path) -> None:
    """Every memo value read from the cache is exactly (value and type) what the checks compute cold."""
    def checked(cache: DiskCache | None) -> dict[str, dict[object, object]]:
        documents._PARSED.clear()
        loaded = load_policies(tree, disk_cache=cache)
        run_checks(loaded, build_model(loaded), TODAY)
        if cache is not None:
            cache.save_derived()
        return {document.file: document.memo for document in loaded.documents}

    cold = checked(None)
    checked(DiskCache(tmp_path / "cache"))  # computes and stores the memos
    documents._PARSED.clear()
    read = {d.file: dict(d.memo) for d in load_policies(tree, disk_cache=DiskCache(tmp_path / "cache")).documents}
    assert read.keys() == cold.keys()
    for file, memo in cold.items():
        assert memo and read[file].keys() == memo.keys(), file  # every value the checks derive is stored
        for key, value in memo.items():
            assert _exact(read[file][key]) == _exact(value), (file, key)


def test_a_damaged_memo_is_a_miss(tree: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold = _run(tree, None, date(2031, 1, 1))
    _run(tree, cache)
    entries = _entries(cache, "derived")
    assert entries
    damage = (b"{not json", b"[]", b'{"memo": 1}', b'{"memo": [[1, ["x"]]]}', b'{"memo": [["ids_in", ["d", 1]]]}',
              b'{"memo": [[["l"], ["t"]]]}')
    for number, entry in enumerate(entries):
        entry.write_bytes(damage[number % len(damage)])
    assert _run(tree, cache, date(2031, 1, 1)) == cold


@pytest.mark.parametrize("value", [(1, "a", ("b", 2)), [1.5, None, True], {"k": (1,), ("x", 0): [date(2026, 1, 2)]}, (), ""])
def test_plain_data_comes_back_exactly(value: object) -> None:
    assert _exact(plain_data.decode(json.loads(json.dumps(plain_data.encode(value))))) == _exact(value)


def test_what_is_not_plain_data_is_not_stored() -> None:
    from datetime import datetime
    from typing import NamedTuple

    class Pair(NamedTuple):
        left: int
        right: int

    for value in (Pair(1, 2), datetime(2026, 1, 1), {1, 2}, b"x", (1, object())):
        with pytest.raises(plain_data.NotPlain):
            plain_data.encode(value)


def test_positions_that_do_not_match_their_digest_are_a_miss(tree: Path, tmp_path: Path) -> None:
    """A parsed entry whose positions were altered (a line number changed) is parsed again."""
    cache = tmp_path / "cache"
    cold = _run(tree, None, date(2031, 1, 1))  # with messages, which ask for lines
    _run(tree, cache)
    for number, entry in enumerate(_entries(cache, "parsed")):
        lines = entry.read_bytes().split(b"\n")
        table = 1 + number % 2  # the values' positions in one entry, the keys' in the next
        lines[table] = lines[table].replace(b'"lines":[', b'"lines":[9', 1)
        entry.write_bytes(b"\n".join(lines))
    assert _run(tree, cache, date(2031, 1, 1)) == cold


def test_nodes_from_a_stored_memo_are_the_documents_own(tree: Path, tmp_path: Path) -> None:
    """nodes_of keeps paths in the memo: what it yields is the very node of the document's data."""
    from generators.checks.crossdoc.common import nodes_of

    cache = DiskCache(tmp_path / "cache")
    _run(tree, tmp_path / "cache")  # stores the memos
    documents._PARSED.clear()
    loaded = load_policies(tree, disk_cache=cache)
    assert sum(("nodes_of", "legal_reference") in document.memo for document in loaded.documents) > 5  # read, not computed
    found = 0
    for document in loaded.documents:
        for value, source in nodes_of(document, "legal_reference"):
            node = document.data
            for step in source.path:
                node = node[step]
            assert value is node
            found += 1
    assert found > 10
