"""Hänvisningar inom organisationen pekar på något som finns.

## Vad kontrolleras

Att varje befattnings förvaltning, enhet och närmaste överordnad finns; att varje organs moderorgan
och förvaltning finns; att varje förvaltnings chef och de organ den betjänar finns; att rolltypers
medlemmar och förvaltning finns; att organisationsfilens dokumentägare finns.

## Varför

Linjeorganisationen är grunden för kontrollerna av jäv och oberoende (ingen får hantera en anmälan
om sig själv eller sin chef, ingen får godkänna sin egen resa). En hänvisning till något som inte
finns bryter kedjan.

## Lagrum

KL 7 kap. 1–2 §§ (styrelsen utser en direktör som leder förvaltningen under styrelsen).

## Exempel som godkänns

```yaml
- {id: kommunjurist, title: Kommunjurist, level: specialist, administration: kommunledningsforvaltningen, reports_to: {position: kanslichef}}
```

## Exempel som underkänns

```yaml
- {id: kommunjurist, title: Kommunjurist, level: specialist, administration: kommunledningsforvaltningen, reports_to: {position: kanslichefen}}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("O302", "organisation-references", "error", "Hänvisningar inom organisationen finns.", needs=("organisation",))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for position in org.positions.values():
        administration = org.administrations.get(position.administration)
        if administration is None:
            yield RULE.at(position.source.at("administration"), f"Befattningen {position.title} hör till förvaltningen '{position.administration}', som inte finns.")
        elif position.unit and position.unit not in administration.units:
            yield RULE.at(position.source.at("unit"), f"Enheten '{position.unit}' finns inte i {administration.name}.")
        boss = position.reports_to
        if boss.kind not in ("position", "body"):
            yield RULE.at(boss.source or position.source, f"Närmaste överordnad för {position.title} måste vara en befattning eller (för direktören) ett organ.")
        elif not org.exists(boss):
            yield RULE.at(boss.source or position.source, f"Närmaste överordnad för {position.title}: {org.missing_reason(boss)}.")
    for body in org.bodies.values():
        if body.parent and body.parent not in org.bodies:
            yield RULE.at(body.source.at("parent"), f"Moderorganet '{body.parent}' för {body.name} finns inte.")
        if body.administration and body.administration not in org.administrations:
            yield RULE.at(body.source.at("administration"), f"Förvaltningen '{body.administration}' för {body.name} finns inte.")
    for administration in org.administrations.values():
        if administration.head not in org.positions:
            yield RULE.at(administration.source.at("head"), f"Förvaltningschefen '{administration.head}' för {administration.name} finns inte bland befattningarna.")
        for index, body_id in enumerate(administration.serves):
            if body_id not in org.bodies:
                yield RULE.at(administration.source.at("serves", index), f"{administration.name} betjänar organet '{body_id}', som inte finns.")
    for role_type in org.role_types.values():
        for index, member in enumerate(role_type.members):
            if member not in org.positions:
                yield RULE.at(role_type.source.at("members", index), f"Rolltypen {role_type.title} har medlemmen '{member}', som inte finns bland befattningarna.")
        if role_type.administration and role_type.administration not in org.administrations:
            yield RULE.at(role_type.source.at("administration"), f"Förvaltningen '{role_type.administration}' för rolltypen {role_type.title} finns inte.")
