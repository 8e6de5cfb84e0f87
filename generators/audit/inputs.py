"""Reading the exports: CSV or XLSX files with a header row, every bad cell reported, no row dropped.

Each reader returns the rows it could read and an `TabularProblem` for every cell it could not, as
`path:row:column: CODE message` (row = the file's line number, column = the field's 1-based
position). A row with a bad cell is still counted and still reported: the audit lists it as not
checked instead of pretending it was fine.

The separator is `,`, `;` or a tab (what Swedish exports use), found from the header line. The text
is UTF-8 (a byte-order mark is allowed). Amounts may be written `12500`, `12500.50` or `12 500,50`.
An `.xlsx` file is read from its first sheet with the shared reader (`generators.tabular`): a date
cell is a date, a number cell an amount, and every cell is then judged as the same text in a CSV.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from generators.checks.personal_data.detect import find_identity_numbers
from generators.diagnostics import TabularProblem
from generators.model.common import Actor
from generators.model.organisation import Organisation
from generators.tabular import TableError
from generators.tabular import read_table as read_sheet

MAX_BYTES = 512 * 1024 * 1024  # an export bigger than this is not an export of one organisation's year

AU101, AU102, AU103, AU104, AU105, AU106, AU107, AU108 = ("AU101", "AU102", "AU103", "AU104", "AU105", "AU106", "AU107", "AU108")


@dataclass(frozen=True, slots=True)
class InputFile:
    """Provenance of one export: what the report states about it."""

    kind: str  # trips | decisions | users | invoices | attest
    file: str
    sha256: str
    rows: int


@dataclass(slots=True)
class Row:
    file: str
    line: int
    values: dict[str, str]
    columns: dict[str, int]  # column name -> 1-based position

    def column(self, name: str) -> int:
        return self.columns.get(name, 1)

    def get(self, name: str) -> str:
        return self.values.get(name, "").strip()


@dataclass(slots=True)
class Table:
    kind: str
    file: str
    rows: list[Row] = field(default_factory=list)
    problems: list[TabularProblem] = field(default_factory=list)
    provenance: InputFile | None = None

    def problem(self, row: Row, column: str, code: str, message: str) -> None:
        self.problems.append(TabularProblem(row.file, row.line, row.column(column), code, message))


def display_path(path: Path) -> str:
    """The path as the user gave it (relative stays relative): messages point where they typed."""
    return path.as_posix()


def read_table(kind: str, path: Path, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> Table:
    """The rows of a CSV or XLSX export with its header checked; problems for the file itself as AU101/AU102."""
    table, rows = stream_table(kind, path, required, optional)
    table.rows.extend(rows)
    return table


def stream_table(kind: str, path: Path, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> tuple[Table, Iterator[Row]]:
    """As `read_table`, with the rows handed out one at a time instead of kept in `Table.rows`: a reader
    of a million lines holds one row's dictionary at a time, not all of them. The table's problems
    and its provenance's row count are complete once the iterator is exhausted."""
    table = Table(kind, display_path(path))
    return table, _rows(table, path, required, optional)


def _rows(table: Table, path: Path, required: tuple[str, ...], optional: tuple[str, ...]) -> Iterator[Row]:
    name = table.file
    kind = table.kind
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            table.problems.append(TabularProblem(name, 1, 1, AU101, f"Filen är {size} byte; gränsen är {MAX_BYTES} byte."))
            return
        data = path.read_bytes()
    except OSError as error:
        table.problems.append(TabularProblem(name, 1, 1, AU101, f"Filen kan inte läsas ({error.strerror or error})."))
        return
    table.provenance = InputFile(kind, name, hashlib.sha256(data).hexdigest(), 0)
    if path.suffix.lower() == ".xlsx":
        yield from _xlsx_rows(table, path, required, optional)
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        table.problems.append(TabularProblem(name, line, 1, AU101, "Filen är inte sparad som UTF-8; spara exporten som UTF-8 och kör igen."))
        return
    del data  # the text is what is read from here on (a generator keeps its locals while it runs)
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        table.problems.append(TabularProblem(name, 1, 1, AU101, f"Rubrikraden kan inte läsas som CSV ({error})."))
        return
    if header is None:
        table.problems.append(TabularProblem(name, 1, 1, AU101, "Filen är tom; den första raden ska vara en rubrikrad."))
        return
    header = [h.strip() for h in header]
    columns = _header(table, header, required, optional)
    if columns is None:
        return
    count = 0
    previous_end = 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            count += 1
            table.problems.append(TabularProblem(name, reader.line_num, 1, AU101, f"Raden kan inte läsas som CSV ({error})."))
            previous_end = reader.line_num
            continue
        start = previous_end + 1
        previous_end = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        count += 1
        row = Row(name, start, {h: (record[i] if i < len(record) else "") for i, h in enumerate(header) if h}, columns)
        if len(record) != len(header):
            table.problems.append(TabularProblem(name, start, min(len(record), len(header)) or 1, AU101,
                                               f"Raden har {len(record)} fält men rubrikraden {len(header)}."))
            continue
        yield row
    table.provenance = InputFile(kind, name, table.provenance.sha256, count)


