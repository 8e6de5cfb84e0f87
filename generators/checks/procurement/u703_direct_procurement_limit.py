"""Direktupphandling används aldrig över lagens direktupphandlingsgräns.

## Vad kontrolleras

Att varje värdeintervall med förfarandet `direktupphandling` slutar vid eller under den
direktupphandlingsgräns som gäller för regelverket (LOU eller LUF), den dag gränsen gäller, under
hela policyns giltighetstid. Gränsens betydelse räknas med: lagen säger sedan 2022-02-01 att
direktupphandling får användas när värdet *understiger* gränsen (`comparison: below` i
referensdatan). Ett intervall "under 700 000 kr" godkänns alltså, men inte "till och med 700 000
kr" och inte "under 800 000 kr". Före 2022-02-01 fick värdet *uppgå till högst* gränsen
(`at_most`). Ett intervall med direktupphandling som saknar övre gräns underkänns alltid.
Meddelandet anger gränsen i kronor, sedan när den gäller, lagrummet och var i referensdatan den står.

## Varför

Direktupphandling över gränsen är en otillåten direktupphandling: avtalet kan ogiltigförklaras och
organisationen kan få betala upphandlingsskadeavgift. En policy som tillåter det leder köpare rätt in i
felet, och det är just så flera av de granskade kommunerna hamnade där.

## Lagrum

LOU (2016:1145) 19 a kap. 1–2 §§ (direktupphandlingsgränsen, 700 000 kr sedan 2022-02-01);
LUF (2016:1146) 19 a kap. (1 200 000 kr); LOU 21 kap. (ogiltighet), 17 kap. (upphandlingsskadeavgift).

## Exempel som godkänns

```yaml
- id: lou-vot-direkt-dokumenterad
  upper: {reference: direktupphandlingsgrans, inclusive: false}   # under 700 000 kr
  procedure: {kind: direktupphandling, ...}
```

## Exempel som underkänns

```yaml
- id: lou-vot-direkt-dokumenterad
  upper: {amount: {amount: 800000, unit: sek}, inclusive: false}   # under 800 000 kr
  procedure: {kind: direktupphandling, ...}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.procurement.common import law_source, statute_short, table_label, tables_with_legal_value
from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.procurement import COMPARISON_LABELS, comparison_of, to_decimal
from generators.wording.swedish import kronor

RULE = Rule("U703", "direct-procurement-limit", "error", "Direktupphandling används aldrig över lagens direktupphandlingsgräns.",
            needs=("procurement", "reference"), per_document="procurement")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for policy in model.procurement:
        seen: set[tuple[object, ...]] = set()
        days = policy.bound_dates(model.reference)
        for day, table, regime, limit in tables_with_legal_value(model, policy, lambda r: r.direct_procurement_limit):
            comparison = comparison_of(limit) or "at_most"
            assert limit.value is not None  # tables_with_legal_value passes over unknown values
            limit_sek = to_decimal(limit.value)
            law = (f"direktupphandlingsgränsen enligt {statute_short(model, regime.sfs)} är {kronor(limit_sek)} sedan "
                   f"{limit.valid_from.isoformat()}: direktupphandling får bara användas när värdet {COMPARISON_LABELS[comparison]} "
                   f"{kronor(limit_sek)} ({law_source(limit)})")
            for band in table.bands:
                if band.procedure.kind != "direktupphandling":
                    continue
                _, upper = band.bounds_on(day, model.reference)
                start = f" Från {day.isoformat()} gäller" if day != days[0] else " Men"
                label = f"{table_label(policy, table)}: intervallet {band.id} (direktupphandling)"
                problem: tuple[object, ...]
                if upper.open:
                    problem = (band.id, "open")
                    message = f"{label} saknar övre gräns.{start} {law}."
                elif upper.bound.reference == regime.direct_procurement_limit:
                    if not (upper.inclusive and comparison == "below"):
                        continue
                    problem = (band.id, "inclusive", limit.valid_from)
                    message = (f"{label} går till och med direktupphandlingsgränsen.{start} {law}. "
                               "Skriv upper: {reference: " + regime.direct_procurement_limit + ", inclusive: false}.")
                elif upper.sek is None:
                    continue  # not published in kronor: U706
                elif upper.sek > limit_sek or (upper.sek == limit_sek and upper.inclusive and comparison == "below"):
                    problem = (band.id, "above", upper.sek, limit.valid_from)
                    message = (f"{label} går {upper.as_upper()}.{start} {law}. Låt intervallet sluta vid gränsen: "
                               "upper: {reference: " + regime.direct_procurement_limit + ", inclusive: " + ("false" if comparison == "below" else "true") + "}.")
                else:
                    continue
                if problem not in seen:
                    seen.add(problem)
                    yield RULE.at(band.upper.source, message)
