"""En utbildning som enligt policyn gäller alla chefer omfattar också varje chef.

## Vad kontrolleras

Organisationens egen regel, när upphandlingspolicyn anger den: en utbildning med
`all_managers: true` (i exemplet webbutbildningen för certifierade beställare) ska genom
`required_for` omfatta varje chefsbefattning i organisationen (direktör, förvaltningschef,
avdelningschef och enhetschef), så att cheferna är certifierade även när de inte själva beställer.
En policy som inte anger regeln kontrolleras inte här: ingen lag kräver att alla som köper in, eller
alla chefer, går en viss utbildning. Att certifieringen förnyas (`renewal_months`, minst 1 månad)
kontrolleras redan av schemat.

## Varför

Flera kommuner införde efter uppmärksammade fall en obligatorisk webbutbildning för certifierade
beställare, för chefer och för alla som köper. Har organisationen valt den regeln får utbildningens
målgrupp inte säga emot den: en chef som saknas i `required_for` är inte certifierad fast policyn
säger att alla chefer ska vara det.

## Lagrum

Lokal regel: upphandlingspolicyns avsnitt om utbildning (`training`, den utbildning som anger
`all_managers: true`). Ingen lag kräver utbildningen; den är ett led i nämndernas interna kontroll
(KL 6 kap. 6 §).

## Exempel som godkänns

```yaml
training:
  - {id: certifierad-bestallare, mandatory: true, renewal_months: 24, required_for: [{role_type: chef}],
     all_purchasers: true, all_managers: true, required_before_purchasing: true, ...}
```

## Exempel som underkänns

```yaml
training:
  - {id: certifierad-bestallare, mandatory: true, renewal_months: 24, required_for: [{role_type: chef_kommunledning}],
     all_purchasers: true, all_managers: true, required_before_purchasing: true, ...}   # cheferna i nämndernas förvaltningar saknas
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("U711", "purchaser-training", "error", "En utbildning som ska gälla alla chefer omfattar varje chef (lokal regel).",
            needs=("procurement", "organisation"), per_document="procurement")

MANAGER_LEVELS = ("direktor", "forvaltningschef", "avdelningschef", "enhetschef")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    managers = [p for p in org.positions.values() if p.level in MANAGER_LEVELS]
    for policy in model.procurement:
        for training in policy.training:
            if not training.all_managers:
                continue  # no such rule stated: nothing is demanded
            covered = {pid for actor in training.required_for for pid in org.positions_of(actor)}
            missing = [p for p in managers if p.id not in covered]
            if missing:
                names = ", ".join(p.title for p in missing[:6]) + (f" och {len(missing) - 6} till" if len(missing) > 6 else "")
                yield RULE.at(training.source.at("required_for"), f"Utbildningen {training.name} ska enligt policyn gälla alla chefer "
                                                                 f"(all_managers: true), men omfattar inte {names}. Lägg till till exempel "
                                                                 "{role_type: chef} under required_for, eller ta bort regeln om den inte gäller.")
