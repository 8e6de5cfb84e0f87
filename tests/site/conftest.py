"""Fixtures for the site tests: building the site from a policies folder into a temporary folder.

Builds run in-process through `build_site` (what `python -m generators build` calls) with a fixed
SOURCE_DATE_EPOCH, so the build's date – and with it overdue reviews and amounts in kronor – is the
same on every run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_POLICIES, REPO

__all__ = ["EXAMPLE_POLICIES", "REPO", "build", "page", "parse", "source_date"]
# 2026-11-23 12:00 UTC: the example's documents in force, the 2027 versions still to come.
EPOCH = int(datetime(2026, 11, 23, 12, tzinfo=UTC).timestamp())


@contextmanager
def source_date(epoch: int = EPOCH) -> Iterator[None]:
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def build(policies: Path, out: Path, epoch: int = EPOCH) -> Path:
    from generators.outputs.site.build import build_site

    with source_date(epoch):
        build_site(policies, out)
    return out


@pytest.fixture(scope="session")
def example_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list]:
    """The example policies, built once for all tests that only read the result, with the list of
    generated pages (taken right after the build: a later build replaces the hook's state)."""
    from generators.outputs.site.generate import STATE

    site = build(EXAMPLE_POLICIES, tmp_path_factory.mktemp("site") / "site")
    return site, list(STATE.pages)


@pytest.fixture(scope="session")
def example_site(example_build: tuple[Path, list]) -> Path:
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
