"""LUF gäller bara den verksamhet inom vatten eller energi som organisationen faktiskt bedriver.

## Vad kontrolleras

Att ett regelverk för försörjningssektorerna (LUF, SFS 2016:1146) anger vilka enheter det gäller
(`units`, till exempel VA-avdelningen), att varje sådan enhet finns under en förvaltning i
organisationen, och att tabellerna för regelverket bara gäller de nämnder som förvaltningen med
enheten arbetar åt. Ett regelverk med `units` gäller bara de enheterna; övrig verksamhet
upphandlar enligt LOU.

## Varför

LUF har högre gränser än LOU (direktupphandling upp till 1 200 000 kr i stället för 700 000 kr).
Den får bara användas för verksamhet inom vatten, energi, transporter och posttjänster. Om
LUF-tabellerna gäller en nämnd som inte har sådan verksamhet kan den direktupphandla över LOU:s
gräns utan stöd i lag.

## Lagrum

LUF (2016:1146) 1 kap. 1 § och 1 kap. 5–11 §§ (försörjningssektorerna, bland annat dricksvatten);
LOU (2016:1145) 19 a kap.

## Exempel som godkänns

```yaml
regimes: [{id: luf, sfs: "2016:1146", units: [va_avdelningen], ...}]
band_tables: [{id: luf-varor-och-tjanster, regime: luf, bodies: [samhallsbyggnadsnamnden], ...}]
```

## Exempel som underkänns

```yaml
regimes: [{id: luf, sfs: "2016:1146", units: [va_avdelningen], ...}]
band_tables: [{id: luf-varor-och-tjanster, regime: luf, bodies: [samhallsbyggnadsnamnden, kultur_och_fritidsnamnden], ...}]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.common import Actor

RULE = Rule("U713", "supply-sector-units", "error", "LUF gäller bara enheter inom försörjningssektorerna som finns.",
            needs=("procurement", "organisation"), per_document="procurement")

SUPPLY_SECTOR_SFS = ("2016:1146",)


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    unit_owner = {unit: a for a in org.administrations.values() for unit in a.units}
    for policy in model.procurement:
        for regime in policy.regimes.values():
            if regime.sfs in SUPPLY_SECTOR_SFS and not regime.units:
                yield RULE.at(regime.source.at("sfs"), f"Regelverket {regime.id} är LUF, som bara gäller verksamhet inom försörjningssektorerna. "
                                                       "Ange under units vilka enheter (till exempel va_avdelningen) som bedriver den.")
                continue
            if not regime.units:
                continue
            served: set[str] = set()
            for index, unit in enumerate(regime.units):
                administration = unit_owner.get(unit)
                if administration is None:
                    known = ", ".join(sorted(unit_owner))
                    yield RULE.at(regime.source.at("units", index), f"Regelverket {regime.id} gäller enheten '{unit}', som inte finns under någon "
                                                                    f"förvaltning i {org.source.file}. Enheter som finns: {known}.")
                    continue
                for body in administration.serves:
                    served |= org.body_family(body)
            if not served:
                continue
            for table in policy.tables:
                if table.regime != regime.id:
                    continue
                for index, body in enumerate(table.bodies):
                    if body not in served:
                        yield RULE.at(table.source.at("bodies", index), f"Tabellen {table.id} enligt {regime.id} gäller {org.label(Actor('body', body))}, "
                                                                        f"men regelverket gäller bara enheterna {', '.join(regime.units)}, som inte arbetar åt det organet.")
