"""Den som undertecknade avtalet hade mandat den dagen.

## Vad kontrolleras

För varje avtal som undertecknades en dag då en delegationsordning eller upphandlingspolicy gällde:

- med mandat i ett delegationsärende (`mandate: {matter: …}`): att ärendet fanns i en
  delegationsordning som gällde dagen för undertecknandet, och att den som undertecknade är delegat
  (eller ersättare) i den beloppsnivå där avtalets värde ligger; en befattning som hör till
  delegatens rolltyp räknas. Är delegaten ett organ (ett arbetsutskott, ett presidium) avgör
  upphandlingspolicyns regel för firmateckning vem som undertecknar;
- med mandat i en regel för firmateckning (`mandate: {signing_rule: …}`): att regeln finns i den
  upphandlingspolicy som gällde och att den som undertecknade är den regeln anger, eller ersättaren.

Avtal som undertecknades innan någon av organisationens nuvarande delegationsordningar gällde prövas inte:
mandatet går då inte att se i registrets underlag.

## Varför

Ett avtal som undertecknats av någon utan mandat binder kanske inte organisationen, och det är ett tecken
på att inköp har gått förbi delegationsordningen.

## Lagrum

KL (2017:725) 6 kap. 37 § och 7 kap. 5 § (delegering till anställda); lokal regel:
upphandlingspolicyns regler för firmateckning.

## Exempel som godkänns

```yaml
value_sek: 345000
signed: {by: {position: direktor}, on: "2026-03-04", mandate: {matter: ks-upphandling-direktupphandling}}
```

## Exempel som underkänns

```yaml
value_sek: 345000     # över 3 prisbasbelopp: direktörens nivå
signed: {by: {position: it_chef}, on: "2026-03-04", mandate: {matter: ks-upphandling-direktupphandling}}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.contracts import contracts_model, signer_mandate

RULE = Rule("AR102", "signer-mandate", "error", "Den som undertecknade avtalet hade mandat den dagen.",
            needs=("organisation", "delegation", "procurement", "contract"))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    for _register, contract in contracts_model(model).contracts():
        answer = signer_mandate(model, contract)
        if answer.ok is False:
            signer = contract.signed.by
            who = org.label(signer) if org is not None and org.exists(signer) else signer.id
            where = ""
            if answer.where is not None:
                where = f" ({answer.where.file}:{answer.where.location().line})"
            yield RULE.at(contract.signed.source.at("by"), f"Avtal {contract.id} undertecknades {contract.signed.on.isoformat()} av "
                          f"{who}, som inte hade mandat: {answer.reason}{where}.")
