"""The egenvärdering för uppföljning och kontroll: statements grouped by area, each answered.

An answer is either *computed* from the documents in the repository, where they decide it (a
delegationsordning in force and reviewed in time, a whistleblowing channel, an internkontrollplan for
the year …), or *declared* by the owner with evidence and a date. A computed answer names the check
whose rule decides the same thing; the owner cannot overwrite it, only mark it disputed with evidence.
A computed answer says what the documents say, not whether the controls work in practice.

`answer_of` gives every statement's answer once; the checks, `internal-control.json` and the site use it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from generators.model.attest import attest_model
from generators.model.common import DocumentMeta, SourceRef, version_in_force
from generators.model.contracts import contracts_model
from generators.model.internkontroll import internkontroll_model, missing_plans

if TYPE_CHECKING:
    from generators.model import Model
    from generators.model.organisation import Body

KIND = "egenvardering"
ANSWERS = ("helt", "delvis", "inte_alls", "ej_besvarat")
# The bodies responsible for internal control and delegation (KL 6 kap. 6 §, 6 kap. 37 §).
_RESPONSIBLE_KINDS = ("styrelse", "namnd")


@dataclass(frozen=True, slots=True)
class Area:
    id: str
    title: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Evidence:
    evidence: str
    date: date
    reason: str | None
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Statement:
    id: str
    area: str
    text: str
    computed: str | None  # the query that decides the answer
    declared_answer: str | None
    declared: Evidence | None
    disputed: Evidence | None
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Framework:
    title: str
    publisher: str
    published: date
    url: str
    note: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Egenvardering:
    meta: DocumentMeta
    framework: Framework
    areas: tuple[Area, ...]
    statements: tuple[Statement, ...]
    source: SourceRef

    def area(self, area_id: str) -> Area | None:
        return next((a for a in self.areas if a.id == area_id), None)


@dataclass(frozen=True, slots=True)
class Answer:
    """A statement's answer: the value, whether it is computed, the reasons and what decided it."""

    value: str
    computed: bool
    reasons: tuple[str, ...]
    decided_by: tuple[str, ...]  # rule codes (computed) or the evidence (declared)


# -- the computed answers -------------------------------------------------------------------------

Query = Callable[["Model", date], Answer]


def _responsible_bodies(model: Model) -> list[Body]:
    org = model.organisation
    return [b for b in org.bodies.values() if b.kind in _RESPONSIBLE_KINDS] if org is not None else []


def _graded(problems: list[str], total: int, codes: tuple[str, ...], fine: str) -> Answer:
    """helt without problems, inte alls when every one of `total` has one, delvis in between."""
    if not problems:
        return Answer("helt", True, (fine,), codes)
    value = "inte_alls" if len(problems) >= total else "delvis"
    return Answer(value, True, tuple(problems), codes)


def delegation_current(model: Model, day: date) -> Answer:
    bodies = _responsible_bodies(model)
    problems = []
    for body in bodies:
        order = version_in_force([o for o in model.delegations if o.body == body.id], day)
        if order is None:
            problems.append(f"{body.name} har ingen gällande delegationsordning (X805).")
        elif order.meta.review_by < day:
            problems.append(f"{order.meta.title} skulle ha setts över senast {order.meta.review_by.isoformat()} (X801).")
    return _graded(problems, max(len(bodies), 1), ("X805", "X801"),
                   f"Alla {len(bodies)} organ har en gällande delegationsordning som är översedd i tid.")


def reporting_regulated(model: Model, day: date) -> Answer:
    bodies = _responsible_bodies(model)
    problems = []
    for body in bodies:
        order = version_in_force([o for o in model.delegations if o.body == body.id], day)
        if order is None:
            problems.append(f"{body.name} har ingen gällande delegationsordning som reglerar anmälan (D416).")
        elif not order.provisions.reporting_interval or not order.provisions.reporting_how:
            problems.append(f"{order.meta.title} anger inte hur och när delegationsbeslut anmäls (D416).")
    return _graded(problems, max(len(bodies), 1), ("D416",),
                   "Varje gällande delegationsordning anger hur och när delegationsbesluten anmäls till nämnden.")


