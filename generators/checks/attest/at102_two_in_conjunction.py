"""Gransknings- och beslutsattest görs av två olika befattningar.

## Vad kontrolleras

Att granskningsattestanten (`reviewer`) på varje ansvar inte kan vara samma befattning som
beslutsattestanten (`decider`) eller ersättaren (`substitute`). Är granskaren en rolltyp får rolltypen
inte omfatta beslutsattestantens eller ersättarens befattning. Kontrollen görs bara när
attestreglementet kräver två i förening (`rules.two_in_conjunction`).

På policynivå kan bara befattningar jämföras. Personer, tillförordnade och vakanser hör till
granskningen av transaktionerna i ekonomisystemet.

## Varför

Två i förening betyder att ingen ensam kan få en utbetalning godkänd. Står samma befattning för både
granskning och beslut finns bara en kontrollant.

## Lagrum

Lokal regel: attestreglementets paragraf om två i förening (i exemplets attestreglemente 6 §). Regeln är
organisationens eget val, inte lag; kommunallagen (2017:725) 6 kap. 6 § kräver att nämnden ser till att den
interna kontrollen är tillräcklig.

## Exempel som godkänns

```yaml
reviewer: {position: redovisningschef}
decider: {position: ekonomidirektor}
```

## Exempel som underkänns

```yaml
reviewer: {position: ekonomidirektor}
decider: {position: ekonomidirektor}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.attest._support import rows
from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("AT102", "two-in-conjunction", "error", "Gransknings- och beslutsattest görs av två olika befattningar.",
            needs=("organisation", "attest"))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for _, reglemente, ansvar in rows(model):
        rule = reglemente.states("two_in_conjunction")
        if rule is None:
            continue
        reviewing = set(org.positions_of(ansvar.reviewer))
        for role, actor in (("beslutsattestanten", ansvar.decider), ("ersättaren", ansvar.substitute)):
            if actor is None:
                continue
            if actor.same_as(ansvar.reviewer) or (actor.kind == "position" and actor.id in reviewing):
                yield RULE.at(ansvar.reviewer.source or ansvar.source,
                              f"Granskningsattesten för ansvar {ansvar.code} kan göras av {org.label(actor).lower()}, som också är {role}. "
                              f"Två olika befattningar ska attestera i förening ({rule.cite(reglemente)}).")
