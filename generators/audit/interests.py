"""Declared interests: the jävsdeklarationer and bisysslor staff file, as an HR or e-service export.

Columns: `person` (who declares: a user id, or `position:ID` when the declaration follows the
position), `valid_from`, [`valid_to`], [`kind`] (`jav` or `bisyssla`), and what the declaration
concerns, exactly one of:
- [`organisation`]: the organisationsnummer or supplier id of a company, förening or supplier;
- [`related_person`]: a person, by the id the other exports use for them (a user id in `--users`, or
  the recruitment system's id for an applicant), with [`relation`]: `narstaende` (make, sambo,
  förälder, barn, syskon or another närstående: KL 6 kap. 28 §) or `annan` (another close relation
  that makes the declarant's impartiality questionable, the same paragraph's last ground).
`relation` may also say that an organisation interest is a närstående's. Only ids, dates and these
values are read: never the free text of a declaration. An identity number is refused, never echoed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generators.audit.inputs import AU103, Table, identity_number_in, parse_day, read_table
from generators.model.common import Actor

INTEREST_COLUMNS = ("person", "valid_from")
INTEREST_OPTIONAL = ("organisation", "related_person", "relation", "valid_to", "kind")
KINDS = {"jav": "jävsdeklaration", "bisyssla": "bisyssla"}
# What a declaration can state about the relation (the grounds of KL 6 kap. 28 § a declaration can name).
RELATIONS = {"narstaende": "närstående", "annan": "annan nära relation"}


@dataclass(frozen=True, slots=True)
class Interest:
    person: str
    organisation: str  # "" for a declaration about a person
    valid_from: date
    valid_to: date | None
    kind: str
    file: str
    line: int
    related_person: str = ""  # "" for a declaration about an organisation
    relation: str = ""  # a key of RELATIONS, or "" (an organisation interest of the declarant's own)

    def covers(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def relation_to(self, whom: str) -> str:
        """Swedish: what a declaration about a person says, from whoever filed it ("enligt en
        jävsdeklaration från u2001 är närstående till resenären u1001")."""
        said = "är närstående till" if self.relation == "narstaende" else "har en annan nära relation till"
        return f"enligt en {KINDS[self.kind]} från {self.person} ({self.where}) {said} {whom}"

    def described(self) -> str:
        """Swedish: what was declared, for a finding's message ("en jävsdeklaration (närstående)")."""
        relation = f" ({RELATIONS[self.relation]})" if self.relation else ""
        return f"en {KINDS[self.kind]}{relation}"


@dataclass(slots=True)
class Interests:
    by_organisation: dict[str, list[Interest]] = field(default_factory=dict)
    by_person: dict[str, list[Interest]] = field(default_factory=dict)  # by the related person's id

    def held(self, organisation: str, person: str, actors: tuple[Actor, ...], day: date) -> Interest | None:
        """The declaration that `person` (as written in the export) or one of its positions holds in `organisation` on `day`."""
        keys = {person, *(a.key for a in actors)}
        return next((i for i in self.by_organisation.get(normalise(organisation), []) if i.person in keys and i.covers(day)), None)

    def related(self, related_person: str, person: str, actors: tuple[Actor, ...], day: date) -> Interest | None:
        """The declaration by `person` (or one of its positions) of a relation to `related_person` in force on `day`."""
        keys = {person, *(a.key for a in actors)}
        return next((i for i in self.by_person.get(related_person.strip(), []) if i.person in keys and i.covers(day)), None)

    def between(self, one: str, one_actors: tuple[Actor, ...], other: str, other_actors: tuple[Actor, ...], day: date) -> Interest | None:
        """A relation between two people declared by either of them, in force on `day`: a närstående is
        one whichever of the two filed the declaration."""
        return self.related(other, one, one_actors, day) or self.related(one, other, other_actors, day)


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
        person, organisation, related = row.get("person"), row.get("organisation"), row.get("related_person")
        relation = row.get("relation")
        start = parse_day(table, row, "valid_from")
        end = parse_day(table, row, "valid_to", required=False)
        kind = row.get("kind") or "jav"
        bad = False
        if kind not in KINDS:
            table.problem(row, "kind", AU103, f"'{kind}' i 'kind' är varken jav eller bisyssla.")
            bad = True
        if not person:
            table.problem(row, "person", AU103, "'person' saknas.")
        if organisation and related:
            table.problem(row, "related_person", AU103, "En rad anger antingen 'organisation' eller 'related_person', inte båda.")
            bad = True
        elif not organisation and not related:
            table.problem(row, "organisation", AU103, "'organisation' eller 'related_person' saknas: vad gäller deklarationen?")
            bad = True
        if relation and relation not in RELATIONS:
            table.problem(row, "relation", AU103, f"'{relation}' i 'relation' är varken narstaende eller annan.")
            bad = True
        elif related and not relation:
            table.problem(row, "relation", AU103, "'relation' saknas; ange narstaende eller annan för en deklaration om en person.")
            bad = True
        if related and (identity_number_in(table, row, "related_person", related) or related == person):
            if related == person:
                table.problem(row, "related_person", AU103, "'related_person' är den som deklarerar; ange den person deklarationen gäller.")
            bad = True
        if end is not None and start is not None and end < start:
            table.problem(row, "valid_to", AU103, f"'valid_to' {end.isoformat()} ligger före 'valid_from' {start.isoformat()}.")
            bad = True
        if bad or not person or start is None or (row.get("valid_to") and end is None):
            continue
        interest = Interest(person, organisation, start, end, kind, row.file, row.line, related, relation)
        if organisation:
            found.by_organisation.setdefault(normalise(organisation), []).append(interest)
        else:
            found.by_person.setdefault(related, []).append(interest)
    return found, table
