"""Helpers the check modules share (not a rule: it defines no RULE)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from generators.model import Model
from generators.model.common import Actor, Amount, SourceRef
from generators.model.delegation import DelegationOrder, Matter


def delegation_actors(order: DelegationOrder) -> Iterator[tuple[Actor, SourceRef, str]]:
    """Every actor a delegationsordning names, with where and in which role (Swedish)."""
    provisions = order.provisions
    for rule in (provisions.on_absence, provisions.on_conflict_of_interest):
        if rule is not None and rule.actor is not None:
            yield rule.actor, rule.actor.source or rule.source, "ersättare enligt de allmänna bestämmelserna"
    if provisions.further_delegation_reported_to is not None:
        actor = provisions.further_delegation_reported_to
        yield actor, actor.source or provisions.source, "mottagare av anmälan om vidaredelegerade beslut"
    for matter in order.matters:
        for actor in matter.delegates:
            yield actor, actor.source or matter.source, f"delegat i ärende {matter.number}"
        if matter.substitute is not None:
            yield matter.substitute, matter.substitute.source or matter.source, f"ersättare i ärende {matter.number}"
        if matter.concerns is not None:
            yield matter.concerns, matter.concerns.source or matter.source, f"den som ärende {matter.number} rör"
        for tier in matter.tiers:
            for actor in tier.delegates:
                yield actor, actor.source or tier.source, f"delegat i en beloppsnivå i ärende {matter.number}"
            if tier.substitute is not None:
                yield tier.substitute, tier.substitute.source or tier.source, f"ersättare i en beloppsnivå i ärende {matter.number}"
        for condition in matter.conditions:
            if condition.with_actor is not None:
                yield condition.with_actor, condition.with_actor.source or condition.source, f"samrådspart i ärende {matter.number}"
        if matter.countersigning is not None:
            for actor in matter.countersigning.by:
                yield actor, actor.source or matter.countersigning.source, f"den som kontrasignerar i ärende {matter.number}"
        if matter.reporting is not None and matter.reporting.via is not None:
            via = matter.reporting.via
            yield via, via.source or matter.reporting.source, f"mottagare av anmälan i ärende {matter.number}"
    for further in order.further_delegations:
        yield further.by, further.by.source or further.source, f"beslutsfattare för vidaredelegation {further.id}"
        yield further.to, further.to.source or further.source, f"mottagare av vidaredelegation {further.id}"


def delegated_matters(order: DelegationOrder) -> Iterator[Matter]:
    """Matters that are delegation (ren verkställighet is listed for clarity and never checked as delegation)."""
    return (m for m in order.matters if not m.execution_only)


def validity_points(model: Model, order: DelegationOrder, units: set[str]) -> list[date]:
    """The dates a document must be checked on: its start and every change of the series it uses."""
    series = [u for u in units if u != "sek"]
    return model.reference.split_points(series, order.meta.valid_from, order.meta.valid_to)


def in_sek(model: Model, amount: Amount, day: date) -> float | int | None:
    return model.reference.to_sek(amount.amount, amount.unit, day)


def format_sek(value: float) -> str:
    """700000 → '700 000 kr' (Swedish thousands separator, a no-break space)."""
    whole = round(value)
    return f"{whole:,}".replace(",", "\u00a0") + "\u00a0kr"


def describe_amount(amount: Amount) -> str:
    if amount.unit == "sek":
        return format_sek(amount.amount)
    number = f"{amount.amount:g}".replace(".", ",")
    return f"{number} {amount.unit}"
