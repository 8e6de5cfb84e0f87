"""Helpers the travel checks share (not a rule: it defines no RULE)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.common import SourceRef
from generators.model.delegation import DelegationOrder, Matter
from generators.model.organisation import Organisation
from generators.model.travel import TravelPolicy, join_names


def titles(org: Organisation, positions: Iterable[str], limit: int = 8) -> str:
    """'Registrator, Kommunjurist och 3 till': positions by their titles, in the given order."""
    return join_names((org.positions[p].title if p in org.positions else p for p in positions), limit)


def codes(values: Iterable[str], limit: int = 30) -> str:
    """Country codes, sorted: 'DK, FI och NO'."""
    return join_names(sorted(values), limit)


def dates_text(days: Iterable[object]) -> str:
    return join_names([str(d) for d in days])


def delegation_check_dates(model: Model, policy: TravelPolicy) -> list[date]:
    """The policy's first day and every day inside its validity on which a delegationsordning
    starts or stops being in force: the pieces its delegation references are checked on."""
    start, end = policy.meta.valid_from, policy.meta.valid_to
    points = {start}
    for order in model.delegations:
        for changed in (order.meta.valid_from, order.meta.valid_to + timedelta(days=1) if order.meta.valid_to else None):
            if changed is not None and start < changed and (end is None or changed <= end):
                points.add(changed)
    return sorted(points)


def matters_on(model: Model, matter_id: str, day: date) -> list[tuple[DelegationOrder, Matter]]:
    """The matter with this id in every delegationsordning in force on `day`."""
    return [(order, m) for order in model.delegations_in_force(day) for m in order.matters if m.id == matter_id]


def place(source: SourceRef) -> str:
    """'policies/delegation/styrelsen.yaml:718': where something stands, for a message naming another file."""
    return str(source.location())


def with_related(diagnostic: Diagnostic, *places: str) -> Diagnostic:
    return replace(diagnostic, related=tuple(places))


def period_text(seen: list[date], days: list[date]) -> str:
    """When something holds, given the check dates it was seen on: 'från 2026-01-01' when it holds from
    a date on; otherwise the pieces of the validity it holds in ('2026-01-01–2026-12-31')."""
    if seen == days[len(days) - len(seen):]:
        return f"från {seen[0].isoformat()}"
    pieces = []
    for day in seen:
        later = [d for d in days if d > day]
        pieces.append(f"{day.isoformat()}–{(later[0] - timedelta(days=1)).isoformat()}" if later else f"från {day.isoformat()}")
    return "under " + dates_text(pieces)
