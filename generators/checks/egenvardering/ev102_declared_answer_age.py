"""Ägarens svar i egenvärderingen är högst ett år gammalt.

## Vad kontrolleras

Att datumet för varje svar som ägaren lämnat (`declared.date`), och för varje ifrågasättande
(`disputed.date`), ligger inom ett år före dagens datum (`--today`). Ger en varning.

## Varför

Ett svar som inte har prövats på mer än ett år säger lite om hur det är i dag. Revisorerna granskar
varje år; egenvärderingen behöver följa samma takt.

## Lagrum

Kommunallagen (2017:725) 6 kap. 6 § (tillräcklig intern kontroll); ettårsgränsen är organisationens eget
val för egenvärderingen.

## Exempel som godkänns

```yaml
declared: {answer: helt, evidence: "Årsredovisning 2025, KS 2026/58", date: "2026-04-20"}
```

## Exempel som underkänns

```yaml
declared: {answer: helt, evidence: "Årsredovisning 2024, KS 2025/41", date: "2025-04-22"}   # äldre än ett år
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.egenvardering import declared_is_old, egenvarderingar

RULE = Rule("EV102", "declared-answer-age", "warning", "Ägarens svar i egenvärderingen är högst ett år gammalt.",
            needs=("egenvardering",))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for ev in egenvarderingar(model):
        for s in ev.statements:
            for what, evidence in (("Svaret", s.declared), ("Ifrågasättandet", s.disputed)):
                if evidence is not None and declared_is_old(evidence, ctx.today):
                    yield RULE.at(evidence.source.at("date"), f"{what} på påståendet '{s.id}' är från {evidence.date.isoformat()}, mer än ett "
                                                              f"år före {ctx.today.isoformat()}. Pröva svaret på nytt och ange nytt underlag och datum.")
