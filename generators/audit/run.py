"""One audit run: load the policies once, read the exports, run every check, collect the result."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generators.audit.findings import AuditContext, Finding
from generators.audit.inputs import AU107, InputFile, InputProblem, Table, UserPositions, read_users
from generators.audit.rules import audit_rules
from generators.audit.transactions import Decision, Trip, read_decisions, read_trips
from generators.decide.answers import NOT_FOUND
from generators.decide.engine import Decider
from generators.decide.sources import tables_of_model
from generators.model import Model, build_model
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


@dataclass
class AuditResult:
    inputs: list[InputFile] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    trips: list[Trip] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    policies: list[tuple[str, str, str]] = field(default_factory=list)  # (file, document id, version) the rules came from

    @property
    def unchecked(self) -> int:
        return sum(1 for t in self.trips if not t.checkable) + sum(1 for d in self.decisions if not d.checkable)


def load_model(policies: Path) -> Model:
    from generators.loading.documents import load_policies

    if not policies.is_dir():
        raise AuditSetupError(f"Mappen {policies} finns inte.")
    loaded = load_policies(policies)
    if loaded.failed:
        problems = [f"{d.file}:{d.line}:{d.column}: {d.code} {d.message}" for d in loaded.diagnostics if d.severity == "error"]
        raise AuditSetupError("Styrdokumenten kan inte läsas in utan fel; rätta dem först (`python -m generators check`).", problems)
    return build_model(loaded)


def _known_countries(model: Model) -> frozenset[str]:
    series = model.reference.get(ISO_SERIES)
    return frozenset(c for value in (series.values if series else []) for c in (value.countries or ()))


def _keep(result: AuditResult, table: Table) -> None:
    if table.provenance is not None:
        result.inputs.append(table.provenance)
    result.problems.extend(table.problems)


def _unknown_matters(decisions: list[Decision], decider: Decider, problems: list[InputProblem], columns: dict[str, int]) -> list[Decision]:
    """A matter id no delegationsordning has ever had (AU107): the row cannot be checked."""
    kept = []
    for decision in decisions:
        if decision.matter and decision.decided_on is not None and decision.checkable:
            status, _, _ = decider.delegate(decision.matter, None, decision.decided_on)
            if status == NOT_FOUND and decision.matter not in (decider.tables.get("delegation") or {}).get("retired", {}):
                problems.append(InputProblem(decision.file, decision.line, columns.get("matter", 1), AU107,
                                             f"Ärendet '{decision.matter}' finns inte i någon delegationsordning."))
                decision = dataclasses.replace(decision, checkable=False)
        kept.append(decision)
    return kept


def run_audit(inputs: AuditInputs, as_of: date) -> AuditResult:
    if inputs.trips is None and inputs.decisions is None:
        raise AuditSetupError("Ange minst en export att granska: --trips eller --decisions.")
    model = load_model(inputs.policies)
    org = model.organisation
    if org is None:
        raise AuditSetupError("Organisationsfilen saknas bland styrdokumenten; utan den kan ingen befattning prövas.")
    decider = Decider(tables_of_model(model, as_of))
    result = AuditResult()
    result.policies = sorted({(d.file, d.meta.id, d.meta.version) for kind in ("travel", "delegation") for d in model.versions_of(kind)})
    users = UserPositions()
    if inputs.users is not None:
        users, table = read_users(inputs.users, org)
        _keep(result, table)
    if inputs.trips is not None:
        trips, table = read_trips(inputs.trips, org, users, _known_countries(model))
        _keep(result, table)
        result.trips = trips
    if inputs.decisions is not None:
        decisions, table = read_decisions(inputs.decisions, org, users)
        _keep(result, table)
        columns = table.rows[0].columns if table.rows else {}
        result.decisions = _unknown_matters(decisions, decider, result.problems, columns)
    ctx = AuditContext(model, decider, result.trips, result.decisions)
    for registered in audit_rules():
        if registered.check is not None:
            result.findings.extend(registered.check(ctx))
    result.findings.sort(key=lambda f: (f.file, f.line, f.code))
    result.problems.sort(key=lambda p: (p.file, p.row, p.column, p.code))
    return result
