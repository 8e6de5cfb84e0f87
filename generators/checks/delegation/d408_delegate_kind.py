"""Delegaten är ett utskott, presidiet, en ledamot eller ersättare i organet, eller en anställd.

## Vad kontrolleras

Att varje delegat är något som kommunallagen tillåter: organets eget utskott eller presidium, en
ledamot eller ersättare (ordföranden och vice ordförande inräknade) i det egna organet, eller en
anställd i kommunen (en befattning, en rolltyp eller en relativ chef). En extern part får vara delegat
bara om den är en annan kommuns anställda under avtalssamverkan och ärendet hänvisar till
KL 9 kap. 37 §. Organet självt, ett annat organs utskott eller en politisk post i ett annat organ
är inte tillåtna.

## Varför

En nämnd får bara delegera till de mottagare lagen räknar upp. Ett beslut som fattas av någon annan
saknar stöd och kan upphävas. Blandad delegering (en förtroendevald och en anställd tillsammans)
prövas av D403.

## Lagrum

KL 6 kap. 37 § (utskott, ledamot, ersättare), 7 kap. 5 § (anställd), 9 kap. 37 § (anställd i en
annan kommun vid avtalssamverkan — aldrig den kommunens förtroendevalda eller ett bolags personal).

## Exempel som godkänns

```yaml
delegate: {body: socialnamnden_individutskott}   # i socialnämndens delegationsordning
```

## Exempel som underkänns

```yaml
delegate: {body: bun_arbetsutskott}   # ett annat organs utskott, i socialnämndens delegationsordning
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.checks.support import delegated_matters
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.organisation import in_running_text

RULE = Rule("D408", "allowed-delegate", "error", "Delegaten är en tillåten mottagare enligt KL.", needs=("organisation", "delegation"), per_document="delegation")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for order in model.delegations:
        if order.body not in org.bodies:
            continue  # D401
        own = org.bodies[order.body]
        family = org.body_family(order.body)
        for matter in delegated_matters(order):
            cites_9_37 = any(ref.sfs == "2017:725" and ref.chapter == "9" and ref.section == "37" for ref in matter.legal_basis)
            for actor in matter.all_delegates():
                if not org.exists(actor):
                    continue  # D401
                where = actor.source or matter.source
                if actor.kind == "body":
                    if actor.id == order.body:
                        yield RULE.at(where, f"Ärende {matter.number}: {own.name} kan inte delegera till sig själv. Om nämnden beslutar själv hör ärendet inte hemma i delegationsordningen.")
                    elif actor.id not in family:
                        yield RULE.at(where, f"Ärende {matter.number}: {org.label(actor)} är inte ett utskott eller presidium under {in_running_text(own.name)}. En nämnd får bara delegera till sina egna utskott (KL 6 kap. 37 §).")
                elif actor.kind == "seat":
                    if actor.body != order.body:
                        yield RULE.at(where, f"Ärende {matter.number}: {org.label(actor)} är inte en post i {in_running_text(own.name)}. En nämnd får bara delegera till sina egna ledamöter och ersättare (KL 6 kap. 37 §).")
                elif actor.kind == "external":
                    external = org.externals[actor.id]
                    if external.kind != "annan_kommun" or not cites_9_37:
                        yield RULE.at(where, f"Ärende {matter.number}: {external.name} är en extern part. Delegation utanför kommunen är bara tillåten till anställda i en annan kommun under avtalssamverkan, och ärendet ska då hänvisa till KL 9 kap. 37 §.")
