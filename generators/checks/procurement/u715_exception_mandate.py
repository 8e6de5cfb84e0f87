"""Den som beslutar om ett undantag enligt lag har en delegation för det.

## Vad kontrolleras

För varje undantag enligt lag i upphandlingspolicyn (`exceptions`, till exempel synnerlig brådska)
som anger en bestämd beslutsfattare (`decided_by` med `matter`): att ärendet finns i en
delegationsordning som gäller under hela policyns giltighetstid (kontrolleras på policyns
kontrolldagar) och att beslutsfattaren är delegat i ärendet. Ett undantag som i stället säger att
beslutet fattas av den som beslutar i värdeintervallet har sitt mandat där, och kontrolleras av U707.

## Varför

Ett beslut att upphandla utan annonsering är ett av de allvarligaste besluten i en upphandling; det
kan leda till att avtalet ogiltigförklaras och till upphandlingsskadeavgift. Den som fattar det ska ha
ett mandat som går att peka på.

## Lagrum

LOU (2016:1145) 6 kap. 15 § (synnerlig brådska); KL (2017:725) 6 kap. 37 §, 6 kap. 39 § (brådskande
ärenden) och 7 kap. 5 §.

## Exempel som godkänns

```yaml
exceptions:
  - {id: synnerlig-bradska, decision: "Den som beslutar i värdeintervallet …", ...}
```

## Exempel som underkänns

```yaml
exceptions:
  - {id: synnerlig-bradska, decided_by: {position: upphandlare}, matter: ks-upphandling-tilldelning, ...}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.procurement.common import where
from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.procurement import find_matter, mandate_dates

RULE = Rule("U715", "exception-mandate", "error", "Den som beslutar om ett undantag enligt lag har en delegation för det.",
            needs=("procurement", "delegation", "organisation"), per_document="procurement")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for policy in model.procurement:
        for exception in policy.exceptions:
            if exception.decided_by is None or exception.matter is None:
                continue
            who = org.label(exception.decided_by)
            for day in mandate_dates(policy, model):
                found = find_matter(model, exception.matter, day)
                if found is None:
                    yield RULE.at(exception.source.at("matter"), f"Undantaget {exception.name} beslutas av {who} med stöd av ärendet "
                                                                 f"'{exception.matter}', som inte finns i någon delegationsordning som gäller {day.isoformat()}.")
                    break
                order, matter = found
                if not any(a.same_as(exception.decided_by) for a in matter.all_delegates()):
                    yield RULE.at(exception.decided_by.source or exception.source,
                                  f"Undantaget {exception.name} beslutas av {who}, men {who} är inte delegat i ärende {matter.number} "
                                  f"({matter.id}) i {order.meta.title} ({where(matter.source)}).")
                    break
