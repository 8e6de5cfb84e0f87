"""A page built before an adopted version takes over still tells the truth afterwards.

The example site is built on 2026-11-23; the kommunstyrelse's 2027 version starts on 2027-01-01 and is
replaced by version 2027:2 on 2027-02-01.
The browser's clock is set to a day before and a day after; site/assets/giltighet.js shows the
notices true on that day (documents.py writes both, dated).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.browser.conftest import Visit

CURRENT = "delegationsordningar/kommunstyrelsen/"
UPCOMING = "delegationsordningar/kommunstyrelsen-2027-01-01/"


def _visible_titles(visit: Visit, path: str, day: str) -> list[str]:
    visit.page.clock.set_fixed_time(datetime.fromisoformat(f"{day}T12:00:00"))
    visit.open(path)
    return visit.page.eval_on_selector_all(
        "article .admonition", "els => els.filter(e => getComputedStyle(e).display !== 'none').map(e => e.querySelector('.admonition-title').textContent)"
    )


@pytest.mark.parametrize(
    ("path", "day", "shown", "not_shown"),
    [
        (CURRENT, "2026-12-31", "Ny version antagen, gäller från 1 januari 2027", "gäller inte längre"),
        (CURRENT, "2027-01-02", "Den här versionen gäller inte längre sedan 1 januari 2027", "Ny version antagen"),
        (UPCOMING, "2026-12-31", "Antagen version som gäller från 1 januari 2027", "Gäller från 1 januari 2027"),
        (UPCOMING, "2027-01-01", "Gäller från 1 januari 2027", "Antagen version"),
        # 2027:2 takes over on 1 February: 2027:1 says so, and 2026:1 still points to the version after it
        (UPCOMING, "2027-02-01", "Den här versionen gäller inte längre sedan 1 februari 2027", "Gäller från"),
        (CURRENT, "2027-02-02", "Den här versionen gäller inte längre sedan 1 januari 2027", "Ny version antagen"),
    ],
)
def test_the_notices_follow_the_readers_date(visit: Visit, path: str, day: str, shown: str, not_shown: str) -> None:
    titles = _visible_titles(visit, path, day)
    assert shown in titles, titles
    assert not any(title.startswith(not_shown) or not_shown in title for title in titles if title != shown), titles
    visit.assert_clean(f"{path} on {day}")
