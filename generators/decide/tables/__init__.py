"""The decision tables: every "who decides?" answer precomputed from the model, as plain JSON data.

`build_tables(model, versions, as_of)` calls the model's own query functions (delegation tiers,
travel `approver_for`, whistleblowing `route_for`, procurement `band_for` / `decision_makers_for` /
`signers_for`) over every question the tables can be asked, and stores the answers with their
Swedish sentences. The same tables are published as rules/decisions.json and used in-process when
`decide` answers from the policies, so a system, the command line and the site's lookup page read
one set of answers computed by one implementation of the rules.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date
from typing import Any

from generators.decide.tables.common import ALL_ADOPTED, PUBLISHED
from generators.kinds import kinds
from generators.kinds.spec import resolve
from generators.model import Model

__all__ = ["ALL_ADOPTED", "PUBLISHED", "TABLES_VERSION", "build_tables", "decided_documents"]

# The tables' own format version (semver), published with them.
# 1.1.0: inclusive bounds, tier members, the execution decider, procurement candidates and direct_procurement_allowed;
# 1.2.0: `wording`, the answers' sentence templates and the kronor format (the page writes no Swedish of its own)
TABLES_VERSION = "1.2.0"

def builders() -> dict[str, Callable[[Model, str, date], dict[str, Any] | None]]:
    """Each registered document kind's table builder (`Kind.decide.table`), by kind name."""
    return {kind.name: resolve(kind.decide.table) for kind in kinds() if kind.decide is not None}


def decided_documents(model: Model) -> list[Any]:
    """Every governed document version (with `document:` metadata) of the kinds with a decision
    table: the versions the tables answer from, listed with them."""
    return [document for kind in kinds() if kind.decide is not None and kind.governed for document in model.versions_of(kind.name)]


def build_tables(model: Model, versions: str, as_of: date, only: Collection[str] | None = None) -> dict[str, Any]:
    """Every table (a kind whose documents are missing gets null), or with `only` those kinds' tables
    alone (a caller that asks only some questions, like the audit, builds no other). `versions`:
    ALL_ADOPTED or PUBLISHED."""
    found = builders()
    unknown = sorted(set(only or ()) - set(found))
    if unknown:
        raise ValueError(f"no decision table for the kinds {', '.join(unknown)}")
    return {name: builder(model, versions, as_of) for name, builder in found.items() if only is None or name in only}
