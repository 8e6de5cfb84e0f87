"""En resa ska vara godkänd innan den görs.

## Vad kontrolleras

Att godkännandedagen inte ligger efter avresedagen. Där resepolicyn säger att resan bokas först när
den är godkänd (`rules.booking.after_approval`) är ett godkännande efter avresan en avvikelse; säger
policyn inget om det redovisas det som en signal.

## Varför

Ett godkännande i efterhand är inget beslut om resan utan ett konstaterande av att den redan är
gjord. Den som skulle pröva resan har inte kunnat säga nej.

## Lagrum

Lokal regel: resepolicyns regel om bokning (`rules.booking`). Ett delegationsbeslut fattas innan det
verkställs (KL 6 kap. 37 §, 7 kap. 5 §).
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.audit.findings import AuditContext, AuditRule, Finding
from generators.model.travel import travel_policy_on

RULE = AuditRule("AU202", "trip-approved-after-departure", "violation", "En resa ska vara godkänd innan den görs.")


def check(ctx: AuditContext) -> Iterator[Finding]:
    for trip in ctx.trips:
        if not trip.checkable or trip.approved_on is None or trip.departure is None or trip.approved_on <= trip.departure:
            continue
        policy = travel_policy_on(ctx.model, trip.departure)
        booking = policy.rules.booking if policy is not None else None
        days = (trip.approved_on - trip.departure).days
        facts = {"approved_on": trip.approved_on.isoformat(), "departure": trip.departure.isoformat()}
        if booking is not None and booking.after_approval:
            location = booking.source.location()
            facts |= {"rule": f"{policy.meta.title if policy else ''} version {policy.meta.version if policy else ''}, regeln {booking.id}",
                      "source": f"{location.file}:{location.line}"}
            yield Finding(RULE.code, "violation", "trip", trip.id, trip.file, trip.line, trip.departure, trip.cost,
                          f"Resan {trip.id} godkändes {trip.approved_on.isoformat()}, {days} dagar efter avresan {trip.departure.isoformat()}; "
                          f"enligt {facts['rule']} ({facts['source']}) bokas en resa först när den är godkänd.", facts)
        else:
            yield Finding(RULE.code, "signal", "trip", trip.id, trip.file, trip.line, trip.departure, trip.cost,
                          f"Resan {trip.id} godkändes {trip.approved_on.isoformat()}, {days} dagar efter avresan {trip.departure.isoformat()}.", facts)
