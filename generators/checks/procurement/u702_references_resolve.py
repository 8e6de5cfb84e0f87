"""Tabeller, regelverk, kategorier och referensvärden i upphandlingspolicyn hänger ihop.

## Vad kontrolleras

Att varje tabell med värdeintervall hänvisar till ett regelverk (`regimes`) och en kategori
(`categories`) som finns, att kategorin hör till regelverket, och att varje kombination av
regelverk och kategori har exakt en tabell. Att regelverkens och intervallens hänvisningar till
referensdata (direktupphandlingsgräns, dokumentationsgräns, EU:s tröskelvärden) finns under
`policies/reference/` som daterade belopp i kronor, och har ett värde från den dag policyn börjar
gälla. Att regelverk och kategorier har unika id:n.

## Varför

En tabell för en kategori som regelverket inte har, eller en gräns som hänvisar till ett
referensvärde som inte finns, ger intervall som ingen kan räkna ut. Lagens gränser ska alltid komma
från daterad referensdata med källa, aldrig skrivas in som egna belopp.

## Lagrum

LOU (2016:1145) och LUF (2016:1146): 5 kap. (värdet), 19 a kap. (direktupphandling); EU:s
tröskelvärden enligt upphandlingsdirektiven, publicerade av Konkurrensverket.

## Exempel som godkänns

```yaml
regimes: [{id: lou, categories: [varor_och_tjanster], direct_procurement_limit: direktupphandlingsgrans, ...}]
band_tables: [{id: lou-varor-och-tjanster, regime: lou, category: varor_och_tjanster, ...}]
```

## Exempel som underkänns

```yaml
band_tables: [{id: lou-varor, regime: lou, category: varor, ...}]        # kategorin finns inte
regimes: [{id: lou, direct_procurement_limit: direktupphandlingsgrans-lou, ...}]   # finns inte i referensdata
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.common import SourceRef
from generators.model.procurement import ProcurementPolicy

RULE = Rule("U702", "procurement-references", "error", "Tabeller, regelverk, kategorier och referensvärden hänger ihop.",
            needs=("procurement", "reference"), per_document="procurement")

_KINDS = {"regime": ("regelverket", "regelverk"), "category": ("kategorin", "kategori")}


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for policy in model.procurement:
        for kind, entity_id, source in policy.duplicates:
            yield RULE.at(source.at("id"), f"Id:t '{entity_id}' används redan för {_KINDS[kind][0]} ovanför. Varje {_KINDS[kind][1]} behöver ett eget id.")
        yield from _tables(policy)
        yield from _series(model, policy)


def _tables(policy: ProcurementPolicy) -> Iterator[Diagnostic]:
    seen: dict[tuple[str, str], str] = {}
    for table in policy.tables:
        regime = policy.regimes.get(table.regime)
        if regime is None:
            yield RULE.at(table.source.at("regime"), f"Tabellen {table.id} hänvisar till regelverket '{table.regime}', som inte finns under regimes. Finns: {', '.join(policy.regimes)}.")
        if table.category not in policy.categories:
            yield RULE.at(table.source.at("category"), f"Tabellen {table.id} hänvisar till kategorin '{table.category}', som inte finns under categories. Finns: {', '.join(policy.categories)}.")
        elif regime is not None and table.category not in regime.categories:
            yield RULE.at(table.source.at("category"), f"Tabellen {table.id} gäller kategorin {table.category}, men regelverket {regime.id} har inte den kategorin (categories: {', '.join(regime.categories)}).")
        key = (table.regime, table.category)
        if key in seen:
            yield RULE.at(table.source, f"Regelverket {table.regime} och kategorin {table.category} har redan tabellen {seen[key]}. Varje kombination ska ha exakt en tabell, annars går det inte att avgöra vilket intervall som gäller.")
        seen.setdefault(key, table.id)
    for regime in policy.regimes.values():
        for index, category in enumerate(regime.categories):
            if category not in policy.categories:
                yield RULE.at(regime.source.at("categories", index), f"Regelverket {regime.id} nämner kategorin '{category}', som inte finns under categories.")
            elif (regime.id, category) not in seen:
                yield RULE.at(regime.source.at("categories", index), f"Regelverket {regime.id} har kategorin {category} men ingen tabell med värdeintervall för den. Lägg till en tabell under band_tables.")
        for category, (_, source) in regime.eu_thresholds.items():
            if category not in regime.categories:
                yield RULE.at(source.at("category"), f"Regelverket {regime.id} anger ett tröskelvärde för kategorin '{category}', som inte hör till regelverket.")


def _series(model: Model, policy: ProcurementPolicy) -> Iterator[Diagnostic]:
    uses: list[tuple[str, SourceRef, str]] = []
    for regime in policy.regimes.values():
        uses.append((regime.direct_procurement_limit, regime.source.at("direct_procurement_limit"), "direktupphandlingsgränsen"))
        uses.append((regime.documentation_threshold, regime.source.at("documentation_threshold"), "dokumentationsgränsen"))
        uses += [(ref, source.at("reference"), "tröskelvärdet") for ref, source in regime.eu_thresholds.values()]
    for band in policy.bands():
        for bound in (band.lower, band.upper):
            if bound.reference is not None:
                uses.append((bound.reference, bound.source.at("reference"), f"en gräns i intervallet {band.id}"))
            elif bound.amount is not None and bound.amount.unit != "sek":
                uses.append((bound.amount.unit, bound.source.at("amount", "unit"), f"en gräns i intervallet {band.id}"))
    known = sorted(s for s, series in model.reference.series.items() if series.kind == "amount")
    for series_id, source, what in uses:
        series = model.reference.get(series_id)
        if series is None:
            yield RULE.at(source, f"{what.capitalize()} hänvisar till referensdata '{series_id}', som inte finns under policies/reference/. Belopp som finns: {', '.join(known)}.")
        elif series.kind != "amount":
            yield RULE.at(source, f"{what.capitalize()} hänvisar till '{series_id}' ({series.source.file}), som inte är ett belopp utan {series.kind}.")
        elif series.values and policy.meta.valid_from < series.values[0].valid_from:
            yield RULE.at(source, f"{what.capitalize()}: {series.title} har inget värde före {series.values[0].valid_from.isoformat()} "
                                  f"({series.source.file}), men {policy.meta.title} gäller från {policy.meta.valid_from.isoformat()}.")
