"""Deklarationen lämnas till någon som varken är den som deklarerar eller står under den.

## Vad kontrolleras

Att mottagaren av varje deklarationsgrupp (`to`) är en annan befattning än var och en som deklarerar
och inte står under någon av dem i linjeorganisationen. Mottagaren närmaste chef (`{relative:
narmaste_chef}`) står alltid över; en befattning utan chef i linjen (direktören) måste då ha en egen
grupp med en annan mottagare, till exempel styrelsens ordförande.

## Varför

Den som prövar en jävsdeklaration måste kunna säga nej. En medarbetare kan inte pröva sin chefs
intressen, och ingen prövar sina egna.

## Lagrum

Lokal regel: riktlinjerna mot jäv. Jäv: KL (2017:725) 6 kap. 28–32 §§ och 7 kap. 4 §.

## Exempel som godkänns

```yaml
- {id: direktoren, paragraph: "3 §", declarants: [{position: direktor}], what: "…", to: {seat: ordforande, body: styrelsen}}
```

## Exempel som underkänns

```yaml
- {id: direktoren, paragraph: "3 §", declarants: [{position: direktor}], what: "…", to: {position: hr_direktor}}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.jav import declaration_for, guidelines

RULE = Rule("JV102", "declared-to-independent", "error", "Deklarationen lämnas till någon som varken är den som deklarerar eller står under den.",
            needs=("jav", "organisation"))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for g in guidelines(model):
        for d in g.declarations:
            declarants = sorted({p for a in d.declarants if a.kind in ("position", "role_type") for p in org.positions_of(a)})
            problems = []
            for p in declarants:
                if d.to.kind == "relative":
                    # A position without a superior is fine when a group naming it directly sends elsewhere.
                    if not org.superiors(p) and declaration_for(org, g, p)[0] is d:
                        problems.append(f"{org.positions[p].title} har ingen chef i linjen")
                elif d.to.kind == "position":
                    if d.to.id == p:
                        problems.append(f"{org.positions[p].title} skulle pröva sin egen deklaration")
                    elif org.is_above(p, d.to.id):
                        problems.append(f"{org.positions[d.to.id].title if d.to.id in org.positions else d.to.id} står under "
                                        f"{org.positions[p].title}")
            if problems:
                yield RULE.at(d.source.at("to"), f"Deklarationerna i gruppen '{d.id}' går till en mottagare som inte är oberoende: "
                                                 f"{'; '.join(problems[:5])}{' …' if len(problems) > 5 else ''}. Ange en mottagare ovanför "
                                                 f"alla som deklarerar ({g.cite(d.paragraph)}).")
