"""Ingen beslutar på delegation i ett ärende som rör en part hen har anmält ett intresse i.

## Vad kontrolleras

För varje delegationsbeslut där registret anger motparten (`counterparty`, t.ex. leverantören vid
en upphandling eller ett avtal): att den som beslutade inte, på beslutsdagen, hade en
jävsdeklaration eller bisyssla anmäld för motparten. Avvikelsen anger vem som skulle ha beslutat i
stället: ersättaren vid jäv enligt ärendet eller delegationsordningens allmänna bestämmelser
(`on_conflict_of_interest`), för den som beslutade (en chef i en rolltyp har sin egen närmaste chef).

## Varför

Den som är jävig får inte delta i handläggningen eller beslutet. Ett beslut som en jävig delegat
fattat kan upphävas vid laglighetsprövning, och förtroendet för organisationen skadas.

## Lagrum

KL 6 kap. 28 § (jäv), för anställda genom KL 7 kap. 4 §; KL 13 kap. 8 § (laglighetsprövning).
Ersättaren vid jäv: delegationsordningens ärende eller allmänna bestämmelser.
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.audit.findings import AuditContext, AuditRule, Finding
from generators.audit.interests import KINDS
from generators.audit.recusal import on_decision

RULE = AuditRule("AU802", "decision-conflict-of-interest", "violation",
                 "Ingen beslutar på delegation i ett ärende som rör en part hen har anmält ett intresse i.")
LAW = "KL 6 kap. 28 §, 7 kap. 4 §"


def check(ctx: AuditContext) -> Iterator[Finding]:
    if ctx.interests is None:
        return
    org = ctx.model.organisation
    assert org is not None
    for decision in ctx.decisions:
        if not decision.checkable or not decision.counterparty or decision.decided_on is None:
            continue
        held = ctx.interests.held(decision.counterparty, decision.decider_text, decision.deciders, decision.decided_on)
        if held is None:
            continue
        acted = " / ".join(org.label(a) for a in decision.deciders)
        amount = float(decision.amount) if decision.amount is not None else None
        instead = on_decision(ctx.model, ctx.decider, decision.matter, amount, decision.decided_on, decision.deciders)
        yield Finding(RULE.code, RULE.severity, "decision", decision.id, decision.file, decision.line, decision.decided_on, decision.amount,
                      f"Beslut {decision.id} i ärende {decision.matter} med motparten {decision.counterparty} fattades "
                      f"{decision.decided_on.isoformat()} av {acted} ({decision.decider_text}), som har en {KINDS[held.kind]} för "
                      f"motparten ({held.file}:{held.line}); delegaten var jävig ({LAW}) {instead.clause('ärendet')}.",
                      {"decided_by": acted, "decider_id": decision.decider_text, "counterparty": decision.counterparty,
                       "declaration": f"{held.file}:{held.line}", "rule": LAW, "should_have": instead.should_have,
                       "substitute_rule": instead.rule, "source": instead.source})
