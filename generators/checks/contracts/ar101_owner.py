"""Varje avtal har en avtalsägare som är en befattning.

## Vad kontrolleras

Att varje avtal i avtalsregistret har en avtalsägare (`owner`) och att avtalsägaren och
avtalsförvaltaren (`manager`) är befattningar, inte rolltyper, organ eller externa parter. Att
befattningen finns i organisationen prövar X807, som prövar alla styrdokuments aktörer.

## Varför

Utan en utpekad avtalsägare följer ingen upp avtalet: ingen kontrollerar fakturorna mot priserna,
ingen bevakar optioner och uppsägning. En rolltyp eller ett organ är inte en ägare som går att fråga.
Modellen för avtalsförvaltning kom till efter överprissatta säkerhetsavtal och svag intern kontroll.

## Lagrum

Lokal regel: upphandlingspolicyn, avsnittet om avtalsförvaltning (varje avtal har en avtalsägare).
Nämndens ansvar för den interna kontrollen: KL (2017:725) 6 kap. 6 §.

## Exempel som godkänns

```yaml
owner: {position: sakerhetschef}
manager: {position: avtalscontroller}
```

## Exempel som underkänns

```yaml
manager: {position: avtalscontroller}    # ingen avtalsägare
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.contracts import contracts_model

RULE = Rule("AR101", "contract-owner", "error", "Varje avtal har en avtalsägare som är en befattning.", needs=("organisation", "contract"))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    for _register, contract in contracts_model(model).contracts():
        if contract.owner is None:
            yield RULE.at(contract.source.at("id"), f"Avtal {contract.id} ({contract.subject}) saknar avtalsägare. Ange befattningen "
                          "som ansvarar för avtalet under owner, till exempel {position: upphandlingschef}.")
        for word, actor in (("avtalsägaren", contract.owner), ("avtalsförvaltaren", contract.manager)):
            if actor is not None and actor.kind != "position":
                label = org.label(actor).lower() if org is not None and org.exists(actor) else actor.id
                yield RULE.at(actor.source or contract.source, f"Avtal {contract.id}: {word} ska vara en befattning, inte {label}. "
                              "Då är det bestämt vem som ansvarar.")
