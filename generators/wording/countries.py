"""Countries by their Swedish names: 'HR' → 'Kroatien' (CLDR's names, through babel).

The one home for country names, shared by the check messages, the decision tables and the site."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache


@cache
def territories() -> dict[str, str]:
    """ISO 3166-1 code → Swedish name. babel is imported on first use only: most runs name no country."""
    from babel import Locale

    return dict(Locale.parse("sv").territories)


def country_name(code: str) -> str:
    """'NO' → 'Norge'; a code CLDR does not name stays as it is, so nothing is guessed."""
    return territories().get(code, code)


def named_codes(codes: Iterable[str]) -> list[str]:
    """'HR (Kroatien)' for each code, in code order: a code and the name a reader knows it by."""
    return [f"{code} ({country_name(code)})" for code in sorted(codes)]
