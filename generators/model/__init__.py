"""One in-memory model of every policy document, with resolved references and source positions.

Every output (check results, JSON rules, site, decide, diff) is a view of a `Model`.

The model of each document kind is built by that kind's own builder (registered in
`generators/kinds/`) and kept in `Model.kind_data` under the kind's name; `Model.of(kind)` reads it.
The typed properties below are the built-in kinds' accessors, kept so that checks, tables and pages
read `model.travel` with its type; a new kind reads `model.of("<kind>")` (or defines its own typed
accessor function in its model module).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generators.kinds import kinds
from generators.kinds.spec import resolve
from generators.loading.documents import LoadResult, SourceDocument
from generators.model.common import versions_in_force
from generators.paths import display_base, display_path

if TYPE_CHECKING:
    from generators.model.allowlist import Allowlist
    from generators.model.delegation import DelegationOrder, Matter
    from generators.model.organisation import Organisation
    from generators.model.procurement import ProcurementPolicy
    from generators.model.reference import ReferenceData
    from generators.model.travel import TravelPolicy
    from generators.model.whistleblowing import WhistleblowingRegulation


@dataclass
class Model:
    documents: list[SourceDocument]
    failed_kinds: set[str]
    # kind name → what the kind's builder stored (a list of versions, one document, reference data …).
    kind_data: dict[str, Any] = field(default_factory=dict)
    # How the policies folder is shown in diagnostics (`policies` inside the repository).
    policies_display: str = "policies"
    # Where the policies were loaded from (files kept beside them, like the id ledger, are found here).
    policies_dir: Path | None = None
    _matters_by_day: dict[date | None, dict[str, tuple[DelegationOrder, Matter]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    # The same index for every day with the same versions in force (an audit asks for hundreds of days).
    _matters_by_orders: dict[tuple[int, ...], dict[str, tuple[DelegationOrder, Matter]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def of(self, kind: str) -> Any:
        """The model of one kind as its builder stored it (None when the kind stored nothing)."""
        return self.kind_data.get(kind)

    # -- the built-in kinds' typed accessors ------------------------------------------------------
    @property
    def organisation(self) -> Organisation | None:
        return self.kind_data.get("organisation")

    @property
    def delegations(self) -> list[DelegationOrder]:
        return self.kind_data.setdefault("delegation", [])

    @property
    def reference(self) -> ReferenceData:
        return self.kind_data["reference"]

    @property
    def travel(self) -> list[TravelPolicy]:
        return self.kind_data.setdefault("travel", [])

    @property
    def whistleblowing(self) -> list[WhistleblowingRegulation]:
        return self.kind_data.setdefault("whistleblowing", [])

    @property
    def procurement(self) -> list[ProcurementPolicy]:
        return self.kind_data.setdefault("procurement", [])

    @property
    def allowlist(self) -> Allowlist | None:
        return self.kind_data.get("allowlist")

    # -- queries over every kind ------------------------------------------------------------------
    def versions_of(self, kind: str) -> list[Any]:
        """Every document version of one kind, as a list (a kind may store one document or none)."""
        data = self.kind_data.get(kind)
        return list(data) if isinstance(data, list) else [] if data is None else [data]

    def governed_documents(self) -> list[Any]:
        """Every document with `document:` metadata (each has `.meta`), in registration order."""
        return [document for registered in kinds() if registered.governed for document in self.versions_of(registered.name)]

    def delegations_in_force(self, day: date) -> list[DelegationOrder]:
        return versions_in_force(self.delegations, day)

    def matters_by_id(self, day: date | None = None) -> dict[str, tuple[DelegationOrder, Matter]]:
        """Every matter by id (of the versions in force on `day`, or of all versions when None).

        Built once per day: the model is not changed after it is built, and checks, tables and pages
        ask this for every band, cell and row.
        """
        found = self._matters_by_day.get(day)
        if found is None:
            orders = self.delegations if day is None else self.delegations_in_force(day)
            key = tuple(id(order) for order in orders)
            found = self._matters_by_orders.get(key)
            if found is None:
                found = {m.id: (order, m) for order in orders for m in order.matters}
                self._matters_by_orders[key] = found
            self._matters_by_day[day] = found
        return found


def build_model(loaded: LoadResult) -> Model:
    """Every registered kind's builder, in registration order, over that kind's loaded documents."""
    by_kind: dict[str, list[SourceDocument]] = {}
    for document in loaded.documents:
        by_kind.setdefault(document.kind, []).append(document)
    model = Model(
        documents=loaded.documents,
        failed_kinds=loaded.failed_kinds,
        policies_display=display_path(loaded.policies_dir, display_base(loaded.policies_dir)),
        policies_dir=loaded.policies_dir.resolve(),
    )
    for registered in kinds():
        if registered.builder is not None:
            resolve(registered.builder)(model, by_kind.get(registered.name, []))
    return model
