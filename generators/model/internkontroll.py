"""The reglemente för intern kontroll (adopted by fullmäktige) and each body's internkontrollplan.

KL 6 kap. 6 § makes every nämnd responsible for sufficient internal control but sets no dates and no
form. The reglemente holds the organisation's own choices as data: which bodies adopt a plan each
year, by when, and until when a control may be reported. A choice the reglemente does not state is
not checked. A plan holds the documented risk assessment (risks with likelihood, consequence and
score) and the control activities (owner position, method, frequency, the meeting it reports to).

`plan_for`, `missing_plans`, `adoption_deadline` and `report_deadline` answer the questions once;
the checks, `internkontroll.json` and the site use them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from generators.model.common import Actor, DocumentMeta, SourceRef

if TYPE_CHECKING:
    from generators.model import Model
    from generators.model.organisation import Body, Organisation

KIND = "internkontroll"
REGLEMENTE_SCHEMA = "internkontrollreglemente.schema.json"
_YEAR_OFFSETS = {"foregaende": -1, "samma": 0, "nasta": 1}


@dataclass(frozen=True, slots=True)
class DayOfYear:
    """A day counted from the plan year: `year` is `foregaende`, `samma` or `nasta`."""

    year: str
    month: int
    day: int
    source: SourceRef

    def on(self, plan_year: int) -> date:
        """The day for a plan year; a day past the month's end (31 February) is the month's last day."""
        year = plan_year + _YEAR_OFFSETS[self.year]
        day = self.day
        while True:
            try:
                return date(year, self.month, day)
            except ValueError:
                day -= 1


@dataclass(frozen=True, slots=True)
class LocalRule:
    """A rule the reglemente states: its paragraph, its text and, for dates, the latest day."""

    key: str
    paragraph: str
    text: str
    latest: DayOfYear | None
    source: SourceRef

    def cite(self, reglemente: Reglemente) -> str:
        """`Lokal regel: Reglemente för intern kontroll … 5 §`."""
        return f"Lokal regel: {reglemente.meta.title} {self.paragraph}"


@dataclass(frozen=True, slots=True)
class Reglemente:
    meta: DocumentMeta
    plans: LocalRule
    body_kinds: tuple[str, ...]
    adoption: LocalRule | None
    reporting: LocalRule | None
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Risk:
    id: str
    description: str
    likelihood: int
    consequence: int
    score: int
    source: SourceRef

    @property
    def computed_score(self) -> int:
        return self.likelihood * self.consequence


@dataclass(frozen=True, slots=True)
class Control:
    id: str
    risks: tuple[str, ...]
    activity: str
    owner: Actor
    automatic: str | None  # a rule code, when the control is an automatic check
    manual: str | None  # the manual review in words, otherwise
    frequency: str
    report: date
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Plan:
    meta: DocumentMeta
    body: str
    year: int
    threshold: int
    risks: tuple[Risk, ...]
    controls: tuple[Control, ...]
    source: SourceRef

    def risk(self, risk_id: str) -> Risk | None:
        return next((r for r in self.risks if r.id == risk_id), None)

    def controls_for(self, risk_id: str) -> list[Control]:
        return [c for c in self.controls if risk_id in c.risks]

    def uncontrolled(self) -> list[Risk]:
        """Risks above the threshold that no control meets."""
        return [r for r in self.risks if r.score > self.threshold and not self.controls_for(r.id)]


@dataclass
class InternkontrollModel:
    """Every version of the reglemente and every plan, in file order."""

    reglementen: list[Reglemente]
    plans: list[Plan]

    def reglemente_on(self, day: date) -> Reglemente | None:
        in_force = [r for r in self.reglementen if r.meta.in_force_on(day)]
        return max(in_force, key=lambda r: r.meta.valid_from) if in_force else None

    def reglemente_for_year(self, year: int) -> Reglemente | None:
        """The reglemente that governs a plan year: the one in force when the year starts, else on its first
        day in force within the year."""
        found = self.reglemente_on(date(year, 1, 1))
        if found is None:
            found = self.reglemente_on(date(year, 12, 31))
        return found

    def plan_for(self, body: str, year: int) -> Plan | None:
        """The body's plan for the year (an adopted one before a proposal; the latest adopted if two are)."""
        candidates = [p for p in self.plans if p.body == body and p.year == year]
        adopted = [p for p in candidates if p.meta.status == "antagen"]
        pool = adopted or candidates
        return max(pool, key=lambda p: p.meta.valid_from) if pool else None

    def years(self) -> list[int]:
        return sorted({p.year for p in self.plans})


