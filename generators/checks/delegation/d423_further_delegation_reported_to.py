"""Beslut som fattas på vidaredelegation anmäls till förvaltningschefen.

## Vad kontrolleras

Att den som de allmänna bestämmelserna anger som mottagare av anmälan om beslut som fattats på
vidaredelegation (`further_delegation_reported_to`) är en förvaltningschef inom organets område: för
styrelsen direktören, för en nämnd chefen för den förvaltning som betjänar den (har
organet flera förvaltningar, någon av deras chefer). En rolltyp godkänns om alla dess befattningar är
sådana förvaltningschefer.

## Varför

Lagen bestämmer mottagaren; nämnden kan inte välja någon annan. Förvaltningschefen som
vidaredelegerat ska få veta vilka beslut som fattats i hans eller hennes ställe, och anmäler dem i sin
tur till nämnden enligt nämndens bestämmelser.

## Lagrum

KL 7 kap. 7 § (beslut som fattats med stöd av vidaredelegation enligt 7 kap. 6 § anmäls till
förvaltningschefen). Anmälan till nämnden regleras i 7 kap. 8 §.

## Exempel som godkänns

```yaml
general_provisions: {further_delegation_reported_to: {position: socialchef}, ...}
```

## Exempel som underkänns

```yaml
general_provisions: {further_delegation_reported_to: {position: nämndsekreterare}, ...}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule(
    "D423", "further-delegation-reported-to", "error", "Beslut på vidaredelegation anmäls till förvaltningschefen.",
    needs=("organisation", "delegation"), per_document="delegation",
)


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for order in model.delegations:
        actor = order.provisions.further_delegation_reported_to
        if actor is None or not org.exists(actor):
            continue  # D401 reports an unknown actor
        heads = org.heads_of_body(order.body)
        if not heads:
            continue  # O304 reports a body without a förvaltning
        positions = org.positions_of(actor)
        if positions and set(positions) <= set(heads):
            continue
        titles = ", ".join(org.positions[h].title.lower() if h in org.positions else h for h in heads)
        yield RULE.at(
            actor.source or order.provisions.source.at("further_delegation_reported_to"),
            f"Beslut som fattas på vidaredelegation anmäls här till {org.label(actor).lower()}. Enligt KL 7 kap. 7 § anmäls "
            f"de till förvaltningschefen ({titles}), som anmäler dem vidare till organet.",
        )
