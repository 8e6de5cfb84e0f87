"""Linjeorganisationen är ett träd med direktören överst, under styrelsen.

## Vad kontrolleras

Att varje befattnings kedja av chefer når en befattning som lyder direkt under ett organ (normalt
direktören under styrelsen), utan cirklar; att exakt en befattning lyder direkt under ett
organ och att det organet är styrelsen; att den befattningen har nivån direktör.

## Varför

Frågor som "närmaste chef", "inom nämndens område" och "ingen får hantera en anmälan om sin egen
chef" är frågor om linjen. En cirkel (A är chef över B som är chef över A) eller två toppar gör dem
omöjliga att besvara.

## Lagrum

KL 7 kap. 1–2 §§: styrelsen utser en direktör som är chef för den förvaltning som finns under
styrelsen.

## Exempel som godkänns

```yaml
- {id: direktor, level: direktor, reports_to: {body: styrelsen}, ...}
- {id: kanslichef, level: avdelningschef, reports_to: {position: direktor}, ...}
```

## Exempel som underkänns

```yaml
- {id: kanslichef, level: avdelningschef, reports_to: {position: kommunjurist}, ...}
- {id: kommunjurist, level: specialist, reports_to: {position: kanslichef}, ...}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("O303", "line-of-command", "error", "Linjeorganisationen är ett träd under direktören.", needs=("organisation",))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    tops = [p for p in org.positions.values() if p.reports_to.kind == "body"]
    reported_cycles: set[frozenset[str]] = set()
    for position in org.positions.values():
        chain = [position.id, *org.superiors(position.id)]
        last = chain[-1]
        above_last = org.superior(last)
        if above_last is not None and above_last in chain:
            cycle = frozenset(chain[chain.index(above_last):])
            if cycle not in reported_cycles:
                reported_cycles.add(cycle)
                names = " → ".join(org.positions[p].title for p in chain[chain.index(above_last):] + [above_last])
                yield RULE.at(position.source.at("reports_to"), f"Linjeorganisationen går i cirkel: {names}. Varje kedja av chefer måste sluta hos direktören.")
    for top in tops:
        body = org.bodies.get(top.reports_to.id)
        if body is not None and body.kind not in ("styrelse", "direktion"):
            yield RULE.at(top.reports_to.source or top.source, f"{top.title} lyder direkt under {body.name}. Bara direktören lyder direkt under ett organ, och det organet är styrelsen (KL 7 kap. 1 §).")
        if top.level != "direktor":
            yield RULE.at(top.source.at("level"), f"{top.title} lyder direkt under ett organ men har inte nivån direktör. Bara direktören lyder direkt under styrelsen; övriga befattningar har en chef.")
    if len(tops) > 1:
        for extra in tops[1:]:
            yield RULE.at(extra.reports_to.source or extra.source, f"Både {tops[0].title} och {extra.title} lyder direkt under ett organ. Linjeorganisationen ska ha en enda topp: direktören.")
    if not tops and org.positions:
        first = next(iter(org.positions.values()))
        styrelse = next((b.id for b in org.bodies.values() if b.kind in ("direktion", "styrelse")), "styrelsen")
        yield RULE.at(first.source, f"Ingen befattning lyder direkt under styrelsen. Direktören ska ha reports_to: {{body: {styrelse}}}.")
