"""Role-page contributions from the avtalsregister: the contracts a position owns or manages (in force on the build date)."""

from __future__ import annotations

from collections.abc import Iterator

from generators.model.contracts import contracts_model
from generators.outputs.site.context import SiteContext
from generators.outputs.site.roles import PageLink, RoleEntry, Topic

OWNS = Topic(
    "contracts-owns", 430, "Avtalsägare och avtalsförvaltare",
    "Gällande avtal i avtalsregistret där rollen är avtalsägare eller avtalsförvaltare.",
    ("Avtal", "Gäller", "Leverantör", "Löper till", "Uppgift"),
)


def contribute(ctx: SiteContext) -> Iterator[RoleEntry]:
    page = ctx.named_pages.get("avtal")
    for register in contracts_model(ctx.model).registers:
        for contract in register.contracts:
            if not contract.in_force_on(ctx.as_of):
                continue
            roles = [("Avtalsägare", contract.owner), ("Avtalsförvaltare", contract.manager)]
            for task, actor in roles:
                if actor is None:
                    continue
                supplier = contract.supplier.name + (" (enskild firma)" if contract.supplier.sole_trader else "")
                yield RoleEntry(actor, OWNS, [PageLink(page, contract.id), contract.subject, supplier,
                                              contract.current_end().isoformat(), task],
                                sort_key=(contract.current_end(), contract.id, task))
