"""Det tredje atteststeget tas av någon som är oberoende av de två första attestanterna.

## Vad kontrolleras

Att det för varje ansvar där det tredje steget kan bli aktuellt (ansvaret bär en kategori som steget
gäller, eller beloppsnivån tillåter belopp från stegets beloppsgräns) finns en attestant för steget som
varken är granskaren, beslutsattestanten eller ersättaren och inte står under någon av dem i
linjeorganisationen. Är den ordinarie attestanten för steget inte oberoende tar reglementets ersättare
steget; är ingen av dem oberoende är det ett fel. Kontrollen görs bara när attestreglementet har ett
tredje steg (`third_step`).

## Varför

Det tredje steget finns för att någon utanför linjen ska stämma av fakturan mot avtalet. Står den som
tar steget under beslutsattestanten kan chefen påverka kontrollen av sina egna inköp.

## Lagrum

Lokal regel: attestreglementets paragraf om det tredje atteststeget (i exemplets attestreglemente 11 §). Regeln är
organisationens eget val, inte lag.

## Exempel som godkänns

```yaml
third_step: {attestant: {position: avtalscontroller}, substitute: {position: kanslichef}, categories: [konsulttjanster]}
# ansvar 1110 har upphandlingschefen som beslutsattestant: avtalscontrollern står under
# upphandlingschefen, så kanslichefen tar steget.
```

## Exempel som underkänns

```yaml
third_step: {attestant: {position: avtalscontroller}, substitute: {position: redovisningschef}, categories: [konsulttjanster]}
# ansvar 1100 har ekonomidirektören som beslutsattestant: båda står under ekonomidirektören.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.attest._support import rows
from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.attest import independent_third, third_step_may_apply

RULE = Rule("AT105", "third-step-independent", "error", "Det tredje atteststeget tas av någon oberoende av de två första.",
            needs=("organisation", "attest"))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for _, reglemente, ansvar in rows(model):
        third = reglemente.third_step
        if third is None or not third_step_may_apply(reglemente, ansvar):
            continue
        if independent_third(org, reglemente, ansvar) is None:
            yield RULE.at(ansvar.decider.source or ansvar.source,
                          f"Varken {org.label(third.attestant).lower()} eller {org.label(third.substitute).lower()} är oberoende av "
                          f"attestanterna på ansvar {ansvar.code} ({ansvar.name}): båda är någon av dem eller står under dem i linjen. "
                          f"Byt beslutsattestant eller ange en annan ersättare för det tredje steget ({third.rule.cite(reglemente)}).")
