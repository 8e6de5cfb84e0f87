"""Ingen fattar ett anställningsbeslut om en närstående, om någon hen har en annan nära relation till, eller om sig själv.

## Vad kontrolleras

För varje anställningsbeslut i registret över delegationsbeslut (en rad som anger den anställda i
`hired`: ett användar-id eller rekryteringssystemets id, aldrig ett personnummer): att den som
beslutade inte, på beslutsdagen, hade en anmäld relation till den anställda (`related_person` i
deklarationerna, med `relation` närstående eller annan nära relation; anmäld av någon av de två), och
att den som beslutade inte anställde sig själv. Deklarationen kan gälla personen (användar-id) eller
befattningen. Bara det som deklarationerna säger prövas: en relation som ingen har anmält gissas
inte fram.

## Varför

Jäv vid anställningar, knutet till en och samma chef, var ett av de fall som ledde till nya
riktlinjer mot jäv. Den som beslutar om en anställning får inte vara närstående till eller ha en annan
nära relation till den som anställs; den som är jävig lämnar ärendet till ersättaren, och avvikelsen
anger vem det är enligt delegationsordningen. En deklaration som ingen jämför med vem som faktiskt
beslutade skyddar inte mot jäv.

## Lagrum

KL 6 kap. 28 § (jäv: saken angår den som beslutar själv eller en närstående, eller en annan
särskild omständighet gör att opartiskheten kan ifrågasättas) och 6 kap. 28–32 §§ i övrigt (den som
är jävig deltar inte i handläggningen), för anställda genom KL 7 kap. 4 §; KL 13 kap. 8 §
(laglighetsprövning). Ersättaren vid jäv: delegationsordningens ärende eller allmänna bestämmelser.
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.audit.findings import AuditContext, AuditRule, Finding
from generators.audit.recusal import on_decision

RULE = AuditRule("AU804", "hiring-conflict-of-interest", "violation",
                 "Ingen fattar ett anställningsbeslut om en närstående, om någon hen har en annan nära relation till, eller om sig själv.")
LAW = "KL 6 kap. 28 §, 7 kap. 4 §"


def check(ctx: AuditContext) -> Iterator[Finding]:
    org = ctx.model.organisation
    assert org is not None
    for decision in ctx.decisions:
        day = decision.decided_on
        if not decision.checkable or not decision.hired or day is None or not decision.deciders:
            continue
        acted = " / ".join(org.label(a) for a in decision.deciders)
        if decision.hired == decision.decider_text:
            concerns, where = "anställde sig själv", ""
        else:
            related = ctx.interests.between(decision.decider_text, decision.deciders, decision.hired, (), day) if ctx.interests else None
            if related is None:
                continue
            concerns, where = related.relation_to("den anställda"), related.where
        amount = float(decision.amount) if decision.amount is not None else None
        instead = on_decision(ctx.model, ctx.decider, decision.matter, amount, day, decision.deciders)
        found = ctx.model.matters_by_id(day).get(decision.matter)
        matter = f"{found[1].number} {found[1].title}" if found is not None else decision.matter
        yield Finding(RULE.code, RULE.severity, "decision", decision.id, decision.file, decision.line, day, decision.amount,
                      f"Anställningsbeslut {decision.id} i ärende {matter} om {decision.hired} fattades {day.isoformat()} av "
                      f"{acted} ({decision.decider_text}), som {concerns}; den som beslutade var "
                      f"jävig ({LAW}) {instead.clause('ärendet')}.",
                      {"decided_by": acted, "decider_id": decision.decider_text, "hired": decision.hired,
                       "should_have": instead.should_have, "substitute_rule": instead.rule, "source": instead.source,
                       "declaration": where, "rule": LAW, "matter": decision.matter})
