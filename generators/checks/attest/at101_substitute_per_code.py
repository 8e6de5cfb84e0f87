"""Varje ansvar har en beslutsattestant och en ersättare, och de är olika befattningar.

## Vad kontrolleras

Att varje rad i en attestförteckning anger en ersättare (`substitute`) och att ersättaren är en annan
befattning än beslutsattestanten (`decider`). Kontrollen görs bara när attestreglementet innehåller
regeln om en beslutsattestant och en ersättare per ansvar (`rules.substitute_per_code`).

## Varför

Utan ersättare står fakturorna på ansvaret obetalda när beslutsattestanten är borta, och då frestas
någon att attestera utan behörighet. En ersättare som är samma befattning som attestanten är ingen
ersättare.

## Lagrum

Lokal regel: attestreglementets paragraf om en beslutsattestant och en ersättare per ansvar (i exemplets
attestreglemente 9 §). Regeln är organisationens eget val, inte lag.

## Exempel som godkänns

```yaml
- code: "5110"
  decider: {position: enhetschef_barn_och_unga}
  substitute: {position: avdelningschef_ifo}
```

## Exempel som underkänns

```yaml
- code: "5110"
  decider: {position: enhetschef_barn_och_unga}
  # ingen ersättare
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.attest._support import rows
from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("AT101", "substitute-per-code", "error", "Varje ansvar har en beslutsattestant och en ersättare, och de är olika.",
            needs=("organisation", "attest"))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for _, reglemente, ansvar in rows(model):
        rule = reglemente.states("substitute_per_code")
        if rule is None:
            continue
        if ansvar.substitute is None:
            yield RULE.at(ansvar.source.at("code"), f"Ansvar {ansvar.code} ({ansvar.name}) har ingen ersättare för beslutsattestanten. "
                          f"Ange en befattning under substitute ({rule.cite(reglemente)}).")
        elif ansvar.substitute.same_as(ansvar.decider):
            yield RULE.at(ansvar.substitute.source or ansvar.source, f"Ersättaren för ansvar {ansvar.code} är samma som beslutsattestanten. "
                          f"Ange en annan befattning ({rule.cite(reglemente)}).")
