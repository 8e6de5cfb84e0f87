"""Direktupphandlingar av samma slag under räkenskapsåret når tillsammans direktupphandlingsgränsen.

## Vad kontrolleras

Avtalen som direktupphandlats som lågt värde räknas samman per kategori i registret (inköp av samma
slag), per räkenskapsår (kalenderåret då de upphandlades) och per upphandlande myndighet: hela
organisationen eller varje nämnd, som registret anger (`aggregation_unit`). Leverantören spelar ingen roll.
När summan når den direktupphandlingsgräns som gällde när det senaste avtalet upphandlades ges en
varning vid det avtalet, med de avtal som räknats. Avrop från ramavtal och avtal på andra grunder
räknas inte.

## Varför

Det är förbjudet att dela upp ett inköp för att komma under gränsen, och direktupphandlingar av
samma slag under räkenskapsåret räknas samman. En varning, eftersom det krävs en bedömning av om
inköpen verkligen är av samma slag.

## Lagrum

LOU (2016:1145) 19 a kap. (direktupphandlingar av samma slag under räkenskapsåret räknas samman)
och 5 kap. (förbud mot att dela upp).

## Exempel som godkänns

```yaml
# konsulttjänster 2026, hela organisationen: tillsammans 380 000 kr
- {id: AVT-KS-2026-004, category: konsulttjanster, procurement: {ground: direktupphandling, date: "2026-03-04"}, value_sek: 295000}
- {id: AVT-KS-2026-011, category: konsulttjanster, procurement: {ground: direktupphandling, date: "2026-06-02"}, value_sek: 85000}
```

## Exempel som underkänns

```yaml
# konsulttjänster 2026, hela organisationen: tillsammans 795 000 kr
- {id: AVT-KS-2026-004, category: konsulttjanster, procurement: {ground: direktupphandling, date: "2026-03-04"}, value_sek: 295000}
- {id: AVT-SN-2026-004, category: konsulttjanster, procurement: {ground: direktupphandling, date: "2026-05-05"}, value_sek: 210000}
- {id: AVT-BUN-2026-001, category: konsulttjanster, procurement: {ground: direktupphandling, date: "2026-01-12"}, value_sek: 290000}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.contracts import aggregation_groups, below_limit, contracts_model, direct_limit
from generators.wording.swedish import kronor

RULE = Rule("AR104", "same-kind-aggregation", "warning", "Direktupphandlingar av samma slag under räkenskapsåret håller sig under gränsen.",
            needs=("reference", "procurement", "contract"))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for register in contracts_model(model).registers:
        for (unit, category, year), members in sorted(aggregation_groups(register).items()):
            total = 0
            for i, contract in enumerate(members):
                total += contract.value_sek
                dated, _ = direct_limit(model, contract.regime, contract.procurement.day)
                if i == 0 or dated is None or dated.value is None or below_limit(total, dated):
                    continue  # a contract that reaches the limit alone is AR103's
                name = register.categories[category].name.lower() if category in register.categories else category
                counted = ", ".join(f"{c.id} ({kronor(c.value_sek)})" for c in members[:i + 1])
                org = model.organisation
                whom = (org.words.definite if org is not None else "organisationen") if unit == "organisation" else unit
                yield RULE.at(contract.source.at("value_sek"), f"Direktupphandlingar av {name} som {whom} gjort {year} uppgår med avtal "
                              f"{contract.id} till {kronor(total)}, vilket når direktupphandlingsgränsen {kronor(dated.value)}: "
                              f"{counted}. Inköp av samma slag under räkenskapsåret räknas samman; pröva om de skulle ha upphandlats "
                              "tillsammans.")
                break
