"""Varje aktör som delegationsordningen nämner finns i organisationen.

## Vad kontrolleras

Att varje delegat, ersättare, samrådspart, mottagare av vidaredelegation, den som kontrasignerar
(`countersigning`), den som anmälan går via (`reporting.via`) och dokumentägare i en
delegationsordning finns i organisationsfilen: befattningen, rolltypen, organet, den politiska
posten i organet eller den externa parten. Att det delegerande organet finns.

## Varför

Delegation knyts till en befattning. En stavning som inte motsvarar någon befattning betyder att
ingen har fått rätten att besluta, och beslut som fattas ändå saknar stöd.

## Lagrum

KL 6 kap. 37 § och 7 kap. 5 § (till vem en nämnd får delegera).

## Exempel som godkänns

```yaml
delegate: {position: socialchef}
```

## Exempel som underkänns

```yaml
delegate: {position: socialchefen}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.checks.support import delegation_actors
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("D401", "actors-exist", "error", "Delegater och ersättare finns i organisationen.", needs=("organisation", "delegation"), per_document="delegation")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for order in model.delegations:
        if order.body not in org.bodies:
            yield RULE.at(order.source.at("body"), f"Det delegerande organet '{order.body}' finns inte i organisationen.")
        for actor, source, role in delegation_actors(order):
            if not org.exists(actor):
                yield RULE.at(source, f"{role.capitalize()}: {org.missing_reason(actor)}.")
