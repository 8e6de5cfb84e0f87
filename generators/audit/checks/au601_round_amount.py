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

from generators.audit.engine import engine_of
from generators.audit.findings import AuditContext, AuditRule, Finding
from generators.decide.text import kronor

RULE = AuditRule("AU601", "round-amount", "signal", "Jämna belopp från 10 000 kr är värda en titt.")

FROM = Decimal(10000)
STEP = Decimal(1000)


# Kept as DECIMAL: the remainder is exact (no binary fraction decides what is round).
ROUND_SQL = f"SELECT idx FROM invoices WHERE checkable AND NOT credit AND amount >= {FROM} AND amount % {STEP} = 0 ORDER BY idx"


def check(ctx: AuditContext) -> Iterator[Finding]:
    rows = [("invoice", i.id, i.file, i.line, i.issued, i.amount) for i in (ctx.invoices[idx] for (idx,) in engine_of(ctx).rows(ROUND_SQL))]
    # The decisions are a register of thousands, not millions: they are not in the engine.
    rows += [("decision", d.id, d.file, d.line, d.decided_on, d.amount) for d in ctx.decisions
             if d.checkable and d.amount is not None and d.amount >= FROM and d.amount % STEP == 0]
    for kind, ident, file, line, day, amount in rows:
        assert amount is not None
        yield Finding(RULE.code, RULE.severity, kind, ident, file, line, day, amount,
                      f"{'Faktura' if kind == 'invoice' else 'Beslut'} {ident} har ett jämnt belopp: {kronor(float(amount))}.", {})
