"""Värdeintervallen börjar på 0 kr och följer på varandra utan glapp eller överlapp.

## Vad kontrolleras

För varje tabell med värdeintervall (ett regelverk och en kategori) i upphandlingspolicyn: att det
första intervallet börjar på 0 kr, att varje intervall börjar exakt där det föregående slutar och
att det översta intervallet saknar övre gräns (`upper: {open: true}`). Gränsernas betydelse räknas
med: en övre gräns som ingår (`inclusive: true`, "till och med") följd av en nedre gräns vid samma
belopp som inte ingår ("över") hänger ihop, liksom "under" följt av "från och med". Två gränser som
båda ingår överlappar vid just det beloppet; två som båda är uteslutna lämnar beloppet utan
intervall. Gränser som hänvisar till referensdata (till exempel direktupphandlingsgränsen) räknas om
till kronor på varje dag då ett referensvärde som policyn använder ändras under dess giltighetstid,
så att en policy som gällt sedan 2024 också håller efter att EU:s tröskelvärden ändrades 2026-01-01.
Att ett intervall inte är tomt kontrolleras också.

## Varför

Varje inköp ska höra till exakt ett intervall. Ett glapp lämnar inköp utan förfarande och
beslutsfattare; ett överlapp ger två förfaranden för samma belopp, och då väljer den som köper det
enklaste.

## Lagrum

LOU (2016:1145) 19 a kap. (direktupphandling), 19 kap. (annonserad upphandling under
tröskelvärdet) och 5 kap. (beräkning av kontraktets värde).

## Exempel som godkänns

```yaml
- {lower: {amount: {amount: 0, unit: sek}, inclusive: true}, upper: {reference: dokumentationsgrans, inclusive: false}}
- {lower: {reference: dokumentationsgrans, inclusive: true}, upper: {reference: direktupphandlingsgrans, inclusive: false}}
- {lower: {reference: direktupphandlingsgrans, inclusive: true}, upper: {open: true}}
```

## Exempel som underkänns

```yaml
- {lower: {amount: {amount: 0, unit: sek}, inclusive: true}, upper: {reference: dokumentationsgrans, inclusive: true}}
- {lower: {reference: dokumentationsgrans, inclusive: true}, upper: {open: true}}   # 100 000 kr i två intervall
```
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date

from generators.checks.procurement.common import table_label
from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.common import SourceRef
from generators.model.procurement import BandTable, BoundValue, ProcurementPolicy, compare_bounds
from generators.wording.swedish import kronor

Problem = tuple[tuple[object, ...], SourceRef, str]

RULE = Rule("U701", "bands-contiguous", "error", "Värdeintervallen börjar på 0 kr och följer på varandra utan glapp eller överlapp.",
            needs=("procurement", "reference"), per_document="procurement")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for policy in model.procurement:
        seen: set[tuple[object, ...]] = set()
        days = policy.bound_dates(model.reference)
        for day in days:
            since = "" if day == days[0] else f" (från {day.isoformat()}, när ett referensvärde ändrades)"
            for table in policy.tables:
                label = table_label(policy, table)
                for key, source, message in _problems(model, policy, table, day, label):
                    if key in seen:
                        continue
                    seen.add(key)
                    yield RULE.at(source, message + since)


def _problems(model: Model, policy: ProcurementPolicy, table: BandTable, day: date, label: str) -> Iterator[Problem]:
    reference = model.reference
    bands = table.bands
    first_lower, _ = bands[0].bounds_on(day, reference)
    if first_lower.sek is not None and first_lower.sek != 0:
        yield (bands[0].id, "start"), bands[0].lower.source, (
            f"{label}: det första intervallet ({bands[0].id}) börjar {first_lower.as_lower()}. Inköp under det beloppet saknar "
            "intervall; det första intervallet ska börja på 0 kr.")
    last = bands[-1]
    if not last.upper.open:
        _, top = last.bounds_on(day, reference)
        yield (last.id, "top"), last.upper.source, (
            f"{label}: det översta intervallet ({last.id}) slutar {top.as_upper()}. Inköp över det saknar intervall; "
            "det översta intervallet ska ha upper: {open: true}.")
    for band in bands:
        lower, upper = band.bounds_on(day, reference)
        order = compare_bounds(lower, upper)
        if order is not None and (order > 0 or (order == 0 and not (lower.inclusive and upper.inclusive))):
            yield (band.id, "empty"), band.upper.source, (
                f"{label}: intervallet {band.id} är tomt: det börjar {lower.as_lower()} och slutar {upper.as_upper()}.")
    for previous, current in itertools.pairwise(bands):
        _, end = previous.bounds_on(day, reference)
        start, _ = current.bounds_on(day, reference)
        if end.open:
            yield (previous.id, "open-not-last"), previous.upper.source, (
                f"{label}: intervallet {previous.id} saknar övre gräns men följs av intervallet {current.id}; de överlappar. "
                "Bara det översta intervallet får vara öppet uppåt.")
            continue
        order = compare_bounds(end, start)
        if order is None:
            continue  # an amount not published in kronor: U706 says so
        names = f"intervallen {previous.id} och {current.id}"
        if order < 0:
            yield (current.id, "gap", end.sek, start.sek), current.lower.source, (
                f"{label}: glapp mellan {names}: {previous.id} slutar {end.as_upper()} och {current.id} börjar "
                f"{start.as_lower()}. Inköp däremellan saknar förfarande och beslutsfattare.")
        elif order > 0:
            yield (current.id, "overlap", end.sek, start.sek), current.lower.source, (
                f"{label}: {names} överlappar: {previous.id} slutar {end.as_upper()} men {current.id} börjar redan "
                f"{start.as_lower()}. Inköp däremellan hör till två intervall med olika förfaranden.")
        elif end.inclusive and start.inclusive:
            yield (current.id, "overlap-point"), current.lower.source, (
                f"{label}: {names} överlappar vid exakt {_amount(end)}: beloppet ingår i båda (till och med respektive från och "
                "med). Låt gränsen ingå i bara det ena intervallet (inclusive: false i det andra).")
        elif not end.inclusive and not start.inclusive:
            yield (current.id, "gap-point"), current.lower.source, (
                f"{label}: glapp vid exakt {_amount(end)} mellan {names}: beloppet ingår i inget av dem (under respektive "
                "över). Låt gränsen ingå i det ena intervallet (inclusive: true).")


def _amount(value: BoundValue) -> str:
    return kronor(value.sek) if value.sek is not None else value.figure()
