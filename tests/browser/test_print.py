"""Printing (styrdokument.css, @media print): an answer is one A4 page without the forms, and a
delegationsordning prints compactly (statute names without their addresses inside tables)."""

from __future__ import annotations

import re

from tests.browser.conftest import Visit

ANSWER = "vem-beslutar/?fraga=resa&resenar=position%3Asocialchef&land=US&datum=2026-11-23"


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_an_answer_prints_on_one_page_with_the_question_and_without_the_forms(visit: Visit) -> None:
    visit.open(ANSWER)
    page = visit.page
    page.wait_for_selector("#vb-resa-svar:not([hidden])")
    page.emulate_media(media="print")
    shown = page.evaluate("""() => [...document.querySelectorAll('article h2, article form.vb-form, article .vb-svar')]
        .filter(e => getComputedStyle(e).display !== 'none').map(e => e.id || e.tagName)""")
    # The question this answer is for, and the answer with its reasons; no form, no other question.
    assert shown == ["vem-godkanner-en-tjansteresa", "vb-resa-svar"], shown
    assert _pages(page.pdf(format="A4")) == 1
    visit.assert_clean("printed answer")


def test_without_an_answer_the_page_prints_its_forms(visit: Visit) -> None:
    """Nothing is hidden when there is no answer yet: someone may print the empty questions."""
    visit.open("vem-beslutar/")
    page = visit.page
    page.wait_for_selector("#vb-delegation:not([hidden])")
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.getElementById('vb-delegation')).display") != "none"
    visit.assert_clean("printed empty page")


def test_a_delegation_table_prints_statute_names_without_addresses(visit: Visit) -> None:
    visit.open("delegationsordningar/socialnamnden/")
    page = visit.page
    page.emulate_media(media="print")
    inside = page.evaluate("getComputedStyle(document.querySelector('table a.statute'), '::after').content")
    assert inside in ("none", "normal")
    visit.assert_clean("printed delegationsordning")
