"""En direktupphandling från dokumentationsgränsen, och ett undantag från lagen, har sin dokumentation.

## Vad kontrolleras

Ett avtal som direktupphandlats (som lågt värde eller på annan grund) och vars värde når den
dokumentationsgräns som gällde när det upphandlades (100 000 kr sedan 2022-02-01, ur referensdata)
ska ange var dokumentationen finns (`documentation`). Detsamma gäller varje avtal vars grund i
registret kräver dokumentation (`documentation_required`), till exempel ett undantag från lagen.

## Varför

Lagen kräver att skälen för en direktupphandling från gränsen dokumenteras. Utan dokumentation går
det inte att visa att direktupphandlingen eller undantaget var lagligt, och revisionen kan inte pröva
det.

## Lagrum

LOU (2016:1145) 19 a kap. (dokumentation av direktupphandling).

## Exempel som godkänns

```yaml
procurement: {ground: direktupphandling, date: "2026-03-04", documentation: "KS 2026/84"}
value_sek: 345000
```

## Exempel som underkänns

```yaml
procurement: {ground: direktupphandling, date: "2026-03-04"}
value_sek: 345000
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.contracts import contracts_model, documentation_limit, reaches_documentation
from generators.wording.swedish import kronor

RULE = Rule("AR105", "direct-procurement-documented", "error", "En direktupphandling från dokumentationsgränsen är dokumenterad.",
            needs=("reference", "procurement", "contract"))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for register, contract in contracts_model(model).contracts():
        ground = register.ground_of(contract)
        if ground is None or contract.procurement.documentation is not None:
            continue
        where = contract.source.at("procurement")
        if ground.documentation_required:
            yield RULE.at(where, f"Avtal {contract.id} har anskaffats med grunden {ground.name.lower()}, som alltid ska dokumenteras. "
                          "Ange var dokumentationen finns under procurement.documentation.")
            continue
        if ground.kind not in ("low_value_direct", "other_direct"):
            continue
        day = contract.procurement.day
        dated, _series = documentation_limit(model, contract.regime, day)
        if dated is None or dated.value is None:
            continue  # no documentation duty in the reference data that day (before 2022-02-01)
        if reaches_documentation(contract.value_sek, dated):
            yield RULE.at(where, f"Avtal {contract.id} är en direktupphandling värd {kronor(contract.value_sek)}, vilket når "
                          f"dokumentationsgränsen {kronor(dated.value)} ({dated.source_title}), men registret anger ingen "
                          "dokumentation. Ange var dokumentationen finns under procurement.documentation.")
