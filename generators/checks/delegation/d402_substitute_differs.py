"""Ersättaren är inte samma som delegaten.

## Vad kontrolleras

Att ett ärendes (eller en beloppsnivås) ersättare inte är samma aktör som delegaten.

## Varför

Ersättaren beslutar när delegaten är frånvarande eller jävig. Är ersättaren samma befattning finns
ingen som kan besluta just då, och ett jävigt beslut blir oundvikligt.

## Lagrum

KL 6 kap. 28–32 §§ (jäv) och 6 kap. 37 § (delegation).

## Exempel som godkänns

```yaml
delegate: {position: socialchef}
substitute: {position: avdelningschef_ifo}
```

## Exempel som underkänns

```yaml
delegate: {position: socialchef}
substitute: {position: socialchef}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.checks.support import delegated_matters
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("D402", "substitute-differs", "error", "Ersättaren är en annan än delegaten.", needs=("organisation", "delegation"), per_document="delegation")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for order in model.delegations:
        for matter in delegated_matters(order):
            pairs = [(matter.delegates, matter.substitute)] + [(t.delegates, t.substitute) for t in matter.tiers]
            for delegates, substitute in pairs:
                if substitute is None:
                    continue
                if any(d.same_as(substitute) for d in delegates):
                    yield RULE.at(
                        substitute.source or matter.source,
                        f"Ärende {matter.number}: ersättaren ({org.label(substitute)}) är samma som delegaten. "
                        "Ange en annan befattning som kan besluta vid frånvaro eller jäv.",
                    )
