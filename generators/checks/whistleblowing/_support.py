"""Helpers the whistleblowing checks share (not a rule: it defines no RULE)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from generators.model.organisation import Organisation
from generators.model.travel import join_names
from generators.model.whistleblowing import CATEGORY_LABELS, Concerned, Handler, Route, WhistleblowingRegulation


def titles(org: Organisation, positions: Iterable[str], limit: int = 8) -> str:
    return join_names((org.positions[p].title if p in org.positions else p for p in positions), limit)


def concerned_of(org: Organisation, regulation: WhistleblowingRegulation, route: Route) -> list[Concerned]:
    """Whom a route decides for: each position it applies to, or its category, external party or function."""
    kind, value = route.concerns.kind, route.concerns.value or ""
    if kind in ("position", "unit", "role_type", "default"):
        found = [Concerned("position", p) for p in regulation.concerned_positions(org, route)]
        if kind == "default":
            # The default route also takes every category no route of its own takes (förtroendevalda,
            # say): it is judged for them exactly as an explicit route would be.
            found += [Concerned("category", c) for c in CATEGORY_LABELS if regulation.route_for(org, Concerned("category", c)) is route]
        return found
    if kind == "function":
        return [Concerned("function", value)]
    if kind == "external":
        return [Concerned("external", value)]
    return [Concerned("category", value)]


def route_handlers(route: Route) -> Iterator[tuple[Handler, str]]:
    """The handler and the hand-over recipient, with their role in Swedish."""
    yield route.handler, "handläggs av"
    if route.handover_to is not None:
        yield route.handover_to, "lämnas över till"
