"""Declared interests: the jävsdeklarationer and bisysslor staff file, as an HR or e-service export.

Columns: `person` (a user id, or `position:ID` when the declaration follows the position),
`organisation` (the organisationsnummer or supplier id concerned), `valid_from`, [`valid_to`],
[`kind`] (`jav` or `bisyssla`). Only ids and dates are read: never the free text of a declaration.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generators.audit.inputs import AU103, Table, parse_day, read_table
from generators.model.common import Actor

INTEREST_COLUMNS = ("person", "organisation", "valid_from")
INTEREST_OPTIONAL = ("valid_to", "kind")
KINDS = {"jav": "jävsdeklaration", "bisyssla": "bisyssla"}


@dataclass(frozen=True, slots=True)
class Interest:
    person: str
    organisation: str
    valid_from: date
    valid_to: date | None
    kind: str
    file: str
    line: int

    def covers(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(slots=True)
class Interests:
    by_organisation: dict[str, list[Interest]] = field(default_factory=dict)

    def held(self, organisation: str, person: str, actors: tuple[Actor, ...], day: date) -> Interest | None:
        """The declaration that `person` (as written in the export) or one of its positions holds in `organisation` on `day`."""
        keys = {person, *(a.key for a in actors)}
        return next((i for i in self.by_organisation.get(normalise(organisation), []) if i.person in keys and i.covers(day)), None)


def normalise(organisation: str) -> str:
    """`556000-0001`, `5560000001` and `SE556000000101` name the same organisation."""
    digits = "".join(c for c in organisation if c.isdigit())
    if organisation.upper().startswith("SE") and len(digits) == 12:
        digits = digits[:10]
    return digits or organisation.strip()


def read_interests(path: Path) -> tuple[Interests, Table]:
    table = read_table("interests", path, INTEREST_COLUMNS, INTEREST_OPTIONAL)
    found = Interests()
    for row in table.rows:
        person, organisation = row.get("person"), row.get("organisation")
        start = parse_day(table, row, "valid_from")
        end = parse_day(table, row, "valid_to", required=False)
        kind = row.get("kind") or "jav"
        if kind not in KINDS:
            table.problem(row, "kind", AU103, f"'{kind}' i 'kind' är varken jav eller bisyssla.")
            continue
        for column, value in (("person", person), ("organisation", organisation)):
            if not value:
                table.problem(row, column, AU103, f"'{column}' saknas.")
        if not person or not organisation or start is None or (row.get("valid_to") and end is None):
            continue
        found.by_organisation.setdefault(normalise(organisation), []).append(
            Interest(person, organisation, start, end, kind, row.file, row.line))
    return found, table
