"""Swedish numbers, amounts and running-text helpers: the one home for how a figure reads.

Every view (site pages, JSON rules' labels, `decide`, `diff`, check messages) formats numbers and
kronor here, so 1234.5 reads "1 234,50 kr" everywhere. Standard library only (`decide`
must start fast).

- Digits are grouped by three with a no-break space (U+00A0), the decimal sign is a comma (Språkrådet,
  *Svenska skrivregler*, and the CLDR sv locale).
- Nothing is rounded silently: a number keeps every decimal it has; kronor show öre only when there
  are any, and then always two digits.
"""

from __future__ import annotations

from decimal import Decimal

NBSP = "\u00a0"
# How an amount in kronor reads, as data: published with the decision tables (decisions.json's
# `wording.kronor`) so the site's "Vem beslutar?" page writes an amount the way `kronor` does.
KRONOR_FORMAT = {
    "group": NBSP,  # between groups of three digits
    "decimal": ",",  # before the öre, which are written only when there are any, always two digits
    "minus": "-",
    "pattern": "{number}" + NBSP + "kr",
    "unknown": "okänt belopp",
}


def _exact(value: float | Decimal) -> Decimal:
    # str() of a float is its shortest round-trip form: 0.3 stays 0.3, not 0.299999…
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _grouped(whole: int) -> str:
    return f"{whole:,}".replace(",", NBSP)


def number(value: float | Decimal) -> str:
    """3 → '3', 0.5 → '0,5', 177600 → '177 600', 2.25 → '2,25' (every decimal it has, none added)."""
    exact = _exact(value)
    sign = "-" if exact < 0 else ""
    exact = abs(exact)
    whole = int(exact)
    fraction = exact - whole
    text = _grouped(whole)
    if fraction:
        digits = format(fraction.normalize(), "f").split(".", 1)[1]
        text += "," + digits
    return sign + text


def kronor(value: float | Decimal | None) -> str:
    """700000 → '700 000 kr'; 1234.5 → '1 234,50 kr' (öre only when there are any); None → 'okänt belopp'."""
    if value is None:
        return KRONOR_FORMAT["unknown"]
    exact = _exact(value)
    sign = KRONOR_FORMAT["minus"] if exact < 0 else ""
    exact = abs(exact)
    whole = int(exact)
    fraction = exact - whole
    text = f"{whole:,}".replace(",", KRONOR_FORMAT["group"])
    if fraction:
        text += KRONOR_FORMAT["decimal"] + f"{fraction:.2f}"[2:]
    return KRONOR_FORMAT["pattern"].format(number=sign + text)


def euro(value: float | Decimal) -> str:
    """143000 → '143 000 euro' (the EU thresholds are published in whole euro)."""
    return f"{number(value)}{NBSP}euro"


def join(items: list[str], word: str = "och") -> str:
    """['a', 'b', 'c'] → 'a, b och c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def lower_first(text: str) -> str:
    """'Socialnämnden' → 'socialnämnden' in running text; 'HR-direktör' and 'VA-chef' keep their capitals."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def upper_first(text: str) -> str:
    """'socialnämnden' → 'Socialnämnden' at the start of a sentence or a table cell."""
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    """A sentence starts with a capital letter and ends with a full stop."""
    text = upper_first(text.strip())
    return text if text.endswith((".", "!", "?", ":")) else text + "."


def genitive(name: str) -> str:
    """'socialnämnden' → 'socialnämndens'; names ending in s, x or z take no extra s."""
    return name if name[-1:] in "sxz" else name + "s"


# Definite forms of the last word of a one-word title, for phrases like "efter samråd med HR-direktören".
_DEFINITE_ENDINGS = (
    ("chef", "chefen"),
    ("ör", "ören"),
    ("are", "aren"),
    ("ent", "enten"),
    ("ist", "isten"),
    ("tor", "torn"),
    ("ant", "anten"),
    ("ombud", "ombudet"),
    ("jurist", "juristen"),
    ("arkivarie", "arkivarien"),
)


def definite(title: str) -> str:
    """'HR-direktör' → 'HR-direktören', 'Regiondirektör' → 'regiondirektören' in running text; titles of
    several words, or with an ending not listed, are only lower-cased (never a guessed ending)."""
    if " " not in title.strip():
        for ending, replacement in _DEFINITE_ENDINGS:
            if title.endswith(ending):
                return lower_first(title[: -len(ending)] + replacement)
    return lower_first(title)


def count(n: int, singular: str, plural: str) -> str:
    """1 → '1 ärende', 3 → '3 ärenden' (the number grouped like any other)."""
    return f"{number(n)} {singular if n == 1 else plural}"
