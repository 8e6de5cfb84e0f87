"""Det som fakturerats mot ett avtal överstiger avtalets värde (signal).

## Vad kontrolleras

Där styrdokumenten har ett avtalsregister: summan exklusive moms av fakturorna i exporten som
hänvisar till ett avtal (eller till ramavtalet för ett registrerat avrop med leverantören),
kreditnotor avräknade, jämförd med avtalets värde i registret
(`value_sek`). När summan passerar värdet är fakturan som passerade det en signal.

## Varför

Ett avtal som faktureras över sitt värde kan vara en otillåten ändring av kontraktet och var ett
kännetecken för de överprissatta avtalen bakom granskningen. Det är en signal: värdet i registret
är en uppskattning, och mindre ändringar är tillåtna.

## Lagrum

LOU (2016:1145) 17 kap. (ändring av kontrakt) och 5 kap. (kontraktets värde); KL 6 kap. 6 §.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from generators.audit.contract_cover import referenced_contract
from generators.audit.findings import AuditContext, AuditRule, Finding
from generators.audit.invoices import Invoice
from generators.decide.text import kronor
from generators.model.contracts import contracts_model

RULE = AuditRule("AU903", "contract-value-exceeded", "signal", "Det som faktureras mot ett avtal ska rymmas i avtalets värde.")


def check(ctx: AuditContext) -> Iterator[Finding]:
    contracts = contracts_model(ctx.model)
    if not contracts.registers:
        return
    by_id = {c.id: c for _, c in contracts.contracts()}
    groups: dict[str, list[Invoice]] = {}
    for invoice in ctx.invoices:
        found = referenced_contract(ctx, invoice) if invoice.checkable and invoice.amount is not None else None
        if found is not None:
            groups.setdefault(found[1].id, []).append(invoice)
    for contract_id, members in sorted(groups.items()):
        contract = by_id[contract_id]
        total = Decimal(0)
        for invoice in sorted(members, key=lambda i: (i.issued.isoformat() if i.issued else "", i.id)):
            total += invoice.amount or Decimal(0)
            if total > contract.value_sek:
                yield Finding(RULE.code, RULE.severity, "invoice", invoice.id, invoice.file, invoice.line, invoice.issued, invoice.amount,
                              f"Fakturorna mot avtal {contract.id} når {kronor(float(total))} exklusive moms med faktura {invoice.id}; "
                              f"avtalets värde i registret är {kronor(contract.value_sek)}.",
                              {"contract": contract.id, "total_sek": str(total), "value_sek": str(contract.value_sek)})
                break
