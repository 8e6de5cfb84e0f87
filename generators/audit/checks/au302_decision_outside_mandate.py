"""Ett delegationsbeslut ska fattas av någon som har delegation i just det ärendet, den dagen.

## Vad kontrolleras

För varje beslut i registret: att ärendet fanns i en delegationsordning som gällde beslutsdagen, och
att den som beslutade var delegaten för beslutets belopp, dess ersättare, den som fått ärendet genom
vidaredelegation, en överordnad chef där delegationsordningen säger att överordnad alltid får
besluta, eller nämnden själv. Ett beslut av en delegat på en lägre beloppsnivå i samma ärende
redovisas i stället som AU301.

## Varför

Den som beslutar utan delegation beslutar utan rätt; beslutet kan upphävas, och nämndens ansvar blir
omöjligt att följa upp. Ett ärende som har upphört eller ännu inte börjat gälla ger ingen rätt att
besluta.

## Lagrum

KL 6 kap. 37 §, 7 kap. 5 § och 7 kap. 6 § (vidaredelegation); KL 13 kap. 8 § (laglighetsprövning).
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.audit.checks.au301_decision_above_limit import decided_by_label, lower_tier_of
from generators.audit.findings import AuditContext, AuditRule, Finding
from generators.audit.mandate import delegation_mandate
from generators.decide.answers import ANSWERED, NEEDS_AMOUNT, NOT_FOUND, NOT_IN_FORCE, RETIRED
from generators.decide.text import kronor

RULE = AuditRule("AU302", "decision-outside-mandate", "violation",
                 "Ett delegationsbeslut ska fattas av den som har delegation i ärendet den dagen.")


def check(ctx: AuditContext) -> Iterator[Finding]:
    org = ctx.model.organisation
    assert org is not None
    for decision in ctx.decisions:
        if not decision.checkable or decision.decided_on is None or not decision.matter:
            continue
        amount = float(decision.amount) if decision.amount is not None else None
        day = decision.decided_on
        results = [(actual, delegation_mandate(ctx.model, ctx.decider, decision.matter, amount, day, actual, ctx.memo)) for actual in decision.deciders]
        if not results or any(how for _, (_, _, _, how) in results):
            continue
        _, (status, tier, piece, _) = results[0]
        who = " / ".join(org.label(a) for a, _ in results)
        base = {"decided_by": who, "decider_id": decision.decider_text, "matter": decision.matter}
        if status in (NOT_FOUND, RETIRED):
            continue  # AU107 (input) when the matter never existed; a retired matter is NOT_IN_FORCE in the tables
        if status == NOT_IN_FORCE:
            yield Finding(RULE.code, RULE.severity, "decision", decision.id, decision.file, decision.line, day, decision.amount,
                          f"Beslut {decision.id} i ärende {decision.matter} fattades {day.isoformat()} av {who}, men ingen "
                          f"delegationsordning med ärendet gällde den dagen.", base | {"should_have": "nämnden", "rule": "ingen delegation i kraft"})
            continue
        if status == NEEDS_AMOUNT or status != ANSWERED or tier is None or piece is None:
            continue  # the amount is missing (AU303 reads nothing here); see the input problems
        if any(lower_tier_of(ctx, piece.tiers, piece.tiers.index(t), a) for a, (_, t, _, _) in results if t is not None):
            continue  # AU301
        info = piece.version["matter"]
        if tier["delegated"] and tier["decided_by"]["kind"] == "relative":
            yield Finding(RULE.code, "undetermined", "decision", decision.id, decision.file, decision.line, day, decision.amount,
                          f"Beslut {decision.id} i ärende {info['number']} kan inte prövas: delegaten är {tier['decided_by']['label'].lower()}, "
                          "och registret anger inte vems chef beslutet gäller.", base | {"should_have": tier["decided_by"]["label"]})
            continue
        rule = f"ärende {info['number']} {info['title']} i {piece.version['document']['title']} version {piece.version['document']['version']}"
        should = decided_by_label(ctx, tier, piece.body)
        what = f" om {kronor(amount)}" if amount is not None else ""
        yield Finding(RULE.code, RULE.severity, "decision", decision.id, decision.file, decision.line, day, decision.amount,
                      f"Beslut {decision.id}{what} fattades {day.isoformat()} av {who} ({decision.decider_text}), som saknar delegation "
                      f"i {rule}; beslutet skulle ha fattats av {should}.",
                      base | {"should_have": should, "rule": rule, "tier": tier["label"]})
