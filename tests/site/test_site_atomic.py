"""Builds are atomic, and the scan judges what can execute (issue 11).

- A statute named "javascript:alert(1)" becomes tooltip text and the site builds.
- A scan finding is a clear error with exit 1, and the previous site stays as it was.
- A build killed at random moments (SIGTERM and SIGKILL, ten times) never leaves a partial site:
  the output folder holds the previous site or the complete new one, byte for byte.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generators.outputs.site.build import STAGING_MARK, _remove_stale
from tests.conftest import FIXTURES, KOMMUN, copy_tree
from tests.site.conftest import EPOCH, REPO, page, parse, source_date

FIXTURE = KOMMUN
# The smallest tree that still has every part of a build (pages, JSON rules, search index, scan, the
# switch), at about a third of the kommun's build time: the kill test builds it eleven times. Its scan
# runs in the build's own process (fewer than 300 pages); the build killed while its scan workers run
# is the test after it, on the kommun.
SMALLEST = FIXTURES / "kommunalforbund"
# Whole builds (in process and as subprocesses): left out by `make test-fast`.
pytestmark = pytest.mark.site


def tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def previous_site(site: Path) -> str:
    """A stand-in for the site published before: a few files whose every byte must survive."""
    (site / "roller").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><title>Förra webbplatsen</title>", encoding="utf-8")
    (site / "roller" / "index.html").write_text("<p>roller</p>", encoding="utf-8")
    return tree_hash(site)


def leftovers(out: Path, pid: int | None = None) -> list[str]:
    """Unfinished build folders in the output's parent (of one process, or of any)."""
    mark = f"{STAGING_MARK}{pid}-" if pid is not None else STAGING_MARK
    return sorted(p.name for p in out.iterdir() if mark in p.name)


def survivors(marker: str) -> list[str]:
    """Processes still running whose command line names `marker` (a test's own folder): a killed
    build's scan workers must end with it, not wait on their result pipe for ever."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue  # ended while we looked
        if marker in command and state != "Z":
            found.append(f"{entry.name} {state}: {command.strip()}")
    return found


def test_a_statute_named_like_a_script_url_builds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from generators.cli import main

    policies = copy_tree(FIXTURE, tmp_path / "kommun")
    statutes = policies / "reference" / "forfattningar.yaml"
    text = statutes.read_text(encoding="utf-8")
    statutes.write_text(text.replace('name: "Föräldrabalken (1949:381)"', 'name: "javascript:alert(1)"', 1), encoding="utf-8")
    with source_date():
        code = main(["build", "--policies", str(policies), "--out", str(tmp_path / "out")])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    site = tmp_path / "out" / "site"
    titles = [values.get("title") for _, values in parse(page(site, "delegationsordningar/socialnamnden/")).elements]
    assert "javascript:alert(1)" in titles
    assert leftovers(tmp_path / "out") == []


def test_a_scan_finding_is_exit_1_and_the_previous_site_stays(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    from generators.cli import main
    from generators.outputs.site import scan

    # The scan's verdict is planted, so any tree proves the point: the smallest.
    policies = copy_tree(SMALLEST, tmp_path / "forbund")
    out = tmp_path / "out"
    before = previous_site(out / "site")
    planted = scan.Finding("index.html", 3, 7, "okänt inbäddat skript: 'alert(1)'")
    monkeypatch.setattr(scan, "scan_site", lambda *_args, **_kwargs: [planted])
    with source_date():
        code = main(["build", "--policies", str(policies), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1, err
    assert "Internt fel" not in err
    assert "Granskningen av den byggda webbplatsen hittade 1 problem" in err and "index.html:3:7" in err
    assert tree_hash(out / "site") == before
    assert leftovers(out) == []


def test_killed_builds_never_leave_a_partial_site(tmp_path: Path) -> None:
    seed = int(os.environ.get("KILL_SEED", random.randrange(1 << 32)))
    kills = int(os.environ.get("KILL_COUNT", "10"))
    print(f"kill test: seed {seed} (KILL_SEED={seed} repeats it), {kills} kills")
    chooser = random.Random(seed)
    policies = copy_tree(SMALLEST, tmp_path / "forbund")
    # No build may name a commit (GIT_DIR names no repository, as in tests/site/conftest.py's
    # source_date): the build asks git for HEAD with a 10 s timeout, and on a loaded machine one
    # build that timed out published no commit and read as a partial site.
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(EPOCH), "PYTHONHASHSEED": "0", "GIT_DIR": os.devnull}
    command = [sys.executable, "-m", "generators", "build", "--policies", str(policies)]

    # The complete new site, and how long a build takes here.
    started = time.monotonic()
    subprocess.run([*command, "--out", str(tmp_path / "full")], cwd=REPO, env=env, capture_output=True, check=True)
    duration = time.monotonic() - started
    complete = tree_hash(tmp_path / "full" / "site")
    shutil.rmtree(tmp_path / "full")

    out = tmp_path / "out"
    before = previous_site(out / "site")
    outcomes: list[str] = []
    for number in range(kills):
        how = signal.SIGTERM if number % 2 == 0 else signal.SIGKILL
        moment = chooser.uniform(0.05, duration * 1.1)
        process = subprocess.Popen([*command, "--out", str(out)], cwd=REPO, env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            process.wait(timeout=moment)
        except subprocess.TimeoutExpired:
            process.send_signal(how)
            process.wait(timeout=60)
        state = tree_hash(out / "site")
        where = f"kill {number + 1} ({how.name} after {moment:.2f} s of about {duration:.1f} s, seed {seed})"
        assert state in (before, complete), f"{where}: the output folder holds a partial site"
        outcomes.append("förra" if state == before else "nya")
        if how is signal.SIGTERM:
            assert leftovers(out, process.pid) == [], f"{where}: SIGTERM unwinds and removes its unfinished folder"
        if state == complete:  # start the next round from the previous site again
            shutil.rmtree(out / "site")
            assert previous_site(out / "site") == before
    print(f"kill test: after each kill the output held the {', '.join(outcomes)} site")
    deadline = time.monotonic() + 10
    while survivors(str(policies)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert survivors(str(policies)) == [], "a killed build left processes running"
    # What SIGKILL left behind belongs to processes that are gone: the next build removes it.
    _remove_stale(out / "site")
    assert leftovers(out) == []


def forked_children(pid: int) -> list[int]:
    """The build's forked copies of itself (its scan workers), not the tools it runs (git, pagefind)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if not entry.name.isdigit() or int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) != pid:
                continue
            if (entry / "cmdline").read_bytes() == (Path("/proc") / str(pid) / "cmdline").read_bytes():
                found.append(int(entry.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


def test_a_build_killed_while_scanning_leaves_no_worker_behind(tmp_path: Path) -> None:
    """The scan runs in worker processes once a site has 300 pages; SIGKILL of the build ends them too."""
    policies = copy_tree(FIXTURE, tmp_path / "kommun")
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(EPOCH)}
    process = subprocess.Popen([sys.executable, "-m", "generators", "build", "--policies", str(policies), "--out", str(tmp_path / "out")],
                               cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    deadline = time.monotonic() + 300
    while process.poll() is None and not workers and time.monotonic() < deadline:
        workers = forked_children(process.pid)
        time.sleep(0.01)
    assert workers, "the build ended before its scan started workers (fewer than 300 pages?)"
    process.kill()
    process.wait(timeout=60)
    deadline = time.monotonic() + 10
    while survivors(str(policies)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert survivors(str(policies)) == []
