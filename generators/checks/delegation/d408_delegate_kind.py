"""Delegaten är ett utskott, presidiet, en ledamot eller ersättare i organet, eller en anställd.

## Vad kontrolleras

Att varje delegat är något som kommunallagen tillåter: organets eget utskott eller presidium, en
ledamot eller ersättare (ordföranden och vice ordförande inräknade) i det egna organet, eller en
anställd i organisationen (en befattning, en rolltyp eller en relativ chef). En extern part får vara
delegat bara om den är en annan kommuns eller regions anställda under avtalssamverkan och ärendet hänvisar till
KL 9 kap. 37 §. Organet självt, ett annat organs utskott eller en politisk post i ett annat organ
är inte tillåtna. I fullmäktiges egen delegationsordning (KL 5 kap. 2 §) är varje delegat en nämnd
eller styrelsen, och inget annat.

## Varför

En nämnd får bara delegera till de mottagare lagen räknar upp. Ett beslut som fattas av någon annan
saknar stöd och kan upphävas. Blandad delegering (en förtroendevald och en anställd tillsammans)
prövas av D403.

## Lagrum

KL 6 kap. 37 § (utskott, ledamot, ersättare), 7 kap. 5 § (anställd), 9 kap. 37 § (anställd i en
annan kommun eller region vid avtalssamverkan — aldrig dess förtroendevalda eller ett bolags personal),
5 kap. 2 § (fullmäktige uppdrar åt en nämnd att besluta).

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
from generators.model.delegation import DelegationOrder
from generators.model.organisation import in_running_text

# Partners whose employees may be delegates under avtalssamverkan (KL 9 kap. 37 §: kommuner and regioner).
PARTNER_KINDS = frozenset({"annan_kommun", "annan_region"})
# What fullmäktige may let decide in its place (KL 5 kap. 2 §: "en nämnd"; the styrelse is a nämnd).
NAMND_KINDS = frozenset({"styrelse", "namnd", "gemensam_namnd", "krisledningsnamnd"})

RULE = Rule("D408", "allowed-delegate", "error", "Delegaten är en tillåten mottagare enligt KL.", needs=("organisation", "delegation"), per_document="delegation")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for order in model.delegations:
        if order.body not in org.bodies:
            continue  # D401
        own = org.bodies[order.body]
        if own.kind == "fullmaktige":
            yield from _fullmaktige_delegates(model, order)
            continue
        family = org.body_family(order.body)
        for matter in delegated_matters(order):
            cites_9_37 = any(ref.cites("2017:725", "9", "37") for ref in matter.legal_basis)
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
                    if external.kind not in PARTNER_KINDS or not cites_9_37:
                        yield RULE.at(where, f"Ärende {matter.number}: {external.name} är en extern part. Delegation utanför organisationen är bara tillåten till anställda i en annan kommun eller region under avtalssamverkan, och ärendet ska då hänvisa till KL 9 kap. 37 §.")


def _fullmaktige_delegates(model: Model, order: DelegationOrder) -> Iterator[Diagnostic]:
    """Fullmäktige's own delegation (KL 5 kap. 2 §) goes to a nämnd and to nothing else: not to an
    utskott, a förtroendevald or an employee (those are a nämnd's delegation under 6 kap. 37 §)."""
    org = model.organisation
    assert org is not None
    for matter in delegated_matters(order):
        for actor in matter.all_delegates():
            if not org.exists(actor):
                continue  # D401
            if actor.kind == "body" and org.bodies[actor.id].kind in NAMND_KINDS:
                continue
            yield RULE.at(actor.source or matter.source,
                          f"Ärende {matter.number}: {org.label(actor)} är ingen nämnd. Fullmäktige får bara uppdra åt en nämnd (eller styrelsen) "
                          "att besluta i ett ärende eller en grupp av ärenden (KL 5 kap. 2 §).")
