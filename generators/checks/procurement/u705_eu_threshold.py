"""EU-förfarandena börjar vid EU:s tröskelvärde.

## Vad kontrolleras

För varje tabell vars regelverk anger ett EU-tröskelvärde för kategorin (`eu_thresholds`): att det
finns ett intervall med förfarandet `eu_upphandling`, att det första sådana intervallet börjar
exakt vid tröskelvärdet och att gränsen då ingår ("från och med", eftersom EU:s förfaranden gäller
när värdet *uppgår till* tröskelvärdet), och att alla intervall ovanför också är EU-förfaranden.
Kontrolleras på varje dag då tröskelvärdet eller en annan gräns ändras under policyns giltighetstid.
Ett intervall som börjar över tröskelvärdet är ett fel. Ett som börjar under det är en varning (det
är tillåtet att annonsera i hela EU under tröskelvärdet, men sällan avsikten). När tröskelvärdet
inte är publicerat i kronor (2026–2027) och intervallet anger ett eget kronbelopp går det inte att
jämföra: då ges en varning med eurobeloppet, och inget kronbelopp hittas på. En nedre gräns som
hänvisar till samma tröskelvärde är alltid rätt.

## Varför

En upphandling över tröskelvärdet som inte annonseras i hela EU är en otillåten direktupphandling
enligt EU-rätten. Tröskelvärdena ändras vartannat år; en policy med inskrivna kronbelopp blir fel
den 1 januari det år de ändras.

## Lagrum

LOU (2016:1145) 1 kap. 2 § och 5 kap. 1 § (tröskelvärdena), 19 kap. (under tröskelvärdet);
LUF (2016:1146) motsvarande; kommissionens delegerade förordningar om tröskelvärden.

## Exempel som godkänns

```yaml
- {id: lou-vot-eu, lower: {reference: troskelvarde-eu-kommuner, inclusive: true}, upper: {open: true}, procedure: {kind: eu_upphandling, ...}}
```

## Exempel som underkänns

```yaml
- {id: lou-vot-eu, lower: {amount: {amount: 3000000, unit: sek}, inclusive: true}, upper: {open: true}, procedure: {kind: eu_upphandling, ...}}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.procurement.common import law_source, table_label
from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.procurement import Bound, compare_bounds, resolve_bound

RULE = Rule("U705", "eu-threshold", "error", "EU-förfarandena börjar vid EU:s tröskelvärde.",
            needs=("procurement", "reference"), per_document="procurement")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for policy in model.procurement:
        seen: set[tuple[object, ...]] = set()
        days = policy.bound_dates(model.reference)
        for day in days:
            for table in policy.tables:
                regime = policy.regimes.get(table.regime)
                if regime is None or table.category not in regime.eu_thresholds:
                    continue
                series_id, threshold_source = regime.eu_thresholds[table.category]
                threshold = resolve_bound(Bound(None, series_id, True, False, threshold_source), day, model.reference)
                if threshold.dated is None:
                    continue  # U702 reports a missing series or value
                label = table_label(policy, table)
                since = f" (från {day.isoformat()})" if day != days[0] else ""
                law = f"Tröskelvärdet är {threshold.figure()} från {threshold.dated.valid_from.isoformat()} ({law_source(threshold.dated)})"
                eu = [b for b in table.bands if b.procedure.kind == "eu_upphandling"]
                if not eu:
                    key: tuple[object, ...] = (table.id, "none")
                    if key not in seen:
                        seen.add(key)
                        yield RULE.at(table.source, f"{label}: inget intervall har förfarandet eu_upphandling, men upphandlingar från "
                                                    f"tröskelvärdet ska göras med EU:s förfaranden. {law}.")
                    continue
                first = eu[0]
                for band in table.bands[first.index + 1:]:
                    if band.procedure.kind != "eu_upphandling" and (band.id, "above") not in seen:
                        seen.add((band.id, "above"))
                        yield RULE.at(band.procedure.source.at("kind"), f"{label}: intervallet {band.id} ligger över EU-intervallet {first.id} "
                                                                        f"men har förfarandet {band.procedure.kind}. Över tröskelvärdet gäller EU:s förfaranden.")
                lower, _ = first.bounds_on(day, model.reference)
                order = compare_bounds(lower, threshold)
                start = lower.as_lower()
                if order is None:
                    key = (first.id, "unknown", threshold.dated.valid_from)
                    if key not in seen:
                        seen.add(key)
                        yield RULE.at(first.lower.source, f"{label}: EU-intervallet {first.id} börjar {start}, men det kan inte jämföras med "
                                                          f"tröskelvärdet{since}: {law}. Hänvisa till referensdatan i stället: "
                                                          "lower: {reference: " + series_id + ", inclusive: true}.", severity="warning")
                    continue
                if order > 0:
                    key, message, severity = (first.id, "late", lower.sek, threshold.sek), (
                        f"{label}: EU-intervallet {first.id} börjar {start}, över tröskelvärdet{since}. Upphandlingar mellan "
                        f"tröskelvärdet och den gränsen får inte göras utan EU:s förfaranden. {law}."), "error"
                elif order < 0:
                    key, message, severity = (first.id, "early", lower.sek, threshold.sek), (
                        f"{label}: EU-intervallet {first.id} börjar {start}, under tröskelvärdet{since}. Det är tillåtet men "
                        f"kräver annonsering i hela EU för upphandlingar som lagen låter annonseras nationellt. {law}."), "warning"
                elif not lower.inclusive:
                    key, message, severity = (first.id, "exclusive"), (
                        f"{label}: EU-intervallet {first.id} börjar över tröskelvärdet, men EU:s förfaranden gäller redan när värdet "
                        f"uppgår till tröskelvärdet. Skriv inclusive: true. {law}."), "error"
                else:
                    continue
                if key not in seen:
                    seen.add(key)
                    yield RULE.at(first.lower.source, message, severity="warning" if severity == "warning" else "error")