def whistleblowing_channel(model: Model, day: date) -> Answer:
    regulation = version_in_force(model.whistleblowing, day)
    if regulation is None:
        return Answer("inte_alls", True, ("Inget reglemente för visselblåsning gäller (V609).",), ("V609",))
    return Answer("helt", True, (f"{regulation.meta.title} gäller; hanterarnas oberoende prövas av V603.",), ("V609", "V603"))


def direct_procurement_guidelines(model: Model, day: date) -> Answer:
    policy = version_in_force(model.procurement, day)
    if policy is None:
        return Answer("inte_alls", True, ("Ingen upphandlingspolicy gäller (U703).",), ("U703",))
    bands = [b for t in policy.tables for b in t.bands if b.procedure.kind == "direktupphandling"]
    if not bands:
        return Answer("inte_alls", True, (f"{policy.meta.title} anger inget förfarande för direktupphandling (U703).",), ("U703",))
    return Answer("helt", True, ((f"{policy.meta.title} anger förfarandet för direktupphandling i {len(bands)} värdeintervall, "
                                 f"under direktupphandlingsgränsen (LOU 19 a kap.)."),), ("U703", "U704"))


def plans_for_year(model: Model, day: date) -> Answer:
    ik = internkontroll_model(model)
    bodies = _responsible_bodies(model)
    problems = []
    for body in bodies:
        plan = ik.plan_for(body.id, day.year)
        if plan is None:
            problems.append(f"{body.name} har ingen internkontrollplan för {day.year} (IK106).")
        elif plan.meta.status != "antagen":
            problems.append(f"{body.name}s internkontrollplan för {day.year} är inte antagen (IK105).")
        elif plan.uncontrolled():
            problems.append(f"{plan.meta.title} har risker över tröskeln utan kontroll (IK101).")
    return _graded(problems, max(len(bodies), 1), ("IK106", "IK105", "IK101"),
                   f"Alla {len(bodies)} organ har en antagen internkontrollplan för {day.year} där varje väsentlig risk har en kontroll.")


def contract_owners(model: Model, day: date) -> Answer:
    contracts = [(r, c) for r, c in contracts_model(model).contracts() if c.in_force_on(day)]
    if not contracts:
        return Answer("ej_besvarat", True, ("Inget avtalsregister med gällande avtal finns, så frågan kan inte besvaras ur dokumenten.",), ("AR101",))
    problems = [f"Avtalet {c.id} ({c.subject}) saknar avtalsägare (AR101)." for _, c in contracts if c.owner is None]
    return _graded(problems, len(contracts), ("AR101",), f"Alla {len(contracts)} gällande avtal i avtalsregistret har en avtalsägare.")


def attest_two_persons(model: Model, day: date) -> Answer:
    reglemente = attest_model(model).reglemente_on(day)
    if reglemente is None:
        return Answer("inte_alls", True, ("Inget attestreglemente gäller (AT102).",), ("AT102",))
    rule = reglemente.states("two_in_conjunction")
    if rule is None:
        return Answer("inte_alls", True, (f"{reglemente.meta.title} kräver inte attest av två i förening (AT102).",), ("AT102",))
    return Answer("helt", True, (f"{reglemente.meta.title} {rule.paragraph} kräver två i förening; förteckningarna prövas av AT102.",), ("AT102",))


# The queries a statement may name (`computed:` in the file, an enum in the schema).
QUERIES: dict[str, Query] = {
    "delegationsordning_aktuell": delegation_current,
    "anmalan_reglerad": reporting_regulated,
    "visselblasning_kanal": whistleblowing_channel,
    "direktupphandling_riktlinjer": direct_procurement_guidelines,
    "internkontrollplan_for_aret": plans_for_year,
    "avtalsagare": contract_owners,
    "attest_tva_i_forening": attest_two_persons,
}


def answer_of(model: Model, statement: Statement, day: date) -> Answer:
    if statement.computed is not None:
        query = QUERIES.get(statement.computed)
        if query is None:
            return Answer("ej_besvarat", True, (f"Okänd beräkning '{statement.computed}' (EV101).",), ("EV101",))
        return query(model, day)
    if statement.declared_answer is None or statement.declared is None:
        return Answer("ej_besvarat", False, ("Ingen har besvarat påståendet.",), ())
    return Answer(statement.declared_answer, False, (statement.declared.evidence,), (statement.declared.evidence,))


