"""The pull-request preview as a reviewer opens it: the artifact unpacked on disk, index.html opened
in Chromium from file:// (no web server), where directory URLs do not resolve and fetch() is blocked.

`build --preview` links pages as `…/index.html` and carries the decision tables inside the
Vem beslutar? page, so a reviewer can follow links and ask a question exactly as staff will.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generators.decide import Decider
from generators.decide.sources import build_from_policies
from tests.site.conftest import EXAMPLE_POLICIES, source_date

ASKED = "2026-11-23"


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from generators.outputs.site.build import build_site

    site = tmp_path_factory.mktemp("preview") / "site"
    with source_date():
        build_site(EXAMPLE_POLICIES, site, preview=True)
    return site


@pytest.fixture
def page(browser: Any) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.errors = []
    opened.on("console", lambda message: opened.errors.append(message.text) if message.type == "error" else None)
    opened.on("pageerror", lambda error: opened.errors.append(str(error)))
    yield opened
    context.close()


def test_links_from_the_start_page_open_pages_on_disk(preview: Path, page: Any) -> None:
    page.goto((preview / "index.html").as_uri())
    hrefs = page.eval_on_selector_all("article a[href]", "links => links.map(a => a.href)")
    local = sorted({href.split("#")[0] for href in hrefs if href.startswith("file://")})
    assert local, "the start page links to no page"
    for href in local:
        assert Path(href.removeprefix("file://")).is_file(), f"the start page links to {href}, which is not a file"
    page.click("text=Välj befattning eller organ")
    assert page.url.endswith("/roller/index.html") and page.locator("h1").count() == 1
    assert page.errors == []


def test_a_question_is_answered_from_disk_like_decide(preview: Path, page: Any) -> None:
    page.goto((preview / "index.html").as_uri())
    page.click("text=Ställ din fråga på sidan Vem beslutar?")
    page.wait_for_selector("#vb-resa:not([hidden])")
    page.select_option("#vb-r-resenar", "position:socialchef")
    page.select_option("#vb-r-land", "US")
    page.fill("#vb-r-datum", ASKED)
    page.click("#vb-resa button[type=submit]")
    summary = page.locator(".vb-resultat .vb-sammanfattning").inner_text()
    reference = Decider(build_from_policies(EXAMPLE_POLICIES)).travel("position:socialchef", "US", ASKED).summary
    assert summary == reference
    assert page.errors == []
