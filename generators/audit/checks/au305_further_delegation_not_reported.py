"""Ett beslut som fattats på vidaredelegation ska anmälas till förvaltningschefen.

## Vad kontrolleras

För varje beslut i registret som den som beslutade bara hade rätt att fatta genom en
vidaredelegation i delegationsordningen (`further_delegations`, i kraft beslutsdagen och för
beslutets belopp): att registret anger när beslutet anmäldes till förvaltningschefen
(`reported_to_head_on`). Mottagaren är den som delegationsordningens allmänna bestämmelser anger
(`further_delegation_reported_to`), annars förvaltningschefen som vidaredelegerade. Saknar registret
kolumnen helt redovisas beslutet som att det inte kunde prövas; att anmälan saknades gissas inte.
Anmälan till nämnden prövas för sig (AU303).

## Varför

Förvaltningschefen som har vidaredelegerat svarar inför nämnden för det som beslutas i hans eller
hennes ställe och kan bara följa det genom anmälan. Utan anmälan når beslutet varken
förvaltningschefen eller, genom förvaltningschefen, nämnden.

## Lagrum

KL 7 kap. 6 § (förvaltningschefens vidaredelegation) och 7 kap. 7 § (beslut som fattats med stöd
av vidaredelegation anmäls till förvaltningschefen).
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.audit.findings import AuditContext, AuditRule, Finding
from generators.audit.mandate import delegation_mandate, same_actor
from generators.decide.engine import further_for
from generators.wording.swedish import definite

RULE = AuditRule("AU305", "further-delegation-not-reported", "violation",
                 "Ett beslut på vidaredelegation ska anmälas till förvaltningschefen.")
LAW = "KL 7 kap. 6–7 §§"
FURTHER = "genom vidaredelegation"  # the ground `delegation_mandate` gives for a sub-delegate


def check(ctx: AuditContext) -> Iterator[Finding]:
    org = ctx.model.organisation
    assert org is not None
    for decision in ctx.decisions:
        day = decision.decided_on
        if not decision.checkable or day is None or not decision.matter or decision.reported_to_head_on is not None:
            continue
        amount = float(decision.amount) if decision.amount is not None else None
        grounds = [(actual, delegation_mandate(ctx.model, ctx.decider, decision.matter, amount, day, actual, ctx.memo)) for actual in decision.deciders]
        if not any(how == FURTHER for _, (_, _, _, how) in grounds) or any(how and how != FURTHER for _, (_, _, _, how) in grounds):
            continue  # not on vidaredelegation, or lawful on another ground (the delegate, a substitute)
        actual, (_, _, piece, _) = next(g for g in grounds if g[1][3] == FURTHER)
        further = next(f for f in further_for(piece, amount, day.isoformat()) if same_actor(org, f["to"], actual))
        found = ctx.model.matters_by_id(day).get(decision.matter)
        recipient = found[0].provisions.further_delegation_reported_to if found is not None else None
        head = org.label(recipient) if recipient is not None else str(further["by"]["label"])
        acted = org.label(actual)
        facts = {"decided_by": acted, "decider_id": decision.decider_text, "should_have": head, "matter": decision.matter,
                 "further_delegation": str(further["id"]), "rule": LAW}
        matter = f"{found[1].number} {found[1].title}" if found is not None else decision.matter
        what = (f"Beslut {decision.id} i ärende {matter} fattades {day.isoformat()} av {acted} ({decision.decider_text}) genom "
                f"vidaredelegation {further['id']} (beslut {further['reference']})")
        if not decision.head_report_column:
            yield Finding(RULE.code, "undetermined", "decision", decision.id, decision.file, decision.line, day, decision.amount,
                          f"{what}; registret har ingen kolumn reported_to_head_on, så om beslutet anmäldes till {definite(head)} "
                          f"({LAW}) kan inte prövas.", facts)
            continue
        yield Finding(RULE.code, RULE.severity, "decision", decision.id, decision.file, decision.line, day, decision.amount,
                      f"{what}, men registret anger ingen anmälan till {definite(head)}; beslut på vidaredelegation anmäls till "
                      f"förvaltningschefen ({LAW}).", facts)
