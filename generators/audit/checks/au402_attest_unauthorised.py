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

from generators.audit.attest_chain import entries_by_step, required_chain
from generators.audit.findings import AuditContext, AuditRule, Finding
from generators.audit.mandate import same_actor

RULE = AuditRule("AU402", "attest-unauthorised", "violation", "Ett atteststeg ska tas av den attestant förteckningen anger eller dess ersättare.")


def check(ctx: AuditContext) -> Iterator[Finding]:
    org = ctx.model.organisation
    assert org is not None
    for invoice in ctx.invoices:
        if not invoice.checkable:
            continue
        required = required_chain(ctx, invoice)
        if required is None or not required.steps:
            continue
        done = entries_by_step(ctx.attest.get(invoice.id, []))
        for step in required.steps:
            allowed = [a for a in (step["attestant"], step["substitute"]) if a is not None]
            for entry in done.get(step["step"], []):
                if any(same_actor(org, a, actual) for a in allowed for actual in entry.actors):
                    continue
                acted = " / ".join(org.label(a) for a in entry.actors)
                should = " eller ".join(a["label"] + (" (ersättare)" if a is step["substitute"] else "") for a in allowed)
                why = " ".join(step["reasons"][:2])
                yield Finding(RULE.code, RULE.severity, "invoice", invoice.id, invoice.file, invoice.line, entry.day, invoice.amount,
                              f"{step['label']} av faktura {invoice.id} ({entry.day.isoformat() if entry.day else ''}) gjordes av {acted} "
                              f"({entry.person}), men ska göras av {should} enligt {required.reglemente}. {why}",
                              {"acted_by": acted, "actor_id": entry.person, "should_have": should, "rule": required.reglemente,
                               "step": step["step"], "source": f"{entry.file}:{entry.line}"})
