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

from generators.audit.attest_chain import entry_at
from generators.audit.engine import engine_of
from generators.audit.findings import AuditContext, AuditRule, Finding
from generators.audit.invoices import STEPS

RULE = AuditRule("AU602", "attest-outside-working-days", "signal", "Attest på lördagar och söndagar är värd en titt.")

DAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


# An attest entry on a Saturday or Sunday, with the invoice it names (the last row with that id).
WEEKEND_SQL = """
SELECT a.idx, i.idx FROM attest a
LEFT JOIN (SELECT id, max(idx) AS idx FROM invoices GROUP BY id) i ON i.id = a.invoice_id
WHERE isodow(a.day) >= 6
ORDER BY a.invoice_id, a.idx
"""


def check(ctx: AuditContext) -> Iterator[Finding]:
    for entry_index, invoice_index in engine_of(ctx).rows(WEEKEND_SQL):
        entry = entry_at(ctx, entry_index)
        invoice = ctx.invoices[invoice_index] if invoice_index is not None else None
        assert entry.day is not None
        yield Finding(RULE.code, RULE.severity, "invoice", entry.invoice_id, invoice.file if invoice else entry.file,
                      invoice.line if invoice else entry.line, entry.day, invoice.amount if invoice else None,
                      f"{STEPS[entry.step].capitalize()} av faktura {entry.invoice_id} gjordes en {DAYS[entry.day.weekday()]} "
                      f"({entry.day.isoformat()}) av {entry.person} ({entry.file}:{entry.line}).", {"actor_id": entry.person, "step": entry.step})
