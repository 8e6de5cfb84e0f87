"""Alla chefer och alla som köper in ska vara certifierade genom den obligatoriska utbildningen.

## Vad kontrolleras

Att upphandlingspolicyn har minst en obligatorisk utbildning (`mandatory: true`) som gäller alla
som gör inköp (`all_purchasers: true`) och som krävs innan man får köpa (`required_before_purchasing:
true`) — certifieringen av beställare. Att den utbildningen, genom `required_for`, också omfattar
varje chefsbefattning i organisationen (direktör, förvaltningschef, avdelningschef och enhetschef),
så att chefer är certifierade även när de inte själva beställer. Att certifieringen förnyas
(`renewal_months`, minst 1 månad) kontrolleras redan av schemat.

## Varför

Efter de granskade kommunernas skandaler infördes en obligatorisk webbutbildning för certifierade
beställare — chefer och alla som köper. En utbildning som bara är frivillig, eller som inte
omfattar cheferna som beslutar om inköp, skyddar inte mot otillåtna direktupphandlingar och jäv.

## Lagrum

Ingen uttrycklig lagregel; kommunens egen styrning enligt KL (2017:725) 6 kap. 6 § (nämndernas
ansvar för intern kontroll) och god upphandlingssed enligt LOU (2016:1145).

## Exempel som godkänns

```yaml
training:
  - {id: certifierad-bestallare, mandatory: true, renewal_months: 24, required_for: [{role_type: chef}],
     all_purchasers: true, required_before_purchasing: true, ...}
```

## Exempel som underkänns

```yaml
training:
  - {id: certifierad-bestallare, mandatory: true, renewal_months: 24, required_for: [{role_type: chef_kommunledning}],
     all_purchasers: true, required_before_purchasing: true, ...}   # cheferna i nämndernas förvaltningar saknas
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("U711", "purchaser-training", "error", "Chefer och alla som köper in är certifierade genom en obligatorisk utbildning.",
            needs=("procurement", "organisation"), per_document="procurement")

MANAGER_LEVELS = ("direktor", "forvaltningschef", "avdelningschef", "enhetschef")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    managers = [p for p in org.positions.values() if p.level in MANAGER_LEVELS]
    for policy in model.procurement:
        certifying = [t for t in policy.training if t.mandatory and t.all_purchasers and t.required_before_purchasing]
        if not certifying:
            yield RULE.at(policy.source.at("training"), f"{policy.meta.title} har ingen obligatorisk utbildning som gäller alla som köper in "
                                                        "och som krävs innan man får köpa (mandatory, all_purchasers och "
                                                        "required_before_purchasing: true). Certifieringen av beställare saknas.")
            continue
        covered = {pid for t in certifying for actor in t.required_for for pid in org.positions_of(actor)}
        missing = [p for p in managers if p.id not in covered]
        if missing:
            training = certifying[0]
            names = ", ".join(p.title for p in missing[:6]) + (f" och {len(missing) - 6} till" if len(missing) > 6 else "")
            yield RULE.at(training.source.at("required_for"), f"Utbildningen {training.name} omfattar inte alla chefer: {names}. "
                                                             "Alla chefer ska vara certifierade, även de som inte själva beställer; "
                                                             "lägg till till exempel {role_type: chef} under required_for.")
