"""Ett belopp i prisbasbelopp kan inte räknas om till kronor för en del av giltighetstiden.

## Vad kontrolleras

Att referensvärdet för varje enhet som dokumentet använder (till exempel prisbasbeloppet) är känt
under hela den tid dokumentet gäller, räknat från dess start. Där ett värde är markerat som ännu inte
publicerat (`unknown: true`) ges en varning per dokument och period, med antalet belopp som berörs.
Ett värde hittas aldrig på.

## Varför

Attestsystem och fakturakontroll räknar beloppsgränser i kronor. Ett prisbasbelopp som inte är inlagt
gör att gränsen för det året bara kan visas i prisbasbelopp. Att tyst använda förra årets värde vore
fel: gränsen skulle bli för låg eller för hög.

## Lagrum

Prisbasbeloppet fastställs av regeringen för varje kalenderår (socialförsäkringsbalken 2 kap. 6–7 §§).

## Exempel som godkänns

```yaml
# policies/reference/prisbasbelopp.yaml
- {valid_from: "2027-01-01", value: 60000, source: {title: Förordning om prisbasbelopp för 2027}}
```

## Exempel som underkänns

```yaml
# policies/reference/prisbasbelopp.yaml
- {valid_from: "2027-01-01", value: null, unknown: true, source: {title: Ännu inte fastställt}}
```
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from generators.checks.rule import CheckContext, Rule
from generators.checks.support import validity_points
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.common import Amount

RULE = Rule("D419", "reference-value-unknown", "warning", "Referensvärden är kända under dokumentets giltighetstid.",
            needs=("delegation", "reference"), per_document="delegation")


def _amounts(order) -> list[Amount]:
    found = [m.limit for m in order.matters if m.limit is not None]
    found += [a for m in order.matters for t in m.tiers for a in (t.above, t.up_to) if a is not None]
    found += [f.limit for f in order.further_delegations if f.limit is not None]
    return found


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for order in model.delegations:
        by_unit: dict[str, list[Amount]] = {}
        for amount in _amounts(order):
            if amount.unit != "sek" and model.reference.get(amount.unit) is not None:
                by_unit.setdefault(amount.unit, []).append(amount)
        for unit, amounts in sorted(by_unit.items()):
            amounts.sort(key=lambda a: a.source.location().line)
            series = model.reference.get(unit)
            assert series is not None
            points = validity_points(model, order, {unit})
            if series.periodicity == "annual":
                # An annual series needs a value for every calendar year the document covers.
                last = order.meta.valid_to.year if order.meta.valid_to else max(p.year for p in points)
                points = sorted({*points, *(date(y, 1, 1) for y in range(order.meta.valid_from.year + 1, last + 1))})
            for day in points:
                if day < series.values[0].valid_from:
                    continue  # D413 reports a document that starts before the series
                value = series.value_on(day)
                if value is None or value.value is None:
                    state = "ännu inte känt" if value is not None else "inte inlagt"
                    yield RULE.at(
                        amounts[0].source.at("unit"),
                        f"{series.title} från {day.isoformat()} är {state} i referensdata ({series.source.file}). "
                        f"{len(amounts)} belopp i {order.meta.title} kan därför inte räknas om till kronor från det datumet. "
                        "Lägg in värdet när det är fastställt.",
                    )
                    break  # one warning per document and unit: the first date that is not covered
