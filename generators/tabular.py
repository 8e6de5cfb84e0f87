"""Reading a table from an export: XLSX (openpyxl, read-only) or CSV, the header row and every data
row with its row number, so each cell can be reported as `path:row:column`. Shared by the contract
import (`generators.imports`) and the audit's inputs (`generators.audit.inputs`): one reader of the
spreadsheets that HR, finance and contract systems export.

XLSX cells keep their type (a date cell is a date, a number a number); CSV cells are text. The CSV
separator is `,`, `;` or a tab, found from the header line; the text is UTF-8 (a byte-order mark is
allowed). Rows that are entirely empty are skipped (spreadsheets end in them); every other row is
returned, however broken.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

MAX_BYTES = 64 * 1024 * 1024  # a contract register larger than this is not one organisation's register


class TableError(Exception):
    """The file cannot be read as a table at all; the message is for the person importing (Swedish)."""


@dataclass(frozen=True, slots=True)
class TableRow:
    number: int  # the row number in the sheet or file (the header is row 1)
    cells: tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[TableRow, ...]


def read_table(path: Path, sheet: str | None = None, max_bytes: int = MAX_BYTES) -> Table:
    try:
        size = path.stat().st_size
    except OSError as error:
        raise TableError(f"Filen kan inte läsas ({error.strerror or error}).") from None
    if size > max_bytes:
        raise TableError(f"Filen är {size} byte; gränsen är {max_bytes} byte.")
    if path.suffix.lower() == ".xlsx":
        return _read_xlsx(path, sheet)
    if path.suffix.lower() in (".csv", ".txt"):
        return _read_csv(path)
    raise TableError("Filen ska vara en XLSX-fil (.xlsx) eller en CSV-fil (.csv).")


def _cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date() if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0) else value
    if isinstance(value, str):
        return value.strip() or None
    return value


_NOT_XLSX = ("Filen kan inte läsas som XLSX: den är inte en arbetsbok som Excel eller LibreOffice sparar "
             "(.xlsx). Spara exporten som XLSX eller som CSV i UTF-8.")


def _read_xlsx(path: Path, sheet: str | None) -> Table:
    try:
        return _read_workbook(path, sheet)
    except TableError:
        raise
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds on a damaged file; each is the same answer
        raise TableError(_NOT_XLSX) from None


def _read_workbook(path: Path, sheet: str | None) -> Table:
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            raise TableError(f"Arbetsbladet '{sheet}' finns inte; bladen heter {', '.join(workbook.sheetnames)}.")
        worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        rows = worksheet.iter_rows(values_only=True)
        first = next(rows, None)
        if first is None:
            raise TableError("Arbetsbladet är tomt; första raden ska vara rubrikraden.")
        header = tuple("" if value is None else str(value).strip() for value in first)
        found = []
        for number, values in enumerate(rows, start=2):
            cells = tuple(_cell(v) for v in values)
            if any(c is not None for c in cells):
                found.append(TableRow(number, cells))
        return Table(_trimmed(header), tuple(found))
    finally:
        workbook.close()


def _read_csv(path: Path) -> Table:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TableError(f"Filen är inte sparad som UTF-8 (byte {error.start}); spara exporten som UTF-8.") from None
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error as error:
        raise TableError(f"Filen kan inte läsas som CSV ({error}).") from None
    if not records:
        raise TableError("Filen är tom; första raden ska vara rubrikraden.")
    header = tuple(value.strip() for value in records[0])
    found = []
    for number, values in enumerate(records[1:], start=2):
        cells = tuple(_cell(v) for v in values)
        if any(c is not None for c in cells):
            found.append(TableRow(number, cells))
    return Table(_trimmed(header), tuple(found))


def _trimmed(header: tuple[str, ...]) -> tuple[str, ...]:
    """Trailing empty header cells (a spreadsheet's unused columns) are not columns."""
    end = len(header)
    while end and not header[end - 1]:
        end -= 1
    return header[:end]


def as_date(value: Any) -> date | None:
    """A date cell, or text written ÅÅÅÅ-MM-DD; None when it is neither."""
    if isinstance(value, datetime):
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value) if len(value) == 10 else None
        except ValueError:
            return None
    return None
