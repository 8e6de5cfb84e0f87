"""The audit's analytical engine: an in-memory DuckDB database holding the exports and the decision
tables as relational tables, so the checks are joins over whole tables instead of Python loops.

The exports are read and validated by the readers (`invoices.py`, `inputs.py`: every problem with
its file, row and column); what they kept is handed to the engine as typed columns through a
temporary CSV file (the standard library has no columnar writer, and the CSV is read by DuckDB's
own parallel reader). An invoice's `idx` is its position in `AuditContext.invoices`, an attest
entry's `idx` its position in the attest log, so a verdict comes back as indices and the checks word
it with the rows they already hold.

The rules are not written in SQL: the decision tables `decide` answers from are loaded as tables
(`generators/audit/attest_chain.py` loads the attest chains that `generators.decide.attest.chain`
computed for every class of question), and SQL only joins the transactions to them.
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from generators.audit.findings import AuditContext

ColumnSpec = Sequence[tuple[str, str]]  # (name, DuckDB type)

INVOICE_COLUMNS: ColumnSpec = (
    ("idx", "INTEGER"), ("id", "VARCHAR"), ("supplier", "VARCHAR"), ("number", "VARCHAR"), ("issued", "DATE"),
    ("amount", "DECIMAL(18,2)"), ("credit", "BOOLEAN"), ("ansvar", "VARCHAR"), ("account", "VARCHAR"), ("holder", "VARCHAR"),
    ("contract_ref", "VARCHAR"), ("checkable", "BOOLEAN"), ("file", "VARCHAR"), ("line", "INTEGER"), ("paid", "DATE"),
    ("bank_changed", "DATE"),
)
ATTEST_COLUMNS: ColumnSpec = (("idx", "INTEGER"), ("invoice_id", "VARCHAR"), ("step", "VARCHAR"), ("person", "VARCHAR"), ("day", "DATE"))
ATTEST_ACTOR_COLUMNS: ColumnSpec = (("idx", "INTEGER"), ("actor_key", "VARCHAR"))


class Engine:
    """One connection per audit run, with the exports loaded; tables are added by the check modules
    that need them (each loads its decision table once, see `table`)."""

    def __init__(self) -> None:
        # Two threads: the machine the benchmark targets has two cores; more only adds contention.
        self.db = duckdb.connect(":memory:", config={"threads": 2})
        self._folder = tempfile.TemporaryDirectory(prefix="audit-engine-")
        self._loaded: set[str] = set()

    def load(self, name: str, columns: ColumnSpec, rows: Iterable[Sequence[Any]]) -> None:
        """Create table `name` from `rows` (None is NULL; dates in their ISO text, decimals as str())."""
        path = Path(self._folder.name) / f"{name}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            # An empty field is NULL: the readers keep no empty text a check tells apart from a
            # missing value (an empty supplier or reference counts as none in the checks too). The
            # rows are written as they come: the writer writes None as an empty field, a bool as
            # True/False (which DuckDB reads as BOOLEAN) and any other value as its str(); a
            # conversion per value here was most of the loading time of millions of rows.
            writer.writerows(rows)
        types = ", ".join(f"'{column}': '{kind}'" for column, kind in columns)
        self.db.execute(f"CREATE TABLE {name} AS SELECT * FROM read_csv(?, header = false, columns = {{{types}}}, "
                        "quote = '\"', escape = '\"', nullstr = '', auto_detect = false)", [str(path)])
        path.unlink()
        self._loaded.add(name)

    def has(self, name: str) -> bool:
        return name in self._loaded

    def rows(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.db.execute(sql, list(parameters)).fetchall()

    def close(self) -> None:
        self.db.close()
        self._folder.cleanup()


def _day(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def engine_of(ctx: AuditContext) -> Engine:
    """The run's engine, with the invoices and the attest log loaded (once per run)."""
    found = ctx.memo.get("engine")
    if isinstance(found, Engine):
        return found
    engine = Engine()
    engine.load("invoices", INVOICE_COLUMNS, (
        (index, i.id, i.supplier, i.number, _day(i.issued), str(i.amount) if i.amount is not None else None,
         i.credit, i.ansvar, i.account, next((a.id for a in i.costs_of if a.kind == "position"), None), i.contract_ref, i.checkable,
         i.file, i.line, _day(i.paid), _day(i.bank_changed))
        for index, i in enumerate(ctx.invoices)))
    entries = [entry for entries in ctx.attest.values() for entry in entries]
    ctx.memo["attest_entries"] = entries
    engine.load("attest", ATTEST_COLUMNS, ((index, e.invoice_id, e.step, e.person, _day(e.day)) for index, e in enumerate(entries)))
    engine.load("attest_actors", ATTEST_ACTOR_COLUMNS, ((index, a.key) for index, e in enumerate(entries) for a in e.actors))
    ctx.memo["engine"] = engine
    return engine


def close_engine(ctx: AuditContext) -> None:
    """Free the run's engine, if a check opened one (the findings hold no reference into it)."""
    found = ctx.memo.pop("engine", None)
    if isinstance(found, Engine):
        found.close()
