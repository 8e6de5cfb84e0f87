"""Which unfinished build folders the next build removes (generators/outputs/site/build.py).

A build holds a lock on its folder for as long as it runs; the kernel releases it however the
process ends. The process id in the folder's name is never asked: ids are reused, and a killed
build's id may belong to a live process by the time the next build looks (the kill test met one).
"""

from __future__ import annotations

import os
from pathlib import Path

from generators.outputs.site.build import STAGING_MARK, _hold, _remove_stale


def test_a_folder_nobody_holds_is_removed_even_if_its_process_id_is_alive(tmp_path: Path) -> None:
    left = tmp_path / f".site{STAGING_MARK}{os.getpid()}-abc"  # this test's own, live, process id
    (left / "roller").mkdir(parents=True)
    (left / "roller" / "index.html").write_text("<p>halvfärdig</p>", encoding="utf-8")
    _remove_stale(tmp_path / "site")
    assert not left.exists()


def test_a_folder_a_running_build_holds_stays(tmp_path: Path) -> None:
    running = tmp_path / f".site{STAGING_MARK}999999-abc"
    running.mkdir()
    held = _hold(running)
    try:
        _remove_stale(tmp_path / "site")
        assert running.is_dir()
    finally:
        os.close(held)
    _remove_stale(tmp_path / "site")
    assert not running.exists()


def test_other_folders_are_left_alone(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / ".annat").mkdir()
    _remove_stale(tmp_path / "site")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".annat", "site"]
