"""Swedish wording and number formats for the site: dates, amounts, intervals, labels.

Everything here returns plain text; escaping happens where text meets a page.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from generators.model.common import Amount
from generators.model.reference import ReferenceData

LOCALE = Locale.parse("sv_SE")
NBSP = "\u00a0"

PER_LABELS = {
    "case": "per tillfälle",
    "year": "per år och samma slag",
    "contract": "per avtal och hela avtalstiden",
}
REPORTING_INTERVALS = {
    "next_meeting": "vid nästa sammanträde",
    "monthly": "månadsvis",
    "quarterly": "kvartalsvis",
}
SEVERITY_LABELS = {"error": "fel", "warning": "varning"}
STATUS_LABELS = {"forslag": "förslag", "antagen": "antagen", "upphavd": "upphävd"}


@lru_cache(maxsize=4096)
def long_date(day: date) -> str:
    """2027-01-01 → '1 januari 2027'."""
    return format_date(day, "d MMMM y", locale=LOCALE)


def number(value: float) -> str:
    """Swedish number format: 177 600 (no-break space), 0,5, 2,25."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return format_decimal(value, locale=LOCALE, format="#,##0.###")


def kronor(value: float) -> str:
    """Whole kronor: 177 600 kr."""
    return f"{number(round(value))}{NBSP}kr"


def unit_label(unit: str, amount: float, reference: ReferenceData) -> str:
    """How an amount's unit reads after the number: 'prisbasbelopp', or the series' title."""
    if unit == "prisbasbelopp":
        return "prisbasbelopp"
    series = reference.get(unit)
    title = series.title if series else unit
    return f"× {title[:1].lower()}{title[1:]}"


def amount_parts(amount: Amount, reference: ReferenceData, day: date) -> tuple[str, str | None]:
    """('3 prisbasbelopp', '177 600 kr') – the amount in its own unit, and in kronor on `day`.

    The kronor value is None when the amount is already in kronor; when the unit's value for `day` is
    not published, the second part says so instead of guessing.
    """
    if amount.unit == "sek":
        return kronor(amount.amount), None
    own = f"{number(amount.amount)} {unit_label(amount.unit, amount.amount, reference)}"
    sek = reference.to_sek(amount.amount, amount.unit, day)
    if sek is None:
        return own, f"beloppet i kronor för {day.year} är inte fastställt än"
    return own, kronor(sek)


def amount_text(amount: Amount, reference: ReferenceData, day: date, *, with_per: bool = True) -> str:
    """'3 prisbasbelopp (177 600 kr) per tillfälle, exklusive moms'; `with_per=False`: '3 prisbasbelopp (177 600 kr)'."""
    own, sek = amount_parts(amount, reference, day)
    out = f"{own} ({sek})" if sek else own
    extras = []
    if with_per and amount.per:
        extras.append(PER_LABELS.get(amount.per, amount.per))
    if with_per and amount.excluding_vat:
        extras.append("exklusive moms")
    if extras:
        out += " " + ", ".join(extras)
    return out


def lower_first(value: str) -> str:
    """'Socialnämnden' → 'socialnämnden' for running text; acronyms (HR-direktör, IT-chef) keep case."""
    if len(value) > 1 and value[:2].isupper():
        return value
    return value[:1].lower() + value[1:]


def genitive(name: str) -> str:
    """'socialnämnden' → 'socialnämndens'; names ending in s, x or z take no extra s."""
    return name if name[-1:] in "sxz" else name + "s"


def upper_first(value: str) -> str:
    return value[:1].upper() + value[1:]


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
    """'HR-direktör' → 'HR-direktören'; titles of several words are left as they are (lower-cased)."""
    if " " not in title.strip():
        for ending, replacement in _DEFINITE_ENDINGS:
            if title.endswith(ending):
                return lower_first(title[: -len(ending)] + replacement)
    return lower_first(title)


def count(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"
