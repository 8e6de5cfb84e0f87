"""Två personer i förening: ingen tar två av atteststegen för samma faktura.

## Vad kontrolleras

Där attestreglementet säger att attesten görs av två personer i förening (`two_in_conjunction`):
att samma person (samma användar-id i attestloggen) inte har tagit både granskningsattesten och
beslutsattesten, och att det tredje steget tas av någon annan än de tidigare. Mottagningsattest och
granskningsattest får vara samma person.

## Varför

Två personer i förening är den grundläggande kontrollen mot fel och oegentligheter: den som
granskar ska inte vara den som beslutar om betalningen.

## Lagrum

Lokal regel: attestreglementets regel om två i förening. KL 6 kap. 6 § (intern kontroll).
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.audit.attest_chain import PAIRS, reglemente_title, verdicts
from generators.audit.findings import AuditContext, AuditRule, Finding

RULE = AuditRule("AU403", "attest-same-person", "violation", "Granskning, beslut och tredje steg ska göras av olika personer.")

def check(ctx: AuditContext) -> Iterator[Finding]:
    found = verdicts(ctx)
    if found is None:
        return
    for index, pair, person in found.same_person:
        invoice = ctx.invoices[index]
        first, second = PAIRS[pair]
        reglemente = reglemente_title(ctx, invoice)
        yield Finding(RULE.code, RULE.severity, "invoice", invoice.id, invoice.file, invoice.line, invoice.issued, invoice.amount,
                      f"Faktura {invoice.id}: {person} tog både {first_label(first)} och {first_label(second)}; enligt "
                      f"{reglemente} attesterar två personer i förening.",
                      {"actor_id": person, "rule": reglemente, "steps": f"{first}, {second}"})



def first_label(step: str) -> str:
    return {"review": "granskningsattesten", "decision": "beslutsattesten", "third": "det tredje steget"}[step]
