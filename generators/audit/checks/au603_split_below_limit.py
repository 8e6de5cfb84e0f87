"""Fakturor som delats upp strax under en gräns (signal).

## Vad kontrolleras

Fakturor från samma leverantör på samma ansvar inom 30 dagar där varje faktura ligger under en gräns
i attestreglementet men summan når den: ansvarets beloppsnivå (över den beslutsattesterar någon
högre upp) eller gränsen för det tredje atteststeget. Gränserna tas från attestreglementet och
förteckningen som gällde den första fakturans dag.

## Varför

Att dela upp ett köp för att det ska hamna under en gräns är ett känt sätt att kringgå en kontroll:
en högre attestant eller avtalscontrollerns avstämning mot avtalet. En signal, ingen avvikelse:
flera fakturor i en månad är ofta helt i sin ordning.

## Lagrum

Lokal regel: attestreglementets beloppsnivåer och tredje atteststeg; KL 6 kap. 6 §. Att dela upp
en upphandling för att komma under en gräns är förbjudet enligt LOU 5 kap. (se AU701).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal

from generators.audit.findings import AuditContext, AuditRule, Finding
from generators.audit.invoices import Invoice
from generators.decide.text import kronor

RULE = AuditRule("AU603", "split-below-limit", "signal", "Fakturor ska inte delas upp för att hamna under en attestgräns.")

WINDOW = timedelta(days=30)


def _limits(ctx: AuditContext, invoice: Invoice) -> list[tuple[Decimal, str]]:
    table = ctx.decider.tables.get("attest")
    if table is None or invoice.issued is None:
        return []
    day = invoice.issued.isoformat()
    found: list[tuple[Decimal, str]] = []
    reglemente = next((r for r in sorted(table["reglementen"], key=lambda r: r["document"]["valid_from"], reverse=True)
                       if r["document"]["valid_from"] <= day and (r["document"]["valid_to"] is None or day <= r["document"]["valid_to"])), None)
    if reglemente is None:
        return []
    third = reglemente["third_step"]
    if third is not None and third["from_amount"] is not None:
        found.append((Decimal(third["from_amount"]), "gränsen för det tredje atteststeget"))
    ansvar = next((a for f in table["lists"] if f["period"]["from"] <= day <= f["period"]["to"] for a in f["ansvar"] if a["code"] == invoice.ansvar), None)
    level = next((lv for lv in reglemente["amount_levels"] if ansvar is not None and lv["id"] == ansvar["level"]), None)
    if level is not None and level["up_to"] is not None:
        found.append((Decimal(level["up_to"]), f"beloppsnivån {level['name'].lower()} för ansvar {invoice.ansvar}"))
    return found


def check(ctx: AuditContext) -> Iterator[Finding]:
    groups: dict[tuple[str, str], list[Invoice]] = {}
    for invoice in ctx.invoices:
        if invoice.checkable and not invoice.credit and invoice.amount is not None and invoice.issued is not None:
            groups.setdefault((invoice.supplier, invoice.ansvar), []).append(invoice)
    for (supplier, ansvar), members in sorted(groups.items()):
        members.sort(key=lambda i: (i.issued, i.id))
        reported: set[str] = set()
        for start, first in enumerate(members):
            for limit, label in _limits(ctx, first):
                window = [m for m in members[start:] if m.issued and first.issued and m.issued - first.issued <= WINDOW]
                below = [m for m in window if m.amount is not None and m.amount < limit]
                total = sum((m.amount or Decimal(0) for m in below), Decimal(0))
                if len(below) < 2 or total < limit or below[-1].id in reported:
                    continue
                last = below[-1]
                reported.add(last.id)
                yield Finding(RULE.code, RULE.severity, "invoice", last.id, last.file, last.line, last.issued, last.amount,
                              f"{len(below)} fakturor från leverantör {supplier} på ansvar {ansvar} inom 30 dagar ({', '.join(m.id for m in below)}) "
                              f"ligger var för sig under {label} ({kronor(float(limit))}) men är tillsammans {kronor(float(total))}.",
                              {"supplier": supplier, "limit_sek": str(limit), "total_sek": str(total), "rule": label})
