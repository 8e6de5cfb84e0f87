"""Direktörens egna kostnader beslutsattesteras av den politiska post reglementet anger.

## Vad kontrolleras

Att ett ansvar som bär direktörens egna kostnader (`costs_of` med den befattning reglementet anger under
`rules.director_costs.director`) har den post som reglementet anger som beslutsattestant
(`attested_by`, t.ex. styrelsens ordförande) och dess ersättare (`substitute`). Kontrollen görs
bara när attestreglementet har regeln.

## Varför

Direktören har ingen chef i förvaltningen. Den som står under direktören kan inte granska direktörens
kostnader oberoende; därför går de till styrelsens ordförande.

## Lagrum

Lokal regel: attestreglementets paragraf om direktörens kostnader (i exemplets attestreglemente 8 §). Regeln är
organisationens eget val, inte lag.

## Exempel som godkänns

```yaml
- code: "1000"
  decider: {seat: ordforande, body: styrelsen}
  substitute: {seat: forste_vice_ordforande, body: styrelsen}
  costs_of: [{position: direktor}]
```

## Exempel som underkänns

```yaml
- code: "1000"
  decider: {position: ekonomidirektor}
  costs_of: [{position: direktor}]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.attest._support import rows
from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("AT104", "director-costs", "error", "Direktörens kostnader attesteras av den post reglementet anger.",
            needs=("organisation", "attest"))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for _, reglemente, ansvar in rows(model):
        director = reglemente.director
        if director is None or not any(h.same_as(director.director) for h in ansvar.costs_of):
            continue
        cite = director.rule.cite(reglemente)
        for role, actor, wanted in (("Beslutsattestanten", ansvar.decider, director.attested_by),
                                    ("Ersättaren", ansvar.substitute, director.substitute)):
            if actor is None or actor.same_as(wanted):
                continue
            yield RULE.at(actor.source or ansvar.source,
                          f"Ansvar {ansvar.code} bär {org.label(director.director).lower()}s egna kostnader. {role} ska vara "
                          f"{org.label(wanted).lower()}, inte {org.label(actor).lower()} ({cite}).")
