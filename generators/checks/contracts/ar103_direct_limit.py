"""Ett avtal som direktupphandlats som lågt värde understiger direktupphandlingsgränsen.

## Vad kontrolleras

Ett avtal vars grund är direktupphandling av lågt värde (`kind: low_value_direct` i registrets
grunder) ska ha ett värde under den direktupphandlingsgräns som gällde när det upphandlades. Gränsen
hämtas ur referensdata (den serie som upphandlingspolicyns regelverk, LOU eller LUF, anger) med
lagens jämförelse: sedan 2022-02-01 ska värdet *understiga* 700 000 kr (LOU). Värdet är avtalets
uppskattade värde exklusive moms för hela avtalstiden med optioner och förlängningar.

Ett avtal som anskaffats på en annan laglig grund — en annan grund för direktupphandling i 19 a kap.,
ett undantag i 3 kap. (till exempel hyra av en befintlig byggnad) — registreras med den grunden och
dess dokumentation och prövas inte här.

## Varför

Ett avtal över gränsen som registrerats som direktupphandling har inte upphandlats enligt lagen
(otillåten direktupphandling). Region Blekinge hittade tjänster köpta utanför LOU.

## Lagrum

LOU (2016:1145) 19 a kap. (direktupphandling av lågt värde) och 5 kap. (beräkning av värdet).

## Exempel som godkänns

```yaml
procurement: {ground: direktupphandling, date: "2026-03-04"}
value_sek: 345000
```

## Exempel som underkänns

```yaml
procurement: {ground: direktupphandling, date: "2026-03-04"}
value_sek: 900000
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.contracts import below_limit, contracts_model, direct_limit
from generators.wording.swedish import kronor

RULE = Rule("AR103", "low-value-below-limit", "error", "Ett avtal som direktupphandlats som lågt värde understiger gränsen.",
            needs=("reference", "procurement", "contract"))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for register, contract in contracts_model(model).contracts():
        ground = register.ground_of(contract)
        if ground is None or ground.kind != "low_value_direct":
            continue
        day = contract.procurement.day
        dated, series = direct_limit(model, contract.regime, day)
        if dated is None or dated.value is None:
            yield RULE.at(contract.source.at("procurement", "date"), f"Avtal {contract.id}: direktupphandlingsgränsen ({series}) är inte "
                          f"känd {day.isoformat()}; värdet kan inte prövas.", severity="warning")
            continue
        if not below_limit(contract.value_sek, dated):
            yield RULE.at(contract.source.at("value_sek"), f"Avtal {contract.id} är registrerat som {ground.name.lower()}, men värdet "
                          f"{kronor(contract.value_sek)} når direktupphandlingsgränsen {kronor(dated.value)} som gällde "
                          f"{day.isoformat()} ({dated.source_title}). Avtalet skulle ha upphandlats med ett annonserat förfarande, "
                          "eller så ska den lagliga grund som användes anges med sin dokumentation.")
