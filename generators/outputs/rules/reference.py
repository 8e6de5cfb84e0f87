"""reference.json: every dated reference series (amounts, country groups, deadlines, counts) and
the statutes legal references point to, each value with its source."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from generators.model.reference import DatedValue, Series
from generators.outputs.rules.common import RulesContext, raw_at
from generators.outputs.rules.registry import Rendered, RulesFile


def _value(ctx: RulesContext, value: DatedValue, next_value: DatedValue | None, current: DatedValue | None) -> dict[str, Any]:
    return {
        "valid_from": value.valid_from,
        # The day before the next value takes over; null for the latest value (in force until replaced).
        "valid_to": next_value.valid_from - timedelta(days=1) if next_value is not None else None,
        "in_force_on_as_of": value is current,
        "value": value.value,
        "unknown": value.unknown,
        "value_eur": value.value_eur,
        "comparison": raw_at(value.source, "comparison"),
        "countries": list(value.countries) if value.countries else None,
        "days": value.days,
        "months": value.months,
        "years": value.years,
        "note": raw_at(value.source, "note"),
        "source": {"title": value.source_title, "sfs": raw_at(value.source, "source", "sfs"), "url": value.source_url},
    }


def _series(ctx: RulesContext, series: Series) -> dict[str, Any]:
    current = series.value_on(ctx.as_of)
    values = series.values
    return {
        "id": series.id,
        "title": series.title,
        "description": series.description,
        "kind": series.kind,
        "unit": series.unit,
        "source_file": series.source.file,
        "values": [_value(ctx, v, values[i + 1] if i + 1 < len(values) else None, current) for i, v in enumerate(values)],
    }


def render(ctx: RulesContext) -> Rendered | None:
    reference = ctx.reference
    series = [_series(ctx, reference.series[sid]) for sid in sorted(reference.series)]
    statutes = [
        {"sfs": s.sfs, "short": s.short, "name": s.name, "url": s.url}
        for s in sorted(reference.statutes.values(), key=lambda s: s.sfs)
    ]
    data = {**ctx.header(), "series": series, "statutes": statutes}
    documents = [
        {
            "id": s.id,
            "kind": "referensdata",
            "version": None,
            "status": None,
            "valid_from": s.values[0].valid_from if s.values else None,
            "valid_to": None,
            "in_force_on_as_of": s.value_on(ctx.as_of) is not None,
        }
        for s in (reference.series[sid] for sid in sorted(reference.series))
    ]
    return Rendered(data, documents)


RULES_FILE = RulesFile(name="reference", render=render)
