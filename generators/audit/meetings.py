"""The nämnders' meeting calendar (sammanträdesdagar), for when a delegation decision must be
reported. Columns: `body` (the body's id in organisation.yaml), `meeting_date`."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generators.audit.inputs import AU105, Table, parse_day, read_table
from generators.model.organisation import Organisation


@dataclass(slots=True)
class Meetings:
    by_body: dict[str, list[date]] = field(default_factory=dict)

    def first_after(self, body: str, day: date) -> date | None:
        """The first meeting strictly after `day`."""
        days = self.by_body.get(body, [])
        index = bisect_left(days, day)
        while index < len(days) and days[index] <= day:
            index += 1
        return days[index] if index < len(days) else None


def read_meetings(path: Path, org: Organisation) -> tuple[Meetings, Table]:
    table = read_table("meetings", path, ("body", "meeting_date"))
    found = Meetings()
    for row in table.rows:
        body = row.get("body")
        day = parse_day(table, row, "meeting_date")
        if body not in org.bodies:
            table.problem(row, "body", AU105, f"Organet '{body}' finns inte i organisationen.")
            continue
        if day is not None:
            found.by_body.setdefault(body, []).append(day)
    for days in found.by_body.values():
        days.sort()
    return found, table
