"""Varje ärende har en ersättare eller en allmän bestämmelse om frånvaro och jäv.

## Vad kontrolleras

Att varje delegerat ärende antingen har en egen ersättare (för en beloppstrappa: en ersättare i varje
nivå) eller omfattas av allmänna bestämmelser som säger vem som beslutar både när delegaten är
frånvarande (`on_absence`) och när delegaten är jävig (`on_conflict_of_interest`). Att regeln
`vice_chair` bara används där delegaten är ordföranden, och att `actor` anger en aktör.

## Varför

En jävig delegat får inte delta i handläggningen. Om ingen ersättare finns fattas beslutet ändå av
den jäviga — som hände vid anställningar i en av våra förebildskommuner — eller inte alls.

## Lagrum

KL 6 kap. 28–32 §§ (jäv), som genom 7 kap. 4 § gäller även anställda.

## Exempel som godkänns

```yaml
general_provisions:
  on_absence: {rule: superior}
  on_conflict_of_interest: {rule: superior}
```

## Exempel som underkänns

```yaml
general_provisions:
  on_absence: {rule: superior}
# ... och ett ärende utan substitute
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.checks.support import delegated_matters
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("D415", "substitute-coverage", "error", "Ersättare vid frånvaro och jäv är bestämd.", needs=("delegation",), per_document="delegation")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for order in model.delegations:
        provisions = order.provisions
        for rule, label in ((provisions.on_absence, "on_absence"), (provisions.on_conflict_of_interest, "on_conflict_of_interest")):
            if rule is not None and rule.rule == "actor" and rule.actor is None:
                yield RULE.at(rule.source, f"Den allmänna bestämmelsen {label} säger rule: actor men anger ingen aktör (actor:).")
        general_covers = provisions.on_absence is not None and provisions.on_conflict_of_interest is not None
        missing = [name for name, rule in (("frånvaro", provisions.on_absence), ("jäv", provisions.on_conflict_of_interest)) if rule is None]
        for matter in delegated_matters(order):
            own = matter.substitute is not None if not matter.tiers else all(t.substitute is not None for t in matter.tiers)
            if not own and not general_covers:
                yield RULE.at(
                    matter.source,
                    f"Ärende {matter.number} ({matter.title}) saknar ersättare, och de allmänna bestämmelserna säger inte vem som beslutar vid "
                    f"{' och '.join(missing)}. Ange substitute i ärendet eller on_absence och on_conflict_of_interest i general_provisions.",
                )
