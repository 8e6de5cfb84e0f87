"""Ett delegationsbeslut ska anmälas vid det sammanträde som delegationsordningen anger.

## Vad kontrolleras

När nämndens sammanträdesdagar är kända (`--meetings`): att ett beslut som ska anmälas anmäldes
senast vid det sammanträde som delegationsordningens anmälningssätt pekar ut. `next_meeting`: det
första sammanträdet efter beslutet; `monthly`: det första sammanträdet efter utgången av beslutets
månad; `quarterly`: det första sammanträdet efter utgången av beslutets kvartal. Ett beslut som inte
anmäldes alls är AU303. `continuously` (löpande) och `promptly` (skyndsamt) pekar inte ut något
sammanträde eller någon sista dag; om en sådan anmälan var sen kan därför inte prövas, och beslutet
redovisas som ej prövat i stället för att en tidsgräns hittas på.

## Varför

Anmälan gör att nämnden kan följa det som beslutas på dess vägnar, och för beslut som inte
protokollförs särskilt börjar tiden för laglighetsprövning löpa först när protokollet från
sammanträdet där beslutet anmäldes har tillkännagetts. En sen anmälan förlänger den tiden och
försvagar nämndens kontroll.

## Lagrum

KL 6 kap. 40 § (nämnden bestämmer hur beslut anmäls), KL 13 kap. 5 § (tiden för överklagande).
Anmälningssättet: delegationsordningens allmänna bestämmelser eller ärendets rad.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from generators.audit.findings import AuditContext, AuditRule, Finding
from generators.model.delegation import OPEN_INTERVALS
from generators.wording.labels import label

RULE = AuditRule("AU304", "decision-reported-late", "violation",
                 "Ett delegationsbeslut ska anmälas vid det sammanträde delegationsordningen anger.")

def period_end(day: date, interval: str) -> date:
    """The last day after which the report is due: the decision day, or its month's or quarter's end."""
    if interval == "monthly":
        first_next = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        return first_next - timedelta(days=1)
    if interval == "quarterly":
        quarter_end_month = ((day.month - 1) // 3 + 1) * 3
        first_next = date(day.year + (quarter_end_month == 12), quarter_end_month % 12 + 1, 1)
        return first_next - timedelta(days=1)
    return day


def check(ctx: AuditContext) -> Iterator[Finding]:
    if ctx.meetings is None:
        return
    for decision in ctx.decisions:
        if not decision.checkable or decision.decided_on is None or decision.reported_on is None:
            continue
        found = ctx.model.matters_by_id(decision.decided_on).get(decision.matter)
        if found is None:
            continue
        order, matter = found
        if matter.execution_only or (matter.reporting is not None and not matter.reporting.reported):
            continue
        interval = (matter.reporting.interval if matter.reporting is not None else None) or order.provisions.reporting_interval
        rule = f"{order.meta.title} version {order.meta.version}, ärende {matter.number}"
        if interval in OPEN_INTERVALS:
            # "löpande" or "skyndsamt" names no meeting and no day: lateness cannot be judged, and is not guessed.
            yield Finding(RULE.code, "undetermined", "decision", decision.id, decision.file, decision.line, decision.decided_on, decision.amount,
                          f"Beslut {decision.id} ({decision.decided_on.isoformat()}) anmäldes {decision.reported_on.isoformat()}; enligt {rule} "
                          f"anmäls beslut {label('reporting_interval', interval)}, utan någon sista dag, så om anmälan var sen kan inte prövas.",
                          {"matter": matter.id, "rule": rule, "interval": label("reporting_interval", interval),
                           "reported_on": decision.reported_on.isoformat()})
            continue
        due = ctx.meetings.first_after(order.body, period_end(decision.decided_on, interval))
        if due is None or decision.reported_on <= due:
            continue
        yield Finding(RULE.code, RULE.severity, "decision", decision.id, decision.file, decision.line, decision.decided_on, decision.amount,
                      f"Beslut {decision.id} ({decision.decided_on.isoformat()}) anmäldes {decision.reported_on.isoformat()}; enligt {rule} anmäls "
                      f"beslut {label('reporting_interval', interval)}, alltså senast vid sammanträdet {due.isoformat()}.",
                      {"matter": matter.id, "rule": rule, "due": due.isoformat(), "reported_on": decision.reported_on.isoformat()})
