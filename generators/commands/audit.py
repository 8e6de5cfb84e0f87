"""Internkontroll: granska resor, delegationsbeslut och fakturor mot de styrdokument som gällde på varje transaktions dag.

Läser exporter (CSV eller XLSX, format i README under "Internkontroll") och skriver en rapport på svenska
(report.html), fynden som CSV och JSON (findings.csv, findings.json) och en sammanställning utan id
(summary.json) till --out. Varje rad som inte kan läsas redovisas som fil:rad:kolumn: KOD meddelande
och räknas; ingen rad tas bort. Med --ledger stäms fakturaexporten först av mot huvudbokens summor per
period: en granskning av en ofullständig export bevisar ingenting.

Exempel:
  python -m generators audit --users anstallda.csv --trips resor.csv --decisions delegationsbeslut.csv --out granskning/2026
  python -m generators audit --users anstallda.csv --invoices reskontra.csv --invoices efakturor/ --attest-log attestlogg.csv --ledger huvudbok.csv --out granskning/2026
  python -m generators audit ... --sample 25 --seed 2026 --out granskning/2026
  python -m generators audit ... --summary --out granskning/2026-sammanstallning

Exporterna innehåller personuppgifter: --out får inte ligga i styrdokumentens mapp eller webbplatsens.
Slutkod 0 = inga avvikelser och inga inläsningsproblem, 1 = avvikelser eller inläsningsproblem, 2 = fel i anropet.
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

from generators.commands._common import add_policies_argument, add_today_argument, emit, policies_dir, today
from generators.wording.swedish import count


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_policies_argument(parser)
    parser.add_argument("--users", type=Path, metavar="FIL", help="användare och befattningar med datum (CSV eller XLSX från HR-systemet)")
    parser.add_argument("--trips", type=Path, metavar="FIL", help="resor (CSV eller XLSX från resebokningen eller e-tjänsten)")
    parser.add_argument("--decisions", type=Path, metavar="FIL", help="registret över delegationsbeslut (CSV eller XLSX)")
    parser.add_argument("--invoices", type=Path, action="append", default=[], metavar="FIL",
                        help="fakturor: reskontran som CSV eller XLSX, en e-faktura (Peppol BIS Billing 3.0, XML) eller en mapp med sådana; kan upprepas")
    parser.add_argument("--attest-log", type=Path, metavar="FIL", help="attestloggen: vem som tog vilket atteststeg och när (CSV eller XLSX)")
    parser.add_argument("--meetings", type=Path, metavar="FIL", help="nämndernas sammanträdesdagar (CSV eller XLSX: body, meeting_date)")
    parser.add_argument("--interests", type=Path, metavar="FIL", help="anmälda intressen: jävsdeklarationer och bisysslor (CSV eller XLSX)")
    parser.add_argument("--ledger", type=Path, metavar="FIL",
                        help="huvudbokens summor av leverantörsfakturor per period (CSV eller XLSX: period, amount_excl_vat); fakturorna stäms av mot dem först")
    parser.add_argument("--decision-totals", type=Path, metavar="FIL",
                        help="diariets antal delegationsbeslut per månad och nämnd (CSV eller XLSX: period, body, decision_count); "
                             "registret stäms av mot dem först")
    parser.add_argument("--out", type=Path, required=True, metavar="MAPP", help="mappen som rapporten skrivs till")
    parser.add_argument("--summary", action="store_true", help="skriv bara sammanställningen utan id (summary.json)")
    parser.add_argument("--sample", type=int, metavar="N", help="dra ett stickprov om N transaktioner")
    parser.add_argument("--seed", default="1", metavar="S", help="frö för stickprovet (standard: 1); samma frö ger samma urval")
    parser.add_argument("--sample-method", choices=("strata", "belopp"), default="strata",
                        help="strata: lika chans inom ett stratum; belopp: beloppsviktat urval (monetary-unit sampling)")
    parser.add_argument("--bands", default="10000,100000", metavar="LÅG,HÖG",
                        help="beloppsgränser i kronor för stickprovets strata (standard: 10000,100000)")
    parser.add_argument("--title", default="Internkontroll: resor, delegationsbeslut och fakturor", metavar="TEXT", help="rapportens rubrik")
    add_today_argument(parser)


def _bands(text: str) -> tuple[Decimal, Decimal]:
    from generators.cli import UsageError

    try:
        low, high = (Decimal(part.strip().replace(" ", "")) for part in text.split(","))
    except (ValueError, InvalidOperation):
        raise UsageError(f"--bands '{text}': skriv två belopp i kronor med komma emellan, t.ex. 10000,100000.") from None
    if not 0 < low < high:
        raise UsageError(f"--bands '{text}': den lägre gränsen ska vara större än 0 och mindre än den högre.")
    return low, high


def _guard_out(out: Path, policies: Path) -> None:
    """Transaction data is personal data: never into the policies or the site."""
    from generators.cli import UsageError
    from generators.paths import REPO_ROOT

    target = out.resolve()
    for forbidden in (policies.resolve(), REPO_ROOT / "site", REPO_ROOT / "build" / "site", REPO_ROOT / "policies"):
        if target == forbidden or forbidden in target.parents:
            raise UsageError(f"--out {out} ligger i {forbidden}; transaktionsdata är personuppgifter och skrivs aldrig till "
                             "styrdokumenten eller webbplatsen. Välj en mapp utanför.")
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} finns och är ingen mapp.")


class ReportRefused(Exception):
    """The HTML scan found something in the report that the tool did not put there itself."""


def _scan_report(name: str, data: bytes) -> None:
    """The report goes through the site's post-build scan: no script, handler, script URL, frame or
    outside resource may reach a reader's browser, whatever the exports contained."""
    if not name.endswith(".html"):
        return
    from generators.outputs.site.scan import scan_html

    findings = scan_html(data.decode("utf-8"), name)
    if findings:
        listed = "\n".join(f"  {finding}" for finding in findings[:20])
        raise ReportRefused(f"{name} skrevs inte: granskningen av HTML-koden hittade {len(findings)} problem:\n{listed}")


