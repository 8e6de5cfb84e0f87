"""Helpers the procurement rules share (not a rule: it defines no RULE)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

from generators.model import Model
from generators.model.common import SourceRef
from generators.model.procurement import BandTable, ProcurementPolicy, Regime, in_text
from generators.model.reference import DatedValue


def where(source: SourceRef) -> str:
    """'policies/procurement.yaml:142' — a place a message can name in another file."""
    return f"{source.file}:{source.location().line}"


def law_source(value: DatedValue) -> str:
    """How a message cites a reference value: its source title and where it is written."""
    return f"{value.source_title}; {where(value.source)}"


def statute_short(model: Model, sfs: str) -> str:
    statute = model.reference.statutes.get(sfs)
    return statute.short if statute is not None else f"SFS {sfs}"


def table_label(policy: ProcurementPolicy, table: BandTable) -> str:
    """'LOU, varor och tjänster' for a message."""
    regime = policy.regimes.get(table.regime)
    category = policy.categories.get(table.category)
    regime_text = regime.name if regime is not None else table.regime
    if regime is not None and "(" in regime.name and regime.name.endswith(")"):
        regime_text = regime.name.rsplit("(", 1)[1].rstrip(")")
    return f"{regime_text}, {in_text(category.name) if category is not None else table.category}"


def tables_with_legal_value(
    model: Model, policy: ProcurementPolicy, series_of: Callable[[Regime], str]
) -> Iterator[tuple[date, BandTable, Regime, DatedValue]]:
    """For every check date and band table: the table's regime and the legal value in force then.

    `series_of` names the regime's reference series (its direct-procurement limit, its documentation
    threshold). Tables whose regime or value is missing or not published in kronor are passed over:
    U702 and U706 report those.
    """
    for day in policy.bound_dates(model.reference):
        for table in policy.tables:
            regime = policy.regimes.get(table.regime)
            series = model.reference.get(series_of(regime)) if regime is not None else None
            value = series.value_on(day) if series is not None else None
            if regime is None or value is None or value.value is None:
                continue
            yield day, table, regime, value
