"""Högst en regel på samma nivå gäller för samma person.

## Vad kontrolleras

Att reglementets regler för handläggning inte ger två svar på samma nivå: två regler för samma
befattning, samma enhet, samma kategori, samma externa part eller samma funktion; två rolltyper med
egna regler som båda omfattar samma befattning (utan en regel för befattningen själv som avgör); mer
än en standardregel. Regler på olika nivåer är inget problem: den mest specifika gäller (befattning
före enhet före rolltyp före standardregeln).

## Varför

Två regler på samma nivå ger två handläggare. Den som tar emot rapporten kan då välja, och valet kan
falla på den som inte är oberoende.

## Lagrum

Lag (2021:890), 5 kap. (förfaranden för rapportering och uppföljning).

## Exempel som godkänns

```yaml
- {id: om-forvaltningschefer, concerns: {role_type: forvaltningschef}, handler: {external: lindsjo_kommun}}
- {id: om-ovriga, concerns: {default: true}, handler: {function: visselblasarfunktionen}}
```

## Exempel som underkänns

```yaml
- {id: om-forvaltningschefer, concerns: {role_type: forvaltningschef}, handler: {external: lindsjo_kommun}}
- {id: om-chefer, concerns: {role_type: chef}, handler: {function: visselblasarfunktionen}}   # båda omfattar socialchefen
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.checks.whistleblowing._support import titles
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.whistleblowing import PRECEDENCE, Route

RULE = Rule("V602", "routing-unambiguous", "error", "Högst en regel på samma nivå gäller för samma person.",
            needs=("organisation",), per_document="whistleblowing")

LEVEL_WORDS = {"position": "befattningen", "unit": "enheten", "role_type": "rolltypen", "category": "kategorin",
               "external": "den externa parten", "function": "funktionen", "default": "standardregeln"}


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for regulation in model.whistleblowing:
        first: dict[tuple[str, str | None], Route] = {}
        for route in regulation.routes:
            key = (route.concerns.kind, route.concerns.value)
            if key in first:
                what = "" if route.concerns.kind == "default" else f" {route.concerns.value}"
                yield RULE.at(route.concerns.source, f"Regeln {route.id} gäller samma som regeln {first[key].id} "
                              f"(rad {first[key].source.location().line}): {LEVEL_WORDS[route.concerns.kind]}{what}. Det ger två handläggare "
                              "för samma rapport; slå ihop reglerna eller ta bort den ena.")
            else:
                first[key] = route
        # Two role types with their own routes over one position, with no route for the position or its unit to decide.
        clashes: dict[tuple[str, str], list[str]] = {}
        for pid in org.positions:
            found = regulation.routes_for(org, pid)
            if not found or PRECEDENCE.get(found[0].concerns.kind) != PRECEDENCE["role_type"]:
                continue
            role_routes = [r for r in found if r.concerns.kind == "role_type"]
            distinct = list(dict.fromkeys(r.id for r in role_routes))
            if len(distinct) > 1:
                clashes.setdefault((distinct[0], distinct[1]), []).append(pid)
        for (winner, loser), positions in clashes.items():
            route = next(r for r in regulation.routes if r.id == loser)
            yield RULE.at(route.concerns.source, f"Regeln {loser} och regeln {winner} gäller båda {titles(org, positions)} genom sina "
                          "rolltyper. Ange en egen regel för befattningen, eller avgränsa rolltyperna så att de inte överlappar.")
