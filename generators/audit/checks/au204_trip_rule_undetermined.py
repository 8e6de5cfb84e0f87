"""En resa som reglerna i kraft inte ger något svar för redovisas som ej prövad.

## Vad kontrolleras

Att resepolicyn och organisationen som gällde beslutsdagen ger ett svar på vem som godkänner resan:
att en resepolicy gällde den dagen, att resmålet hör till en zon, att resenärens befattning hör till
en kategori och att beslutstabellen har en cell för dem.

## Varför

En resa som ingen regel täcker kan inte sägas vara rätt godkänd. Den listas för sig, så att
revisorn ser den, och räknas inte som granskad.

## Lagrum

Lokal regel: resepolicyns zoner, kategorier och beslutstabell. Nämndens interna kontroll: KL 6 kap. 6 §.
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.audit.findings import AuditContext, AuditRule, Finding
from generators.audit.mandate import decided_trip

RULE = AuditRule("AU204", "trip-rule-undetermined", "undetermined", "Reglerna i kraft ska ge ett svar på vem som godkänner resan.")


def check(ctx: AuditContext) -> Iterator[Finding]:
    for trip in ctx.trips:
        day = trip.day
        if not trip.checkable or day is None:
            continue
        for country in trip.countries:
            decisions = [decided_trip(ctx.model, traveller, country, day, ctx.memo) for traveller in trip.travellers]
            if any(d is not None and d.approver is not None and d.approval is not None for d in decisions):
                continue
            reasons = [" ".join(d.problems) for d in decisions if d is not None and d.problems]
            reason = reasons[0] if reasons else f"Ingen resepolicy gällde {day.isoformat()}."
            yield Finding(RULE.code, RULE.severity, "trip", trip.id, trip.file, trip.line, day, trip.cost,
                          f"Resan {trip.id} till {country} kan inte prövas: {reason}", {"country": country})
            break
