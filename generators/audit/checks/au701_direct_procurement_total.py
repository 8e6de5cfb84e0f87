"""Köp av samma slag utan avtal som tillsammans når direktupphandlingsgränsen (signal).

## Vad kontrolleras

Fakturor utan avtalsreferens (`cac:ContractDocumentReference` eller reskontrans `contract_ref`)
summeras, utom betalningar som inte är inköp (avtalsregistrets `exempt_payments`: myndighetsavgifter,
betalningar till andra offentliga organ, bidrag och ersättningar i valfrihetssystem, efter konto
eller mottagare), exklusive moms, kreditnotor avräknade, per räkenskapsår (kalenderår) och leverantör, och per
räkenskapsår och kategori (attestreglementets kategori för kontot) över alla leverantörer. När
summan når direktupphandlingsgränsen som gällde den dag summan passerade den (upphandlingspolicyns
regim och referensdatan, i exemplet 700 000 kr enligt LOU) är det en signal om möjlig otillåten
direktupphandling. Det är en signal och ingen avvikelse: en faktura utan referens kan ändå höra till
ett avtal eller en annan grund.

## Varför

Köp förbi upphandlingsreglerna var ett av fallen bakom den här granskningen. Köp av samma slag under
räkenskapsåret räknas samman; att dela upp dem på flera fakturor eller leverantörer gör dem inte
lagliga.

## Lagrum

LOU (2016:1145) 19 a kap. (direktupphandling; köp av samma slag under räkenskapsåret räknas samman)
och 5 kap. (beräkning av värdet). Gränsen: referensdatan som upphandlingspolicyns regim anger.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from generators.audit.attest_chain import category_of
from generators.audit.contract_cover import exemption_of
from generators.audit.findings import AuditContext, AuditRule, Finding
from generators.audit.invoices import Invoice
from generators.decide.text import kronor
from generators.model.common import version_in_force

RULE = AuditRule("AU701", "direct-procurement-total", "signal",
                 "Köp av samma slag utan avtal ska inte tillsammans nå direktupphandlingsgränsen under räkenskapsåret.")


def _limit(ctx: AuditContext, invoice: Invoice) -> tuple[Decimal, str] | None:
    assert invoice.issued is not None
    policy = version_in_force(ctx.model.procurement, invoice.issued)
    regime = policy.regime_for_unit(None) if policy is not None else None
    if regime is None:
        return None
    value = ctx.model.reference.value_on(regime.direct_procurement_limit, invoice.issued)
    if value is None or value.value is None:
        return None
    return Decimal(str(value.value)), f"{regime.name}, direktupphandlingsgränsen ({regime.direct_procurement_limit})"


def check(ctx: AuditContext) -> Iterator[Finding]:
    groups: dict[tuple[str, int, str], list[Invoice]] = {}
    for invoice in ctx.invoices:
        if not invoice.checkable or invoice.contract_ref or invoice.amount is None or invoice.issued is None:
            continue
        if exemption_of(ctx, invoice) is not None:  # no purchase: a fee, a grant, a public body, LOV
            continue
        groups.setdefault(("leverantör", invoice.issued.year, invoice.supplier), []).append(invoice)
        category = category_of(ctx, invoice)
        if category is not None:
            groups.setdefault(("kategori", invoice.issued.year, category), []).append(invoice)
    for (kind, year, key), members in sorted(groups.items()):
        total = Decimal(0)
        for invoice in sorted(members, key=lambda i: (i.issued, i.id)):
            total += invoice.amount or Decimal(0)
            limit = _limit(ctx, invoice)
            if limit is None or total < limit[0]:
                continue
            suppliers = sorted({m.supplier for m in members})
            what = f"leverantör {key}" if kind == "leverantör" else f"kategorin {key} ({len(suppliers)} leverantörer)"
            whole = sum((m.amount or Decimal(0) for m in members), Decimal(0))
            yield Finding(RULE.code, RULE.severity, "invoice", invoice.id, invoice.file, invoice.line, invoice.issued, invoice.amount,
                          f"Fakturor utan avtalsreferens för {what} nådde {kronor(float(total))} exklusive moms {year} med faktura {invoice.id} "
                          f"({invoice.issued.isoformat() if invoice.issued else ''}); {limit[1]} är {kronor(float(limit[0]))} "
                          f"(LOU 19 a kap.). Hela året: {kronor(float(whole))} på {len(members)} fakturor. Möjlig otillåten direktupphandling.",
                          {"group": f"{kind}:{key}", "year": str(year), "total_sek": str(whole), "limit_sek": str(limit[0]), "rule": limit[1]})
            break