def run(args: argparse.Namespace) -> int:
    from generators.audit.progress import terminal_bar
    from generators.audit.report import scrub, write_outputs
    from generators.audit.run import AuditInputs, AuditSetupError, run_audit
    from generators.audit.sample import candidates_of, draw
    from generators.cli import UsageError

    policies = policies_dir(args)
    _guard_out(args.out, policies)
    if args.sample is not None and args.sample < 1:
        raise UsageError("--sample måste vara minst 1.")
    bands = _bands(args.bands)
    for name in ("users", "trips", "decisions", "attest_log", "interests", "meetings", "ledger"):
        path = getattr(args, name)
        if path is not None and not path.is_file():
            raise UsageError(f"--{name.replace('_', '-')} {path} finns inte.")
    for path in args.invoices:
        if not path.exists():
            raise UsageError(f"--invoices {path} finns inte.")
    if args.users is None and (args.trips or args.decisions):
        print("Obs: utan --users kan bara rader med befattningar (position:ID, body:ID, seat:POST@ORGAN) prövas.", file=sys.stderr)
    as_of = today(args)
    try:
        result = run_audit(AuditInputs(policies, args.users, args.trips, args.decisions, tuple(args.invoices), args.attest_log, args.interests,
                                        args.meetings, args.ledger, args.decision_totals), as_of, terminal_bar(sys.stderr))
    except AuditSetupError as error:
        emit(f"Fel: {error}", sys.stderr)
        for line in error.details:
            emit(f"  {line}", sys.stderr)
        return 2
    sample = draw(candidates_of(result.trips, result.decisions, result.findings, result.invoices), args.sample, str(args.seed), bands,
                  args.sample_method) if args.sample else None
    for problem in result.problems:
        emit(scrub(problem.text()))
    for finding in result.findings:
        emit(scrub(finding.text()))
    try:
        written = write_outputs(args.out, result, as_of, sample, args.title, args.summary, vet=_scan_report)
    except ReportRefused as error:
        emit(str(error), sys.stderr)
        return 1
    violations = sum(1 for f in result.findings if f.severity == "violation")
    signals = sum(1 for f in result.findings if f.severity == "signal")
    print(f"{len(result.trips)} resor, {len(result.decisions)} delegationsbeslut och {len(result.invoices)} fakturor granskade: "
          f"{count(violations, 'avvikelse', 'avvikelser')}, {count(signals, 'signal', 'signaler')}, {len(result.problems)} inläsningsproblem "
          f"({count(result.unchecked, 'rad ogranskad', 'rader ogranskade')}). Skrev {', '.join(p.name for p in written)} till {args.out}.")
    return 1 if violations or result.problems else 0