def _header(table: Table, header: list[str], required: tuple[str, ...], optional: tuple[str, ...]) -> dict[str, int] | None:
    """The columns by name (1-based), or None when a required one is missing (AU102 for each problem)."""
    name = table.file
    columns = {h: i + 1 for i, h in enumerate(header) if h}
    missing = [c for c in required if c not in columns]
    for column in missing:
        table.problems.append(TabularProblem(name, 1, 1, AU102, f"Kolumnen '{column}' saknas i rubrikraden (som har: {', '.join(header)})."))
    unknown = [h for h in header if h and h not in required and h not in optional]
    for column in unknown:
        table.problems.append(TabularProblem(name, 1, columns[column], AU102,
                                           f"Kolumnen '{column}' är okänd; kända kolumner är {', '.join(required + optional)}."))
    return None if missing else columns


def _cell_text(value: object) -> str:
    """An XLSX cell as the text a CSV export would hold: a date cell ÅÅÅÅ-MM-DD, a number as written
    (a whole float without its .0), so the same parsers judge both formats."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")  # a time of day is no date: reported like the same text in a CSV
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_rows(table: Table, path: Path, required: tuple[str, ...], optional: tuple[str, ...]) -> Iterator[Row]:
    """The first sheet of a workbook, read with the shared reader (openpyxl, read-only): row numbers are
    the sheet's, columns their position, as for CSV."""
    assert table.provenance is not None
    try:
        sheet = read_sheet(path, max_bytes=MAX_BYTES)
    except TableError as error:
        table.problems.append(TabularProblem(table.file, 1, 1, AU101, str(error)))
        return
    header = list(sheet.header)
    columns = _header(table, header, required, optional)
    if columns is None:
        return
    for found in sheet.rows:
        row = Row(table.file, found.number, {h: _cell_text(found.cells[i]) if i < len(found.cells) else "" for i, h in enumerate(header) if h},
                  columns)
        outside = next((i for i in range(len(header), len(found.cells)) if found.cells[i] is not None), None)
        if outside is not None:
            table.problems.append(TabularProblem(table.file, found.number, outside + 1, AU101,
                                               f"Raden har ett värde i kolumn {outside + 1}, utanför rubrikradens {len(header)} kolumner."))
            continue
        yield row
    table.provenance = InputFile(table.kind, table.file, table.provenance.sha256, len(sheet.rows))


# -- values ------------------------------------------------------------------------------------------
def parse_day(table: Table, row: Row, column: str, required: bool = True) -> date | None:
    """An ISO date (ÅÅÅÅ-MM-DD); a problem for anything else, or for an empty required cell."""
    text = row.get(column)
    if not text:
        if required:
            table.problem(row, column, AU103, f"'{column}' saknas; skriv ett datum ÅÅÅÅ-MM-DD.")
        return None
    day = _iso_day(text)
    if day is None:
        table.problem(row, column, AU103, f"'{text}' i '{column}' är inget giltigt datum; skriv ÅÅÅÅ-MM-DD.")
    return day


@lru_cache(maxsize=8192)
def _iso_day(text: str) -> date | None:
    """The date `ÅÅÅÅ-MM-DD` names, or None. Kept per text: an export of a year has a few hundred
    distinct dates in millions of cells."""
    try:
        return date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else _bad_date()
    except ValueError:
        return None


def identity_number_in(table: Table, row: Row, column: str, value: str) -> bool:
    """A personnummer or samordningsnummer where an id belongs is refused (AU103) and shown masked only:
    the outputs name people by ids, never by identity numbers."""
    found = find_identity_numbers(value)
    if found:
        table.problem(row, column, AU103, f"'{column}' innehåller ett personnummer ({found[0].masked}); ange ett användar-id "
                                          "eller rekryteringssystemets id, aldrig ett personnummer.")
    return bool(found)


def _bad_date() -> date:
    raise ValueError("not an ISO date")


_AMOUNT = re.compile(r"-?\d+(?:[.,]\d{1,2})?")


def parse_amount(table: Table, row: Row, column: str, required: bool = True, negative: bool = False) -> Decimal | None:
    """Kronor: `12500`, `12500.50`, `12 500,50` (spaces and non-breaking spaces as thousands separators)."""
    text = row.get(column)
    if not text:
        if required:
            table.problem(row, column, AU103, f"'{column}' saknas; skriv ett belopp i kronor.")
        return None
    cleaned = text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if cleaned.lower().endswith("kr"):
        cleaned = cleaned[:-2]
    if not _AMOUNT.fullmatch(cleaned):
        table.problem(row, column, AU103, f"'{text}' i '{column}' är inget belopp i kronor (skriv t.ex. 12500 eller 12 500,50).")
        return None
    try:
        value = Decimal(cleaned.replace(",", "."))
    except InvalidOperation:
        table.problem(row, column, AU103, f"'{text}' i '{column}' är inget belopp i kronor.")
        return None
    if value < 0 and not negative:
        table.problem(row, column, AU103, f"'{text}' i '{column}' är negativt; här krävs ett belopp från 0 kr.")
        return None
    return value


