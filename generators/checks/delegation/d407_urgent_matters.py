"""Brådskande ärenden delegeras bara till ordföranden eller en annan ledamot i nämnden.

## Vad kontrolleras

Att ett ärende av typen brådskande (KL 6 kap. 39 §) har en politisk post i det egna organet som
delegat: ordföranden, en vice ordförande eller en ledamot — aldrig en anställd, ett utskott eller en
post i ett annat organ. Ersättaren ska också vara en ledamot av samma organ. Att ärendet anmäls vid
nästa sammanträde.

## Varför

6 kap. 39 § är det enda undantaget från 38 §: ordföranden eller en annan ledamot som nämnden har
utsett får besluta i ärenden som är så brådskande att nämndens avgörande inte kan avvaktas. Beslutet
ska anmälas vid nämndens nästa sammanträde.

## Lagrum

KL 6 kap. 39 §.

## Exempel som godkänns

```yaml
- {kind: bradskande, delegate: {seat: ordforande, body: socialnamnden}, substitute: {seat: vice_ordforande, body: socialnamnden}, reporting: {reported: true, interval: next_meeting}, ...}
```

## Exempel som underkänns

```yaml
- {kind: bradskande, delegate: {position: socialchef}, ...}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.common import Actor
from generators.model.organisation import in_running_text

RULE = Rule("D407", "urgent-matters", "error", "Brådskande ärenden beslutas av ordföranden eller en utsedd ledamot.", needs=("organisation", "delegation"), per_document="delegation")

_MEMBER_SEATS = ("ordforande", "forste_vice_ordforande", "andre_vice_ordforande", "vice_ordforande", "ledamot")


def _is_member_of(actor: Actor, body: str) -> bool:
    return actor.kind == "seat" and actor.body == body and actor.id in _MEMBER_SEATS


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for order in model.delegations:
        body_name = org.bodies[order.body].name if order.body in org.bodies else order.body
        for matter in order.matters:
            if matter.kind != "bradskande":
                continue
            for actor in matter.all_delegates():
                if not _is_member_of(actor, order.body):
                    yield RULE.at(
                        actor.source or matter.source,
                        f"Ärende {matter.number} är ett brådskande ärende, men delegaten är {org.label(actor)}. Enligt KL 6 kap. 39 § "
                        f"får bara ordföranden eller en annan ledamot i {in_running_text(body_name)} som nämnden utsett besluta i brådskande ärenden.",
                    )
            if matter.substitute is not None and not _is_member_of(matter.substitute, order.body):
                yield RULE.at(matter.substitute.source or matter.source,
                              f"Ärende {matter.number}: ersättaren i ett brådskande ärende ({org.label(matter.substitute)}) måste vara en ledamot i {in_running_text(body_name)} (KL 6 kap. 39 §).")
            reporting = matter.reporting
            interval = reporting.interval if reporting and reporting.interval else order.provisions.reporting_interval
            if reporting is not None and (not reporting.reported or interval != "next_meeting"):
                yield RULE.at(reporting.source, f"Ärende {matter.number}: beslut i brådskande ärenden ska anmälas vid nämndens nästa sammanträde (KL 6 kap. 39 §).")
