"""The audit's report.html in Chromium, as a kommunrevisor opens it on a desktop and on a phone.

At 1 280 px and at 375 px: no console error, the page never scrolls sideways, every chart is drawn
and every bar's number is on the screen (a chart wider than a phone scrolls in its own box, so the
number stands between the label and the bar), and on a phone a table row is a card whose cells are
each named by their column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generators.cli import main
from tests.conftest import REPO

DATA = REPO / "tests" / "audit" / "data"
POLICIES = REPO / "tests" / "fixtures" / "kommun" / "policies"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("audit") / "rapport"
    assert main(["audit", "--policies", str(POLICIES), "--users", str(DATA / "users.csv"), "--trips", str(DATA / "trips.csv"),
                 "--decisions", str(DATA / "decisions.csv"), "--interests", str(DATA / "intressen.csv"),
                 "--invoices", str(DATA / "reskontra.csv"), "--invoices", str(DATA / "efakturor"), "--attest-log", str(DATA / "attestlogg.csv"),
                 "--ledger", str(DATA / "huvudbok.csv"), "--today", "2026-12-01", "--out", str(out), "--sample", "8", "--seed", "2026"]) == 1
    return out / "report.html"


@pytest.mark.parametrize("width", [1280, 375])
def test_the_report_reads_on_a_desktop_and_a_phone(browser: Any, report: Path, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="sv-SE")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(report.as_uri())
    try:
        assert errors == []
        assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") == 0
        charts = page.evaluate("[...document.querySelectorAll('figure svg')].map(s => s.querySelectorAll('rect').length)")
        assert len(charts) == 4 and all(bars > 0 for bars in charts)  # findings per code, per month, suppliers, contract share
        # The second text of each bar is its number: inside the screen even where the bar is not.
        hidden = page.evaluate("""[...document.querySelectorAll('figure svg')].flatMap(svg => {
            const texts = [...svg.querySelectorAll('text')];
            return texts.filter((t, i) => i % 2 === 1 && t.getBoundingClientRect().right > window.innerWidth).map(t => t.textContent);
        })""")
        assert hidden == []
        first_cell = page.locator("table tbody td").first
        label = first_cell.evaluate("td => getComputedStyle(td, '::before').content")
        assert (label != "none") == (width == 375)  # a card on the phone, a plain table on the desktop
        if width == 375:
            assert page.locator("table thead").first.is_hidden()
    finally:
        context.close()