def parse_countries(table: Table, row: Row, column: str, known: frozenset[str]) -> tuple[str, ...]:
    """ISO 3166-1 alfa-2 codes separated by space, `,`, `;` or `|`; every unknown code reported."""
    text = row.get(column)
    codes = [c for c in re.split(r"[\s,;|]+", text) if c]
    if not codes:
        table.problem(row, column, AU103, f"'{column}' saknas; ange resmålens landkoder (ISO 3166-1 alfa-2, t.ex. US).")
        return ()
    good = []
    for code in codes:
        if code.upper() != code or code not in known:
            table.problem(row, column, AU103, f"'{code}' är ingen landkod enligt ISO 3166-1 alfa-2 (skriv t.ex. US, DE, NO).")
        else:
            good.append(code)
    return tuple(dict.fromkeys(good)) if len(good) == len(codes) else ()


# -- users and positions -----------------------------------------------------------------------------
USER_COLUMNS = ("user_id", "position", "valid_from")
USER_OPTIONAL = ("valid_to",)


@dataclass(frozen=True, slots=True)
class Assignment:
    position: str
    valid_from: date
    valid_to: date | None


@dataclass(slots=True)
class UserPositions:
    """Who held which position when, as the HR system exports it: `user_id → [Assignment]`."""

    by_user: dict[str, list[Assignment]] = field(default_factory=dict)
    # Answers of positions_on, per (user, day): the attest log asks the same few people on the same
    # days millions of times. Filled only after reading (read_users appends to by_user first).
    _held: dict[tuple[str, date], tuple[str, ...]] = field(default_factory=dict, repr=False, compare=False)

    def positions_on(self, user: str, day: date) -> tuple[str, ...]:
        found = self._held.get((user, day))
        if found is None:
            found = tuple(sorted({a.position for a in self.by_user.get(user, ())
                                  if a.valid_from <= day and (a.valid_to is None or day <= a.valid_to)}))
            self._held[(user, day)] = found
        return found

    def knows(self, user: str) -> bool:
        return user in self.by_user


def read_users(path: Path, org: Organisation) -> tuple[UserPositions, Table]:
    table = read_table("users", path, USER_COLUMNS, USER_OPTIONAL)
    users = UserPositions()
    for row in table.rows:
        user = row.get("user_id")
        position = row.get("position")
        start = parse_day(table, row, "valid_from")
        end = parse_day(table, row, "valid_to", required=False)
        if not user:
            table.problem(row, "user_id", AU103, "'user_id' saknas.")
            continue
        if position not in org.positions:
            table.problem(row, "position", AU105, f"Befattningen '{position}' finns inte i organisationen.")
            continue
        if start is None or (row.get("valid_to") and end is None):
            continue
        if end is not None and end < start:
            table.problem(row, "valid_to", AU103, f"'valid_to' {end.isoformat()} ligger före 'valid_from' {start.isoformat()}.")
            continue
        users.by_user.setdefault(user, []).append(Assignment(position, start, end))
    return users, table


# -- actors ------------------------------------------------------------------------------------------
ACTOR_PREFIXES = ("position:", "body:", "seat:")


def parse_actor_text(text: str) -> Actor | None:
    """`position:ID`, `body:ID`, `seat:SEAT@BODY` as written (the key format of the published rules); None for a user id."""
    if text.startswith("position:"):
        return Actor("position", text.removeprefix("position:"))
    if text.startswith("body:"):
        return Actor("body", text.removeprefix("body:"))
    if text.startswith("seat:") and "@" in text:
        seat, body = text.removeprefix("seat:").split("@", 1)
        return Actor("seat", seat, body)
    return None


def resolve_people(table: Table, row: Row, column: str, day: date | None, org: Organisation, users: UserPositions,
                   required: bool = True) -> tuple[Actor, ...]:
    """Who the cell names, as actors on `day`: a user id becomes the positions the user held that day
    (several when they held several); an explicit actor is checked against the organisation."""
    text = row.get(column)
    if not text:
        if required:
            table.problem(row, column, AU103, f"'{column}' saknas.")
        return ()
    actor = parse_actor_text(text)
    if actor is not None:
        if not org.exists(actor):
            table.problem(row, column, AU105, f"'{text}' finns inte i organisationen ({org.missing_reason(actor)}).")
            return ()
        return (actor,)
    if text.startswith(ACTOR_PREFIXES) or ":" in text:
        table.problem(row, column, AU103, f"'{text}' är varken ett användar-id eller en aktör (position:ID, body:ID, seat:POST@ORGAN).")
        return ()
    if day is None:
        return ()
    if not users.knows(text):
        table.problem(row, column, AU104, f"Användaren '{text}' finns inte i filen med användare och befattningar.")
        return ()
    held = users.positions_on(text, day)
    if not held:
        table.problem(row, column, AU104, f"Användaren '{text}' hade ingen befattning den {day.isoformat()} enligt filen med användare och befattningar.")
        return ()
    return tuple(Actor("position", p) for p in held)


def person_key(text: str) -> str:
    """The identity of a person across rows, for 'two different persons' and 'own trip' questions."""
    return text.strip()
