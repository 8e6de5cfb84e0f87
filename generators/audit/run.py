"""One audit run: load the policies once, read the exports, run every check, collect the result."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generators.audit.contract_cover import exemption_of
from generators.audit.engine import close_engine
from generators.audit.findings import AuditContext, Finding
from generators.audit.inputs import AU107, InputFile, Table, UserPositions, display_path, read_users
from generators.audit.interests import read_interests
from generators.audit.invoices import AttestEntry, Invoice, read_attest_log, read_invoice_csv, read_peppol
from generators.audit.ledger import Reconciliation, read_ledger, reconcile
from generators.audit.meetings import read_meetings
from generators.audit.progress import Progress
from generators.audit.register_totals import DecisionReconciliation, read_decision_totals, reconcile_decisions
from generators.audit.rules import audit_rules
from generators.audit.transactions import Decision, Trip, read_decisions, read_trips
from generators.decide.answers import NOT_FOUND
from generators.decide.engine import Decider
from generators.decide.sources import tables_of_model
from generators.diagnostics import TabularProblem
from generators.model import Model, build_model
from generators.model.attest import attest_model
from generators.model.contracts import ExemptPayment
from generators.model.organisation import Organisation
from generators.model.travel import ISO_SERIES


class AuditSetupError(Exception):
    """The audit cannot start: the policies do not load, or no export was given."""

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.details = details or []


@dataclass(frozen=True)
class AuditInputs:
    policies: Path
    users: Path | None = None
    trips: Path | None = None
    decisions: Path | None = None
    invoices: tuple[Path, ...] = ()  # reskontra CSV files, Peppol XML files, or folders of XML files
    attest_log: Path | None = None
    interests: Path | None = None
    meetings: Path | None = None
    ledger: Path | None = None  # the huvudbok's totals per period, for the reconciliation
    decision_totals: Path | None = None  # the diarium's count of delegation decisions per month and nämnd


@dataclass
class AuditResult:
    inputs: list[InputFile] = field(default_factory=list)
    problems: list[TabularProblem] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    trips: list[Trip] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    invoices: list[Invoice] = field(default_factory=list)
    policies: list[tuple[str, str, str]] = field(default_factory=list)  # (file, document id, version) the rules came from
    reconciliation: Reconciliation | None = None  # the invoices against the huvudbok, when --ledger was given
    decision_reconciliation: DecisionReconciliation | None = None  # the register against the diarium, with --decision-totals
    exempt: list[tuple[Invoice, ExemptPayment]] = field(default_factory=list)  # payments that need no contract (the register says)
    # Purchases with a contract reference per förvaltning and month: (förvaltning, ÅÅÅÅ-MM, with a reference, purchases).
    contract_share: list[tuple[str, str, int, int]] = field(default_factory=list)

    @property
    def unchecked(self) -> int:
        rows: list[Trip | Decision | Invoice] = [*self.trips, *self.decisions, *self.invoices]
        return sum(1 for row in rows if not row.checkable)


# The decision tables the audit asks: `Decider.delegate` and the delegation bodies and retired ids
# (AU107, AU3xx), the attest table (AU4xx, AU603, the attest grid). Travel is answered from the model
# (`decide_trip`), the contracts from the avtalsregister's model; the other tables were built for
# nothing (54 of the region's 100 s before any row was read).
AUDIT_TABLES = ("delegation", "attest")


def load_model(policies: Path) -> Model:
    """The policies loaded with `check`'s parsed-file cache (`generators/loading/disk_cache.py`, keyed
    by every file's bytes and the tool's fingerprint, so a hit is what a cold load would give; off
    with STYRDOKUMENT_NO_CACHE=1): an audit of a tree `check` has just passed parses nothing again."""
    from generators.loading.disk_cache import DiskCache, default_folder, disabled_by_environment
    from generators.loading.documents import load_policies

    if not policies.is_dir():
        raise AuditSetupError(f"Mappen {policies} finns inte.")
    loaded = load_policies(policies, disk_cache=None if disabled_by_environment() else DiskCache(default_folder()))
    if loaded.failed:
        problems = [f"{d.file}:{d.line}:{d.column}: {d.code} {d.message}" for d in loaded.diagnostics if d.severity == "error"]
        raise AuditSetupError("Styrdokumenten kan inte läsas in utan fel; rätta dem först (`python -m generators check`).", problems)
    return build_model(loaded)


def _policies_used(model: Model) -> list[tuple[str, str, str]]:
    """The documents the rules are taken from: (file, document id, version)."""
    documents = [*model.versions_of("travel"), *model.versions_of("delegation")]
    if model.kind_data.get("attest") is not None:
        attest = attest_model(model)
        documents += [*attest.reglementen, *attest.forteckningar]
    return sorted({(d.meta.source.file, d.meta.id, d.meta.version) for d in documents})


def _known_countries(model: Model) -> frozenset[str]:
    series = model.reference.get(ISO_SERIES)
    return frozenset(c for value in (series.values if series else []) for c in (value.countries or ()))


def _keep(result: AuditResult, table: Table) -> None:
    if table.provenance is not None:
        result.inputs.append(table.provenance)
    result.problems.extend(table.problems)


def _unknown_matters(decisions: list[Decision], decider: Decider, problems: list[TabularProblem], columns: dict[str, int]) -> list[Decision]:
    """A matter id no delegationsordning has ever had (AU107): the row cannot be checked."""
    kept = []
    for decision in decisions:
        if decision.matter and decision.decided_on is not None and decision.checkable:
            status, _, _ = decider.delegate(decision.matter, None, decision.decided_on)
            if status == NOT_FOUND and decision.matter not in (decider.tables.get("delegation") or {}).get("retired", {}):
                problems.append(TabularProblem(decision.file, decision.line, columns.get("matter", 1), AU107,
                                             f"Ärendet '{decision.matter}' finns inte i någon delegationsordning."))
                decision = dataclasses.replace(decision, checkable=False)
        kept.append(decision)
    return kept


def _read_invoices(result: AuditResult, path: Path, org: Organisation, users: UserPositions) -> None:
    """A reskontra CSV or XLSX, one Peppol XML file, or a folder of them (sorted by name)."""
    files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in (".xml", ".csv", ".xlsx")) if path.is_dir() else [path]
    for file in files:
        if file.suffix.lower() in (".csv", ".xlsx"):
            invoices, table = read_invoice_csv(file, org, users)
            _keep(result, table)
            result.invoices.extend(invoices)
            continue
        invoice, provenance, problems = read_peppol(file)
        if provenance is not None:
            result.inputs.append(provenance)
        result.problems.extend(problems)
        if invoice is not None:
            result.invoices.append(invoice)
        elif provenance is not None:  # an unreadable file is still a transaction the audit could not check
            result.invoices.append(Invoice(display_path(file), display_path(file), 1, "", "", None, None, False, "", None, (), "",
                                           None, None, checkable=False))


def _contract_share(model: Model, result: AuditResult) -> list[tuple[str, str, int, int]]:
    """Purchases (no credit notes, no exempt payments) with a contract reference, per förvaltning and
    month. The förvaltning is the one serving the nämnd whose attestförteckning holds the invoice's
    ansvar on the invoice date; an ansvar no förteckning holds is counted as such, not guessed."""
    org = model.organisation
    attest = attest_model(model) if model.kind_data.get("attest") is not None else None
    exempt = {(i.file, i.line) for i, _ in result.exempt}
    counts: dict[tuple[str, str], list[int]] = {}
    # The förvaltning depends on the ansvar and the day alone: asked once per distinct pair (a year's
    # million invoices have some thousand), not once per invoice.
    names: dict[tuple[str, date], str] = {}
    for invoice in result.invoices:
        if not invoice.checkable or invoice.credit or invoice.issued is None or (invoice.file, invoice.line) in exempt:
            continue
        name = names.get((invoice.ansvar, invoice.issued))
        if name is None:
            found = attest.find_ansvar(invoice.ansvar, invoice.issued) if attest is not None else None
            unit = org.administration_of_body(found[0].body) if found is not None and org is not None else None
            name = org.administrations[unit].name if org is not None and unit in org.administrations else "ansvar utan attestförteckning"
            names[(invoice.ansvar, invoice.issued)] = name
        tally = counts.setdefault((name, invoice.issued.strftime("%Y-%m")), [0, 0])
        tally[0] += invoice.contract_ref is not None
        tally[1] += 1
    return [(name, month, with_ref, total) for (name, month), (with_ref, total) in sorted(counts.items())]


def run_audit(inputs: AuditInputs, as_of: date, progress: Progress | None = None) -> AuditResult:
    """`progress(done, total, label)` hears of each export read and each check run (the command
    draws a bar on a terminal)."""
    if inputs.trips is None and inputs.decisions is None and not inputs.invoices:
        raise AuditSetupError("Ange minst en export att granska: --trips, --decisions eller --invoices.")
    if inputs.ledger is not None and not inputs.invoices:
        raise AuditSetupError("--ledger stämmer av fakturorna mot huvudboken; ange också fakturaexporten med --invoices.")
    if inputs.decision_totals is not None and inputs.decisions is None:
        raise AuditSetupError("--decision-totals stämmer av registret över delegationsbeslut mot diariet; ange också registret med --decisions.")
    rules = [r for r in audit_rules() if r.check is not None]
    given = [p for p in (inputs.users, inputs.trips, inputs.decisions, inputs.decision_totals, *inputs.invoices, inputs.ledger,
                         inputs.attest_log, inputs.interests, inputs.meetings) if p is not None]
    total, done = 1 + len(given) + len(rules), 0

    def step(label: str) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total, label)

    model = load_model(inputs.policies)
    step("styrdokumenten")
    org = model.organisation
    if org is None:
        raise AuditSetupError("Organisationsfilen saknas bland styrdokumenten; utan den kan ingen befattning prövas.")
    decider = Decider(tables_of_model(model, as_of, AUDIT_TABLES))
    result = AuditResult()
    result.policies = _policies_used(model)
    users = UserPositions()
    if inputs.users is not None:
        users, table = read_users(inputs.users, org)
        _keep(result, table)
        step(table.file)
    if inputs.trips is not None:
        trips, table = read_trips(inputs.trips, org, users, _known_countries(model))
        _keep(result, table)
        result.trips = trips
        step(table.file)
    if inputs.decisions is not None:
        decisions, table = read_decisions(inputs.decisions, org, users)
        _keep(result, table)
        columns = table.rows[0].columns if table.rows else {}
        result.decisions = _unknown_matters(decisions, decider, result.problems, columns)
        step(table.file)
        if inputs.decision_totals is not None:  # completeness first: the register against the diarium's counts
            counts, table = read_decision_totals(inputs.decision_totals, model)
            _keep(result, table)
            result.decision_reconciliation, gaps = reconcile_decisions(model, result.decisions, counts, table.file)
            result.problems.extend(gaps)
            step(table.file)
    for path in inputs.invoices:
        _read_invoices(result, path, org, users)
        step(display_path(path))
    if inputs.ledger is not None:  # completeness first: before any check, the export against the huvudbok
        totals, table = read_ledger(inputs.ledger)
        _keep(result, table)
        result.reconciliation, gaps = reconcile(result.invoices, totals, table.file)
        result.problems.extend(gaps)
        step(table.file)
    attest: dict[str, list[AttestEntry]] = {}
    if inputs.attest_log is not None:
        entries, table = read_attest_log(inputs.attest_log, org, users)
        _keep(result, table)
        for entry in entries:
            attest.setdefault(entry.invoice_id, []).append(entry)
        step(table.file)
    interests = None
    if inputs.interests is not None:
        interests, table = read_interests(inputs.interests)
        _keep(result, table)
        step(table.file)
    meetings = None
    if inputs.meetings is not None:
        meetings, table = read_meetings(inputs.meetings, org)
        _keep(result, table)
        step(table.file)
    ctx = AuditContext(model, decider, result.trips, result.decisions, result.invoices, attest, interests, meetings)
    result.exempt = [(i, e) for i in result.invoices if i.checkable and (e := exemption_of(ctx, i)) is not None]
    result.contract_share = _contract_share(model, result)
    for registered in rules:
        assert registered.check is not None
        result.findings.extend(registered.check(ctx))
        step(registered.rule.code)
    close_engine(ctx)
    result.findings.sort(key=lambda f: (f.file, f.line, f.code))
    result.problems.sort(key=lambda p: (p.file, p.row, p.column, p.code))
    return result
