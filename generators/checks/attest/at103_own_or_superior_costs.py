"""Ingen beslutsattesterar sina egna kostnader eller kostnader för en chef ovanför sig.

## Vad kontrolleras

Att beslutsattestanten och ersättaren på ett ansvar inte är någon vars egna kostnader bokförs på
ansvaret (`costs_of`), och inte står under en sådan befattning i linjeorganisationen. Egna kostnader
prövas när attestreglementet har regeln om egna kostnader (`rules.own_costs`), överordnads kostnader när
det har regeln om överordnads kostnader (`rules.superior_costs`).

## Varför

Den som attesterar sin egen lön, sina egna resor eller sin egen representation granskar sig själv. Den
som attesterar sin chefs kostnader granskar den som bestämmer över den egna anställningen.

## Lagrum

Lokal regel: attestreglementets paragraf om egna och överordnads kostnader (i exemplets attestreglemente 7 §).
Regeln är organisationens eget val, inte lag.

## Exempel som godkänns

```yaml
- code: "5000"
  name: Socialchefens egna kostnader
  decider: {position: direktor}
  costs_of: [{position: socialchef}]
```

## Exempel som underkänns

```yaml
- code: "5000"
  name: Socialchefens egna kostnader
  decider: {position: socialchef}
  costs_of: [{position: socialchef}]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.attest._support import rows
from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.attest import conflict_with_costs

RULE = Rule("AT103", "own-or-superior-costs", "error", "Ingen beslutsattesterar egna kostnader eller en överordnads kostnader.",
            needs=("organisation", "attest"))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for _, reglemente, ansvar in rows(model):
        for role, actor in (("beslutsattestant", ansvar.decider), ("ersättare", ansvar.substitute)):
            if actor is None:
                continue
            for holder in ansvar.costs_of:
                conflict = conflict_with_costs(org, actor, holder)
                rule = reglemente.states("own_costs" if conflict == "own" else "superior_costs") if conflict else None
                if rule is None:
                    continue
                whose = "sina egna kostnader" if conflict == "own" else f"kostnaderna för {org.label(holder).lower()}, som är chef ovanför"
                yield RULE.at(actor.source or ansvar.source,
                              f"{org.label(actor)} är {role} för ansvar {ansvar.code} ({ansvar.name}) och skulle då attestera {whose}. "
                              f"Ange en chef ovanför {org.label(holder).lower()} ({rule.cite(reglemente)}).")
