"""Personuppgifter behandlas inte längre än lagen tillåter efter att ärendet avslutats.

## Vad kontrolleras

Att `personal_data.retention.years` inte är fler år än lagens gräns för hur länge personuppgifter
får behandlas efter att ett uppföljningsärende avslutats, läst ur den daterade referensdatan på
reglementets första giltighetsdag och varje dag under giltighetstiden då den ändras, och att
referensen pekar på en referensserie med en gräns i år. Gränsen gäller behandlingen av
personuppgifter; arkiveringen av allmänna handlingar enligt arkivlagen regleras för sig under
`archiving` och kontrolleras inte här.

## Varför

Personuppgifter i ett uppföljningsärende får bara behandlas så länge det behövs och aldrig mer än
två år efter att ärendet avslutades. Regeln hindrar inte att handlingarna bevaras som allmänna
handlingar; därför hålls de två frågorna isär.

## Lagrum

Lag (2021:890), 7 kap. (behandling av personuppgifter); arkivlagen (1990:782).

## Exempel som godkänns

```yaml
retention: {years: 2, counted_from: case_closed, reference: visselblasning-personuppgifter, ...}
```

## Exempel som underkänns

```yaml
retention: {years: 5, counted_from: case_closed, reference: visselblasning-personuppgifter, ...}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.checks.whistleblowing import v606_deadlines
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("V607", "personal-data-retention", "error", "Personuppgifter behandlas högst så länge lagen tillåter efter avslutat ärende.",
            needs=("reference",), per_document="whistleblowing")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for regulation in model.whistleblowing:
        retention = regulation.personal_data.retention
        yield from v606_deadlines.within_law(
            RULE, model, "Tiden personuppgifter får behandlas efter avslutat ärende", retention.years, retention.reference, "years",
            regulation.check_dates(model.reference), retention.source.at("years"), retention.source.at("reference"),
        )
