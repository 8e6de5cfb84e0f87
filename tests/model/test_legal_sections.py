"""Paragraph ranges and lists in legal references: reading them, covering a paragraph, the Swedish label."""

from __future__ import annotations

from typing import Any

import pytest

from generators.model import sections
from generators.model.common import LegalRef


def _ref(**fields: str) -> LegalRef:
    source: Any = None  # labels and citation tests never locate the reference
    return LegalRef.parse(fields, source)


@pytest.mark.parametrize(("chapter", "section", "label"), [
    ("6", "38", "KL 6 kap. 38 §"),
    ("6", "1–3", "KL 6 kap. 1–3 §§"),
    ("6", "1-3", "KL 6 kap. 1–3 §§"),          # a hyphen is written as the en dash
    ("6", "28 – 32", "KL 6 kap. 28–32 §§"),
    ("13", "1, 5", "KL 13 kap. 1 och 5 §§"),
    ("6", "1–3, 7", "KL 6 kap. 1–3 och 7 §§"),
    ("6", "1, 3, 5", "KL 6 kap. 1, 3 och 5 §§"),
    ("19 a", "1–2", "KL 19 a kap. 1–2 §§"),
    ("3", "2 a–2 c", "KL 3 kap. 2 a–2 c §§"),
    (None, "7 c", "KL 7 c §"),
    ("6", None, "KL 6 kap."),
    (None, None, "KL"),
])
def test_label_in_swedish(chapter: str | None, section: str | None, label: str) -> None:
    fields = {"sfs": "2017:725", **({"chapter": chapter} if chapter else {}), **({"section": section} if section else {})}
    assert _ref(**fields).label({"2017:725": "KL"}) == label


@pytest.mark.parametrize(("text", "problem"), [
    ("3–1", "baklänges"),
    ("3 b–3 a", "baklänges"),
    ("3-3", "samma paragraf"),
    ("1–2–3", "två ändar"),
    ("a", "paragrafens nummer"),
    ("38 §", "paragrafens nummer"),
    ("1–x", "paragrafens nummer"),
    ("1,", "paragrafens nummer"),
    ("0", "paragrafens nummer"),
])
def test_malformed_sections_are_refused(text: str, problem: str) -> None:
    with pytest.raises(sections.SectionError, match=problem):
        sections.parse(text)


def test_a_malformed_section_is_shown_as_written() -> None:
    assert _ref(sfs="2017:725", chapter="6", section="3–1").label({"2017:725": "KL"}) == "KL 6 kap. 3–1 §"


@pytest.mark.parametrize(("section", "wanted", "cited"), [
    ("1–3", "2", True),
    ("1–3", "1", True),
    ("1–3", "3", True),
    ("1–3", "4", False),
    ("3–4", "3 a", True),     # a paragraph inserted inside the range
    ("1, 5", "5", True),
    ("1, 5", "3", False),
    ("38", "38", True),
    ("38", "3", False),
    ("3 b", "3", False),
])
def test_a_range_cites_every_paragraph_inside_it(section: str, wanted: str, cited: bool) -> None:
    ref = _ref(sfs="2017:725", chapter="6", section=section)
    assert ref.cites("2017:725", "6", wanted) is cited
    assert not ref.cites("2017:725", "7", wanted)
    assert not ref.cites("2017:900", "6", wanted)


def test_citing_a_chapter_or_statute_without_a_paragraph() -> None:
    ref = _ref(sfs="2016:1145", chapter="19 a", section="1–2")
    assert ref.cites("2016:1145", "19 a")
    assert ref.cites("2016:1145")
    assert not _ref(sfs="2016:1145", chapter="19 a").cites("2016:1145", "19 a", "1")


def test_sort_key_orders_by_first_paragraph() -> None:
    texts = ["40", None, "28–32", "3 b", "3", "37"]
    assert sorted(texts, key=sections.sort_key) == [None, "3", "3 b", "28–32", "37", "40"]
