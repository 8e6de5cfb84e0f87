"""En resa ska ha ett godkännande: vem som godkände och när.

## Vad kontrolleras

Att varje resa i exporten har en godkännare och en godkännandedag.

## Varför

Resepolicyn kräver att varje resa godkänns. En resa utan godkännare i exporten kan inte prövas mot
mandatet och är i sig en brist i den interna kontrollen.

## Lagrum

Lokal regel: resepolicyns beslutstabell (`approvals`). Nämndens interna kontroll: KL 6 kap. 6 §.
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.audit.findings import AuditContext, AuditRule, Finding

RULE = AuditRule("AU203", "trip-not-approved", "violation", "En resa ska ha en godkännare och en godkännandedag.")


def check(ctx: AuditContext) -> Iterator[Finding]:
    for trip in ctx.trips:
        if not trip.checkable:
            continue
        missing = [label for label, value in (("godkännare", trip.approver_text), ("godkännandedag", trip.approved_on)) if not value]
        if missing:
            yield Finding(RULE.code, RULE.severity, "trip", trip.id, trip.file, trip.line, trip.departure, trip.cost,
                          f"Resan {trip.id} (avresa {trip.departure.isoformat() if trip.departure else 'okänd'}) saknar {' och '.join(missing)}.",
                          {"missing": ", ".join(missing)})
