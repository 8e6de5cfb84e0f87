"""Attest på en lördag eller söndag (signal).

## Vad kontrolleras

Atteststeg i attestloggen som är daterade en lördag eller söndag. Helgdagar i veckan räknas inte:
kalendern för dem är inte referensdata i styrdokumenten ännu.

## Varför

Attest utanför arbetstid kan vara helt i sin ordning (en chef som arbetar ikapp) men är också ett
känt mönster när någon attesterar i en annans namn eller när kontrollen sker i efterhand. En signal,
ingen avvikelse.

## Lagrum

KL 6 kap. 6 § (nämndens interna kontroll); attestreglementet.
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.audit.findings import AuditContext, AuditRule, Finding
from generators.audit.invoices import STEPS

RULE = AuditRule("AU602", "attest-outside-working-days", "signal", "Attest på lördagar och söndagar är värd en titt.")

DAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


def check(ctx: AuditContext) -> Iterator[Finding]:
    by_id = {i.id: i for i in ctx.invoices}
    for invoice_id, entries in sorted(ctx.attest.items()):
        invoice = by_id.get(invoice_id)
        for entry in entries:
            if entry.day is None or entry.day.weekday() < 5:
                continue
            yield Finding(RULE.code, RULE.severity, "invoice", invoice_id, invoice.file if invoice else entry.file,
                          invoice.line if invoice else entry.line, entry.day, invoice.amount if invoice else None,
                          f"{STEPS[entry.step].capitalize()} av faktura {invoice_id} gjordes en {DAYS[entry.day.weekday()]} ({entry.day.isoformat()}) av {entry.person} "
                          f"({entry.file}:{entry.line}).", {"actor_id": entry.person, "step": entry.step})
