"""Invoices: Peppol BIS Billing 3.0 (UBL 2.1 Invoice and CreditNote) and the leverantörsreskontra as
CSV or XLSX, and the attest log (who took which attest step, when).

XML is parsed with defusedxml, which refuses DTDs, entity declarations and external references
before anything is expanded (no billion laughs, no XXE, no network). Only what the audit needs is
read: the supplier's identifier (never its name, nor any free text: an invoice text may hold data
covered by OSL 26 kap.), the invoice number, dates, currency, the amount excluding VAT, the
`cbc:BuyerReference` (the ansvar), the account in `cbc:AccountingCost`, the order and contract
references. A credit note's amount counts as negative.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from generators.audit.inputs import (
    AU101,
    AU103,
    AU106,
    InputFile,
    Table,
    UserPositions,
    display_path,
    parse_amount,
    parse_day,
    resolve_people,
    stream_table,
)
from generators.diagnostics import TabularProblem
from generators.model.common import Actor
from generators.model.organisation import Organisation

AU108 = "AU108"
UBL_INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
UBL_CREDIT = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
NS = {"cbc": CBC, "cac": CAC}
MAX_XML_BYTES = 16 * 1024 * 1024

INVOICE_COLUMNS = ("invoice_id", "supplier_id", "invoice_number", "invoice_date", "amount_excl_vat", "ansvar")
INVOICE_OPTIONAL = ("currency", "exchange_rate", "account", "type", "costs_of", "contract_ref", "order_ref", "paid_on", "booked_on",
                    "bank_account_changed_on")
ATTEST_COLUMNS = ("invoice_id", "step", "attestant", "attested_on")
STEPS = {"receipt": "mottagningsattest", "system_matching": "systemmatchning", "review": "granskningsattest",
         "decision": "beslutsattest", "third": "tredje atteststeget"}


@dataclass(frozen=True, slots=True)
class Invoice:
    id: str  # the reskontra's id, or `SUPPLIER/NUMBER` (`SUPPLIER/kreditnota/NUMBER`) for a Peppol file
    file: str
    line: int
    supplier: str
    number: str
    issued: date | None
    amount: Decimal | None  # SEK excluding VAT; negative for a credit note
    credit: bool
    ansvar: str
    account: str | None
    costs_of: tuple[Actor, ...]  # whose own costs (a traveller's expenses), on the invoice date
    costs_of_text: str
    contract_ref: str | None
    order_ref: str | None
    checkable: bool
    booked: date | None = None  # the booking date in the huvudbok (reskontra `booked_on`), for the reconciliation
    paid: date | None = None  # the payment date (reskontra `paid_on`)
    # The day the supplier's bank account in the reskontra last changed before this payment, where the export has it.
    bank_changed: date | None = None


@dataclass(frozen=True, slots=True)
class AttestEntry:
    invoice_id: str
    file: str
    line: int
    step: str
    person: str  # the user id or actor as written: two entries with the same text are the same person
    actors: tuple[Actor, ...]
    day: date | None


def _text(root: Any, path: str) -> str | None:
    found = root.find(path, NS)
    return found.text.strip() if found is not None and found.text and found.text.strip() else None


def read_peppol(path: Path) -> tuple[Invoice | None, InputFile | None, list[TabularProblem]]:
    """One UBL Invoice or CreditNote file."""
    name = display_path(path)
    problems: list[TabularProblem] = []
    try:
        if path.stat().st_size > MAX_XML_BYTES:
            return None, None, [TabularProblem(name, 1, 1, AU101, f"Filen är större än {MAX_XML_BYTES} byte; en e-faktura är aldrig så stor.")]
        data = path.read_bytes()
    except OSError as error:
        return None, None, [TabularProblem(name, 1, 1, AU101, f"Filen kan inte läsas ({error.strerror or error}).")]
    provenance = InputFile("invoices", name, hashlib.sha256(data).hexdigest(), 1)
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        return None, provenance, [TabularProblem(name, 1, 1, AU101, "Filen innehåller en DTD eller entiteter; en e-faktura enligt Peppol BIS har inga, och filen läses inte.")]
    except ParseError as error:
        line, column = getattr(error, "position", (1, 0))
        return None, provenance, [TabularProblem(name, line or 1, (column or 0) + 1, AU101, f"Filen är inte välformad XML ({error}).")]
    if root.tag == f"{{{UBL_INVOICE}}}Invoice":
        credit, amount_path, date_path = False, "cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount", "cbc:IssueDate"
    elif root.tag == f"{{{UBL_CREDIT}}}CreditNote":
        credit, amount_path, date_path = True, "cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount", "cbc:IssueDate"
    else:
        return None, provenance, [TabularProblem(name, 1, 1, AU101, f"Rotelementet {root.tag} är varken en UBL Invoice eller CreditNote.")]

    def need(xpath: str, label: str) -> str | None:
        value = _text(root, xpath)
        if value is None:
            problems.append(TabularProblem(name, 1, 1, AU103, f"{label} saknas ({xpath})."))
        return value

    number = need("cbc:ID", "Fakturanumret")
    supplier = (_text(root, "cac:AccountingSupplierParty/cac:Party/cbc:EndpointID")
                or _text(root, "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID"))
    if supplier is None:
        problems.append(TabularProblem(name, 1, 1, AU103, "Leverantörens identitet saknas (cac:AccountingSupplierParty/cac:Party/cbc:EndpointID)."))
    issued_text = need(date_path, "Fakturadatum")
    issued = None
    if issued_text is not None:
        try:
            issued = date.fromisoformat(issued_text)
        except ValueError:
            problems.append(TabularProblem(name, 1, 1, AU103, f"Fakturadatum '{issued_text}' är inget giltigt datum ({date_path})."))
    currency = _text(root, "cbc:DocumentCurrencyCode") or ""
    amount_text = need(amount_path, "Beloppet exklusive moms")
    amount = None
    if amount_text is not None:
        try:
            amount = Decimal(amount_text)
        except InvalidOperation:
            problems.append(TabularProblem(name, 1, 1, AU103, f"Beloppet '{amount_text}' är inget tal ({amount_path})."))
    if currency != "SEK":
        problems.append(TabularProblem(name, 1, 1, AU108, f"Valutan är '{currency or 'okänd'}', inte SEK, och filen anger ingen kurs; beloppet kan inte prövas mot gränser i kronor."))
        amount = None
    if credit and amount is not None:
        amount = -abs(amount)
    ansvar = need("cbc:BuyerReference", "Köparens referens (ansvar)") or ""
    account = _text(root, "cbc:AccountingCost") or _text(root, "cac:InvoiceLine/cbc:AccountingCost") or _text(root, "cac:CreditNoteLine/cbc:AccountingCost")
    # A credit note may carry the number of the invoice it credits: it keeps an id of its own.
    invoice = Invoice(f"{supplier}/{'kreditnota/' if credit else ''}{number}", name, 1, supplier or "", number or "", issued, amount, credit, ansvar, account, (), "",
                      _text(root, "cac:ContractDocumentReference/cbc:ID"), _text(root, "cac:OrderReference/cbc:ID"), checkable=not problems)
    return invoice, provenance, problems


def read_invoice_csv(path: Path, org: Organisation, users: UserPositions) -> tuple[list[Invoice], Table]:
    table, rows = stream_table("invoices", path, INVOICE_COLUMNS, INVOICE_OPTIONAL)
    invoices: list[Invoice] = []
    seen: dict[str, int] = {}
    for row in rows:
        before = len(table.problems)
        invoice_id = row.get("invoice_id") or f"rad-{row.line}"
        if invoice_id in seen:
            table.problem(row, "invoice_id", AU106, f"Fakturan '{invoice_id}' förekommer redan på rad {seen[invoice_id]}; varje rad ska ha ett eget id.")
        seen.setdefault(invoice_id, row.line)
        issued = parse_day(table, row, "invoice_date")
        paid = parse_day(table, row, "paid_on", required=False)
        bank_changed = parse_day(table, row, "bank_account_changed_on", required=False)
        booked = parse_day(table, row, "booked_on", required=False)
        amount = parse_amount(table, row, "amount_excl_vat", negative=True)
        currency = row.get("currency") or "SEK"
        if currency != "SEK":
            rate = parse_amount(table, row, "exchange_rate", required=False)
            if rate is None:
                table.problem(row, "currency", AU108, f"Valutan är '{currency}' och raden anger ingen kurs ('exchange_rate'); beloppet kan inte räknas om till kronor.")
                amount = None
            elif amount is not None:
                amount = (amount * rate).quantize(Decimal("0.01"))
        kind = row.get("type") or "invoice"
        if kind not in ("invoice", "credit_note"):
            table.problem(row, "type", AU103, f"'{kind}' i 'type' är varken invoice eller credit_note.")
        credit = kind == "credit_note"
        if credit and amount is not None:
            amount = -abs(amount)
        for column in ("supplier_id", "invoice_number", "ansvar"):
            if not row.get(column):
                table.problem(row, column, AU103, f"'{column}' saknas.")
        costs_of = resolve_people(table, row, "costs_of", issued, org, users, required=False)
        invoices.append(Invoice(invoice_id, row.file, row.line, row.get("supplier_id"), row.get("invoice_number"), issued, amount, credit,
                                row.get("ansvar"), row.get("account") or None, costs_of, row.get("costs_of"),
                                row.get("contract_ref") or None, row.get("order_ref") or None, checkable=len(table.problems) == before,
                                booked=booked, paid=paid, bank_changed=bank_changed))
    return invoices, table


def read_attest_log(path: Path, org: Organisation, users: UserPositions) -> tuple[list[AttestEntry], Table]:
    table, rows = stream_table("attest", path, ATTEST_COLUMNS)
    entries: list[AttestEntry] = []
    for row in rows:
        step = row.get("step")
        if step not in STEPS:
            table.problem(row, "step", AU103, f"'{step}' är inget atteststeg; skriv {', '.join(STEPS)}.")
            continue
        day = parse_day(table, row, "attested_on")
        actors = resolve_people(table, row, "attestant", day, org, users)
        if day is None or not actors:
            continue
        entries.append(AttestEntry(row.get("invoice_id"), row.file, row.line, step, row.get("attestant"), actors, day))
    return entries, table
