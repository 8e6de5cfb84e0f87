"""The paragraphs a legal reference cites: one (38, 3 b), a range (1–3) or a list (1, 5; 1–3, 7).

Swedish statutes cite several paragraphs as "6 kap. 28–32 §§" or "13 kap. 1 och 5 §§", and one as
"6 kap. 38 §". A reference's `section` is written the same way without the paragraph sign: `"38"`,
`"3 b"`, `"28–32"` (a hyphen is accepted for the en dash, which is hard to type), `"1, 5"`,
`"1–3, 7"`. This module reads that text, says what is wrong with it, tells whether it covers a given
paragraph, and writes it the Swedish way. A range covers the paragraphs inserted between its ends:
"3–4 §§" covers 3 a §, as in the statute book.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = re.compile(r"([1-9][0-9]*)(?: ?([a-z]))?")
_RANGE = re.compile(r"\s*[-–]\s*")


@dataclass(frozen=True, order=True, slots=True)
class Paragraph:
    """One paragraph number: 3 b is (3, "b"), ordered after 3 and before 4."""

    number: int
    letter: str = ""

    def __str__(self) -> str:
        return f"{self.number} {self.letter}" if self.letter else str(self.number)


@dataclass(frozen=True, slots=True)
class Span:
    """A paragraph (`first == last`) or an inclusive range of paragraphs."""

    first: Paragraph
    last: Paragraph

    def covers(self, paragraph: Paragraph) -> bool:
        return self.first <= paragraph <= self.last

    def __str__(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}–{self.last}"


class SectionError(ValueError):
    """What is wrong with a `section` text, in Swedish, for the checks that report it (D414, X820)."""


def paragraph(text: str) -> Paragraph | None:
    match = _NUMBER.fullmatch(text.strip())
    return Paragraph(int(match[1]), match[2] or "") if match else None


def parse(text: str) -> tuple[Span, ...]:
    """The spans a `section` text cites, in the order written; SectionError when it is malformed."""
    spans: list[Span] = []
    for item in text.split(","):
        ends = _RANGE.split(item.strip())
        if len(ends) > 2:
            raise SectionError("Ett intervall har två ändar, t.ex. 1–3.")
        parsed = [paragraph(end) for end in ends]
        if any(p is None for p in parsed) or not item.strip():
            raise SectionError("Skriv bara paragrafens nummer, t.ex. 38 eller 3 b, ett intervall som 1–3 "
                               "eller flera paragrafer som 1, 5 (inte \"38 §\").")
        first, last = parsed[0], parsed[-1]
        assert first is not None and last is not None
        if len(parsed) == 2 and first == last:
            raise SectionError(f"Intervallet börjar och slutar på samma paragraf. Skriv bara {first}.")
        if last < first:
            raise SectionError(f"Intervallet går baklänges. Skriv den lägre paragrafen först: {last}–{first}.")
        spans.append(Span(first, last))
    return tuple(spans)


def spans_or_none(text: str | None) -> tuple[Span, ...] | None:
    """The spans, or None where there is no section or it is malformed (the checks report that)."""
    if text is None:
        return None
    try:
        return parse(text)
    except SectionError:
        return None


def covers(text: str | None, wanted: str) -> bool:
    """Does the `section` text cite paragraph `wanted` ("2" is cited by "1–3" and by "1, 2")?"""
    spans = spans_or_none(text)
    target = paragraph(wanted)
    if spans is None or target is None:
        return text is not None and text.strip() == wanted.strip()
    return any(span.covers(target) for span in spans)


def first(text: str | None) -> Paragraph | None:
    """The first paragraph cited (where a link to the statute text should land)."""
    spans = spans_or_none(text)
    return spans[0].first if spans else None


def label(text: str) -> str:
    """The paragraphs with the paragraph sign: "38 §", "1–3 §§", "1 och 5 §§", "1–3, 5 och 7 §§".

    A malformed text (reported by D414 or X820) is shown as written, so nothing is hidden."""
    spans = spans_or_none(text)
    if spans is None:
        return f"{text} §"
    parts = [str(span) for span in spans]
    listed = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} och {parts[-1]}"
    several = len(spans) > 1 or spans[0].first != spans[0].last
    return f"{listed} {'§§' if several else '§'}"


def sort_key(text: str | None) -> tuple[int, int, str, str]:
    """Orders references within a chapter: none first, then by the first paragraph cited."""
    if text is None:
        return (0, 0, "", "")
    start = first(text)
    return (1, start.number, start.letter, text) if start else (2, 0, "", text)
