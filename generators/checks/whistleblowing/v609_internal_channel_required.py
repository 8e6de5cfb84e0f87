"""Organisationen har interna rapporteringskanaler när den hade minst 50 arbetstagare vid årets början.

## Vad kontrolleras

Att det finns ett antaget reglemente för visselblåsning med interna rapporteringskanaler som gäller
under ett kalenderår då organisationen vid årets början hade minst så många arbetstagare som lagen
anger. Antalet läses ur organisationsfilen (`municipality.workers`, per år), gränsen ur den daterade
referensdatan (`visselblasning-arbetstagargrans`, i dag 50). Året då kontrollen körs prövas, och
senare år som redan har ett antal inlagt. Saknas antalet för innevarande år blir det en varning.

## Varför

Lagen kräver interna rapporteringskanaler av varje verksamhetsutövare med 50 eller fler
arbetstagare; antalet bedöms vid kalenderårets början. En organisation som tar bort eller låter bli att
anta reglementet bryter mot lagen, och de som vill rapportera har ingen intern kanal.

## Lagrum

Lag (2021:890) om skydd för personer som rapporterar om missförhållanden, 5 kap. (skyldighet att
ha interna rapporteringskanaler).

## Exempel som godkänns

```yaml
# organisation.yaml
workers: [{year: 2026, count: 2412, source: "Personalsystemet, antal anställda 1 januari"}]
# policies/whistleblowing.yaml: antaget, gäller från 2026-01-01, med kanaler
```

## Exempel som underkänns

```text
policies/whistleblowing.yaml saknas, men organisationen hade 2 412 arbetstagare den 1 januari 2026
```
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.reference import DatedValue
from generators.model.whistleblowing import WORKERS_SERIES, regulation_on

RULE = Rule("V609", "internal-channel-required", "error", "Organisationen har interna rapporteringskanaler när lagen kräver det.",
            needs=("organisation", "reference", "whistleblowing"))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    series = model.reference.get(WORKERS_SERIES)
    if org is None or series is None:
        return
    workers = org.municipality.get("workers", [])
    years = sorted({ctx.today.year} | {int(w["year"]) for w in workers if int(w["year"]) > ctx.today.year})
    name = org.municipality.get("name", org.words.definite_capitalised)
    for year in years:
        index = next((i for i, w in enumerate(workers) if int(w["year"]) == year), None)
        if index is None:
            if year == ctx.today.year:
                yield RULE.at(org.source.at("municipality", "workers"), f"Antalet arbetstagare vid början av {year} saknas, så det går inte att "
                              "pröva om lagen kräver interna rapporteringskanaler. Lägg in antalet den 1 januari.", severity="warning", at_key=True)
            continue
        count = int(workers[index]["count"])
        first_day = date(year, 1, 1)
        limit = series.value_on(first_day)
        if limit is None or limit.value is None:
            continue
        comparison = _comparison(limit)
        required = count >= limit.value if comparison == "at_least" else count > limit.value
        if not required:
            continue
        day = ctx.today if year == ctx.today.year else first_day
        regulation = regulation_on(model, day)
        if regulation is not None and regulation.channels:
            continue
        drafts = [r for r in model.whistleblowing if not r.meta.in_force_on(day)]
        why = (f"reglementet i {drafts[0].file} gäller inte den dagen ({drafts[0].meta.status}, från {drafts[0].meta.valid_from.isoformat()})"
               if drafts else f"det finns inget reglemente för visselblåsning ({model.policies_display}/whistleblowing.yaml saknas)")
        yield RULE.at(
            org.source.at("municipality", "workers", index, "count"),
            f"{name} hade {_number(count)} arbetstagare vid början av {year}, minst {_number(limit.value)} enligt lag (2021:890) ({series.source.file}), och ska "
            f"därför ha interna rapporteringskanaler den {day.isoformat()}. Men {why}.",
        )


def _comparison(limit: DatedValue) -> str:
    """The dated value's comparison as the reference data writes it (`at_least` unless it says otherwise)."""
    node = limit.source.document.data
    for step in limit.source.path:
        node = node[step]
    return str(node.get("comparison", "at_least")) if isinstance(node, dict) else "at_least"


def _number(value: float) -> str:
    """2412 → '2 412' (Swedish thousands separator, a no-break space)."""
    return f"{round(value):,}".replace(",", "\u00a0")
