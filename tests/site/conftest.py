"""Fixtures for the site tests: building the site from a policies folder into a temporary folder.

Builds run in-process through `build_site` (what `python -m generators build` calls) with a fixed
SOURCE_DATE_EPOCH, so the build's date – and with it overdue reviews and amounts in kronor – is the
same on every run.

A site that tests only read is built once per test run, also when pytest-xdist runs the tests in
several worker processes: `shared_build` builds it under a file lock in the run's shared temporary
folder, and every other worker waits for that build and reads it (xdist's documented pattern for
session fixtures). A test that edits the policies or kills a build makes its own.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_POLICIES, REPO

__all__ = ["EXAMPLE_POLICIES", "REPO", "build", "page", "parse", "shared_build", "source_date"]
# 2026-11-23 12:00 UTC: the example's documents in force, the 2027 versions still to come.
EPOCH = int(datetime(2026, 11, 23, 12, tzinfo=UTC).timestamp())


@contextmanager
def source_date(epoch: int = EPOCH) -> Iterator[None]:
    """The build's date from SOURCE_DATE_EPOCH, and no source commit: GIT_DIR names no repository,
    so the build cannot read HEAD, as a build from an exported tree (`git archive`). A site built in a
    test is then the same at every commit, and the run's shared build is what
    tests/outputs/output-manifest.txt records."""
    with _environment("SOURCE_DATE_EPOCH", str(epoch)), _environment("GIT_DIR", os.devnull):
        yield


@contextmanager
def _environment(name: str, value: str) -> Iterator[None]:
    previous = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = previous


def build(policies: Path, out: Path, epoch: int = EPOCH) -> Path:
    from generators.outputs.site.build import build_site

    with source_date(epoch):
        build_site(policies, out)
    return out


def shared_build(tmp_path_factory: pytest.TempPathFactory, name: str, policies: Path) -> tuple[Path, list[str]]:
    """`policies` built once per test run into the run's shared temporary folder, with the paths of
    the generated pages (taken right after the build: a later build replaces the hook's state).

    Under xdist each worker has its own basetemp inside the run's folder; the lock there makes the
    first worker build and the others wait, so no two processes build the same site. The marker file
    is written last: a build that failed leaves none, and the next worker builds again (and fails
    the same way, in its own test).
    """
    from generators.outputs.site.generate import STATE

    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent
    target = root / f"shared-{name}"
    done = target / "pages.json"
    with (root / f"shared-{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, or by the kernel if the worker dies
        if not done.exists():
            shutil.rmtree(target, ignore_errors=True)
            build(policies, target / "site")
            done.write_text(json.dumps([page.path for page in STATE.pages]), encoding="utf-8")
    return target / "site", json.loads(done.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def example_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The example policies, built once for all tests that only read the result (the site tests and
    the browser tests alike), with the paths of the generated pages."""
    return shared_build(tmp_path_factory, "example", EXAMPLE_POLICIES)


@pytest.fixture(scope="session")
def example_site(example_build: tuple[Path, list[str]]) -> Path:
    return example_build[0]


class PageText(HTMLParser):
    """The text of a page (as a reader sees it) and its elements with attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


def parse(path: Path) -> PageText:
    parser = PageText()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def page(site: Path, url: str) -> Path:
    """The built file of a page URL like 'roller/kommundirektor/'."""
    return site / url / "index.html" if url.endswith("/") or not url else site / url
