"""Dokumentation krävs i varje intervall som når lagens dokumentationsgräns.

## Vad kontrolleras

Att varje värdeintervall som innehåller belopp på eller över lagens gräns för dokumentationsplikt
(100 000 kr sedan 2022-02-01, `dokumentationsgrans` i referensdatan) har
`documentation_required: true`. Ett intervall utan krav på dokumentation måste sluta under gränsen
("under 100 000 kr"); "till och med 100 000 kr" underkänns, eftersom lagen kräver dokumentation när
värdet *uppgår till* gränsen. Kontrolleras på varje dag då gränsen ändras under policyns giltighetstid.

## Varför

En direktupphandling för 100 000 kr eller mer ska dokumenteras: skälen för beslutet och annat av
betydelse, senast 30 dagar efter att avtalet ingicks. Utan dokumentation går det inte att i
efterhand visa att organisationen jämförde leverantörer, och det är där otillåtna direktupphandlingar
brukar upptäckas.

## Lagrum

LOU (2016:1145) 19 a kap. (dokumentationsplikt vid direktupphandling från 100 000 kr; inom 30
dagar från 2024-01-01); LUF (2016:1146) 19 a kap.

## Exempel som godkänns

```yaml
- {id: lou-vot-direkt, upper: {reference: dokumentationsgrans, inclusive: false}, procedure: {documentation_required: false, ...}}
```

## Exempel som underkänns

```yaml
- {id: lou-vot-direkt, upper: {reference: direktupphandlingsgrans, inclusive: false}, procedure: {documentation_required: false, ...}}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.procurement.common import law_source, table_label, tables_with_legal_value
from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.procurement import COMPARISON_LABELS, comparison_of, to_decimal
from generators.wording.swedish import kronor

RULE = Rule("U704", "documentation-threshold", "error", "Dokumentation krävs från lagens dokumentationsgräns.",
            needs=("procurement", "reference"), per_document="procurement")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for policy in model.procurement:
        seen: set[tuple[object, ...]] = set()
        days = policy.bound_dates(model.reference)
        for day, table, regime, threshold in tables_with_legal_value(model, policy, lambda r: r.documentation_threshold):
            comparison = comparison_of(threshold) or "at_least"
            assert threshold.value is not None  # tables_with_legal_value passes over unknown values
            limit = to_decimal(threshold.value)
            for band in table.bands:
                if band.procedure.documentation_required:
                    continue
                _, upper = band.bounds_on(day, model.reference)
                if upper.bound.reference == regime.documentation_threshold:
                    reaches = bool(upper.inclusive) and comparison == "at_least"
                elif upper.open:
                    reaches = True
                elif upper.sek is None:
                    continue  # not published in kronor: U706
                else:
                    reaches = upper.sek > limit or (upper.sek == limit and bool(upper.inclusive) and comparison == "at_least")
                if not reaches:
                    continue
                key = (band.id, limit, comparison)
                if key in seen:
                    continue
                seen.add(key)
                since = f" från {day.isoformat()}" if day != days[0] else ""
                yield RULE.at(
                    band.procedure.source.at("documentation_required"),
                    f"{table_label(policy, table)}: intervallet {band.id} går {upper.as_upper()} men har documentation_required: false. "
                    f"Lagen kräver{since} dokumentation när värdet {COMPARISON_LABELS[comparison]} {kronor(limit)} "
                    f"({law_source(threshold)}). Sätt documentation_required: true, eller låt intervallet sluta under gränsen.",
                )
