"""How an amount limit reads: "upp till 580 000 kr" or "under 580 000 kr", "över" or "från och med".

The one home for the words of a delegation's limits. The words are the labels of the schemas'
`comparison` (`upper_limit` and `lower_limit` in common.schema.json): an upper limit without a
comparison includes its amount ("upp till", read "upp till och med"), `below` leaves it out
("under"); a lower limit without one leaves it out ("över"), `at_least` puts it in ("från och med").
"""

from __future__ import annotations

from generators.wording.labels import label
from generators.wording.swedish import count, number

UPPER_DEFAULT = "at_most"
LOWER_DEFAULT = "above"


def upper_word(comparison: str | None) -> str:
    """'upp till' or 'under'."""
    return label("upper_comparison", comparison or UPPER_DEFAULT)


def lower_word(comparison: str | None) -> str:
    """'över' or 'från och med'."""
    return label("lower_comparison", comparison or LOWER_DEFAULT)


def strict_word(comparison: str | None) -> str | None:
    """The word a comparison other than the default needs ('under', 'från och med'); None for the default,
    where the bare amount reads as it always has (an upper limit up to and including it)."""
    if comparison == "below":
        return upper_word(comparison)
    if comparison == "at_least":
        return lower_word(comparison)
    return None


def in_units(amount: float, name: str, definite: str | None) -> str:
    """An amount in a unit of the reference data: '3 prisbasbelopp', '0,5 × direktupphandlingsgräns enligt LOU'
    (`name` as the caller writes the unit). Exactly one unit of a series that gives its name in the
    definite form reads as that name, 'direktupphandlingsgränsen': a limit that is the legal limit
    (`amount: 1, unit: direktupphandlingsgrans`). The form is the reference data's (`definite`), never
    an ending put on the title: without it the amount stays a count."""
    if amount == 1 and definite:
        return definite
    return f"{number(amount)} {name}"


def upper_text(amount: str, comparison: str | None) -> str:
    """'upp till 580 000 kr', 'under 580 000 kr'."""
    return f"{upper_word(comparison)} {amount}"


def range_text(lower: str | None, upper: str | None, lower_comparison: str | None = None,
               upper_comparison: str | None = None) -> str | None:
    """'över 3 upp till 8 prisbasbelopp', 'från och med 580 000 kr', 'under 580 000 kr'; None for no bound."""
    parts = []
    if lower:
        parts.append(f"{lower_word(lower_comparison)} {lower}")
    if upper:
        parts.append(upper_text(upper, upper_comparison))
    return " ".join(parts) or None


def comparison_of(inclusive: bool, upper: bool) -> str:
    """The comparison a bound's inclusiveness says: an upper bound that includes its amount is
    `at_most`, one that does not `below`; a lower bound that includes it `at_least`, otherwise `above`."""
    if upper:
        return UPPER_DEFAULT if inclusive else "below"
    return "at_least" if inclusive else LOWER_DEFAULT


# The singular of each duration unit; the plural is the schema's label (`duration_unit`).
_DURATION_SINGULAR = {"days": "dag", "weeks": "vecka", "months": "månad", "years": "år"}


def duration_text(amount: int, unit: str) -> str:
    """'upp till 6 månader', 'upp till 1 år': a duration limit, the time itself included."""
    return f"upp till {count(amount, _DURATION_SINGULAR[unit], label('duration_unit', unit))}"
