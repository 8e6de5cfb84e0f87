"""Ett påstående som räknas fram ur dokumenten är uppfyllt.

## Vad kontrolleras

Att varje påstående med `computed` i den egenvärdering som gäller i dag (`--today`) besvaras
*uppfyller helt* av dokumenten. När det inte gör det ger regeln en varning vid påståendet med
orsaken och koden för den kontroll som avgör saken, till exempel ett avtal utan avtalsägare (AR101),
en delegationsordning vars översyn har passerat (X801) eller en nämnd utan internkontrollplan (IK106).

## Varför

Egenvärderingen är organisationens samlade bild av den interna kontrollen. Ett svar som ändras för att ett
dokument ändras ska synas direkt, inte först när någon öppnar sidan.

## Lagrum

Kommunallagen (2017:725) 6 kap. 6 §.

## Exempel som godkänns

```yaml
- {id: avtalsagare, area: mojlighet-att-folja-upp, text: "Varje avtal har en avtalsägare.", computed: avtalsagare}   # alla avtal har ägare
```

## Exempel som underkänns

```yaml
- {id: internkontrollplaner, area: uppfoljning, text: "Varje nämnd har en plan.", computed: internkontrollplan_for_aret}   # en nämnd saknar plan
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.egenvardering import answer_of, egenvardering_on
from generators.wording.labels import label

RULE = Rule("EV103", "computed-not-fulfilled", "warning", "Ett påstående som räknas fram ur dokumenten är uppfyllt.",
            needs=("egenvardering", "organisation"))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    ev = egenvardering_on(model, ctx.today)
    if ev is None:
        return
    for s in ev.statements:
        if s.computed is None:
            continue
        answer = answer_of(model, s, ctx.today)
        if answer.value == "helt":
            continue
        yield RULE.at(s.source.at("computed"), f"Påståendet '{s.id}' besvaras av dokumenten: {label('self_assessment_answer', answer.value)}. "
                                               f"Orsak: {' '.join(answer.reasons)}")
