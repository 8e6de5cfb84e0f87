"""Varje atteststeg ska tas av den befattning som attestförteckningen anger, eller dess ersättare.

## Vad kontrolleras

För varje steg i attestloggen: att den som attesterade hade den befattning (på attestdagen) som
attestkedjan anger för steget, eller var ersättaren. Kedjan räknas fram som i `decide attest`: över
ansvarets beloppsnivå attesterar den som förteckningen anger över nivån; för någons egna kostnader
eller en överordnads kostnader går beslutsattesten till en chef ovanför; direktörens kostnader till
den post reglementet anger; det tredje steget till den av dess attestant och ersättare som är
oberoende av de första. Att ersättaren attesterar godtas: frånvaro syns inte i exporten, och
reglementet tillåter ersättaren vid frånvaro.

## Varför

Attesträtten följer förteckningen som nämnden beslutat. Den som attesterar utan att stå i
förteckningen, över sin beloppsnivå eller sina egna kostnader, ger ingen kontroll.

## Lagrum

Lokal regel: attestreglementet (egna kostnader, överordnads kostnader, direktörens kostnader,
ersättare) och nämndens attestförteckning. KL 6 kap. 6 § (intern kontroll).
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.audit.attest_chain import entry_at, required_chain, verdicts
from generators.audit.findings import AuditContext, AuditRule, Finding

RULE = AuditRule("AU402", "attest-unauthorised", "violation", "Ett atteststeg ska tas av den attestant förteckningen anger eller dess ersättare.")


def check(ctx: AuditContext) -> Iterator[Finding]:
    org = ctx.model.organisation
    assert org is not None
    found = verdicts(ctx)
    if found is None:
        return
    for index, ordinal, entry_index in found.unauthorised:
        invoice, entry = ctx.invoices[index], entry_at(ctx, entry_index)
        required = required_chain(ctx, invoice, found.categories[index])
        step = required.steps[ordinal]
        allowed = [a for a in (step["attestant"], step["substitute"]) if a is not None]
        acted = " / ".join(org.label(a) for a in entry.actors)
        should = " eller ".join(a["label"] + (" (ersättare)" if a is step["substitute"] else "") for a in allowed)
        why = " ".join(step["reasons"][:2])
        yield Finding(RULE.code, RULE.severity, "invoice", invoice.id, invoice.file, invoice.line, entry.day, invoice.amount,
                      f"{step['label']} av faktura {invoice.id} ({entry.day.isoformat() if entry.day else ''}) gjordes av {acted} "
                      f"({entry.person}), men ska göras av {should} enligt {required.reglemente}. {why}",
                      {"acted_by": acted, "actor_id": entry.person, "should_have": should, "rule": required.reglemente,
                       "step": step["step"], "source": f"{entry.file}:{entry.line}"})

