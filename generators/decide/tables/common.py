"""What every decision table shares: which document versions go in, the periods a version is split
into (where a reference value it uses changes), and how a document and an amount are named.

A period is a stretch of days on which every amount a rule uses has one kronor value: a version is
split at each change of the reference series it uses and, for an annual series (the prisbasbelopp),
at each new year. A period where a value is not known (not yet published, or never entered) stays in
the table as unknown, with the reason, so a lookup says why it cannot answer instead of guessing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from generators.decide.text import kronor, lower_first
from generators.model import Model
from generators.model.common import Amount, DocumentMeta
from generators.model.reference import DatedValue, ReferenceData
from generators.wording.limits import in_units

# Which versions a table holds: every adopted version (answering from the policies, any date), or
# those the JSON rules publish. Since the rules API v1 these are the same — every adopted version,
# ended ones included (the point-in-time history) — so `decide --rules --date` answers any date the
# policies answer; the two names stay so a caller says which it means.
ALL_ADOPTED = "all"
PUBLISHED = "published"


def included(meta: DocumentMeta, versions: str, as_of: date) -> bool:
    del versions, as_of  # both sources hold every adopted version (see above)
    return meta.status == "antagen"


def document_info(model: Model, meta: DocumentMeta) -> dict[str, Any]:
    """How an answer names its source: title, version, validity, adoption, file."""
    adopted = meta.adopted_by
    adoption = None
    if adopted is not None:
        org = model.organisation
        body = org.bodies.get(adopted.body) if org is not None else None
        body_name = lower_first(body.name) if body is not None else adopted.body
        adoption = f"antagen av {body_name} {adopted.date.isoformat()} {adopted.paragraph}, dnr {adopted.diarienummer}"
    return {
        "id": meta.id,
        "title": meta.title,
        "version": meta.version,
        "valid_from": meta.valid_from.isoformat(),
        "valid_to": meta.valid_to.isoformat() if meta.valid_to else None,
        "adopted": adoption,
        "file": meta.source.file,
    }


@dataclass(frozen=True)
class Period:
    start: date
    end: date | None  # inclusive; None = open

    @property
    def json(self) -> dict[str, str | None]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat() if self.end else None}


def periods(reference: ReferenceData, start: date, end: date | None, units: Iterable[str], extra: Iterable[date] = ()) -> list[Period]:
    """Split [start, end] where a value of the given series changes (and each new year of an
    annual series, up to the year after its last entered value), plus at `extra` dates."""
    series_ids = sorted({u for u in units if u != "sek"})
    points = set(reference.split_points(series_ids, start, end))
    for series_id in series_ids:
        series = reference.get(series_id)
        if series is None or series.periodicity != "annual" or not series.values:
            continue
        last = end.year if end is not None else max(series.values[-1].valid_from.year + 1, start.year)
        points.update(date(year, 1, 1) for year in range(start.year + 1, last + 1))
    points.update(d for d in extra if start < d and (end is None or d <= end))
    ordered = sorted(points)
    return [
        Period(day, ordered[i + 1] - timedelta(days=1) if i + 1 < len(ordered) else end)
        for i, day in enumerate(ordered)
    ]


@dataclass(frozen=True)
class UnitValue:
    """The kronor value of one unit (a prisbasbelopp) in a period, or why it is not known."""

    unit: str
    per_unit: Decimal | None
    dated: DatedValue | None
    title: str
    annual: bool
    reason: str | None  # why per_unit is None
    definite: str | None = None  # the series' name in the definite form: how exactly one unit reads

    def reference_json(self) -> dict[str, Any]:
        when = str(self.dated.valid_from.year) if self.annual and self.dated else (
            f"från {self.dated.valid_from.isoformat()}" if self.dated else "")
        return {
            "series": self.unit,
            "title": self.title,
            "text": f"{self.title} {when}: {kronor(self.per_unit)} ({self.dated.source_title if self.dated else ''})",
            "value": self.per_unit,
            "valid_from": self.dated.valid_from.isoformat() if self.dated else None,
            "source": self.dated.source_title if self.dated else None,
        }


def unit_value(reference: ReferenceData, unit: str, period: Period) -> UnitValue:
    """The value of `unit` on the period's first day (constant through the period by construction)."""
    if unit == "sek":
        return UnitValue(unit, Decimal(1), None, "kronor", False, None)
    series = reference.get(unit)
    if series is None:
        return UnitValue(unit, None, None, unit, False, f"Enheten '{unit}' finns inte i referensdata.")
    dated = series.value_on(period.start)
    title = series.title
    annual = series.periodicity == "annual"
    when = str(period.start.year) if annual else f"från {period.start.isoformat()}"
    if dated is None:
        return UnitValue(unit, None, None, title, annual, f"{title} för {when} finns inte i referensdata.", series.definite)
    if dated.unknown or dated.value is None:
        return UnitValue(unit, None, dated, title, annual,
                         f"{title} för {when} är ännu inte känt i referensdata ({dated.source_title}).", series.definite)
    return UnitValue(unit, Decimal(str(dated.value)), dated, title, annual, None, series.definite)


def in_sek(amount: Amount, value: UnitValue) -> Decimal | None:
    """Exact decimal kronor (3 × 59 200 = 177 600; 0,3 × 57 300 = 17 190, no binary-float noise)."""
    if value.per_unit is None:
        return None
    return Decimal(str(amount.amount)) * value.per_unit


def amount_text(amount: Amount, value: UnitValue, period: Period) -> str:
    """'5 prisbasbelopp (296 000 kr 2026)', '1 000 000 kr'."""
    if amount.unit == "sek":
        return kronor(amount.amount)
    own = in_units(amount.amount, lower_first(value.title), value.definite)
    sek = in_sek(amount, value)
    if sek is None:
        return f"{own} (kronbeloppet är inte känt)"
    when = f" {period.start.year}" if value.annual else ""
    return f"{own} ({kronor(sek)}{when})"
