"""Ett gränsvärde som policyn använder är inte publicerat i kronor.

## Vad kontrolleras

Att varje referensvärde som upphandlingspolicyn hänvisar till (direktupphandlingsgräns,
dokumentationsgräns, EU:s tröskelvärden, och belopp i till exempel prisbasbelopp) är känt i kronor
på varje dag då ett av dem ändras under policyns giltighetstid. Ett värde som ännu inte är
publicerat (`unknown: true`) ger en varning per referensvärde och datum, med eurobeloppet när lagen
har ett sådant. Kronbeloppet hittas aldrig på. Det är en varning: policyn är inte fel, men intervall
som bygger på värdet kan bara visas i euro, och kontroller som jämför med kronbelopp kan inte göras.

## Varför

EU:s tröskelvärden för 2026–2027 är fastställda i euro, men kronbeloppen publiceras separat och
kan dröja. Att tyst använda förra periodens kronbelopp vore fel åt ena eller andra hållet. Den som
köper behöver veta att gränsen ska jämföras med eurobeloppet tills kronbeloppet finns.

## Lagrum

LOU (2016:1145) 5 kap. (tröskelvärdena); kommissionens delegerade förordningar om tröskelvärden och
Konkurrensverkets publicering av motsvarande belopp i kronor.

## Exempel som godkänns

```yaml
# policies/reference/troskelvarde-eu-kommuner.yaml
- {valid_from: "2024-01-01", value: 2389585, value_eur: 221000, ...}
```

## Exempel som underkänns

```yaml
- {valid_from: "2026-01-01", value: null, unknown: true, value_eur: 216000, ...}   # varning
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.procurement.common import where
from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.common import SourceRef
from generators.model.procurement import ProcurementPolicy
from generators.wording.swedish import euro

RULE = Rule("U706", "procurement-reference-unknown", "warning", "Gränsvärdena som upphandlingspolicyn använder är kända i kronor.",
            needs=("procurement", "reference"), per_document="procurement")


def _first_use(policy: ProcurementPolicy, series_id: str) -> SourceRef:
    """Where the policy first uses the series."""
    places: list[SourceRef] = []
    for band in policy.bands():
        for bound in (band.lower, band.upper):
            if bound.reference == series_id or (bound.amount is not None and bound.amount.unit == series_id):
                places.append(bound.source)
    for regime in policy.regimes.values():
        if series_id == regime.direct_procurement_limit:
            places.append(regime.source.at("direct_procurement_limit"))
        if series_id == regime.documentation_threshold:
            places.append(regime.source.at("documentation_threshold"))
        places += [source for ref, source in regime.eu_thresholds.values() if ref == series_id]
    places.sort(key=lambda s: s.location().line)
    return places[0]


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for policy in model.procurement:
        for series_id in policy.reference_ids():
            series = model.reference.get(series_id)
            if series is None or series.kind != "amount":
                continue  # U702
            reported: set[object] = set()
            for day in policy.bound_dates(model.reference):
                value = series.value_on(day)
                if value is None or day < series.values[0].valid_from:
                    continue  # U702 reports a policy that starts before the series
                if (value.value is not None and not value.unknown) or value.valid_from in reported:
                    continue
                reported.add(value.valid_from)
                start = max(value.valid_from, policy.meta.valid_from)
                source = _first_use(policy, series_id)
                if value.value_eur is not None:
                    state = f"är fastställt till {euro(value.value_eur)} men inte publicerat i kronor"
                else:
                    state = "är inte publicerat, varken i kronor eller i euro"
                yield RULE.at(
                    source,
                    f"{series.title} från {value.valid_from.isoformat()} {state} ({where(value.source)}). "
                    f"Gränser i {policy.meta.title} som bygger på värdet kan därför inte anges i kronor från {start.isoformat()}, "
                    "och kontroller som jämför dem med kronbelopp kan inte göras. Lägg in kronbeloppet när det är publicerat; "
                    "hitta aldrig på det.",
                )
