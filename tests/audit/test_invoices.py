"""Invoices against the fixture's attestreglemente and the socialnämnd's attestförteckning (ansvar
5110: medarbetare receive and review, the enhetschef barn och unga decides up to förvaltningsnivå,
the avdelningschef IFO is the substitute; the third step for konsulttjänster and from 500 000 kr).

Planted: a duplicate payment (LR-0002), one person reviewing and deciding (LR-0004), a missing third
step (LR-0005), a currency without a rate (LR-0008), a decision attest by someone with a declared
interest in the supplier (LR-0007), a supplier paid 900 300 kr in a year without a contract (LR-0009–11),
an invoice against a contract that ended (LR-0012), more invoiced than the contract's value (LR-0013),
against the fixture's avtalsregister. Lawful near-misses: a myndighetsavgift (LR-0016, its account) and a payment
to a neighbouring kommun under a samverkansavtal (LR-0017, its supplier) without contract, which the register
exempts as data; a call-off whose reference names the registered ramavtal (LR-0018); the substitute deciding
(LR-0003), a credit note with the number and amount of a paid invoice (LR-0006), a third step taken
by the avtalscontroller (LR-0007), system matching instead of receipt (LR-0004), a Peppol invoice
and a Peppol credit note with the same number.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generators.audit.invoices import read_peppol
from generators.audit.run import AuditInputs, AuditResult, run_audit
from tests.audit.test_audit import _schema_validator
from tests.conftest import REPO

DATA = Path(__file__).parent / "data"
POLICIES = REPO / "tests" / "fixtures" / "kommun" / "policies"


def _run(*invoices: Path, attest: Path | None = DATA / "attestlogg.csv") -> AuditResult:
    return run_audit(AuditInputs(POLICIES, DATA / "users.csv", invoices=invoices, attest_log=attest, interests=DATA / "intressen.csv"),
                     date(2026, 12, 1))


@pytest.fixture(scope="module")
def result() -> AuditResult:
    return _run(DATA / "reskontra.csv", DATA / "efakturor")


def test_every_planted_invoice_case_and_nothing_else(result: AuditResult) -> None:
    assert sorted((f.code, f.id, f.severity) for f in result.findings) == [
        ("AU401", "LR-0005", "violation"),  # konsulttjänster: no third step
        ("AU403", "LR-0004", "violation"),  # u5001 reviewed and decided
        ("AU501", "LR-0002", "violation"),  # paid twice
        ("AU601", "LR-0004", "signal"),  # 15 000 kr
        ("AU602", "5596953173/PB-2026-118", "signal"),  # decision attest on a Saturday
        ("AU603", "LR-0015", "signal"),  # 248 950 + 251 330 kr within 30 days: each under the third step's 500 000 kr
        ("AU604", "LR-0009", "signal"),  # a new supplier's first invoice of 312 450 kr, from the documentation limit
        ("AU701", "LR-0011", "signal"),  # the category material_och_tjanster without contract over 700 000 kr
        ("AU701", "LR-0011", "signal"),  # supplier 5560000005 paid 900 300 kr in 2026 without a contract
        ("AU801", "LR-0007", "violation"),  # decided by u2001, who declared a bisyssla with the supplier from 2026-03-18
        ("AU901", "LR-0012", "violation"),  # a contract that ended in 2022
        ("AU902", "LR-0003", "signal"),  # suppliers with no contract in the register
        ("AU902", "LR-0004", "signal"),
        ("AU902", "LR-0009", "signal"),
        ("AU902", "LR-0010", "signal"),
        ("AU902", "LR-0011", "signal"),
        ("AU903", "LR-0013", "signal"),  # 151 480 kr against a contract worth 150 000 kr
    ]
    assert [(p.code, p.row, p.column) for p in result.problems] == [("AU108", 9, 6)]
    assert len(result.invoices) == 20 and result.unchecked == 1


def test_the_messages_name_the_rule_and_the_people(result: AuditResult) -> None:
    by_id = {f.id: f for f in result.findings if f.severity == "violation"}
    assert "saknar tredje atteststeget" in by_id["LR-0005"].message
    assert "Avtalscontroller" in by_id["LR-0005"].facts["should_have"]
    assert "u5001 tog både granskningsattesten och beslutsattesten" in by_id["LR-0004"].message
    assert "samma fakturanummer 1001 som LR-0001" in by_id["LR-0002"].message
    supplier = next(f for f in result.findings if f.code == "AU701" and f.facts["group"] == "leverantör:5560000005")
    assert supplier.facts["total_sek"] == "900300" and supplier.facts["limit_sek"] == "700000"
    assert "Hela året: 900\u00a0300\u00a0kr på 3 fakturor" in supplier.message
    assert "fick beslutsattest 2026-03-18 av Enhetschef barn och unga (u2001), som har en bisyssla" in by_id["LR-0007"].message


def test_exempt_payments_and_a_call_off_under_a_registered_ramavtal_are_not_flagged(result: AuditResult) -> None:
    assert not {f.id for f in result.findings} & {"LR-0016", "LR-0017", "LR-0018"}
    assert sorted((i.id, e.id) for i, e in result.exempt) == [("LR-0016", "myndighetsavgifter"), ("LR-0017", "offentliga-organ")]


def test_without_the_exemptions_or_with_another_supplier_they_are_flagged(tmp_path: Path) -> None:
    """The near-misses pass because of the data, not by accident: without the register's exempt_payments the
    fee and the kommun are suppliers without a contract (AU902); the ramavtal named by another supplier is AU901."""
    import shutil

    policies = tmp_path / "policies"
    shutil.copytree(POLICIES, policies)
    register = policies / "avtalsregister.yaml"
    text = register.read_text(encoding="utf-8")
    start, end = text.index("\n# Betalningar som inte är inköp"), text.index("\ncontracts:")
    register.write_text(text[:start] + text[end:], encoding="utf-8")
    invoices = tmp_path / "r.csv"
    rows = (DATA / "reskontra.csv").read_text(encoding="utf-8").splitlines()
    invoices.write_text("\n".join([rows[0], *rows[-3:-1], rows[-1].replace("559695-3173", "559786-4007")]) + "\n", encoding="utf-8")
    found = run_audit(AuditInputs(policies, DATA / "users.csv", invoices=(invoices,), attest_log=DATA / "attestlogg.csv"), date(2026, 12, 1))
    assert sorted((f.code, f.id) for f in found.findings if f.id.startswith("LR-")) == [
        ("AU901", "LR-0018"), ("AU902", "LR-0016"), ("AU902", "LR-0017")]
    assert "avropen under det i registret (AVT-SN-2025-002) har en annan leverantör" in next(f.message for f in found.findings if f.code == "AU901")


def test_the_share_with_a_contract_per_forvaltning_and_month(result: AuditResult) -> None:
    """Ansvar 5110 is in the socialnämnd's attestförteckning, served by Socialförvaltningen. March: seven purchases
    (the EUR invoice is unchecked, the credit note is no purchase), five with a contract reference; November: the
    call-off under the ramavtal; the fee and the payment to Åsby kommun need no contract and are not counted."""
    assert result.contract_share == [("Socialförvaltningen", "2026-03", 5, 7), ("Socialförvaltningen", "2026-04", 0, 1),
                                     ("Socialförvaltningen", "2026-05", 2, 2), ("Socialförvaltningen", "2026-06", 0, 1),
                                     ("Socialförvaltningen", "2026-09", 0, 1), ("Socialförvaltningen", "2026-10", 2, 2),
                                     ("Socialförvaltningen", "2026-11", 1, 1)]


def test_an_attestant_outside_the_list(tmp_path: Path) -> None:
    log = tmp_path / "attest.csv"
    log.write_text("invoice_id,step,attestant,attested_on\n"
                   "LR-0001,receipt,u1002,2026-03-11\nLR-0001,review,u1001,2026-03-11\nLR-0001,decision,u4002,2026-03-12\n", encoding="utf-8")
    invoices = tmp_path / "r.csv"
    invoices.write_text((DATA / "reskontra.csv").read_text(encoding="utf-8").splitlines()[0] + "\n"
                        + (DATA / "reskontra.csv").read_text(encoding="utf-8").splitlines()[1] + "\n", encoding="utf-8")
    found = _run(invoices, attest=log)
    assert [(f.code, f.facts.get("acted_by"), f.facts.get("should_have")) for f in found.findings] == [
        ("AU402", "Kanslichef", "Enhetschef barn och unga eller Avdelningschef individ- och familjeomsorg (ersättare)")
    ]


def test_peppol_fields_are_read_and_free_text_is_not() -> None:
    invoice, provenance, problems = read_peppol(DATA / "efakturor" / "PB-2026-118.xml")
    assert problems == [] and invoice is not None and provenance is not None
    assert (invoice.id, invoice.ansvar, invoice.account, str(invoice.amount), invoice.contract_ref, invoice.order_ref) == (
        "5596953173/PB-2026-118", "5110", "4560", "63987.50", "AVT-SN-2025-002", "IO-55321")
    assert "sekretess" not in repr(invoice) and "Familjehemsstöd" not in repr(invoice)
    credit, _, _ = read_peppol(DATA / "efakturor" / "KR-2026-007.xml")
    assert credit is not None and credit.credit and credit.amount is not None and credit.amount < 0
    assert credit.id == "5596953173/kreditnota/PB-2026-118"


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><ID>&lol3;</ID></Invoice>
"""
XXE = """<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><ID>&xxe;</ID></Invoice>
"""


