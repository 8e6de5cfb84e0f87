"""The "Intern kontroll" page in a browser: axe-core finds nothing serious, and at 375 px nothing is wider
than the screen while each statement row keeps its column labels."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.browser.conftest import Visit, axe_problems
from tests.browser.test_narrow_screen import _OVERFLOW, PHONE

URL = "intern-kontroll/"


def test_the_page_passes_axe_and_loads_nothing_foreign(visit: Visit, tmp_path: Path) -> None:
    visit.open(URL)
    problems = axe_problems(visit.page)
    assert not problems, "\n".join(problems)
    visit.assert_clean(f"/{URL}")
    visit.page.screenshot(path=str(tmp_path / "intern-kontroll-desktop.png"), full_page=False)


def test_on_a_phone_the_charts_and_tables_fit(visit: Visit, tmp_path: Path) -> None:
    visit.page.set_viewport_size(PHONE)
    visit.open(URL)
    overflow: Any = visit.page.evaluate(_OVERFLOW)
    assert overflow["page"] <= 0 and not overflow["elements"], overflow
    row = visit.page.locator("#pastaende-avtalsagare td").first
    assert row.get_attribute("data-label") == "Svar"
    visit.page.locator("#pastaende-avtalsagare").scroll_into_view_if_needed()
    visit.page.screenshot(path=str(tmp_path / "intern-kontroll-375.png"), full_page=False)
