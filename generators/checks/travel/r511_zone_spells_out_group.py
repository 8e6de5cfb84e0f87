"""En resmålszon som räknar upp en landgrupps länder ska ange gruppen i stället.

## Vad kontrolleras

Varje zon i rese- och mötespolicyn vars `include.countries` räknar upp länder hålls mot varje
landgrupp i referensdatan (`policies/reference/`, till exempel `eu`, `eu-ees` och `norden`) som den
ser ut på policyns första giltighetsdag och varje dag under giltighetstiden då en landgrupp ändras.
Av gruppens länder räknas bara de som inte redan ligger i en annan uppräknad zon; de andra har sin
egen zon. Varning ges i två fall:

- **Nästan hela gruppen.** Zonens lista tar minst fyra femtedelar av de länderna men inte alla: de
  som fattas och inte dras bort med `exclude` hamnar i zonen för resten av världen. Meddelandet
  räknar upp dem och gruppen.
- **Hela gruppen utskriven.** Zonens lista tar alla de länderna, och de är minst fyra femtedelar av
  gruppen. Listan följer inte med när medlemskapet ändras.

I båda fallen är rådet att skriva `groups: [eu]` (gruppens id), med `exclude` för det som ska
ligga utanför zonen.

## Varför

En zon skriven som en lista över EU:s länder där Kroatien saknas godkänns av zonkontrollen (R502):
Kroatien hamnar i zonen för resten av världen, och en resa till Zagreb kräver plötsligt det beslut
som policyn ställer för resor utanför EU/EES. En lista som tar med alla länder blir fel den dag ett
land går med i eller lämnar gruppen, utan att någon har ändrat policyn. Gruppen i referensdatan är
daterad och följer medlemskapet.

Gränsen fyra femtedelar skiljer ett glömt land från ett medvetet urval. Den som glömmer ett land
har skrivit av nästan hela listan: EU utan Kroatien är 33 av 34 koder, en lista från före 2013 saknar
bara Kroatien. Ett medvetet urval är en mindre del av gruppen: euroländerna är 20 av EU:s 27
medlemsstater (under fyra femtedelar), och Övriga Norden utan Färöarna och Grönland är 5 av
Nordens 8 koder. Ett urval som ändå tar nästan hela gruppen skrivs tydligare som gruppen med
`exclude` för det som ska vara utanför; då varnar kontrollen inte, eftersom det som dragits bort
är ett uttryckligt val. Finns två grupper som zonen nästan täcker (EU och EU/EES) nämns den där
minst fattas och som listan passar bäst. Räknar zonen upp hela EU/EES nämns bara EU/EES, inte EU
som ingår i den, och en grupp som står helt i listan nämns inte som nästan täckt av de större
grupper den ingår i.

Varningen är en varning och inte ett fel: listan kan vara ett medvetet val, och den som skrivit den
ska ta ställning, antingen genom att ange gruppen eller genom att skriva vad som dras bort.

## Lagrum

Ingen lag; kontrollen skyddar organisationens egen zonindelning i rese- och mötespolicyn (lokal
regel). EU:s medlemsstater enligt fördragen (artikel 52 i fördraget om Europeiska unionen), som
referensdatan `eu` anger.

## Exempel som godkänns

```yaml
  - id: eu_ees_utom_norden
    name: Övriga EU/EES
    include:
      groups: [eu-ees]
    exclude:
      groups: [norden]
```

## Exempel som underkänns

```yaml
  - id: eu
    name: EU
    include:   # EU:s länder utom HR (Kroatien), som hamnar i Övriga världen
      countries: [AT, BE, BG, CY, CZ, DE, DK, EE, ES, FI, FR, GR, HU, IE, IT, LT, LU, LV, MT, NL,
                  PL, PT, RO, SE, SI, SK, AX, GF, GP, MQ, RE, YT, MF]
```
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from generators.checks.rule import CheckContext, Rule
from generators.checks.travel._support import period_text
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.reference import ReferenceData
from generators.model.travel import ISO_SERIES, TravelPolicy, Zone
from generators.wording.countries import named_codes
from generators.wording.swedish import join

RULE = Rule("R511", "zone-spells-out-group", "warning", "En zon som räknar upp en landgrupps länder anger gruppen i stället.",
            needs=("reference",), per_document="travel")

# How much of a group a zone's list must take to count as "the group" (see the docstring: a
# forgotten country against a deliberate selection such as the euro countries).
MOST = Fraction(4, 5)


@dataclass(frozen=True, slots=True)
class _Finding:
    zone: int
    group: str
    missing: frozenset[str]  # empty: the whole group is spelled out


def _groups(reference: ReferenceData) -> list[str]:
    """The country groups a zone could name; the ISO list is the world, not a group."""
    return sorted(s.id for s in reference.series.values() if s.kind == "country_group" and s.id != ISO_SERIES)


def _findings_on(policy: TravelPolicy, day: date, reference: ReferenceData, groups: list[str]) -> Iterator[_Finding]:
    explicit = [(i, z) for i, z in enumerate(policy.zones) if not z.rest]
    members = {i: policy.explicit_members(z, day, reference) for i, z in explicit}
    for i, zone in explicit:
        written = frozenset(zone.include.countries) if zone.include else frozenset()
        if not written:
            continue
        excluded = zone.exclude.resolve(day, reference) if zone.exclude else frozenset()
        elsewhere = frozenset().union(*(m for j, m in members.items() if j != i))
        spelled: dict[str, frozenset[str]] = {}
        near: list[tuple[int, int, int, str, frozenset[str]]] = []
        for group_id in groups:
            value = reference.value_on(group_id, day)
            if value is None or not value.countries:
                continue
            group = frozenset(value.countries)
            relevant = group - elsewhere  # the group's countries no other zone has taken
            if not relevant or Fraction(len(written & relevant), len(relevant)) < MOST:
                continue
            missing = relevant - members[i] - excluded  # neither in the zone nor deliberately left out
            if relevant <= written and Fraction(len(relevant), len(group)) >= MOST:
                spelled[group_id] = group
            elif missing:
                # Best fit first: fewest missing, then fewest listed countries outside the group, then the smaller group.
                near.append((len(missing), len(written - group), len(group), group_id, missing))
        # The largest group spelled out (EU/EES rather than EU within it), once.
        for group_id, group in spelled.items():
            if not any(group < other for other in spelled.values()):
                yield _Finding(i, group_id, frozenset())
        # The closest group only (EU rather than EU/EES), and none that a spelled-out group explains.
        near = [n for n in near if not any(g < _members(reference, n[3], day) for g in spelled.values())]
        if near:
            *_, group_id, missing = min(near)
            yield _Finding(i, group_id, missing)


def _members(reference: ReferenceData, group_id: str, day: date) -> frozenset[str]:
    value = reference.value_on(group_id, day)
    return frozenset(value.countries if value is not None else ())


def _message(zone: Zone, finding: _Finding, title: str, rest: str | None, when: str) -> str:
    if finding.missing:
        where = f"hamnar i zonen {rest}" if rest else "ligger inte i någon zon"
        return (f"Zonen {zone.name} räknar upp nästan alla länder i landgruppen ”{title}” ({finding.group}) men inte "
                f"{join(named_codes(finding.missing))}, som därför {where}, {when}. Skriv groups: [{finding.group}] i stället för "
                "listan, och dra bort det som medvetet ska ligga utanför med exclude.")
    return (f"Zonen {zone.name} räknar upp alla länder i landgruppen ”{title}” ({finding.group}), {when}. Skriv groups: "
            f"[{finding.group}] i stället, så följer zonen med när ett land går med i eller lämnar gruppen.")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    reference = model.reference
    groups = _groups(reference)
    for policy in model.travel:
        days = reference.split_points(groups, policy.meta.valid_from, policy.meta.valid_to)
        seen: dict[_Finding, list[date]] = {}
        for day in days:
            for finding in _findings_on(policy, day, reference, groups):
                seen.setdefault(finding, []).append(day)
        rest = next((z.name for z in policy.zones if z.rest), None)
        for finding, on in seen.items():
            zone = policy.zones[finding.zone]
            series = reference.get(finding.group)
            title = series.title if series is not None else finding.group
            assert zone.include is not None
            yield RULE.at(zone.include.source.at("countries"), _message(zone, finding, title, rest, period_text(on, days)))
