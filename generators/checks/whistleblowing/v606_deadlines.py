"""Fristerna för bekräftelse och återkoppling håller sig inom lagens.

## Vad kontrolleras

Att reglementets frister inte är längre än lagens, läst ur den daterade referensdatan som gäller
på reglementets första giltighetsdag och på varje dag under giltighetstiden då referensdatan ändras:

- mottagandet bekräftas inom högst så många dagar som lagen anger (i dag 7),
- återkoppling lämnas inom högst så många månader som lagen anger (i dag 3), räknat från
  bekräftelsen eller, när ingen bekräftelse skickats, från sjunde dagen efter att rapporten togs
  emot. Att räkna från den dag rapporten togs emot är strängare och godtas.

Att `reference` pekar på en referensserie med rätt sorts värde kontrolleras också. Lagens
undantag från bekräftelse (den som rapporterat har avböjt, eller bekräftelsen skulle röja
identiteten) är de enda som schemat tillåter.

## Varför

En längre frist än lagens gör att organisationen bryter mot lagen i varje ärende som tar den tiden.
Fristerna hämtas ur referensdatan och skrivs aldrig in i koden, så att en lagändring bara kräver ett
nytt daterat värde.

## Lagrum

Lag (2021:890) om skydd för personer som rapporterar om missförhållanden, 5 kap. (bekräftelse inom
sju dagar, återkoppling inom tre månader).

## Exempel som godkänns

```yaml
receipt_confirmation: {days: 7, reference: visselblasning-bekraftelse, ...}
feedback: {months: 3, counted_from: confirmation_or_day_7, reference: visselblasning-aterkoppling, ...}
```

## Exempel som underkänns

```yaml
receipt_confirmation: {days: 10, reference: visselblasning-bekraftelse, ...}
```
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.common import SourceRef
from generators.model.reference import ReferenceData

RULE = Rule("V606", "deadlines-within-law", "error", "Fristerna för bekräftelse och återkoppling håller sig inom lagens.",
            needs=("reference",), per_document="whistleblowing")

UNITS = {"days": "dagar", "months": "månader", "years": "år"}


def law_limit(reference: ReferenceData, series_id: str, field: str, day: date) -> int | None:
    value = reference.value_on(series_id, day)
    return getattr(value, field) if value is not None else None


def within_law(rule: Rule, model: Model, what: str, own: int, series_id: str, field: str, days: list[date], at: SourceRef,
               reference_at: SourceRef) -> Iterator[Diagnostic]:
    """Shared by V606 and V607: compare a deadline in the regulation with the law's on every check date."""
    reference = model.reference
    series = reference.get(series_id)
    if series is None or series.kind != "duration":
        yield rule.at(reference_at, f"{what}: referensdatan '{series_id}' finns inte som en frist under {model.policies_display}/reference/, "
                      "så fristen kan inte jämföras med lagens.")
        return
    reported: set[int] = set()
    for day in days:
        limit = law_limit(reference, series_id, field, day)
        if limit is None:
            yield rule.at(reference_at, f"{what}: {series.source.file} anger ingen frist i {UNITS[field]} den {day.isoformat()}.")
            continue
        if own > limit and limit not in reported:
            reported.add(limit)
            yield rule.at(at, f"{what} är {own} {UNITS[field]}, men lagen tillåter högst {limit} {UNITS[field]} från {day.isoformat()} "
                          f"({series.title}, {series.source.file}). Korta fristen till högst {limit} {UNITS[field]}.")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for regulation in model.whistleblowing:
        days = regulation.check_dates(model.reference)
        receipt = regulation.receipt_confirmation
        yield from within_law(RULE, model, "Fristen för att bekräfta mottagen rapport", receipt.days, receipt.reference, "days", days,
                              receipt.source.at("days"), receipt.source.at("reference"))
        feedback = regulation.feedback
        yield from within_law(RULE, model, "Fristen för återkoppling", feedback.months, feedback.reference, "months", days,
                              feedback.source.at("months"), feedback.source.at("reference"))
