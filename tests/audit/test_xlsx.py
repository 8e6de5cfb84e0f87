"""Every tabular audit input may be an XLSX workbook, as HR and finance systems export it: read with the
shared reader (generators.tabular, openpyxl in read-only mode), located `path:row:column` as for CSV,
and judged exactly as the same cells written as text in a CSV."""

from __future__ import annotations

import csv
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from generators.audit.run import AuditInputs, AuditResult, run_audit
from tests.conftest import REPO

DATA = Path(__file__).parent / "data"
POLICIES = REPO / "tests" / "fixtures" / "kommun" / "policies"


def _typed(text: str) -> Any:
    """A CSV cell as a spreadsheet holds it: dates as date cells, amounts as numbers."""
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        return date.fromisoformat(text)
    cleaned = text.replace(" ", "").replace(",", ".")
    try:
        value = Decimal(cleaned)
    except ArithmeticError:
        return text or None
    return int(value) if value == value.to_integral() and "." not in cleaned else float(value)


def _workbook(path: Path, rows: list[list[Any]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _as_xlsx(source: Path, target: Path) -> Path:
    with source.open(encoding="utf-8") as f:
        first = f.readline()
        f.seek(0)
        records = list(csv.reader(f, delimiter=max((";", ","), key=first.count)))
    header, body = records[0], records[1:]
    # Ids that look like numbers (invoice numbers, ansvar, accounts) stay text, as a finance system writes them.
    text_columns = {"invoice_id", "supplier_id", "invoice_number", "ansvar", "account", "user_id", "contract_ref"}
    return _workbook(target, [header, *[[c or None if h in text_columns else _typed(c) for h, c in zip(header, row, strict=True)]
                                        for row in body]])


def _run(tmp_path: Path, **inputs: Any) -> AuditResult:
    return run_audit(AuditInputs(POLICIES, **inputs), date(2026, 12, 1))


def test_an_xlsx_export_gives_the_same_audit_as_its_csv(tmp_path: Path) -> None:
    users = _as_xlsx(DATA / "users.csv", tmp_path / "anstallda.xlsx")
    reskontra = _as_xlsx(DATA / "reskontra.csv", tmp_path / "reskontra.xlsx")
    attest = _as_xlsx(DATA / "attestlogg.csv", tmp_path / "attestlogg.xlsx")
    ledger = _as_xlsx(DATA / "huvudbok.csv", tmp_path / "huvudbok.xlsx")
    from_xlsx = _run(tmp_path, users=users, invoices=(reskontra,), attest_log=attest, ledger=ledger)
    from_csv = _run(tmp_path, users=DATA / "users.csv", invoices=(DATA / "reskontra.csv",), attest_log=DATA / "attestlogg.csv",
                    ledger=DATA / "huvudbok.csv")
    same = {x.as_posix(): (DATA / c).as_posix() for x, c in ((users, "users.csv"), (reskontra, "reskontra.csv"), (attest, "attestlogg.csv"),
                                                           (ledger, "huvudbok.csv"))}

    def as_csv(text: str) -> str:
        for xlsx, csv_name in same.items():
            text = text.replace(xlsx, csv_name)
        return text

    assert from_xlsx.findings and [(f.code, f.id, f.line, as_csv(f.message)) for f in from_xlsx.findings] == [
        (f.code, f.id, f.line, f.message) for f in from_csv.findings]
    assert [(p.code, p.row, p.column, as_csv(p.message)) for p in from_xlsx.problems] == [
        (p.code, p.row, p.column, p.message) for p in from_csv.problems]
    assert {p.file for p in from_xlsx.problems} == {reskontra.as_posix(), ledger.as_posix()}
    assert [(i.kind, i.rows) for i in from_xlsx.inputs] == [(i.kind, i.rows) for i in from_csv.inputs]


def test_a_bad_cell_in_a_workbook_is_located_by_row_and_column(tmp_path: Path) -> None:
    users = _as_xlsx(DATA / "users.csv", tmp_path / "anstallda.xlsx")
    trips = _workbook(tmp_path / "resor.xlsx", [
        ["trip_id", "traveller", "countries", "departure", "approver", "approved_on"],
        ["R-1", "u1001", "DE", date(2026, 3, 10), "u2001", date(2026, 3, 1)],
        [None, None, None, None, None, None],  # an empty row, as spreadsheets have: skipped
        ["R-2", "u1001", "DE", "10 mars", "u2001", datetime(2026, 3, 1, 14, 30)],  # text for a date; a time of day
        ["R-3", "u1001", "DE", date(2026, 3, 10), "u2001", date(2026, 3, 1), "extra"],  # a value outside the header
    ])
    found = _run(tmp_path, users=users, trips=trips)
    name = trips.as_posix()
    assert [p.text() for p in found.problems] == [
        f"{name}:4:4: AU103 '10 mars' i 'departure' är inget giltigt datum; skriv ÅÅÅÅ-MM-DD.",
        f"{name}:4:6: AU103 '2026-03-01 14:30:00' i 'approved_on' är inget giltigt datum; skriv ÅÅÅÅ-MM-DD.",
        f"{name}:5:7: AU101 Raden har ett värde i kolumn 7, utanför rubrikradens 6 kolumner.",
    ]
    assert len(found.trips) == 2 and found.unchecked == 1


def test_a_file_that_is_no_workbook_and_a_missing_column(tmp_path: Path) -> None:
    broken = tmp_path / "resor.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    found = _run(tmp_path, trips=broken)
    assert [(p.code, p.row, p.column) for p in found.problems] == [("AU101", 1, 1)]
    assert "XLSX" in found.problems[0].message
    columns = _workbook(tmp_path / "beslut.xlsx", [["decision_id", "matter", "decided_on"], ["DB-1", "x", date(2026, 1, 1)]])
    found = _run(tmp_path, decisions=columns)
    assert [p.text() for p in found.problems] == [
        f"{columns.as_posix()}:1:1: AU102 Kolumnen 'decider' saknas i rubrikraden (som har: decision_id, matter, decided_on)."]
