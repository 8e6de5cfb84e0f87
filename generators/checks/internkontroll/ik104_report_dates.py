"""Varje kontroll rapporteras till nämnden inom den tid reglementet anger.

## Vad kontrolleras

Att rapportdatumet (`report`) för varje kontrollaktivitet ligger inom planåret eller senast den dag
reglementet för intern kontroll anger för uppföljningen (`reporting.latest`, i exemplet
den 28 februari året efter). Kontrollen görs bara när reglementet anger en sådan dag.

## Varför

Nämnden ska kunna följa upp planen i sin helhet. En kontroll som rapporteras före planåret, eller
efter uppföljningen, kommer aldrig med i nämndens bedömning av den interna kontrollen.

## Lagrum

Lokal regel: reglementet för intern kontroll (i exemplet 7 §). Lagen (KL 6 kap. 6 §) anger
ingen tidpunkt.

## Exempel som godkänns

```yaml
year: 2026
controls: [{id: statsbidrag-redovisning, report: "2027-02-16"}]
```

## Exempel som underkänns

```yaml
year: 2026
controls: [{id: statsbidrag-redovisning, report: "2027-04-20"}]   # efter uppföljningen i februari
```
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from generators.checks.internkontroll._support import plans_with_reglemente
from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.internkontroll import report_deadline

RULE = Rule("IK104", "report-dates", "error", "Varje kontroll rapporteras till nämnden inom den tid reglementet anger.",
            needs=("internkontroll",))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for plan, reglemente in plans_with_reglemente(model):
        deadline = report_deadline(reglemente, plan.year)
        if deadline is None or reglemente.reporting is None:
            continue
        start = date(plan.year, 1, 1)
        cite = reglemente.reporting.cite(reglemente)
        for control in plan.controls:
            if control.report < start:
                yield RULE.at(control.source.at("report"), f"Kontrollen '{control.id}' rapporteras {control.report.isoformat()}, före planåret "
                                                           f"{plan.year}. Ange ett sammanträde under planåret ({cite}).")
            elif control.report > deadline:
                yield RULE.at(control.source.at("report"), f"Kontrollen '{control.id}' rapporteras {control.report.isoformat()}, efter "
                                                           f"uppföljningen av planen som senast ska ske {deadline.isoformat()} ({cite}).")
