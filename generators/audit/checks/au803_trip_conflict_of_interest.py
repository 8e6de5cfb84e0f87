"""Ingen godkänner en resa för en närstående eller en resa som en part hen har intressen i arrangerar.

## Vad kontrolleras

För varje resa med en godkännare: att den som godkände inte, på godkännandedagen (annars
avresedagen), hade en anmäld relation till resenären (`related_person` i deklarationerna, med
`relation` närstående eller annan nära relation; anmäld av någon av de två) eller en
jävsdeklaration eller bisyssla för resans arrangör eller leverantör (`organiser` i reseexporten,
organisationsnumret jämförs utan bindestreck och landsprefix). Deklarationen kan gälla personen (användar-id) eller befattningen. Bara det som
deklarationerna säger prövas: en relation som ingen har anmält gissas inte fram.

Avvikelsen anger vem som skulle ha godkänt resan i stället: för en resa som resepolicyn delegerar,
ersättaren vid jäv enligt delegationsordningens ärende eller allmänna bestämmelser; för en
förtroendevalds resa den som resepolicyns cell anger när den som annars godkänner inte får besluta i
saken; för en resa som godkänns i arbetsledningen chefen närmast ovanför den som godkände (resepolicyn
godtar en chef ovanför den den anger, och riktlinjerna mot jäv lämnar ärendet till närmaste chef).

## Varför

Ett godkännande av en tjänsteresa är ett beslut om resenärens resa och om organisationens pengar.
Den som godkänner en resa för sin make eller sitt barn, eller en studieresa som ett bolag där hen
har en bisyssla arrangerar, är jävig och ska lämna beslutet till någon annan. En deklaration
som ingen jämför med vem som faktiskt godkände skyddar inte mot jäv.

## Lagrum

KL 6 kap. 28 § (jäv: saken angår en närstående, eller en annan särskild omständighet gör att
opartiskheten kan ifrågasättas) och 6 kap. 28–32 §§ i övrigt (den som är jävig deltar inte i
handläggningen), för anställda genom KL 7 kap. 4 §. Bisysslor: lagen (1994:260) om offentlig anställning 7 §.
Skyldigheten att deklarera är organisationens egen regel (riktlinjerna mot jäv). Ersättaren vid jäv:
delegationsordningen, resepolicyns beslutstabell och riktlinjerna mot jäv.
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.audit.findings import AuditContext, AuditRule, Finding
from generators.audit.recusal import on_trip

RULE = AuditRule("AU803", "trip-conflict-of-interest", "violation",
                 "Ingen godkänner en resa för en närstående eller en resa som en part hen har intressen i arrangerar.")
LAW = "KL 6 kap. 28 §, 7 kap. 4 §"


def check(ctx: AuditContext) -> Iterator[Finding]:
    if ctx.interests is None:
        return
    org = ctx.model.organisation
    assert org is not None
    for trip in ctx.trips:
        day = trip.day
        if not trip.checkable or not trip.approvers or day is None or trip.approver_text == trip.traveller_text:
            continue  # an own trip is AU201's
        acted = " / ".join(org.label(a) for a in trip.approvers)
        related = ctx.interests.between(trip.approver_text, trip.approvers, trip.traveller_text, trip.travellers, day)
        held = ctx.interests.held(trip.organiser, trip.approver_text, trip.approvers, day) if trip.organiser else None
        if related is not None:
            concerns = related.relation_to(f"resenären {trip.traveller_text}")
            declaration = related
        elif held is not None:
            concerns = f"har anmält {held.described()} för resans arrangör {trip.organiser} ({held.where})"
            declaration = held
        else:
            continue
        instead = on_trip(ctx.model, ctx.decider, trip.travellers, trip.countries, day, trip.approvers, ctx.memo)
        yield Finding(RULE.code, RULE.severity, "trip", trip.id, trip.file, trip.line, day, trip.cost,
                      f"Resan {trip.id} godkändes {day.isoformat()} av {acted} ({trip.approver_text}), som {concerns}; "
                      f"den som godkände var jävig ({LAW}) {instead.clause('resan')}.",
                      {"approved_by": acted, "approver_id": trip.approver_text, "traveller": trip.traveller_text,
                       "organiser": trip.organiser, "declaration": declaration.where, "rule": LAW, "should_have": instead.should_have,
                       "substitute_rule": instead.rule, "source": instead.source})
