"""Finding personal data in text: personnummer and samordningsnummer, e-mail addresses, phone numbers.

Not a rule (it defines no RULE); the P9xx rules and their tests use it.

A personnummer is YYMMDD-NNNC or YYYYMMDDNNNC (separator `-`, `+` for someone 100 or older, or
none), where YYMMDD is a real date and C the Luhn check digit over the ten digits YYMMDDNNN. A
samordningsnummer is the same with 60 added to the day. Organisation numbers (212000-2468: the
"month" is 20 or more), SFS numbers (2017:725), diarienummer (KS 2025/412), dates and amounts are
therefore not personnummer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from generators.diagnostics import JsonPath
from generators.loading.documents import SourceDocument
from generators.model.allowlist import normalise_contact
from generators.model.common import SourceRef

_PERSONNUMMER = re.compile(r"(?<![\d])(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)(?![\d])")
_EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
# A Swedish number: 0 (or +46 / 0046) and 7–9 more digits, grouped by spaces or hyphens. Not
# preceded by a digit group ("2 000 000 000 kr" is an amount, not a number starting with 0).
_PHONE = re.compile(r"(?<![\w+])(?<!\d\s)(?<!\d-)(?:\+46|0046|0)[\s-]?(?:\(0\)[\s-]?)?\d(?:[\s-]?\d){5,10}(?![\d])")
_PERSONNUMMER_SHAPE = re.compile(r"\d{6}[-+]\d{4}|\d{8}[-+]?\d{4}")


@dataclass(frozen=True, slots=True)
class Found:
    kind: str  # personnummer | samordningsnummer | email | phone
    text: str  # as written
    start: int
    end: int

    @property
    def masked(self) -> str:
        """What a message may show: the date part of an identity number, the first letter of a mailbox."""
        if self.kind in ("personnummer", "samordningsnummer"):
            digits = re.sub(r"\D", "", self.text)
            return f"{digits[:-4]}-••••"
        if self.kind == "email":
            local, _, domain = self.text.partition("@")
            return f"{local[:1]}…@{domain}"
        return self.text


def luhn_check_digit(nine_digits: str) -> int:
    """The Luhn check digit for YYMMDDNNN (weights 2, 1, 2, …; digits of products summed)."""
    total = 0
    for index, char in enumerate(nine_digits):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


def luhn_valid(ten_digits: str) -> bool:
    return len(ten_digits) == 10 and ten_digits.isdigit() and luhn_check_digit(ten_digits[:9]) == int(ten_digits[9])


def _real_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _birth_date_kind(century: str | None, yy: str, mm: str, dd: str, separator: str = "-") -> str | None:
    """'personnummer' or 'samordningsnummer' when YYMMDD (day + 60 for the latter) is a real date.

    Without a century the year is 19YY or 20YY, or 18YY or 19YY after `+` (100 years or older).
    """
    month, day = int(mm), int(dd)
    kind = "personnummer"
    if 61 <= day <= 91:
        day -= 60
        kind = "samordningsnummer"
    if century:
        years = [int(century + yy)]
    else:
        base = 1800 if separator == "+" else 1900
        years = [base + int(yy), base + 100 + int(yy)]
    return kind if any(_real_date(year, month, day) for year in years) else None


def find_identity_numbers(text: str) -> list[Found]:
    found: list[Found] = []
    for match in _PERSONNUMMER.finditer(text):
        century, yy, mm, dd, separator, serial, check = match.groups()
        if century is not None and century not in ("18", "19", "20"):
            continue
        kind = _birth_date_kind(century, yy, mm, dd, separator)
        if kind is None or not luhn_valid(f"{yy}{mm}{dd}{serial}{check}"):
            continue
        found.append(Found(kind, match.group(0), match.start(), match.end()))
    return found


def find_emails(text: str) -> list[Found]:
    return [Found("email", m.group(0), m.start(), m.end()) for m in _EMAIL.finditer(text)]


def find_phones(text: str) -> list[Found]:
    found: list[Found] = []
    for match in _PHONE.finditer(text):
        written = match.group(0).rstrip(" -")
        if _PERSONNUMMER_SHAPE.fullmatch(written):
            continue  # shaped like a personnummer (a valid one is P901's), not a phone number
        national = normalise_contact("phone", written)[1:]
        if 7 <= len(national) <= 9:
            found.append(Found("phone", written, match.start(), match.start() + len(written)))
    return found


def _strings(node: Any, path: JsonPath) -> Iterator[tuple[str, JsonPath]]:
    if isinstance(node, str):
        yield node, path
    elif isinstance(node, dict):
        for key, child in node.items():
            yield from _strings(child, (*path, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _strings(child, (*path, index))


def published_findings(documents: list[SourceDocument], finder: Callable[[str], list[Found]]) -> Iterator[tuple[Found, SourceRef]]:
    """What `finder` finds in the text of every published document (all but the allowlist itself),
    with where each stands. Only the strings with a hit are kept, per document content and finder, in
    the document's memo: four rules scan the same text, and an unchanged document is scanned once.
    """
    for document in documents:
        if document.kind == "allowlist":
            continue
        # Kept as plain tuples (kind, text, start, end), so the disk cache can store the memo.
        hits = document.derived(
            ("findings", finder.__module__, finder.__qualname__),
            lambda data: tuple((path, tuple((f.kind, f.text, f.start, f.end) for f in found))
                               for text, path in _strings(data, ()) if (found := finder(text))),
        )
        for path, found in hits:
            source = SourceRef(document, path)
            for kind, text, start, end in found:
                yield Found(kind, text, start, end), source
