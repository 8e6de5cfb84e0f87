"""Dated reference data from law: amounts, country groups, deadlines, statutes."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from generators.model.common import SourceRef

if TYPE_CHECKING:
    from generators.loading.documents import SourceDocument
    from generators.model import Model


@dataclass(frozen=True, slots=True)
class DatedValue:
    valid_from: date
    value: float | int | None
    unknown: bool
    value_eur: float | int | None
    countries: tuple[str, ...]
    days: int | None
    months: int | None
    years: int | None
    source_title: str
    source_url: str | None
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Statute:
    sfs: str
    short: str
    name: str
    url: str
    source: SourceRef
    valid_from: date | None = None
    valid_to: date | None = None  # the last day it applied, when repealed
    replaced_by: str | None = None  # the successor's SFS number
    source_title: str | None = None
    source_url: str | None = None

    def repealed_on(self, day: date) -> bool:
        """Whether the statute no longer applied on `day` (its successor had taken effect)."""
        return self.valid_to is not None and day > self.valid_to


@dataclass(frozen=True, slots=True)
class LegalLimit:
    """The rule in law a series is the limit for: `direct_procurement` under LOU (2016:1145) 19 a kap."""

    rule: str
    sfs: str
    chapter: str


@dataclass
class Series:
    id: str
    title: str
    kind: str
    unit: str | None
    values: list[DatedValue]
    source: SourceRef
    description: str | None = None
    # annual: a value holds only for its calendar year (prisbasbelopp); until_changed: until the next.
    periodicity: str = "until_changed"
    # The name in the definite form ("direktupphandlingsgränsen"): how a limit of exactly one unit reads.
    definite: str | None = None
    legal_limit: LegalLimit | None = None

    def value_on(self, day: date) -> DatedValue | None:
        """The value in force on `day`, or None where the series says nothing about that day.

        For an annual series a value never carries over into a year nobody has entered yet: the
        2026 prisbasbelopp is not the 2027 one.
        """
        index = bisect_right([v.valid_from for v in self.values], day)
        if not index:
            return None
        value = self.values[index - 1]
        if self.periodicity == "annual" and value.valid_from.year != day.year:
            return None
        return value

    def change_dates(self) -> list[date]:
        return [v.valid_from for v in self.values]


@dataclass
class ReferenceData:
    series: dict[str, Series] = field(default_factory=dict)
    statutes: dict[str, Statute] = field(default_factory=dict)

    def get(self, series_id: str) -> Series | None:
        return self.series.get(series_id)

    def legal_limits(self, rule: str) -> list[Series]:
        """The series that are the law's limit for `rule` (one per statute: LOU's and LUF's
        direktupphandlingsgräns), in id order."""
        return sorted((s for s in self.series.values() if s.legal_limit is not None and s.legal_limit.rule == rule),
                      key=lambda s: s.id)

    def legal_limit(self, rule: str, sfs: str) -> Series | None:
        """The law's limit for `rule` under the statute `sfs`, or None where the reference data names none."""
        return next((s for s in self.legal_limits(rule) if s.legal_limit is not None and s.legal_limit.sfs == sfs), None)

    def value_on(self, series_id: str, day: date) -> DatedValue | None:
        series = self.series.get(series_id)
        return series.value_on(day) if series else None

    def to_sek(self, amount: float, unit: str, day: date) -> float | int | None:
        """An amount in kronor on `day`; None when the unit's value is unknown then."""
        if unit == "sek":
            return amount
        value = self.value_on(unit, day)
        if value is None or value.value is None:
            return None
        return amount * value.value

    def split_points(self, series_ids: list[str], start: date, end: date | None) -> list[date]:
        """`start` plus every change date of the given series inside [start, end]: the pieces to check."""
        points = {start}
        for series_id in series_ids:
            series = self.series.get(series_id)
            for changed in series.change_dates() if series else ():
                if start < changed and (end is None or changed <= end):
                    points.add(changed)
        return sorted(points)


def build_reference(documents: list[Any]) -> ReferenceData:
    data = ReferenceData()
    for document in documents:
        raw = document.data
        source = SourceRef(document, ())
        if raw["kind"] == "statutes":
            for index, entry in enumerate(raw["entries"]):
                origin = entry.get("source") or {}
                data.statutes[entry["sfs"]] = Statute(
                    entry["sfs"], entry["short"], entry["name"], entry["url"], source.at("entries", index),
                    valid_from=date.fromisoformat(entry["valid_from"]) if entry.get("valid_from") else None,
                    valid_to=date.fromisoformat(entry["valid_to"]) if entry.get("valid_to") else None,
                    replaced_by=entry.get("replaced_by"),
                    source_title=origin.get("title"),
                    source_url=origin.get("url"),
                )
            continue
        values = []
        for index, item in enumerate(raw["values"]):
            src = item["source"]
            values.append(
                DatedValue(
                    valid_from=date.fromisoformat(item["valid_from"]),
                    value=item.get("value"),
                    unknown=bool(item.get("unknown", False)),
                    value_eur=item.get("value_eur"),
                    countries=tuple(item.get("countries", ())),
                    days=item.get("days"),
                    months=item.get("months"),
                    years=item.get("years"),
                    source_title=src["title"],
                    source_url=src.get("url"),
                    source=source.at("values", index),
                )
            )
        values.sort(key=lambda v: v.valid_from)
        limit = raw.get("legal_limit")
        data.series[raw["id"]] = Series(
            raw["id"], raw["title"], raw["kind"], raw.get("unit"), values, source, raw.get("description"),
            raw.get("periodicity", "until_changed"), raw.get("definite"),
            LegalLimit(limit["rule"], limit["sfs"], limit["chapter"]) if limit else None,
        )
    return data


def build(model: Model, documents: list[SourceDocument]) -> None:
    """The kind's model builder (registered in generators/kinds/reference.py): every dated series from every reference file (none: empty reference data)."""
    model.kind_data["reference"] = build_reference(documents)
