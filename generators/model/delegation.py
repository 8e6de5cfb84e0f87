"""The delegationsordning: general provisions, numbered matters, further delegations."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from generators.loading.collector import collector_paused
from generators.model.common import Actor, Amount, DocumentMeta, LegalRef, SourceRef

if TYPE_CHECKING:
    from generators.loading.documents import SourceDocument
    from generators.model import Model


@dataclass(frozen=True, slots=True)
class SubstitutionRule:
    rule: str  # superior | vice_chair | actor
    actor: Actor | None
    source: SourceRef


@dataclass(frozen=True, slots=True)
class GeneralProvisions:
    on_absence: SubstitutionRule | None
    on_conflict_of_interest: SubstitutionRule | None
    superior_may_decide: bool
    body_may_take_over: bool
    reporting_interval: str
    reporting_how: str
    unreported_recorded_as: str
    further_delegation_reported_to: Actor | None
    notes: tuple[str, ...]
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Tier:
    above: Amount | None
    up_to: Amount | None
    delegates: tuple[Actor, ...]
    substitute: Actor | None
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Condition:
    kind: str  # after_consulting | in_agreement_with | within_budget | other
    with_actor: Actor | None
    text: str | None
    source: SourceRef


@dataclass(frozen=True, slots=True)
class MatterReporting:
    reported: bool
    interval: str | None
    recorded_as: str | None
    source: SourceRef
    via: Actor | None = None  # who receives the report and passes it on (the nämndsekreterare)


# Intervals that name no day by which a report is due ("löpande", "skyndsamt"): whether a report was
# late cannot be judged from them, so the audit says so rather than inventing a deadline.
OPEN_INTERVALS = frozenset({"continuously", "promptly"})


@dataclass(frozen=True, slots=True)
class Countersigning:
    """Who countersigns the documents that follow from the decision: any one of `by`, or, when
    `or_appointed_by_delegate`, someone else the delegate appoints ("eller annan utsedd")."""

    by: tuple[Actor, ...]
    or_appointed_by_delegate: bool
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Duration:
    """A longest time the delegation covers, up to and including it ("anställning upp till 6 månader")."""

    amount: int
    unit: str  # days | weeks | months | years
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Matter:
    id: str
    number: str
    title: str
    kind: str
    section_id: str
    section_title: str
    delegates: tuple[Actor, ...]  # one, unless someone wrote a (forbidden) joint delegation
    substitute: Actor | None
    further_delegation: bool
    legal_basis: tuple[LegalRef, ...]
    limit: Amount | None
    tiers: tuple[Tier, ...]
    conditions: tuple[Condition, ...]
    reporting: MatterReporting | None
    execution_only: bool
    note: str | None
    source: SourceRef
    not_reserved_because: str | None = None  # why a row worded like KL 6 kap. 38 § is not such a matter
    concerns: Actor | None = None  # whom the matter concerns (jäv: never its own delegate)
    countersigning: Countersigning | None = None
    duration: Duration | None = None

    def all_delegates(self) -> list[Actor]:
        """Every actor that may decide the matter (the tiers' delegates for a tiered matter)."""
        if self.tiers:
            return [actor for tier in self.tiers for actor in tier.delegates]
        return list(self.delegates)


@dataclass(frozen=True, slots=True)
class FurtherDelegation:
    id: str
    matter: str
    by: Actor
    to: Actor
    limit: Amount | None
    decided: date
    reference: str
    note: str | None
    source: SourceRef


@dataclass(frozen=True, slots=True)
class RetiredMatter:
    """A matter taken out of the delegationsordning; its published id stays known, with date and reason."""

    id: str
    retired_on: date
    reason: str
    replaced_by: str | None
    source: SourceRef


@dataclass
class DelegationOrder:
    meta: DocumentMeta
    body: str
    provisions: GeneralProvisions
    matters: list[Matter]
    further_delegations: list[FurtherDelegation]
    sections: list[tuple[str, str, str]]  # (id, number, title), in document order
    source: SourceRef
    retired_matters: list[RetiredMatter] = field(default_factory=list)

    @property
    def file(self) -> str:
        return self.source.file

    @cached_property
    def _matter_index(self) -> dict[str, Matter]:
        index: dict[str, Matter] = {}
        for matter in self.matters:
            index.setdefault(matter.id, matter)  # the first if doubled (D-checks report the doubling)
        return index

    def matter(self, matter_id: str) -> Matter | None:
        """The matter with this id (a region's order has hundreds: looked up once built, not scanned;
        the model is not changed after it is built)."""
        return self._matter_index.get(matter_id)


def _delegates(value: Any, source: SourceRef) -> tuple[Actor, ...]:
    if isinstance(value, list):
        return tuple(Actor.parse(item, source.at(i)) for i, item in enumerate(value))
    return (Actor.parse(value, source),)


def _countersigning(value: dict[str, Any] | None, source: SourceRef) -> Countersigning | None:
    if value is None:
        return None
    by = tuple(Actor.parse(item, source.at("by", i)) for i, item in enumerate(value["by"]))
    return Countersigning(by, bool(value.get("or_appointed_by_delegate", False)), source)


def _substitution(value: dict[str, Any] | None, source: SourceRef) -> SubstitutionRule | None:
    if value is None:
        return None
    actor = Actor.parse(value["actor"], source.at("actor")) if "actor" in value else None
    return SubstitutionRule(value["rule"], actor, source)


def further_delegation_bounds(matter: Matter, further: FurtherDelegation) -> tuple[Amount | None, Amount | None]:
    """What a vidaredelegat may decide: within the mandate of the one who passed it on (nobody passes
    on more than they hold, KL 7 kap. 6 §), capped by the decision's own limit when it has one.
    For a tiered matter the mandate is the granting delegate's own tier, as D411 reads it."""
    above, up_to = None, matter.limit
    if matter.tiers:
        own = [t for t in matter.tiers if any(d.same_as(further.by) for d in t.delegates)]
        above, up_to = (own[0].above, own[0].up_to) if own else (None, None)
    return above, further.limit if further.limit is not None else up_to


def build_delegation_order(document: Any) -> DelegationOrder:
    with collector_paused():  # a large acyclic structure: see generators/loading/collector.py
        return _build_delegation_order(document)


def _build_delegation_order(document: Any) -> DelegationOrder:
    raw = document.data
    root = SourceRef(document, ())
    gp = raw["general_provisions"]
    gp_src = root.at("general_provisions")
    reporting = gp["reporting"]
    provisions = GeneralProvisions(
        on_absence=_substitution(gp.get("on_absence"), gp_src.at("on_absence")),
        on_conflict_of_interest=_substitution(gp.get("on_conflict_of_interest"), gp_src.at("on_conflict_of_interest")),
        superior_may_decide=gp["superior_may_decide"],
        body_may_take_over=gp["body_may_take_over"],
        reporting_interval=reporting["interval"],
        reporting_how=reporting["how"],
        unreported_recorded_as=reporting["unreported_recorded_as"],
        further_delegation_reported_to=(
            Actor.parse(gp["further_delegation_reported_to"], gp_src.at("further_delegation_reported_to"))
            if "further_delegation_reported_to" in gp
            else None
        ),
        notes=tuple(gp.get("notes", ())),
        source=gp_src,
    )
    matters: list[Matter] = []
    sections: list[tuple[str, str, str]] = []
    for s_index, section in enumerate(raw["sections"]):
        sections.append((section["id"], section["number"], section["title"]))
        for m_index, m in enumerate(section["matters"]):
            src = root.at("sections", s_index, "matters", m_index)
            tiers = tuple(
                Tier(
                    above=Amount.parse(t["above"], src.at("tiers", t_index, "above")) if "above" in t else None,
                    up_to=Amount.parse(t["up_to"], src.at("tiers", t_index, "up_to")) if "up_to" in t else None,
                    delegates=_delegates(t["delegate"], src.at("tiers", t_index, "delegate")),
                    substitute=Actor.parse(t["substitute"], src.at("tiers", t_index, "substitute")) if "substitute" in t else None,
                    source=src.at("tiers", t_index),
                )
                for t_index, t in enumerate(m.get("tiers", ()))
            )
            rep = m.get("reporting")
            matters.append(
                Matter(
                    id=m["id"],
                    number=m["number"],
                    title=m["title"],
                    kind=m["kind"],
                    section_id=section["id"],
                    section_title=section["title"],
                    delegates=_delegates(m["delegate"], src.at("delegate")) if "delegate" in m else (),
                    substitute=Actor.parse(m["substitute"], src.at("substitute")) if "substitute" in m else None,
                    further_delegation=m["further_delegation"],
                    legal_basis=tuple(LegalRef.parse(ref, src.at("legal_basis", i)) for i, ref in enumerate(m["legal_basis"])),
                    limit=Amount.parse(m["limit"], src.at("limit")) if "limit" in m else None,
                    tiers=tiers,
                    conditions=tuple(
                        Condition(
                            c["kind"],
                            Actor.parse(c["with"], src.at("conditions", i, "with")) if "with" in c else None,
                            c.get("text"),
                            src.at("conditions", i),
                        )
                        for i, c in enumerate(m.get("conditions", ()))
                    ),
                    reporting=MatterReporting(
                        rep["reported"], rep.get("interval"), rep.get("recorded_as"), src.at("reporting"),
                        Actor.parse(rep["via"], src.at("reporting", "via")) if "via" in rep else None,
                    )
                    if rep
                    else None,
                    execution_only=bool(m.get("execution_only", False)),
                    note=m.get("note"),
                    source=src,
                    not_reserved_because=m.get("not_reserved_because"),
                    concerns=Actor.parse(m["concerns"], src.at("concerns")) if "concerns" in m else None,
                    countersigning=_countersigning(m.get("countersigning"), src.at("countersigning")),
                    duration=Duration(m["duration"]["amount"], m["duration"]["unit"], src.at("duration")) if "duration" in m else None,
                )
            )
    further = [
        FurtherDelegation(
            id=f["id"],
            matter=f["matter"],
            by=Actor.parse(f["by"], root.at("further_delegations", i, "by")),
            to=Actor.parse(f["to"], root.at("further_delegations", i, "to")),
            limit=Amount.parse(f["limit"], root.at("further_delegations", i, "limit")) if "limit" in f else None,
            decided=date.fromisoformat(f["decided"]),
            reference=f["reference"],
            note=f.get("note"),
            source=root.at("further_delegations", i),
        )
        for i, f in enumerate(raw.get("further_delegations", ()))
    ]
    retired = [
        RetiredMatter(
            id=r["id"],
            retired_on=date.fromisoformat(r["retired_on"]),
            reason=r["reason"],
            replaced_by=r.get("replaced_by"),
            source=root.at("retired_matters", i),
        )
        for i, r in enumerate(raw.get("retired_matters", ()))
    ]
    return DelegationOrder(
        meta=DocumentMeta.parse(raw["document"], root.at("document")),
        body=raw["body"],
        provisions=provisions,
        matters=matters,
        further_delegations=further,
        sections=sections,
        source=root,
        retired_matters=retired,
    )


def build(model: Model, documents: list[SourceDocument]) -> None:
    """The kind's model builder (registered in generators/kinds/delegation.py): every delegation order and version, in file order."""
    model.kind_data["delegation"] = [build_delegation_order(document) for document in documents]
