"""Jämna belopp (signal).

## Vad kontrolleras

Fakturor och delegationsbeslut på minst 10 000 kr vars belopp är ett jämnt antal tusental kronor.
En signal, ingen avvikelse: jämna belopp är vanliga i avtal men också i uppskattade eller påhittade
fakturor, och de är värda en titt i stickprovet.

## Varför

Jämna belopp är en känd indikator i revisionens dataanalys (till exempel vid fakturor utan
underliggande leverans). Signalen ersätter ingen bedömning; den pekar ut var en bedömning behövs.

## Lagrum

KL 6 kap. 6 § (nämndens interna kontroll). Ingen regel förbjuder jämna belopp.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from generators.audit.findings import AuditContext, AuditRule, Finding
from generators.decide.text import kronor

RULE = AuditRule("AU601", "round-amount", "signal", "Jämna belopp från 10 000 kr är värda en titt.")

FROM = Decimal(10000)
STEP = Decimal(1000)


def check(ctx: AuditContext) -> Iterator[Finding]:
    rows = [("invoice", i.id, i.file, i.line, i.issued, i.amount, i.checkable and not i.credit) for i in ctx.invoices]
    rows += [("decision", d.id, d.file, d.line, d.decided_on, d.amount, d.checkable) for d in ctx.decisions]
    for kind, ident, file, line, day, amount, usable in rows:
        if usable and amount is not None and amount >= FROM and amount % STEP == 0:
            yield Finding(RULE.code, RULE.severity, kind, ident, file, line, day, amount,
                          f"{'Faktura' if kind == 'invoice' else 'Beslut'} {ident} har ett jämnt belopp: {kronor(float(amount))}.", {})
