"""Resmålszonerna delar upp världen: varje land ligger i exakt en zon.

## Vad kontrolleras

Att zonerna i rese- och mötespolicyn tillsammans omfattar varje kod i ISO 3166-1 alfa-2 exakt en
gång. En zon är de länder som `include` anger minus de som `exclude` anger, med landgruppernas
innehåll den dag resan görs; zonen med `rest: true` tar alla koder som ingen annan zon tar, och det
får finnas högst en sådan zon. Kontrollen görs för policyns första giltighetsdag och för varje dag
under giltighetstiden då en landgrupp som zonerna använder ändras (till exempel när ett land går
med i eller lämnar EU). Land som ligger i två zoner och land som inte ligger i någon zon räknas upp.

## Varför

Beslutstabellen säger vem som godkänner en resa till en zon. Ett land i två zoner har två olika
beslutsfattare; ett land utanför alla zoner har ingen. Båda betyder att en resa kan godkännas av
någon som saknar mandat, som när en studieresa utanför EU godkändes på fel nivå.

## Lagrum

Ingen lag; organisationens rese- och mötespolicy (KL 6 kap. 37 § och 7 kap. 5 § för de resor som är
delegerade ärenden).

## Exempel som godkänns

```yaml
zones:
  - {id: sverige, name: Sverige, include: {countries: [SE]}}
  - {id: norden_utom_sverige, name: Övriga Norden, include: {groups: [norden]}, exclude: {countries: [SE, FO, GL]}}
  - {id: eu_ees_utom_norden, name: Övriga EU/EES, include: {groups: [eu-ees]}, exclude: {groups: [norden]}}
  - {id: varlden, name: Övriga världen, rest: true}
```

## Exempel som underkänns

```yaml
  - {id: eu_ees_utom_norden, name: Övriga EU/EES, include: {groups: [eu-ees]}}   # DK, FI, IS, NO, SE också i andra zoner
```
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from generators.checks.rule import CheckContext, Rule
from generators.checks.travel._support import codes, period_text
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.travel import ISO_SERIES

RULE = Rule("R502", "zones-partition", "error", "Varje land ligger i exakt en resmålszon.", needs=("reference",), per_document="travel")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    reference = model.reference
    for policy in model.travel:
        rests = [z for z in policy.zones if z.rest]
        for extra in rests[1:]:
            yield RULE.at(extra.source.at("rest"), f"Zonen {extra.name} har rest: true, men det har redan zonen {rests[0].name}. "
                          "Bara en zon kan omfatta resten av världen.")
        days = policy.check_dates(reference)
        overlaps: dict[tuple[int, int, frozenset[str]], list[date]] = {}
        uncovered: dict[frozenset[str], list[date]] = {}
        for day in days:
            iso_value = reference.value_on(ISO_SERIES, day)
            if iso_value is None:
                continue  # R501 says the ISO list is missing
            iso = frozenset(iso_value.countries)
            explicit = [(i, z) for i, z in enumerate(policy.zones) if not z.rest]
            members = {i: policy.explicit_members(z, day, reference) & iso for i, z in explicit}
            for n, (i, _) in enumerate(explicit):
                for j, _ in explicit[n + 1:]:
                    shared = members[i] & members[j]
                    if shared:
                        overlaps.setdefault((i, j, shared), []).append(day)
            missing = iso - frozenset().union(*members.values()) if not rests else frozenset()
            if missing:
                uncovered.setdefault(missing, []).append(day)
        for (i, j, shared), seen in overlaps.items():
            first, second = policy.zones[i], policy.zones[j]
            yield RULE.at(
                second.source.at("include"),
                f"Zonerna {first.name} och {second.name} omfattar båda {codes(shared)} ({period_text(seen, days)}). "
                f"Ett land får bara ligga i en zon; dra bort dem med exclude i den ena zonen.",
            )
        for missing, seen in uncovered.items():
            yield RULE.at(
                policy.source.at("zones"),
                f"Landkoderna {codes(missing)} ligger inte i någon zon ({period_text(seen, days)}), så ingen kan godkänna resor dit. "
                "Lägg till dem i en zon eller lägg till en zon med rest: true för resten av världen.",
                at_key=True,
            )

