"""Completeness first: the invoice export reconciled against the huvudbok's totals per period.

An audit of an incomplete export proves nothing, so before any check the invoices are summed per
period (the month of the booking date `booked_on`, or of the invoice date without one), exclusive
of VAT, credit notes counted negative, and compared with what the huvudbok shows for the same
period (`--ledger`: `period`, `amount_excl_vat`, [`ansvar`], [`invoice_count`]). With an `ansvar`
column the comparison is per period and ansvar.

The tolerance is none: the sums must agree to the öre. Both sides are sums of the same booked
amounts, so any difference, even one öre, is a row that one side has and the other lacks (or a
row booked with another amount); rounding cannot explain it. A gap is reported as an input
problem at the ledger's row (AU110), a period the huvudbok has and the export lacks at the ledger's
row (AU111), and a period the export has and the huvudbok lacks at the export's first invoice of
that period (AU112). The report puts the reconciliation first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from generators.audit.inputs import AU103, AU106, Table, parse_amount, read_table
from generators.audit.invoices import Invoice
from generators.diagnostics import TabularProblem
from generators.wording.swedish import kronor

AU110, AU111, AU112 = "AU110", "AU111", "AU112"
LEDGER_COLUMNS = ("period", "amount_excl_vat")
LEDGER_OPTIONAL = ("ansvar", "invoice_count")
_PERIOD = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


@dataclass(frozen=True, slots=True)
class LedgerTotal:
    """One row of the huvudbok's totals: supplier invoices booked in a period (and ansvar)."""

    period: str
    ansvar: str | None
    amount: Decimal
    count: int | None
    file: str
    line: int
    amount_column: int
    count_column: int
    period_column: int


@dataclass(frozen=True, slots=True)
class PeriodReconciliation:
    """The export's and the huvudbok's totals for one period (and ansvar), and what did not agree."""

    period: str
    ansvar: str | None
    ledger_amount: Decimal | None  # None: the huvudbok has no total for the period
    export_amount: Decimal
    ledger_count: int | None
    export_count: int
    unreadable: int  # invoices of the period whose amount could not be read (reported as AU103/AU108)
    code: str | None  # AU110, AU111 or AU112; None when the totals agree

    @property
    def difference(self) -> Decimal | None:
        return None if self.ledger_amount is None else self.export_amount - self.ledger_amount


@dataclass
class Reconciliation:
    ledger_file: str
    periods: list[PeriodReconciliation]
    undated: int  # invoices without a readable date: in no period (reported as AU103)

    @property
    def gaps(self) -> list[PeriodReconciliation]:
        return [p for p in self.periods if p.code is not None]


def read_ledger(path: Path) -> tuple[list[LedgerTotal], Table]:
    table = read_table("ledger", path, LEDGER_COLUMNS, LEDGER_OPTIONAL)
    by_ansvar = bool(table.rows) and "ansvar" in table.rows[0].columns
    totals: list[LedgerTotal] = []
    seen: dict[tuple[str, str | None], int] = {}
    for row in table.rows:
        before = len(table.problems)
        period = row.get("period")
        if not _PERIOD.fullmatch(period):
            table.problem(row, "period", AU103, f"'{period}' i 'period' är ingen period; skriv ÅÅÅÅ-MM, t.ex. 2026-03." if period
                          else "'period' saknas; skriv ÅÅÅÅ-MM, t.ex. 2026-03.")
        ansvar = row.get("ansvar") or None
        if by_ansvar and ansvar is None:
            table.problem(row, "ansvar", AU103, "'ansvar' saknas; när filen har kolumnen ansvar gäller varje summa ett ansvar.")
        amount = parse_amount(table, row, "amount_excl_vat", negative=True)
        count: int | None = None
        count_text = row.get("invoice_count")
        if count_text:
            if re.fullmatch(r"\d+", count_text):
                count = int(count_text)
            else:
                table.problem(row, "invoice_count", AU103, f"'{count_text}' i 'invoice_count' är inget antal; skriv ett heltal från 0.")
        key = (period, ansvar)
        if len(table.problems) == before and key in seen:
            table.problem(row, "period", AU106, f"Perioden {period}{f' för ansvar {ansvar}' if ansvar else ''} förekommer redan på rad "
                          f"{seen[key]}; huvudboken har en summa per period.")
        if len(table.problems) != before or amount is None:
            continue
        seen[key] = row.line
        totals.append(LedgerTotal(period, ansvar, amount, count, row.file, row.line, row.column("amount_excl_vat"),
                                  row.column("invoice_count"), row.column("period")))
    return totals, table


