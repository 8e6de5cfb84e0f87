"""Helpers the internal-control checks share (not a rule: it defines no RULE)."""

from __future__ import annotations

from collections.abc import Iterator

from generators.model import Model
from generators.model.internkontroll import Plan, Reglemente, internkontroll_model


def plans_with_reglemente(model: Model) -> Iterator[tuple[Plan, Reglemente]]:
    """Each plan with the reglemente that governs its year (none: the local rules have nothing to apply)."""
    ik = internkontroll_model(model)
    for plan in ik.plans:
        reglemente = ik.reglemente_for_year(plan.year)
        if reglemente is not None:
            yield plan, reglemente


def body_name(model: Model, body: str) -> str:
    org = model.organisation
    found = org.bodies.get(body) if org is not None else None
    return found.name if found is not None else body
