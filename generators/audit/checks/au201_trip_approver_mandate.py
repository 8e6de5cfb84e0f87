"""En resa ska godkännas av den som har mandatet för just den resenären, det resmålet och den dagen.

## Vad kontrolleras

För varje resa i exporten och varje resmål: vem som enligt resepolicyn och delegationsordningen som
gällde beslutsdagen (godkännandedagen, annars avresedagen) skulle godkänna resan för resenärens
befattning den dagen, och om den som faktiskt godkände hade det mandatet. Svaret tas från samma
beslutstabell som `decide travel` (resepolicyns cell, zonerna med landgrupperna den dagen, närmaste
chef upplöst i linjeorganisationen). Godtas också: ersättaren som delegationsordningen anger,
vidaredelegation, överordnad chef där delegationsordningen säger att överordnad alltid får besluta,
nämnden själv, och vid arbetsledning en chef ovanför den som policyn anger. Ingen får godkänna sin
egen resa.

## Varför

En studieresa till New York godkändes av en chef långt ner i linjen, fast reglerna redan sade att
resor utanför EU beslutas av direktören, en nämnd eller styrelsen. Reglerna fanns; ingen
prövade det som faktiskt hände mot dem. Avvikelsen anger vem som godkände, vem som skulle ha
godkänt och regeln.

## Lagrum

Lokal regel: resepolicyns beslutstabell (`approvals`) och, för delegerade resor, delegationsordningens
ärende (KL 6 kap. 37 §, 7 kap. 5 §). Nämndens ansvar för den interna kontrollen: KL 6 kap. 6 §.
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.audit.findings import AuditContext, AuditRule, Finding
from generators.audit.mandate import trip_mandate
from generators.wording.countries import country_name

RULE = AuditRule("AU201", "trip-approver-mandate", "violation",
                 "En resa ska godkännas av den som har mandatet för resenären, resmålet och dagen.")


def check(ctx: AuditContext) -> Iterator[Finding]:
    org = ctx.model.organisation
    assert org is not None
    for trip in ctx.trips:
        day = trip.day
        if not trip.checkable or not trip.approvers or day is None:
            continue
        for country in trip.countries:
            verdicts = [trip_mandate(ctx.model, ctx.decider, traveller, country, day, trip.approvers, ctx.memo) for traveller in trip.travellers]
            if any(v is not None and v.lawful for _, v in verdicts):
                continue
            decided = [(d, v) for d, v in verdicts if v is not None]
            if not decided:
                continue  # AU204 reports a trip the rules give no answer for
            decision, verdict = decided[0]
            assert decision is not None and verdict is not None
            approved_by = " / ".join(org.label(a) for a in trip.approvers)
            own = any(a.key == t.key for a in trip.approvers for t in trip.travellers)
            why = " Resenären godkände sin egen resa." if own else ""
            yield Finding(
                RULE.code, RULE.severity, "trip", trip.id, trip.file, trip.line, day, trip.cost,
                f"Resan {trip.id} ({decision.category.name if decision.category else trip.traveller_text}, till {country_name(country)}, "
                f"{decision.zone.name if decision.zone else 'okänd zon'}) godkändes {day.isoformat()} av {approved_by} "
                f"({trip.approver_text}), men skulle ha godkänts av {verdict.should_have} enligt {verdict.rule} "
                f"({verdict.source}).{why}",
                {"approved_by": approved_by, "approver_id": trip.approver_text, "should_have": verdict.should_have,
                 "rule": verdict.rule, "source": verdict.source, "country": country},
            )
            break
