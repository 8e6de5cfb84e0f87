"""Swedish wording for the site: dates, and amounts in their own unit and in kronor.

Numbers, kronor and running-text helpers live in `generators.wording.swedish` (re-exported here
for the page modules); this module adds what needs the model or babel's month names.

Everything here returns plain text; escaping happens where text meets a page.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from babel import Locale
from babel.dates import format_date

from generators.model.common import Amount
from generators.model.reference import ReferenceData
from generators.wording.labels import label
from generators.wording.limits import in_units, upper_text
from generators.wording.swedish import NBSP, count, definite, genitive, kronor, lower_first, number, upper_first

LOCALE = Locale.parse("sv_SE")



@lru_cache(maxsize=4096)
def long_date(day: date) -> str:
    """2027-01-01 → '1 januari 2027'."""
    return format_date(day, "d MMMM y", locale=LOCALE)


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
    series = reference.get(amount.unit)
    own = in_units(amount.amount, unit_label(amount.unit, amount.amount, reference), series.definite if series else None)
    sek = reference.to_sek(amount.amount, amount.unit, day)
    if sek is None:
        return own, f"beloppet i kronor för {day.year} är inte fastställt än"
    return own, kronor(sek)


def amount_text(amount: Amount, reference: ReferenceData, day: date, *, with_per: bool = True) -> str:
    """'3 prisbasbelopp (177 600 kr) per ärende eller tillfälle, exklusive moms'; `with_per=False`: '3 prisbasbelopp (177 600 kr)'."""
    own, sek = amount_parts(amount, reference, day)
    out = f"{own} ({sek})" if sek else own
    extras = []
    if with_per and amount.per:
        extras.append(label("per", amount.per))
    if with_per and amount.excluding_vat:
        extras.append("exklusive moms")
    if extras:
        out += " " + ", ".join(extras)
    return out

def limit_text(amount: Amount, reference: ReferenceData, day: date) -> str:
    """A delegation's limit as the cell shows it: the amount as it stands ('3 prisbasbelopp (177 600 kr) …',
    read "upp till och med"), or 'Under 580 000 kr' for a strict limit, whose word must be said."""
    out = amount_text(amount, reference, day)
    return upper_first(upper_text(out, amount.comparison)) if not amount.upper_inclusive else out


__all__ = ["NBSP", "amount_parts", "amount_text", "count", "definite", "genitive", "kronor", "limit_text", "long_date", "lower_first", "number", "unit_label", "upper_first"]
