"""Ett datum ligger inte orimligt långt fram i tiden.

## Vad kontrolleras

Att inget datum i ett styrdokument ligger längre fram än vad som är rimligt för just det fältet.
Horisonten är data, per fält, i `generators/checks/metadata/date_horizons.yaml`: ett beslutsdatum
(`adopted_by.date`, `decided`) ligger högst ett år fram, ett datum då en beslutad version börjar
gälla (`valid_from`) högst fem år, ett slutdatum för ett avtal eller en period (`valid_to`, `to`)
högst 50 år – ett hyresavtal på 25 år är vanligt. Fält som inte står i filen prövas mot
standardhorisonten (30 år). Kontrollen varnar; den stoppar inte bygget (utom med `--strict`).

## Varför

Schemat godtar varje giltigt datum från år 1900. Ett beslutsdatum år 2090 är nästan alltid ett
skrivfel (2090 för 2009, 2062 för 2026), och ett sådant datum får versioner att aldrig börja gälla
eller översyner att aldrig bli försenade, utan att någon märker det.

## Lagrum

Ingen; en rimlighetskontroll av datum. Beslutsdatum och giltighetstider ska vara de som organen
faktiskt har beslutat.

## Exempel som godkänns

```yaml
document:
  adopted_by: {body: kommunfullmaktige, date: "2025-10-20", paragraph: "§ 102"}
```

## Exempel som underkänns

```yaml
document:
  adopted_by: {body: kommunfullmaktige, date: "2090-10-20", paragraph: "§ 102"}
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("X813", "date-horizon", "warning", "Datum ligger inte orimligt långt fram i tiden.")

HORIZONS_FILE = Path(__file__).with_name("date_horizons.yaml")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@cache
def horizons() -> tuple[int, dict[str, int]]:
    """(standard horizon, horizon per field) in years, from the data file."""
    data = yaml.safe_load(HORIZONS_FILE.read_text(encoding="utf-8"))
    return int(data["default"]), {str(name): int(years) for name, years in data["fields"].items()}


def horizon_for(path: tuple[str | int, ...]) -> tuple[int, str]:
    """The horizon of the field at `path` and the field's name as the data file gives it."""
    default, fields = horizons()
    keys = [step for step in path if isinstance(step, str)]
    if len(keys) >= 2 and f"{keys[-2]}.{keys[-1]}" in fields:
        name = f"{keys[-2]}.{keys[-1]}"
        return fields[name], name
    if keys and keys[-1] in fields:
        return fields[keys[-1]], keys[-1]
    return default, keys[-1] if keys else "$"


def _dates(value: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], date]]:
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _dates(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _dates(child, (*path, index))
    elif isinstance(value, str) and _DATE.fullmatch(value):
        try:
            yield path, date.fromisoformat(value)
        except ValueError:
            return  # not a date (the schema reports it where the field is a date)


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for document in model.documents:
        for path, day in document.derived("x813.dates", lambda data: tuple(_dates(data, ()))):
            years, field = horizon_for(path)
            if day > _years_after(ctx.today, years):
                ahead = day.year - ctx.today.year
                limit = "ett år" if years == 1 else f"{years} år"
                location = document.location(path)
                yield location.diagnostic(RULE.code, (
                    f"Datumet {day.isoformat()} i fältet {field} ligger {ahead} år fram i tiden; för det fältet är "
                    f"mer än {limit} fram osannolikt. Kontrollera årtalet."
                ), RULE.severity)
