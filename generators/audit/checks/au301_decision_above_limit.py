"""Ett delegationsbeslut får inte överstiga delegatens beloppsgräns.

## Vad kontrolleras

För varje beslut i registret över delegationsbeslut: vilken nivå i ärendet som täcker beslutets
belopp beslutsdagen (beloppsgränserna räknade om till kronor med prisbasbeloppet det året, samma
tabell som `decide delegation`), och om den som beslutade har mandat på den nivån. Den som är delegat
på en lägre nivå i samma ärende, eller vars gräns beloppet ligger över, har beslutat över sin
gräns. Ett belopp precis på gränsen är inom den ("upp till och med").

## Varför

Delegationen gäller bara inom de gränser nämnden satt. Ett beslut över gränsen har fattats av någon
som saknade rätt att besluta; det kan upphävas vid laglighetsprövning.

## Lagrum

KL 6 kap. 37 § och 7 kap. 5 § (delegation inom de gränser nämnden beslutat), KL 13 kap. 8 §
(laglighetsprövning). Beloppsgränsen: delegationsordningens ärende.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from generators.audit.findings import AuditContext, AuditRule, Finding
from generators.audit.mandate import delegation_mandate, same_actor
from generators.decide.answers import ANSWERED
from generators.decide.text import kronor

RULE = AuditRule("AU301", "decision-above-limit", "violation", "Ett delegationsbeslut får inte överstiga delegatens beloppsgräns.")


def decided_by_label(ctx: AuditContext, tier: dict, body: str) -> str:
    """Who decides at this tier: the delegate, or the nämnd itself above every delegation."""
    if tier["delegated"]:
        return str(tier["decided_by"]["label"])
    bodies = (ctx.decider.tables.get("delegation") or {}).get("bodies", {})
    return f"{bodies.get(body, body)} själv"


def lower_tier_of(ctx: AuditContext, tiers: list[dict], index: int, actual: object) -> dict | None:
    org = ctx.model.organisation
    assert org is not None
    for tier in tiers[:index]:
        if tier["delegated"] and same_actor(org, tier["decided_by"], actual):  # type: ignore[arg-type]
            return tier
    return None


def check(ctx: AuditContext) -> Iterator[Finding]:
    org = ctx.model.organisation
    assert org is not None
    for decision in ctx.decisions:
        if not decision.checkable or decision.decided_on is None or decision.amount is None:
            continue
        amount = float(decision.amount)
        results = [(actual, delegation_mandate(ctx.model, ctx.decider, decision.matter, amount, decision.decided_on, actual, ctx.memo))
                   for actual in decision.deciders]
        if any(how for _, (_, _, _, how) in results):
            continue
        for actual, (status, tier, piece, _) in results:
            if status != ANSWERED or tier is None or piece is None:
                continue
            own = lower_tier_of(ctx, piece.tiers, piece.tiers.index(tier), actual)
            if own is None:
                continue
            info = piece.version["matter"]
            limit = own["up_to"]
            should = decided_by_label(ctx, tier, piece.body)
            rule = (f"ärende {info['number']} {info['title']} i {piece.version['document']['title']} version "
                    f"{piece.version['document']['version']}, nivån {own['label']}")
            yield Finding(
                RULE.code, RULE.severity, "decision", decision.id, decision.file, decision.line, decision.decided_on, decision.amount,
                f"Beslut {decision.id} om {kronor(amount)} fattades {decision.decided_on.isoformat()} av {org.label(actual)} "
                f"({decision.decider_text}), vars gräns i {rule} är {kronor(float(limit)) if limit is not None else 'okänd'}; "
                f"beloppet ska beslutas av {should}.",
                {"decided_by": org.label(actual), "decider_id": decision.decider_text, "should_have": should, "rule": rule,
                 "limit_sek": str(Decimal(str(limit))) if limit is not None else "", "matter": decision.matter, "tier": tier["label"]},
            )
            break
