"""Swedish wording shared by the decision tables and the answers (standard library only).

Everything a staff member reads in an answer is built from these few helpers, so the command line,
the JSON answers and the published tables use the same words and number formats.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # neither typing nor decimal is imported at run time: `decide` starts fast
    from decimal import Decimal
    from typing import Any

NBSP = "\u00a0"


def kronor(value: float | Decimal | None) -> str:
    """700000 → '700 000 kr' (no-break spaces); öre only when there are any."""
    if value is None:
        return "okänt belopp"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}".replace(",", NBSP) + NBSP + "kr"
    from decimal import Decimal

    number = value if isinstance(value, Decimal) else Decimal(str(value))
    whole = int(number)
    text = f"{whole:,}".replace(",", NBSP)
    fraction = abs(number - whole)
    if fraction:
        text += "," + f"{fraction:.2f}"[2:]
    return text + NBSP + "kr"


def number(value: float | Decimal) -> str:
    """3 → '3', 0.5 → '0,5' (Swedish decimal comma)."""
    if not isinstance(value, (int, float)):  # a Decimal
        value = int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace(".", ",")


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
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    """A sentence starts with a capital letter and ends with a full stop."""
    text = upper_first(text.strip())
    return text if text.endswith((".", "!", "?", ":")) else text + "."


def document_sentence(document: dict[str, Any]) -> str:
    """'Socialnämndens delegationsordning, version 2026:1 (antagen av …), gäller från 2026-01-01.'"""
    validity = f"gäller från {document['valid_from']}"
    if document["valid_to"]:
        validity += f" till och med {document['valid_to']}"
    adopted = f" ({document['adopted']})" if document["adopted"] else ""
    return f"{document['title']}, version {document['version']}{adopted}, {validity}."
