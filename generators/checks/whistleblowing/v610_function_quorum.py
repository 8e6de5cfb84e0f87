"""En visselblåsarfunktion kan bli beslutsför.

## Vad kontrolleras

Att en funktions `quorum` (hur många ledamöter utan jäv som måste återstå) inte är större än
antalet befattningar i funktionen, och att funktionens reserv (`fallback`) inte själv har
ledamöter som alla hör till funktionen.

## Varför

En funktion som aldrig kan bli beslutsför kan inte följa upp en enda rapport, och varje ärende
går till reserven utan att reglementet säger det.

## Lagrum

Lag (2021:890), 5 kap. (oberoende och självständiga personer eller enheter ska följa upp rapporter).

## Exempel som godkänns

```yaml
members: [{position: kanslichef}, {position: kommunjurist}, {position: hr_specialist}]
quorum: 2
```

## Exempel som underkänns

```yaml
members: [{position: kanslichef}, {position: kommunjurist}]
quorum: 3
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("V610", "function-quorum", "error", "En visselblåsarfunktion kan bli beslutsför.", needs=("organisation",), per_document="whistleblowing")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for regulation in model.whistleblowing:
        for function in regulation.functions:
            members = regulation.function_positions(org, function.id)
            if function.quorum > len(members):
                yield RULE.at(function.source.at("quorum"), f"Funktionen {function.name} kräver {function.quorum} ledamöter utan jäv men har bara "
                              f"{len(members)} befattningar. Den kan aldrig bli beslutsför; sänk kravet eller utse fler ledamöter.")
            fallback = function.fallback
            if fallback.function is not None and fallback.function != function.id:
                other = regulation.function_positions(org, fallback.function)
                if other and set(other) <= set(members):
                    yield RULE.at(fallback.source, f"Reserven för {function.name} består bara av ledamöter som redan ingår i funktionen. När de är "
                                  "jäviga är de det också i reserven; välj en reserv utanför funktionen.")
