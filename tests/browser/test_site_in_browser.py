"""The built staff site in Chromium: Swedish, searchable, keyboard-operable, accessible, and offline.

Every page type is opened on the local server; on each, no console error may appear, no request may
go to a host other than 127.0.0.1, and axe-core (bundled with axe-playwright-python) may find no
serious or critical violation. Pages of sections not named here (a document kind added later) are
found in the built site and checked the same way, one page per section and depth.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Visit, axe_problems, close_visit, open_visit

# One page of every type the site has (path from the site root → what it is).
PAGE_TYPES = {
    "": "the start page",
    "delegationsordningar/socialnamnden/": "a delegationsordning",
    "roller/kommundirektor/": "a role page",
    "rolltyper/enhetschef_soc/": "a role type page",
    "organ/socialnamnden/": "a body page",
    "kontroller/": "the check catalogue",
    "kontroller/d402/": "a rule page",
    "for-systemutvecklare/json-regler/": "the JSON rules API page",
    "tillganglighet/": "the accessibility statement",
    "vem-beslutar/": "the Vem beslutar? page",
    "attest/": "the attestreglemente page",
    "attest/attestforteckning-socialnamnden/": "a nämnd's Vem attesterar? page",
    "intern-kontroll/": "the Intern kontroll page",
}
# Folders of the built site that hold no pages for staff.
NOT_PAGES = {"assets", "pagefind", "rules"}


def page_key(path: str) -> tuple[str, int]:
    """A page's type for discovery: its top folder and its depth ('roller/x/' → ('roller', 2))."""
    parts = [p for p in path.split("/") if p]
    return (parts[0] if parts else "", len(parts))


def discovered_pages(site_dir: Path) -> list[str]:
    """One page per (top folder, depth) of the built site that PAGE_TYPES does not already cover."""
    covered = {page_key(path) for path in PAGE_TYPES}
    found: dict[tuple[str, int], str] = {}
    for html in sorted(site_dir.rglob("index.html")):
        relative = html.parent.relative_to(site_dir).as_posix()
        path = "" if relative == "." else relative + "/"
        key = page_key(path)
        if key[0] in NOT_PAGES or key in covered:
            continue
        found.setdefault(key, path)
    return sorted(found.values()) + ["404.html"]


def check_page(visit: Visit, path: str) -> None:
    visit.open(path)
    if path.startswith("vem-beslutar/"):
        visit.page.wait_for_selector("#vb-delegation:not([hidden])")
    problems = axe_problems(visit.page)
    assert not problems, f"/{path}: axe-core found serious or critical violations:\n" + "\n".join(problems)
    assert visit.requests > 0, "the request guard saw no request at all"
    visit.assert_clean(f"/{path}")


@pytest.mark.parametrize("path", list(PAGE_TYPES), ids=[PAGE_TYPES[p] for p in PAGE_TYPES])
def test_page_type_is_accessible_offline_and_without_errors(visit: Visit, path: str) -> None:
    check_page(visit, path)


def test_every_other_section_is_accessible_offline_and_without_errors(browser: Any, base_url: str, site_dir: Path) -> None:
    pages = discovered_pages(site_dir)
    failures = []
    for path in pages:
        visit = open_visit(browser, base_url)
        try:
            check_page(visit, path)
        except AssertionError as error:
            failures.append(str(error))
        finally:
            close_visit(visit)
    assert not failures, "\n\n".join(failures)


def test_start_page_is_in_swedish(visit: Visit) -> None:
    visit.open("")
    page = visit.page
    assert page.get_attribute("html", "lang") == "sv"
    heading = page.locator("article h1").evaluate("h => h.firstChild.textContent.trim()")
    assert heading == "Vem beslutar om vad i Ekbacka kommun?"
    # The theme's own words are Swedish too.
    assert page.get_attribute("#sd-header-q", "placeholder") == "Sök"
    assert page.inner_text("a.md-skip").strip() == "Gå till innehållet"
    visit.assert_clean("start page")


def test_search_finds_a_delegation_matter_by_a_swedish_word(visit: Visit) -> None:
    """From the header of any page: the words go to the search page, which answers at once."""
    visit.open("")
    page = visit.page
    page.fill("#sd-header-q", "avskrivning")
    page.press("#sd-header-q", "Enter")
    page.wait_for_selector(".sd-search-results li")
    assert page.url.endswith("/sok/?q=avskrivning")
    results = page.locator(".sd-search-results li").all_inner_texts()
    assert any("Avskrivning av fordringar" in text for text in results), results[:5]
    assert "sidor innehåller orden" in page.inner_text("#sd-search-status")
    visit.assert_clean("search")


def _kommundirektor_matters(site_dir: Path) -> set[str]:
    """The matters the kommundirektör decides on delegation as of the build, from delegation.json."""
    data = json.loads((site_dir / "rules" / "v1" / "delegation.json").read_text(encoding="utf-8"))
    return {row["matter_id"] for row in data["decision_table"]
            if row["delegate_key"] == "position:kommundirektor" and row["in_force_on_as_of"] and not row["execution_only"]}


def test_role_page_lists_the_roles_delegations(visit: Visit, site_dir: Path) -> None:
    expected = _kommundirektor_matters(site_dir)
    assert expected, "the example's kommundirektör decides nothing on delegation?"
    visit.open("roller/kommundirektor/")
    page = visit.page
    assert page.inner_text("article h1").startswith("Kommundirektör")
    hrefs = page.eval_on_selector_all("article table a[href*='delegationsordningar/']", "links => links.map(a => a.getAttribute('href'))")
    linked = {href.split("#", 1)[1] for href in hrefs if "#" in href}
    missing = sorted(expected - linked)
    assert not missing, f"the role page does not list these delegations of the kommundirektör: {missing}"
    assert page.locator("article table caption").count() > 0, "tables on the role page have no caption"
    visit.assert_clean("role page")


def _tab_until(page: Any, predicate: str, limit: int = 120) -> int:
    """Press Tab until `predicate` (a JS function of the focused element) holds; the number of presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => ({predicate})(document.activeElement)"):
            return presses
    raise AssertionError(f"Tab never reached the element ({predicate}) in {limit} presses")


def test_keyboard_reaches_the_search_and_the_first_link_of_the_content(visit: Visit) -> None:
    visit.open("")
    page = visit.page
    first = _tab_until(page, "e => e.classList.contains('md-skip')")
    assert first == 1, "the first Tab should land on the skip link"
    _tab_until(page, "e => e.matches('#sd-header-q')")
    page.keyboard.type("delegation")  # the search box takes text from the keyboard
    assert page.input_value("#sd-header-q") == "delegation"
    page.keyboard.press("Enter")
    page.wait_for_selector(".sd-search-results li")
    page.goto(visit.base_url)
    _tab_until(page, "e => e === document.querySelector('article a[href]')")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused link has no visible focus outline"
    visit.assert_clean("keyboard")


def test_skip_link_moves_to_the_content(visit: Visit) -> None:
    visit.open("delegationsordningar/socialnamnden/")
    page = visit.page
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash.length > 1")
    target = page.evaluate("() => document.getElementById(decodeURIComponent(location.hash.slice(1))).closest('article') !== null")
    assert target, "the skip link does not lead into the content"
    visit.assert_clean("skip link")

