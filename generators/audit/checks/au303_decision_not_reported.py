"""Ett delegationsbeslut ska anmälas till nämnden på det sätt nämnden har bestämt.

## Vad kontrolleras

För varje beslut i registret: vad delegationsordningen som gällde beslutsdagen säger om anmälan, för
ärendet (`reporting` på ärendet) eller annars i de allmänna bestämmelserna (`general_provisions.reporting`).
Ska beslutet anmälas och registret saknar anmälningsdag är det en avvikelse. Där nämnden har bestämt
att beslut i ärendet inte anmäls utan dokumenteras på annat sätt (`reported: false` med
`recorded_as`, till exempel att de protokollförs särskilt) krävs ingen anmälan: det är ett lagligt
alternativ. Rader som är ren verkställighet är inga delegationsbeslut och anmäls inte. Också ett beslut
som anmäls löpande eller skyndsamt ska ha en anmälningsdag.

## Varför

Nämnden behåller ansvaret för det som beslutas på dess vägnar och måste kunna följa det. Anmälan
avgör också när tiden för laglighetsprövning börjar löpa för beslut som inte protokollförs särskilt.
Kommunallagen anger inget intervall; därför tas regeln från delegationsordningen.

## Lagrum

KL 6 kap. 40 § (nämnden bestämmer hur beslut anmäls; beslut som inte anmäls och kan överklagas
protokollförs särskilt) och 7 kap. 8 § (detsamma för beslut av anställda). Beslut på vidaredelegation
anmäls dessutom till förvaltningschefen (KL 7 kap. 7 §), vilket AU305 prövar.
Anmälningssättet: delegationsordningens allmänna bestämmelser eller ärendets rad.
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.audit.findings import AuditContext, AuditRule, Finding
from generators.wording.labels import label

RULE = AuditRule("AU303", "decision-not-reported", "violation",
                 "Ett delegationsbeslut ska anmälas till nämnden som delegationsordningen anger.")

def check(ctx: AuditContext) -> Iterator[Finding]:
    for decision in ctx.decisions:
        if not decision.checkable or decision.decided_on is None or decision.reported_on is not None:
            continue
        found = ctx.model.matters_by_id(decision.decided_on).get(decision.matter)
        if found is None:
            continue  # no delegation in force: AU302
        order, matter = found
        if matter.execution_only or (matter.reporting is not None and not matter.reporting.reported):
            continue
        interval = (matter.reporting.interval if matter.reporting is not None else None) or order.provisions.reporting_interval
        where = matter.reporting.source if matter.reporting is not None else order.provisions.source
        location = where.location()
        rule = f"{order.meta.title} version {order.meta.version}, ärende {matter.number}"
        yield Finding(RULE.code, RULE.severity, "decision", decision.id, decision.file, decision.line, decision.decided_on, decision.amount,
                      f"Beslut {decision.id} i ärende {matter.number} {matter.title} ({decision.decided_on.isoformat()}) har ingen anmälningsdag; "
                      f"enligt {rule} ({location.file}:{location.line}) anmäls beslutet {label('reporting_interval', interval)} till nämnden.",
                      {"matter": matter.id, "rule": rule, "source": f"{location.file}:{location.line}",
                       "interval": label('reporting_interval', interval)})
