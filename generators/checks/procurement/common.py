"""Helpers the procurement rules share (not a rule: it defines no RULE)."""

from __future__ import annotations

from generators.model import Model
from generators.model.common import SourceRef
from generators.model.procurement import BandTable, ProcurementPolicy, in_text
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
