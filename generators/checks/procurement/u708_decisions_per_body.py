"""Varje värdeintervall har exakt en beslutsrad för varje organ som tabellen gäller.

## Vad kontrolleras

Att varje intervall i en tabell har en beslutsrad (`decisions`) för varje organ i tabellens
`bodies`, att inget organ har två rader i samma intervall, och att intervallet inte har rader för
organ som tabellen inte gäller. Att `basis: delegation` följs av ett ärende och att `own_body` inte
gör det kontrolleras redan av schemat.

## Varför

Frågan "vem beslutar om en upphandling för 1,2 miljoner kronor åt socialnämnden?" ska ha exakt ett
svar. En nämnd utan beslutsrad i ett intervall lämnar frågan obesvarad; två rader ger två svar.

## Lagrum

KL (2017:725) 6 kap. 37 § och 7 kap. 5 § (delegationens omfattning ska vara bestämd).

## Exempel som godkänns

```yaml
bodies: [styrelsen, socialnamnden]
decisions:
  - {id: lou-vot-eu-ks, body: styrelsen, basis: delegation, matter: ks-upphandling-tilldelning}
  - {id: lou-vot-eu-sn, body: socialnamnden, basis: delegation, matter: soc-upphandling-tilldelning}
```

## Exempel som underkänns

```yaml
bodies: [styrelsen, socialnamnden]
decisions:
  - {id: lou-vot-eu-ks, body: styrelsen, basis: delegation, matter: ks-upphandling-tilldelning}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.procurement.common import table_label
from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.common import Actor

RULE = Rule("U708", "decisions-per-body", "error", "Varje intervall har en beslutsrad per organ som tabellen gäller.",
            needs=("procurement",), per_document="procurement")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    for policy in model.procurement:
        for table in policy.tables:
            label = table_label(policy, table)
            for band in table.bands:
                seen: dict[str, str] = {}
                for decision in band.decisions:
                    if decision.body not in table.bodies:
                        yield RULE.at(decision.source.at("body"), f"{label}: intervallet {band.id} har en beslutsrad för '{decision.body}', "
                                                                  f"men tabellen gäller bara {', '.join(table.bodies)}. Lägg till organet under bodies "
                                                                  "eller ta bort raden.")
                    elif decision.body in seen:
                        yield RULE.at(decision.source.at("body"), f"{label}: intervallet {band.id} har redan beslutsraden {seen[decision.body]} "
                                                                  f"för {decision.body}. Ett organ ska ha exakt en beslutsrad per intervall.")
                    seen.setdefault(decision.body, decision.id)
                for body in table.bodies:
                    if body not in seen:
                        name = org.label(Actor("body", body)) if org is not None else body
                        yield RULE.at(band.source.at("decisions"), f"{label}: intervallet {band.id} saknar beslutsrad för {name} ({body}). "
                                                                   "Ange vem som beslutar om upphandlingar i intervallet för organet.")
