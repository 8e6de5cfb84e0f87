"""One in-memory model of every policy document, with resolved references and source positions.

Every output (check results, JSON rules, site, decide, diff) is a view of a `Model`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from generators.loading.documents import LoadResult, SourceDocument
from generators.model.delegation import DelegationOrder, Matter, build_delegation_order
from generators.model.organisation import Organisation, build_organisation
from generators.model.reference import ReferenceData, build_reference
from generators.paths import display_base, display_path


@dataclass
class Model:
    organisation: Organisation | None
    delegations: list[DelegationOrder]
    reference: ReferenceData
    documents: list[SourceDocument]
    failed_kinds: set[str]
    # Issue-3 documents; each a list of versions (one in force, possibly one adopted to come).
    travel: list[Any] = field(default_factory=list)
    whistleblowing: list[Any] = field(default_factory=list)
    procurement: list[Any] = field(default_factory=list)
    allowlist: Any = None
    attest: Any = None  # model.attest.AttestModel: the attestreglemente and the attestförteckningar
    # How the policies folder is shown in diagnostics (`policies` inside the repository).
    policies_display: str = "policies"
    # Where the policies were loaded from (files kept beside them, like the id ledger, are found here).
    policies_dir: Path | None = None
    _matters_by_day: dict[date | None, dict[str, tuple[DelegationOrder, Matter]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def governed_documents(self) -> list[Any]:
        """Every document with `document:` metadata (each has `.meta`), in a stable order."""
        found: list[Any] = [self.organisation] if self.organisation is not None else []
        found += self.delegations + self.travel + self.whistleblowing + self.procurement
        return found

    def delegations_in_force(self, day: date) -> list[DelegationOrder]:
        return [d for d in self.delegations if d.meta.in_force_on(day)]

    def matters_by_id(self, day: date | None = None) -> dict[str, tuple[DelegationOrder, Matter]]:
        """Every matter by id (of the versions in force on `day`, or of all versions when None).

        Built once per day: the model is not changed after it is built, and checks, tables and pages
        ask this for every band, cell and row.
        """
        found = self._matters_by_day.get(day)
        if found is None:
            orders = self.delegations if day is None else self.delegations_in_force(day)
            found = {m.id: (order, m) for order in orders for m in order.matters}
            self._matters_by_day[day] = found
        return found


# kind → builder. Documents of kinds without a builder here are built by their own module,
# registered in `EXTRA_BUILDERS` (travel, whistleblowing, procurement, allowlist).
EXTRA_BUILDERS: dict[str, Callable[[Model, SourceDocument], None]] = {}


def _register_extra_builders() -> None:
    """Import the issue-3 document models when present (each registers itself)."""
    import importlib

    for module in ("travel", "whistleblowing", "procurement", "allowlist", "attest"):
        try:
            importlib.import_module(f"generators.model.{module}")
        except ModuleNotFoundError as error:
            if error.name != f"generators.model.{module}":
                raise


def build_model(loaded: LoadResult) -> Model:
    _register_extra_builders()
    by_kind: dict[str, list[SourceDocument]] = {}
    for document in loaded.documents:
        by_kind.setdefault(document.kind, []).append(document)
    organisations = by_kind.get("organisation", [])
    model = Model(
        organisation=build_organisation(organisations[0]) if organisations else None,
        delegations=[build_delegation_order(d) for d in by_kind.get("delegation", [])],
        reference=build_reference(by_kind.get("reference", [])),
        documents=loaded.documents,
        failed_kinds=loaded.failed_kinds,
        policies_display=display_path(loaded.policies_dir, display_base(loaded.policies_dir)),
        policies_dir=loaded.policies_dir.resolve(),
    )
    for kind, builder in EXTRA_BUILDERS.items():
        for document in by_kind.get(kind, []):
            builder(model, document)
    return model