def declared_is_old(evidence: Evidence, day: date) -> bool:
    """Is the declared answer more than a year old on `day`?"""
    try:
        year_before = day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        year_before = day.replace(year=day.year - 1, day=28)
    return evidence.date < year_before


# -- building -------------------------------------------------------------------------------------

def _evidence(data: dict[str, Any] | None, source: SourceRef) -> Evidence | None:
    if data is None:
        return None
    return Evidence(data["evidence"], date.fromisoformat(data["date"]), data.get("reason"), source)


def build_one(document: Any) -> Egenvardering:
    raw = document.data
    root = SourceRef(document, ())
    fw = raw["framework"]
    framework = Framework(fw["title"], fw["publisher"], date.fromisoformat(fw["published"]), fw["url"], fw["note"], root.at("framework"))
    areas = tuple(Area(a["id"], a["title"], root.at("areas", i)) for i, a in enumerate(raw["areas"]))
    statements = []
    for i, s in enumerate(raw["statements"]):
        src = root.at("statements", i)
        declared = s.get("declared")
        statements.append(Statement(s["id"], s["area"], s["text"], s.get("computed"), declared["answer"] if declared else None,
                                    _evidence(declared, src.at("declared")), _evidence(s.get("disputed"), src.at("disputed")), src))
    return Egenvardering(DocumentMeta.parse(raw["document"], root.at("document")), framework, areas, tuple(statements), root)


def build(model: Model, documents: list[Any]) -> None:
    """The kind's model builder (registered in generators/kinds/egenvardering.py)."""
    model.kind_data[KIND] = [build_one(d) for d in documents]


def egenvarderingar(model: Model) -> list[Egenvardering]:
    found = model.of(KIND)
    if found is None:
        found = []
        model.kind_data[KIND] = found
    assert isinstance(found, list)
    return found


def egenvardering_on(model: Model, day: date) -> Egenvardering | None:
    return version_in_force(egenvarderingar(model), day)


# -- what is overdue ------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Overdue:
    """Something due on or before the day that has not happened, or a contract ending soon."""

    kind: str  # review | plan | attest | contract
    body: str | None  # the body it concerns, when one does
    what: str  # Swedish, one sentence
    due: date
    file: str
    decided_by: str  # the rule code that reports it


CONTRACT_HORIZON_DAYS = 180  # contracts ending within this many days are listed (the page's choice, not law)


def overdue(model: Model, day: date) -> list[Overdue]:
    """Reviews passed, plans missing, attest lists expired, contracts ending: in date order."""
    found: list[Overdue] = []
    for body in _responsible_bodies(model):
        order = version_in_force([o for o in model.delegations if o.body == body.id], day)
        if order is not None and order.meta.review_by < day:
            found.append(Overdue("review", body.id, f"{order.meta.title} skulle ha setts över.", order.meta.review_by, order.meta.source.file, "X801"))
    for document in model.governed_documents():
        meta = document.meta
        if meta.kind != "delegationsordning" and meta.in_force_on(day) and meta.review_by < day:
            found.append(Overdue("review", None, f"{meta.title} skulle ha setts över.", meta.review_by, meta.source.file, "X801"))
    org = model.organisation
    if org is not None:
        for body, _, deadline in missing_plans(model, org, day.year, day):
            due = deadline or date(day.year, 1, 1)
            found.append(Overdue("plan", body.id, f"{body.name} har ingen antagen internkontrollplan för {day.year}.", due,
                                 f"internkontroll/{body.id.replace('_', '-')}-{day.year}.yaml", "IK106"))
    attest = attest_model(model)
    for forteckning in attest.forteckningar:
        later = [f for f in attest.forteckningar if f.body == forteckning.body and f.period_from > forteckning.period_to]
        if forteckning.period_to < day and not later:
            found.append(Overdue("attest", forteckning.body, f"{forteckning.meta.title} har löpt ut utan en ny förteckning.",
                                 forteckning.period_to, forteckning.meta.source.file, "AT107"))
    for _, contract in contracts_model(model).contracts():
        end = contract.current_end()
        if contract.in_force_on(day) and (end - day).days <= CONTRACT_HORIZON_DAYS:
            found.append(Overdue("contract", contract.body, f"Avtalet {contract.id} ({contract.subject}) slutar.", end,
                                 contract.source.file, "AR106"))
    return sorted(found, key=lambda o: (o.due, o.kind, o.what))
