"""Ärenden som kommunallagen förbehåller nämnden delegeras inte.

## Vad kontrolleras

Att inget ärende av en ärendetyp som KL 6 kap. 38 § undantar från delegering har en delegat:
verksamhetens mål, inriktning, omfattning eller kvalitet; framställningar och yttranden till
fullmäktige; yttranden när nämndens eller fullmäktiges beslut har överklagats; myndighetsutövning mot
enskilda av principiell beskaffenhet eller annars av större vikt; ärenden från medborgarförslag; och
ärenden som annan lag förbjuder att delegera. Brådskande ärenden enligt 6 kap. 39 § är undantaget och
har en egen ärendetyp (se D407).

## Varför

Ett beslut som fattas med stöd av en otillåten delegation har fattats av fel organ och kan upphävas
vid laglighetsprövning. Myndighetsutövning är i sig delegerbar; bara den av principiell beskaffenhet
eller annars av större vikt är det inte, därför är de två olika ärendetyper.

## Lagrum

KL 6 kap. 38 §.

## Exempel som godkänns

```yaml
- {id: soc-bistand-hemtjanst, kind: myndighetsutovning, title: Beslut om bistånd i form av hemtjänst, delegate: {role_type: enhetschef_soc}, ...}
```

## Exempel som underkänns

```yaml
- {id: soc-mal-2027, kind: mal_och_inriktning, title: Fastställa verksamhetsplan med mål för 2027, delegate: {position: socialchef}, ...}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.matter_kinds import MATTER_KINDS

RULE = Rule("D405", "non-delegable", "error", "Ärenden enligt KL 6 kap. 38 § delegeras inte.", needs=("delegation",), per_document="delegation")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for order in model.delegations:
        for matter in order.matters:
            kind = MATTER_KINDS.get(matter.kind)
            if kind is not None and not kind.delegable:
                yield RULE.at(
                    matter.source.at("kind"),
                    f"Ärende {matter.number} ({matter.title}) är av typen \"{kind.label}\", som inte får delegeras: {kind.basis}. "
                    "Ta bort ärendet ur delegationsordningen; nämnden beslutar själv.",
                )
