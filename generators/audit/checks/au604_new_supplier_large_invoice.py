"""En ny leverantör vars första faktura är stor (signal).

## Vad kontrolleras

Leverantörens första faktura i exporten (efter fakturadag) när leverantören inte har något avtal i
avtalsregistret som började före fakturan, och beloppet exklusive moms når dokumentationsgränsen för
direktupphandling som gällde den dagen (upphandlingspolicyns regim och referensdatan, i exemplet
100 000 kr). En betalning som inte är ett inköp flaggas inte: avtalsregistrets `exempt_payments`
anger dem efter konto eller mottagare (myndighetsavgifter, betalningar till andra offentliga organ,
bidrag, ersättningar i valfrihetssystem), och de behöver inget avtal.

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

from generators.audit.contract_cover import exemption_of
from generators.audit.engine import engine_of
from generators.audit.findings import AuditContext, AuditRule, Finding
from generators.decide.text import kronor
from generators.model.common import version_in_force
from generators.model.contracts import contracts_model

RULE = AuditRule("AU604", "new-supplier-large-invoice", "signal", "En ny leverantörs första faktura från dokumentationsgränsen är värd en titt.")


# Each supplier's first invoice, by invoice date and id (the order the export may not keep).
FIRST_SQL = """
SELECT arg_min(idx, (issued, id, idx)) FROM invoices
WHERE checkable AND NOT credit AND issued IS NOT NULL AND supplier IS NOT NULL
GROUP BY supplier ORDER BY supplier
"""


def check(ctx: AuditContext) -> Iterator[Finding]:
    contracts = contracts_model(ctx.model)
    for (index,) in engine_of(ctx).rows(FIRST_SQL):
        invoice = ctx.invoices[index]
        assert invoice.issued is not None
        if invoice.amount is None:
            continue
        if exemption_of(ctx, invoice) is not None:  # no purchase: a fee, a grant, a public body, LOV
            continue
        if any(c.start < invoice.issued for _, c in contracts.find_by_supplier(invoice.supplier)):
            continue
        policy = version_in_force(ctx.model.procurement, invoice.issued)
        regime = policy.regime_for_unit(None) if policy is not None else None
        value = ctx.model.reference.value_on(regime.documentation_threshold, invoice.issued) if regime is not None else None
        if value is None or value.value is None or invoice.amount < Decimal(str(value.value)):
            continue
        yield Finding(RULE.code, RULE.severity, "invoice", invoice.id, invoice.file, invoice.line, invoice.issued, invoice.amount,
                      f"Faktura {invoice.id} är den första från leverantör {invoice.supplier} och är på {kronor(float(invoice.amount))} "
                      f"exklusive moms, minst dokumentationsgränsen {kronor(float(value.value))}; leverantören har inget tidigare avtal i "
                      "registret.", {"supplier": invoice.supplier, "limit_sek": str(value.value)})
