"""En ny leverantör vars första faktura är stor (signal).

## Vad kontrolleras

Leverantörens första faktura i exporten (efter fakturadag) när leverantören inte har något avtal i
avtalsregistret som började före fakturan, och beloppet exklusive moms når dokumentationsgränsen för
direktupphandling som gällde den dagen (upphandlingspolicyns regim och referensdatan, i exemplet
100 000 kr).

## Varför

Nya leverantörer med stora första fakturor är ett känt mönster vid fakturabedrägerier och vid köp
förbi upphandlingen. Från dokumentationsgränsen ska en direktupphandling dessutom dokumenteras.
En signal, ingen avvikelse.

## Lagrum

LOU (2016:1145) 19 a kap. (dokumentation av direktupphandling från dokumentationsgränsen); KL 6 kap. 6 §.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from generators.audit.findings import AuditContext, AuditRule, Finding
from generators.audit.invoices import Invoice
from generators.decide.text import kronor
from generators.model.common import version_in_force
from generators.model.contracts import contracts_model

RULE = AuditRule("AU604", "new-supplier-large-invoice", "signal", "En ny leverantörs första faktura från dokumentationsgränsen är värd en titt.")


def check(ctx: AuditContext) -> Iterator[Finding]:
    first: dict[str, Invoice] = {}
    for invoice in sorted((i for i in ctx.invoices if i.checkable and not i.credit and i.issued is not None and i.supplier),
                          key=lambda i: (i.issued.isoformat() if i.issued else "", i.id)):
        first.setdefault(invoice.supplier, invoice)
    contracts = contracts_model(ctx.model)
    for supplier, invoice in sorted(first.items()):
        assert invoice.issued is not None
        if invoice.amount is None:
            continue
        if any(c.start < invoice.issued for _, c in contracts.find_by_supplier(supplier)):
            continue
        policy = version_in_force(ctx.model.procurement, invoice.issued)
        regime = policy.regime_for_unit(None) if policy is not None else None
        value = ctx.model.reference.value_on(regime.documentation_threshold, invoice.issued) if regime is not None else None
        if value is None or value.value is None or invoice.amount < Decimal(str(value.value)):
            continue
        yield Finding(RULE.code, RULE.severity, "invoice", invoice.id, invoice.file, invoice.line, invoice.issued, invoice.amount,
                      f"Faktura {invoice.id} är den första från leverantör {supplier} och är på {kronor(float(invoice.amount))} exklusive moms, "
                      f"minst dokumentationsgränsen {kronor(float(value.value))}; leverantören har inget tidigare avtal i registret.",
                      {"supplier": supplier, "limit_sek": str(value.value)})
