"""The staff search (Pagefind, site/assets/sok.js) in Chromium: Swedish inflections, the policies
before the check catalogue, and excerpts that can never become markup."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.browser.conftest import Visit


def _search(visit: Visit, words: str) -> tuple[str, list[str]]:
    visit.open("sok/?q=" + quote(words))
    page = visit.page
    page.wait_for_function(
        "() => { const s = document.getElementById('sd-search-status').textContent; return s && !s.endsWith('…'); }"
    )
    return page.inner_text("#sd-search-status"), page.locator(".sd-search-results__title").all_inner_texts()


@pytest.mark.parametrize(
    ("words", "expected_title"),
    [
        # The pages say "avskrivning av fordringar": an inflected form finds them.
        ("avskrivningar", "delegationsordning"),
        # The whistleblowing guide speaks of "visselblåsaren" and "visselblåsning".
        ("visselblåsare", "Visselblåsning"),
        # The policies say "mutor".
        ("muta", "delegationsordning"),
    ],
)
def test_an_inflected_form_finds_the_policy(visit: Visit, words: str, expected_title: str) -> None:
    status, titles = _search(visit, words)
    assert "innehåller orden" in status, status
    assert any(expected_title in title for title in titles[:5]), titles[:5]
    visit.assert_clean(f"search {words}")


@pytest.mark.parametrize(
    ("words", "expected_title", "also"),
    [
        # The pages say "hyresavtal för lokaler", never "hyra": the organisation's synonyms
        # (publication.search in organisation.yaml) lead there.
        ("hyra", "delegationsordning", "hyresavtal"),
        # The travel policy names the country, not the city.
        ("New York", "Rese- och mötespolicy", "USA"),
    ],
)
def test_a_synonym_finds_the_pages_that_use_the_other_word(visit: Visit, words: str, expected_title: str, also: str) -> None:
    status, titles = _search(visit, words)
    assert "innehåller orden" in status and also in status.split("Sökte också på:", 1)[-1], status
    assert any(expected_title in title for title in titles[:5]), titles[:5]
    visit.assert_clean(f"search {words}")


def test_a_recommended_page_comes_first_for_its_words(visit: Visit) -> None:
    _search(visit, "visselblåsare")
    shown = visit.page.locator("#sd-best-bets:not([hidden]) li:not([hidden]) a")
    assert shown.all_inner_texts() == ["Reglemente för visselblåsning i Ekbacka kommun"]
    assert shown.first.get_attribute("href") == "../visselblasning/"
    _search(visit, "avskrivning")
    assert visit.page.locator("#sd-best-bets").is_hidden()
    visit.assert_clean("search with a recommended page")


def test_the_check_catalogue_is_not_in_the_staff_search(visit: Visit) -> None:
    """'resa' is in many checks' names; staff get the travel policy first and no check page at all."""
    _status, titles = _search(visit, "resa")
    assert titles and titles[0].startswith("Rese- och mötespolicy"), titles[:3]
    assert not any(title[:1] in "DRVUXOPLS" and title[1:4].isdigit() for title in titles), titles
    visit.assert_clean("search resa")


def test_no_hit_says_so_and_suggests_what_to_do(visit: Visit) -> None:
    status, titles = _search(visit, "xyzzyplugh")
    assert titles == []
    assert status.startswith("Ingen sida innehåller alla orden")
    visit.assert_clean("search without hits")


def test_an_excerpt_is_shown_as_text_with_only_the_marks_kept(visit: Visit) -> None:
    """Page text reaches the index as text; even if an excerpt held markup, sok.js would insert it as
    text. A stand-in for Pagefind returns a poisoned excerpt and title."""
    poisoned = '<img src=x onerror="window.owned=1"><mark>ord</mark> <script>window.owned=2</script>slut'
    stub = (
        "export async function options() {}\n"
        "export async function search() { return { results: [{ data: async () => ("
        f"{{ url: '/x/', meta: {{ title: '<b>rubrik</b>' }}, excerpt: {poisoned!r}, sub_results: [] }}) }}] }}; }}\n"
    )
    visit.page.route("**/pagefind/pagefind.js", lambda route: route.fulfill(
        status=200, content_type="text/javascript", body=stub))
    status, titles = _search(visit, "ord")
    page = visit.page
    assert titles == ["<b>rubrik</b>"]
    item = page.locator(".sd-search-results li").first
    assert item.locator("img, script, b").count() == 0
    assert item.locator("mark").all_inner_texts() == ["ord"]
    assert page.evaluate("window.owned") is None
    assert status == "1 sida innehåller orden."
    visit.assert_clean("poisoned excerpt")
