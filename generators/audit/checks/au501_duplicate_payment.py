"""Samma faktura ska inte betalas två gånger.

## Vad kontrolleras

Fakturor (inte kreditnotor) från samma leverantör med samma fakturanummer och samma belopp är en
dubbelbetalning: varje faktura efter den första är en avvikelse. Samma leverantör och nummer med
olika belopp, eller samma leverantör, belopp och fakturadag med olika nummer, är en signal: en
trolig dubblett som behöver en titt. En kreditnota med samma nummer och belopp som en faktura är
ingen dubblett.

## Varför

Dubbelbetalningar är ett av de vanligaste felen i leverantörsreskontran och en känd väg för
oegentligheter. De upptäcks sällan av attestkedjan, eftersom varje faktura för sig ser riktig ut.

## Lagrum

KL 6 kap. 6 § (nämndens interna kontroll); lokal regel: attestreglementet (granskningsattesten prövar
att fakturan inte redan är betald).
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.audit.findings import AuditContext, AuditRule, Finding
from generators.audit.invoices import Invoice

RULE = AuditRule("AU501", "duplicate-payment", "violation", "Samma faktura ska inte betalas två gånger.")


def _first(invoices: list[Invoice]) -> Invoice:
    return min(invoices, key=lambda i: (i.issued.isoformat() if i.issued else "", i.file, i.line))


def check(ctx: AuditContext) -> Iterator[Finding]:
    payable = [i for i in ctx.invoices if i.checkable and not i.credit and i.supplier and i.number]
    by_number: dict[tuple[str, str], list[Invoice]] = {}
    for invoice in payable:
        by_number.setdefault((invoice.supplier, invoice.number), []).append(invoice)
    flagged: set[str] = set()
    for (supplier, number), group in sorted(by_number.items()):
        if len(group) < 2:
            continue
        first = _first(group)
        for other in sorted(group, key=lambda i: (i.file, i.line)):
            if other is first:
                continue
            flagged.add(other.id)
            same = other.amount == first.amount
            yield Finding(RULE.code, "violation" if same else "signal", "invoice", other.id, other.file, other.line, other.issued, other.amount,
                          f"Faktura {other.id} från leverantör {supplier} har samma fakturanummer {number} som {first.id} ({first.file}:{first.line})"
                          + (" och samma belopp: en dubbelbetalning." if same else " men ett annat belopp: en trolig dubblett."),
                          {"duplicate_of": first.id, "supplier": supplier})
    by_amount: dict[tuple[str, object, object], list[Invoice]] = {}
    for invoice in payable:
        if invoice.amount is not None and invoice.issued is not None:
            by_amount.setdefault((invoice.supplier, invoice.amount, invoice.issued), []).append(invoice)
    for (supplier, _, _), group in sorted(by_amount.items(), key=lambda item: (item[0][0], str(item[0][1]), str(item[0][2]))):
        numbers = {i.number for i in group}
        if len(group) < 2 or len(numbers) < 2:
            continue
        first = _first(group)
        for other in sorted(group, key=lambda i: (i.file, i.line)):
            if other is first or other.id in flagged:
                continue
            yield Finding(RULE.code, "signal", "invoice", other.id, other.file, other.line, other.issued, other.amount,
                          f"Faktura {other.id} från leverantör {supplier} har samma belopp och fakturadag som {first.id} men ett annat "
                          "nummer: en möjlig dubblett.", {"duplicate_of": first.id, "supplier": supplier})
