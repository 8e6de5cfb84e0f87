"""Villkor som "efter samråd med" och "i samråd med" anger med vem.

## Vad kontrolleras

Att ett villkor av sorten `after_consulting` (efter samråd med: delegaten beslutar efter att ha hört
X) eller `in_agreement_with` (i samråd med: båda måste vara överens, annars beslutar överordnad) anger
med vem (`with`), att den parten inte är delegaten själv, och att ett villkor av sorten `other` har en
text.

## Varför

"Efter samråd med" och "i samråd med" betyder olika saker, och ett samråd utan motpart är inget
villkor. Samråd med sig själv är ett skrivfel som döljer ett saknat villkor.

## Lagrum

Ingen särskild; villkoren är nämndens egna begränsningar av delegationen (KL 6 kap. 37 §).

## Exempel som godkänns

```yaml
conditions: [{kind: after_consulting, with: {position: hr_direktor}}]
```

## Exempel som underkänns

```yaml
conditions: [{kind: in_agreement_with}]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.checks.support import delegated_matters
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("D417", "conditions", "error", "Samrådsvillkor anger en annan part.", needs=("organisation", "delegation"), per_document="delegation")

_LABELS = {"after_consulting": "efter samråd med", "in_agreement_with": "i samråd med"}


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for order in model.delegations:
        for matter in delegated_matters(order):
            for condition in matter.conditions:
                if condition.kind in _LABELS:
                    if condition.with_actor is None:
                        yield RULE.at(condition.source, f"Ärende {matter.number}: villkoret \"{_LABELS[condition.kind]}\" anger inte med vem (with:).")
                    elif any(d.same_as(condition.with_actor) for d in matter.all_delegates()):
                        yield RULE.at(condition.with_actor.source or condition.source, f"Ärende {matter.number}: delegaten ({org.label(condition.with_actor)}) kan inte samråda med sig själv.")
                elif condition.kind == "other" and not condition.text:
                    yield RULE.at(condition.source, f"Ärende {matter.number}: ett villkor av sorten other behöver en text som säger vad villkoret är.")