def bodies_with_plans(org: Organisation, reglemente: Reglemente) -> list[Body]:
    """The bodies the reglemente says adopt a plan each year, in the organisation's order."""
    return [b for b in org.bodies.values() if b.kind in reglemente.body_kinds]


def adoption_deadline(reglemente: Reglemente, year: int) -> date | None:
    rule = reglemente.adoption
    return rule.latest.on(year) if rule is not None and rule.latest is not None else None


def report_deadline(reglemente: Reglemente, year: int) -> date | None:
    rule = reglemente.reporting
    return rule.latest.on(year) if rule is not None and rule.latest is not None else None


def missing_plans(model: Model, org: Organisation, year: int, today: date) -> list[tuple[Body, Reglemente, date | None]]:
    """The bodies that should have an adopted plan for `year` and do not: each with the reglemente and the
    adoption deadline (None: the reglemente sets none, so a plan is missing once the year has begun).
    Only where a reglemente is in force on that deadline; the law sets no such duty in this form."""
    ik = internkontroll_model(model)
    reglemente = ik.reglemente_for_year(year)
    if reglemente is None:
        return []
    deadline = adoption_deadline(reglemente, year)
    due = deadline if deadline is not None else date(year, 1, 1)
    # The duty is the reglemente's: a year whose plans were due before any reglemente was in force has none.
    reglemente = ik.reglemente_on(due)
    if reglemente is None or today <= due:
        return []
    deadline = adoption_deadline(reglemente, year)
    found = []
    for body in bodies_with_plans(org, reglemente):
        plan = ik.plan_for(body.id, year)
        if plan is None or plan.meta.status != "antagen":
            found.append((body, reglemente, deadline))
    return found


def _local_rule(key: str, data: dict[str, Any] | None, source: SourceRef) -> LocalRule | None:
    if data is None:
        return None
    latest = data.get("latest")
    day = DayOfYear(latest["year"], latest["month"], latest["day"], source.at("latest")) if latest else None
    return LocalRule(key, data["paragraph"], data["text"], day, source)


def build_reglemente(document: Any) -> Reglemente:
    raw = document.data
    root = SourceRef(document, ())
    plans = _local_rule("plans", raw["plans"], root.at("plans"))
    assert plans is not None
    return Reglemente(DocumentMeta.parse(raw["document"], root.at("document")), plans, tuple(raw["plans"]["body_kinds"]),
                      _local_rule("adoption", raw.get("adoption"), root.at("adoption")),
                      _local_rule("reporting", raw.get("reporting"), root.at("reporting")), root)


def build_plan(document: Any) -> Plan:
    raw = document.data
    root = SourceRef(document, ())
    risks = tuple(Risk(r["id"], r["description"], r["likelihood"], r["consequence"], r["score"], root.at("risks", i))
                  for i, r in enumerate(raw["risks"]))
    controls = []
    for i, c in enumerate(raw["controls"]):
        src = root.at("controls", i)
        method = c["method"]
        controls.append(Control(c["id"], tuple(c["risks"]), c["activity"], Actor.parse(c["owner"], src.at("owner")),
                                method.get("automatic"), method.get("manual"), c["frequency"], date.fromisoformat(c["report"]), src))
    return Plan(DocumentMeta.parse(raw["document"], root.at("document")), raw["body"], raw["year"], raw["threshold"],
                risks, tuple(controls), root)


def build(model: Model, documents: list[Any]) -> None:
    """The kind's model builder (registered in generators/kinds/internkontroll.py)."""
    ik = InternkontrollModel([], [])
    for document in documents:
        if document.schema == REGLEMENTE_SCHEMA:
            ik.reglementen.append(build_reglemente(document))
        else:
            ik.plans.append(build_plan(document))
    model.kind_data[KIND] = ik


def internkontroll_model(model: Model) -> InternkontrollModel:
    """The model's internal-control documents (an empty model when the policies have none)."""
    found = model.of(KIND)
    if found is None:
        found = InternkontrollModel([], [])
        model.kind_data[KIND] = found
    assert isinstance(found, InternkontrollModel)
    return found