@pytest.mark.parametrize("text", [BOMB, XXE])
def test_hostile_xml_is_refused(tmp_path: Path, text: str) -> None:
    path = tmp_path / "f.xml"
    path.write_text(text, encoding="utf-8")
    invoice, _, problems = read_peppol(path)
    assert invoice is None
    assert [(p.code, p.message) for p in problems] == [
        ("AU101", "Filen innehåller en DTD eller entiteter; en e-faktura enligt Peppol BIS har inga, och filen läses inte.")]


def test_malformed_and_incomplete_xml(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("<?xml version=\"1.0\"?>\n<Invoice>\n  <cbc:ID>1</Invoice>\n", encoding="utf-8")
    invoice, _, problems = read_peppol(broken)
    assert invoice is None and [(p.code, p.row) for p in problems] == [("AU101", 3)]
    text = (DATA / "efakturor" / "PB-2026-118.xml").read_text(encoding="utf-8")
    partial = tmp_path / "partial.xml"
    partial.write_text(text.replace("<cbc:BuyerReference>5110</cbc:BuyerReference>", "").replace(">SEK<", ">EUR<"), encoding="utf-8")
    found = _run(partial, attest=None)
    assert sorted(p.code for p in found.problems) == ["AU103", "AU108"]
    assert found.unchecked == 1 and found.findings == []


def test_the_command_with_invoices_and_a_sample(tmp_path: Path) -> None:
    import json

    from generators.cli import main

    out = tmp_path / "o"
    args = ["audit", "--policies", str(POLICIES), "--users", str(DATA / "users.csv"), "--invoices", str(DATA / "reskontra.csv"),
            "--invoices", str(DATA / "efakturor"), "--attest-log", str(DATA / "attestlogg.csv"), "--today", "2026-12-01",
            "--sample", "4", "--seed", "9", "--ledger", str(DATA / "huvudbok.csv"), "--out", str(out)]
    assert main(args) == 1
    report = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    _schema_validator("audit-findings.schema.json").validate(report)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    _schema_validator("audit-summary.schema.json").validate(summary)
    assert [p["code"] for p in summary["reconciliation"]["periods"]] == ["AU110", None, None, None, None, "AU111", "AU112", "AU110", None]
    assert report["counts"]["transactions"]["invoices"] == 20
    assert report["counts"]["transactions"]["exempt_from_contract"] == 2
    assert {i["transaction"] for i in report["sample"]["items"]} == {"invoice"}
    assert any(i["stratum"] == "avvikelse" for i in report["sample"]["items"])
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Familjehemsstöd" not in html and "sekretess" not in html
    # Completeness first: the reconciliation stands before every finding.
    assert html.index("Avstämning mot huvudboken") < html.index("Fynd per regel")
    assert "Exporten stämmer inte med huvudboken för 4 av 9 perioder." in html
    assert "Betalningar som inte kräver avtal" in html and "<td data-label=\"Kategori\">Myndighetsavgifter</td><td data-label=\"Sort\">Myndighetsavgift</td>" in html
    assert "<title id=\"chart-share\">Andel inköpsfakturor med avtalsreferens" in html and ">71\u00a0%</text>" in html


def test_a_sole_traders_identity_number_never_reaches_a_report(tmp_path: Path) -> None:
    """A sole trader's organisationsnummer is their personnummer: masked in every output."""
    import json

    from generators.cli import main

    invoices = tmp_path / "r.csv"
    invoices.write_text("invoice_id;supplier_id;invoice_number;invoice_date;amount_excl_vat;ansvar;account\n"
                        "LR-1;811228-9874;7;2026-03-10;12 345,50;5110;5460\nLR-2;811228-9874;7;2026-03-11;12 345,50;5110;5460\n", encoding="utf-8")
    out = tmp_path / "o"
    main(["audit", "--policies", str(POLICIES), "--users", str(DATA / "users.csv"), "--invoices", str(invoices), "--today", "2026-12-01",
          "--out", str(out)])
    report = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    assert any(f["code"] == "AU501" for f in report["findings"])
    for name in ("findings.json", "findings.csv", "report.html", "summary.json"):
        text = (out / name).read_text(encoding="utf-8")
        assert "811228-9874" not in text and "8112289874" not in text, name
    assert "811228-••••" in (out / "findings.csv").read_text(encoding="utf-8")


# -- completeness first: the export against the huvudbok -------------------------------------------
def _ledger_run(ledger: Path, *invoices: Path) -> AuditResult:
    return run_audit(AuditInputs(POLICIES, DATA / "users.csv", invoices=invoices or (DATA / "reskontra.csv", DATA / "efakturor"),
                                 attest_log=DATA / "attestlogg.csv", interests=DATA / "intressen.csv", ledger=ledger), date(2026, 12, 1))


def test_an_incomplete_export_is_reported_before_anything_else() -> None:
    """huvudbok.csv: March holds the EUR invoice in kronor (the export has no rate, so its sum is short); April–June agree;
    July is an empty period (0 kr, no invoices: nothing to report); August and one October invoice are missing from the
    export; September is missing from the huvudbok."""
    found = _ledger_run(DATA / "huvudbok.csv")
    ledger, reskontra = (DATA / "huvudbok.csv").as_posix(), (DATA / "reskontra.csv").as_posix()
    gaps = [(p.code, p.file, p.row, p.column) for p in found.problems if p.code in ("AU110", "AU111", "AU112")]
    assert gaps == [
        ("AU110", ledger, 2, 2),  # 880 574,50 kr and one invoice without an amount, against 981 374,50 kr
        ("AU111", ledger, 7, 1),  # 2026-08: 46 250 kr in the huvudbok, nothing in the export
        ("AU110", ledger, 8, 2),  # 2026-10: 500 280 kr and 2 invoices against 587 530 kr and 3
        ("AU112", reskontra, 12, 1),  # 2026-09: LR-0011, a period the huvudbok has no total for
    ]
    assert found.reconciliation is not None
    by_period = {p.period: p for p in found.reconciliation.periods}
    assert [p for p, r in by_period.items() if r.code is None] == ["2026-04", "2026-05", "2026-06", "2026-07", "2026-11"]
    assert str(by_period["2026-03"].difference) == "-100800.00" and by_period["2026-03"].unreadable == 1
    assert str(by_period["2026-10"].difference) == "-87250.00"
    october = next(p for p in found.problems if p.code == "AU110" and p.row == 8)
    assert "exporten har 2 fakturor och huvudboken 3 fakturor" in october.message
    # The checks still run on what the export holds: the reconciliation is reported beside them, not instead.
    assert {f.code for f in found.findings} >= {"AU401", "AU501", "AU901"}


def test_one_ore_is_a_gap_and_an_agreeing_ledger_reports_nothing(tmp_path: Path) -> None:
    invoices = tmp_path / "r.csv"
    invoices.write_text("invoice_id;supplier_id;invoice_number;invoice_date;amount_excl_vat;ansvar;booked_on\n"
                        "LR-1;5560000002;1;2026-03-30;1 000,50;5110;2026-04-02\n"  # booked in April: the huvudbok's period
                        "LR-2;5560000002;2;2026-04-10;2 000;5110;\n", encoding="utf-8")
    ledger = tmp_path / "huvudbok.csv"
    ledger.write_text("period,ansvar,amount_excl_vat\n2026-04,5110,3000.50\n", encoding="utf-8")
    found = _ledger_run(ledger, invoices)
    assert found.reconciliation is not None and not found.reconciliation.gaps
    ledger.write_text("period,ansvar,amount_excl_vat\n2026-04,5110,3000.51\n", encoding="utf-8")
    found = _ledger_run(ledger, invoices)
    assert [(p.code, p.row, p.column) for p in found.problems if p.code.startswith("AU11")] == [("AU110", 2, 3)]


def test_a_bad_ledger_row_is_reported(tmp_path: Path) -> None:
    ledger = tmp_path / "huvudbok.csv"
    ledger.write_text("period;amount_excl_vat;invoice_count\n2026-13;100;1\n2026-04;tio;1\n2026-05;100;många\n2026-05;100;1\n",
                      encoding="utf-8")
    found = _ledger_run(ledger, DATA / "reskontra.csv")
    name = ledger.as_posix()
    assert [p.text() for p in found.problems if p.file == name and p.code in ("AU103", "AU106")] == [
        f"{name}:2:1: AU103 '2026-13' i 'period' är ingen period; skriv ÅÅÅÅ-MM, t.ex. 2026-03.",
        f"{name}:3:2: AU103 'tio' i 'amount_excl_vat' är inget belopp i kronor (skriv t.ex. 12500 eller 12 500,50).",
        f"{name}:4:3: AU103 'många' i 'invoice_count' är inget antal; skriv ett heltal från 0.",
    ]


def test_progress_is_reported_per_export_and_check_and_drawn_only_on_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    import io

    from generators.audit.progress import terminal_bar
    from generators.audit.rules import audit_rules

    heard: list[tuple[int, int, str]] = []
    run_audit(AuditInputs(POLICIES, DATA / "users.csv", invoices=(DATA / "reskontra.csv",), ledger=DATA / "huvudbok.csv"), date(2026, 12, 1),
              lambda done, total, label: heard.append((done, total, label)))
    checks = [r.rule.code for r in audit_rules() if r.check is not None]
    assert [label for _, _, label in heard] == ["styrdokumenten", (DATA / "users.csv").as_posix(), (DATA / "reskontra.csv").as_posix(),
                                                (DATA / "huvudbok.csv").as_posix(), *checks]
    assert [done for done, _, _ in heard] == list(range(1, len(heard) + 1)) and {total for _, total, _ in heard} == {len(heard)}

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert terminal_bar(io.StringIO()) is None  # a pipe or a captured stream gets no bar
    screen = Terminal()
    bar = terminal_bar(screen)
    assert bar is not None
    bar(1, 4, "AU201")
    bar(4, 4, "AU903")
    assert screen.getvalue() == ("\r\x1b[KGranskar [#######.......................] 1/4 AU201"
                                 "\r\x1b[KGranskar [##############################] 4/4 AU903\r\x1b[K")


def test_a_payment_soon_after_the_suppliers_bank_account_changed(tmp_path: Path) -> None:
    """AU605 within 30 days of the change, the 30th day included; not on the 31st, not for a change after the
    payment, not for a credit note, not where the export lacks either day."""
    invoices = tmp_path / "r.csv"
    invoices.write_text(
        "invoice_id,supplier_id,invoice_number,invoice_date,amount_excl_vat,ansvar,account,type,paid_on,bank_account_changed_on\n"
        "B-1,559786-4007,5001,2026-03-02,12 345,5110,4560,invoice,2026-03-12,2026-03-07\n"  # 5 days after
        "B-2,559786-4007,5002,2026-03-02,12 345,5110,4560,invoice,2026-03-10,2026-02-01\n"  # 37 days after
        "B-3,559786-4007,5003,2026-03-02,12 345,5110,4560,invoice,2026-03-31,2026-03-01\n"  # the 30th day
        "B-4,559786-4007,5004,2026-03-02,12 345,5110,4560,invoice,2026-04-01,2026-03-01\n"  # the 31st day
        "B-5,559786-4007,5005,2026-03-02,12 345,5110,4560,invoice,2026-03-10,2026-03-20\n"  # changed after the payment
        "B-6,559786-4007,5006,2026-03-02,12 345,5110,4560,credit_note,2026-03-12,2026-03-07\n"  # no payment
        "B-7,559786-4007,5007,2026-03-02,12 345,5110,4560,invoice,,2026-03-07\n",  # no payment day
        encoding="utf-8")
    found = _run(invoices, attest=None)
    assert found.problems == []
    assert [(f.code, f.id, f.file, f.line) for f in found.findings if f.code == "AU605"] == [
        ("AU605", "B-1", found.invoices[0].file, 2), ("AU605", "B-3", found.invoices[0].file, 4)]


def test_a_new_suppliers_first_payment_that_needs_no_contract_is_no_signal(tmp_path: Path) -> None:
    """AU604 leaves out payments the avtalsregister exempts (account 6950: myndighetsavgifter)."""
    invoices = tmp_path / "r.csv"
    invoices.write_text(
        "invoice_id,supplier_id,invoice_number,invoice_date,amount_excl_vat,ansvar,account\n"
        "N-1,556999-0001,1,2026-04-02,312 450,5110,6950\n"  # a new recipient's fee: exempt
        "N-2,556999-0002,1,2026-04-02,312 450,5110,5460\n",  # a new supplier's purchase
        encoding="utf-8")
    found = _run(invoices, attest=None)
    assert [(f.code, f.id, f.line) for f in found.findings if f.code == "AU604"] == [("AU604", "N-2", 3)]


def test_streamed_rows_are_read_tables_rows(tmp_path: Path) -> None:
    """The invoice and attest readers take rows one at a time (`stream_table`): the same rows, problems
    and row count as `read_table`, the problems complete once the rows are read."""
    from generators.audit.inputs import read_table, stream_table
    from generators.audit.invoices import ATTEST_COLUMNS

    export = tmp_path / "attestlogg.csv"
    export.write_text("invoice_id;step;attestant;attested_on\nLR-1;receipt;u1;2026-03-02\n\nLR-2;review\n"
                      "LR-3;decision;u2;2026-03-04\n", encoding="utf-8")
    whole = read_table("attest", export, ATTEST_COLUMNS)
    table, rows = stream_table("attest", export, ATTEST_COLUMNS)
    streamed = list(rows)
    assert [(r.line, r.values) for r in streamed] == [(r.line, r.values) for r in whole.rows] and [r.line for r in streamed] == [2, 5]
    assert table.problems == whole.problems and [(p.row, p.column, p.code) for p in table.problems] == [(4, 2, "AU101")]
    assert table.provenance == whole.provenance and table.provenance is not None and table.provenance.rows == 3
    assert table.rows == []
