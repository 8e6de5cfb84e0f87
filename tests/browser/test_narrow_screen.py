"""Every page type at 375 px (a small phone): nothing wider than the screen, no word broken inside itself.

A table with many columns used to break "Kommundirektör" letter by letter and push the "who
decides" column off the screen. On a narrow screen each table row now becomes a labelled block
(styrdokument.css, `data-label` from the column headers). These tests look at the rendered page
itself, so they hold for any policies and any future page type that `discovered_pages` finds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import open_visit
from tests.browser.test_site_in_browser import PAGE_TYPES, discovered_pages

PHONE = {"width": 375, "height": 800}

# Words (runs of letters) whose rendered boxes span more than one line, in the page's main content.
# A word longer than the whole column may still wrap (nothing else fits); those are not counted.
_BROKEN_WORDS = """
() => {
  const root = document.querySelector('.md-content') || document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const broken = [];
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('pre, code, .md-nav, [hidden]') || !parent.getClientRects().length) continue;
    const width = parent.getBoundingClientRect().width;
    for (const match of node.data.matchAll(/\\p{L}{4,}/gu)) {
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const boxes = [...range.getClientRects()].filter(r => r.width > 0);
      const lines = new Set(boxes.map(r => Math.round(r.top)));
      const whole = boxes.reduce((sum, r) => sum + r.width, 0);  // the word's own width, unbroken
      if (lines.size > 1 && whole < width) broken.push(match[0]);
    }
  }
  return broken.slice(0, 10);
}
"""

_OVERFLOW = """
() => {
  const doc = document.documentElement;
  const wide = [...document.querySelectorAll('.md-content *')]
    .filter(e => e.getBoundingClientRect().right > doc.clientWidth + 1 && !e.closest('pre, .md-typeset__scrollwrap pre'))
    .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : ''));
  return {page: doc.scrollWidth - doc.clientWidth, elements: wide};
}
"""


def _phone_pages(site_dir: Path) -> list[str]:
    return [*PAGE_TYPES, *discovered_pages(site_dir)]


@pytest.fixture
def phone(browser: Any, base_url: str) -> Any:
    record = open_visit(browser, base_url)
    record.page.set_viewport_size(PHONE)
    yield record
    record.page.context.close()


def test_every_page_type_fits_a_phone_without_broken_words(phone: Any, site_dir: Path) -> None:
    problems: list[str] = []
    for path in _phone_pages(site_dir):
        phone.open(path)
        if path.startswith("vem-beslutar/"):
            phone.page.wait_for_selector("#vb-delegation:not([hidden])")
        overflow = phone.page.evaluate(_OVERFLOW)
        if overflow["page"] > 0 or overflow["elements"]:
            problems.append(f"/{path}: {overflow['page']} px wider than the screen; too wide: {overflow['elements']}")
        broken = phone.page.evaluate(_BROKEN_WORDS)
        if broken:
            problems.append(f"/{path}: words broken inside themselves: {broken}")
    assert not problems, "\n".join(problems)


def test_a_delegation_row_on_a_phone_shows_who_decides_with_its_label(phone: Any) -> None:
    """The decisive column is on the screen, named by its header, next to the matter it belongs to."""
    phone.open("delegationsordningar/socialnamnden/")
    cell = phone.page.locator(".delegation-table tbody tr td[data-label='Delegat']").first
    cell.scroll_into_view_if_needed()
    box = cell.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    label = cell.evaluate("e => getComputedStyle(e, '::before').content")
    assert label == '"Delegat"'
    # On a desktop the same table is an ordinary table with its header row.
    phone.page.set_viewport_size({"width": 1280, "height": 900})
    assert cell.evaluate("e => getComputedStyle(e).display") == "table-cell"
    assert cell.evaluate("e => getComputedStyle(e, '::before').content") in ("none", "normal")


def test_an_attest_row_on_a_phone_fits_and_names_each_attestant(phone: Any) -> None:
    """The "Vem attesterar?" table stacks at 375 px: every cell on the screen with its column's name."""
    phone.open("attest/attestforteckning-socialnamnden/")
    overflow = phone.page.evaluate(_OVERFLOW)
    assert overflow["page"] <= 0 and not overflow["elements"], overflow
    for column in ("Beslutsattestant", "Ersättare", "Tredje steget"):
        cell = phone.page.locator(f"#ansvar-5110 td[data-label='{column}']")
        cell.scroll_into_view_if_needed()
        box = cell.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], column
        assert cell.evaluate("e => getComputedStyle(e, '::before').content") == f'"{column}"'
