"""Varje deklarationsgrupp anger hur ofta deklarationen förnyas.

## Vad kontrolleras

Att varje grupp under `declarations` anger `renew_every_months`, hur många månader som får gå innan
deklarationen lämnas på nytt.

## Varför

Intressen och bisysslor ändras. En deklaration som lämnades när någon anställdes säger inget om
uppdragen i dag, och utan ett intervall kan ingen se när en deklaration är för gammal.

## Lagrum

Lokal regel: riktlinjerna mot jäv. Bisysslor: LOA 7 c §.

## Exempel som godkänns

```yaml
- {id: chefer, paragraph: "4 §", declarants: [{role_type: chef}], what: "…", to: {relative: narmaste_chef}, renew_every_months: 12}
```

## Exempel som underkänns

```yaml
- {id: chefer, paragraph: "4 §", declarants: [{role_type: chef}], what: "…", to: {relative: narmaste_chef}}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.jav import guidelines

RULE = Rule("JV103", "renewal-set", "error", "Varje deklarationsgrupp anger hur ofta deklarationen förnyas.", needs=("jav",))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for g in guidelines(model):
        for d in g.declarations:
            if d.renew_every_months is None:
                yield RULE.at(d.source.at("id"), f"Deklarationsgruppen '{d.id}' anger inte hur ofta deklarationen förnyas. Ange "
                                                 f"renew_every_months, till exempel 12 ({g.cite(d.paragraph)}).")