def period_of(invoice: Invoice) -> str | None:
    day: date | None = invoice.booked or invoice.issued
    return day.strftime("%Y-%m") if day else None


def _where(period: str, ansvar: str | None) -> str:
    return f"{period}, ansvar {ansvar}" if ansvar else period


def _invoices(count: int) -> str:
    return f"{count} faktura" if count == 1 else f"{count} fakturor"


def reconcile(invoices: list[Invoice], totals: list[LedgerTotal], ledger_file: str) -> tuple[Reconciliation, list[TabularProblem]]:
    by_ansvar = any(t.ansvar is not None for t in totals)
    sums: dict[tuple[str, str | None], list[Invoice]] = {}
    undated = 0
    for invoice in invoices:
        period = period_of(invoice)
        if period is None:
            undated += 1
            continue
        sums.setdefault((period, invoice.ansvar if by_ansvar else None), []).append(invoice)
    periods: list[PeriodReconciliation] = []
    problems: list[TabularProblem] = []
    ledger_keys = set()
    for total in totals:
        key = (total.period, total.ansvar)
        ledger_keys.add(key)
        members = sums.get(key, [])
        exported = sum((i.amount for i in members if i.amount is not None), Decimal(0))
        unreadable = sum(1 for i in members if i.amount is None)
        where = _where(total.period, total.ansvar)
        code: str | None = None
        if not members and (total.amount != 0 or (total.count or 0) > 0):
            code = AU111
            counted = f", {_invoices(total.count)}" if total.count is not None else ""
            problems.append(TabularProblem(total.file, total.line, total.period_column, AU111,
                                         f"Huvudboken har leverantörsfakturor för {where} ({kronor(total.amount)} exklusive moms{counted}), "
                                         "men exporten har ingen faktura från perioden: exporten är ofullständig, och granskningen av "
                                         "perioden bevisar ingenting."))
        elif exported != total.amount or (total.count is not None and total.count != len(members)):
            code = AU110
            parts = []
            if exported != total.amount:
                parts.append(f"exporten summerar till {kronor(exported)} exklusive moms och huvudboken till {kronor(total.amount)}; "
                             f"skillnaden är {kronor(exported - total.amount)}")
            if total.count is not None and total.count != len(members):
                parts.append(f"exporten har {_invoices(len(members))} och huvudboken {_invoices(total.count)}")
            unread = (f" {_invoices(unreadable).capitalize()} i perioden har inget läsbart belopp (se inläsningsproblemen)."
                      if unreadable else "")
            column = total.amount_column if exported != total.amount else total.count_column
            problems.append(TabularProblem(total.file, total.line, column, AU110,
                                         f"Perioden {where} stämmer inte med huvudboken: {'; '.join(parts)}. Exporten är inte "
                                         f"fullständig eller inte densamma som bokföringen.{unread}"))
        periods.append(PeriodReconciliation(total.period, total.ansvar, total.amount, exported, total.count, len(members), unreadable, code))
    for key, members in sorted(sums.items(), key=lambda item: (item[0][0], item[0][1] or "")):
        if key in ledger_keys:
            continue
        period, ansvar = key
        exported = sum((i.amount for i in members if i.amount is not None), Decimal(0))
        first = min(members, key=lambda i: (i.file, i.line))
        problems.append(TabularProblem(first.file, first.line, 1, AU112,
                                     f"Exporten har {_invoices(len(members))} från {_where(period, ansvar)} ({kronor(exported)} exklusive moms), "
                                     f"men huvudboken ({ledger_file}) har ingen summa för perioden: fakturorna kan inte stämmas av."))
        periods.append(PeriodReconciliation(period, ansvar, None, exported, None, len(members), sum(1 for i in members if i.amount is None), AU112))
    periods.sort(key=lambda p: (p.period, p.ansvar or ""))
    return Reconciliation(ledger_file, periods, undated), problems
