"""The rese- och mötespolicy: destination zones, traveller categories, the approval table, the rules.

A zone is a set expression over dated country groups (reference data) and ISO 3166-1 alpha-2 codes:
what `include` names minus what `exclude` names, with the groups as they stand on the travel date;
the zone with `rest: true` holds every ISO code no other zone takes. The approval table has one cell
per traveller category and zone: who approves, on which basis (line management, a delegation naming
its matter, a rule fullmäktige adopted, or the body's own decision).

The queries here (zones, categories, the cell, who stands above whom, who approves a given trip) are
the one place this logic lives: the checks, `decide`, the site and the JSON rules all call them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from generators.model.common import Actor, Amount, DocumentMeta, LegalRef, SourceRef, version_in_force
from generators.model.organisation import LEVEL_LABELS, POLITICAL_BODY_KINDS, Organisation, in_running_text
from generators.wording.labels import LabelSet

if TYPE_CHECKING:
    from generators.loading.documents import SourceDocument
    from generators.model import Model
    from generators.model.delegation import DelegationOrder, Matter
    from generators.model.reference import ReferenceData

# Reference series the travel rules read (ids of files under policies/reference/).
ISO_SERIES = "iso-3166-1"
EU_EES_SERIES = "eu-ees"

# Bodies whose members are förtroendevalda: the political bodies and the revisorer (chosen by fullmäktige).
ELECTED_BODY_KINDS = POLITICAL_BODY_KINDS | {"revision"}
# Who may decide a trip outside the EU/EES (domain.md §5, §8, and the policy's own summary): the
# direktör or a political body or seat, never a chef further down the line.

BASIS_LABELS = LabelSet("approval_basis")  # schemas/travel.schema.json
CATEGORY_KIND_LABELS = LabelSet("traveller_kind")  # schemas/travel.schema.json

Basis = Literal["line_management", "delegation", "regulation", "own_body"]


# -- the document ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CountrySet:
    groups: tuple[str, ...]
    countries: tuple[str, ...]
    source: SourceRef

    @classmethod
    def parse(cls, data: dict[str, Any] | None, source: SourceRef) -> CountrySet | None:
        if data is None:
            return None
        return cls(tuple(data.get("groups", ())), tuple(data.get("countries", ())), source)

    def resolve(self, day: date, reference: ReferenceData) -> frozenset[str]:
        """The union of the groups (as they stand on `day`) and the single codes."""
        codes = set(self.countries)
        for group in self.groups:
            value = reference.value_on(group, day)
            if value is not None:
                codes.update(value.countries)
        return frozenset(codes)


@dataclass(frozen=True, slots=True)
class Zone:
    id: str
    name: str
    description: str | None
    include: CountrySet | None
    exclude: CountrySet | None
    rest: bool
    source: SourceRef

    def groups(self) -> tuple[str, ...]:
        return tuple(g for s in (self.include, self.exclude) if s is not None for g in s.groups)


@dataclass(frozen=True, slots=True)
class TravellerCategory:
    id: str
    name: str
    kind: Literal["employee", "elected"]
    levels: tuple[str, ...]
    positions: tuple[str, ...]
    bodies: tuple[str, ...]
    description: str | None
    source: SourceRef

    def covers_position(self, org: Organisation, position_id: str) -> bool:
        if self.kind != "employee":
            return False
        if self.positions:
            return position_id in self.positions
        position = org.positions.get(position_id)
        return position is not None and position.level in self.levels

    def member_positions(self, org: Organisation) -> list[str]:
        """The positions of an employee category, in the organisation's order."""
        return [pid for pid in org.positions if self.covers_position(org, pid)]


@dataclass(frozen=True, slots=True)
class Approval:
    id: str
    category: str
    zone: str
    approver: Actor
    basis: Basis
    matter: str | None
    regulation: LegalRef | None
    own_trip_approver: Actor | None
    note: str | None
    source: SourceRef


@dataclass(frozen=True, slots=True)
class PurposeRule:
    id: str
    required: bool
    stated_in: str | None
    text: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class MeetingsRule:
    id: str
    digital_first: bool
    text: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class ClimateRule:
    id: str
    train_below_km: int | None
    train_below_hours: float | int | None
    exceptions_decided_by: Actor | None
    text: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class BookingRule:
    id: str
    via_procured_agency: bool
    after_approval: bool
    text: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class CostRule:
    id: str
    title: str
    limit: Amount | None
    text: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class FollowUpRule:
    id: str
    reported_to: Actor
    interval: str
    text: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class OtherRule:
    id: str
    text: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class OutsideEuEesRule:
    """The municipality's own choice of who may approve employees' trips outside the EU/EES."""

    id: str
    employee_approver_levels: frozenset[str]
    text: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class TravelRules:
    purpose: PurposeRule
    meetings: MeetingsRule
    climate: ClimateRule
    booking: BookingRule
    costs: tuple[CostRule, ...]
    follow_up: FollowUpRule | None
    other: tuple[OtherRule, ...]
    source: SourceRef
    outside_eu_ees: OutsideEuEesRule | None = None


# -- resolving an approver against a traveller ---------------------------------------------------
Relation = Literal[
    "above",  # a chef above the traveller in the line of command
    "top_body",  # the body (or its utskott, presidium, a seat there) the top of the line answers to
    "delegated_political",  # a political body or seat deciding an employee's trip on a delegation
    "political_line",  # a politician as arbetsledning for an employee below the direktör: not allowed
    "self",
    "below",
    "beside",
    "no_superior",  # a relative actor that does not exist for this traveller (the direktör's närmaste chef)
    "external",
    "unknown",
]
ALLOWED_RELATIONS = frozenset({"above", "top_body", "delegated_political"})


@dataclass(frozen=True, slots=True)
class ResolvedApprover:
    """Who approves one traveller's trip under one cell, and how that actor stands to the traveller."""

    traveller: str  # position id
    named: Actor  # as the cell names it (after own-trip substitution)
    actor: Actor | None  # resolved: a relative actor becomes a position; None when it resolves to nobody
    relation: Relation
    own_trip: bool  # the cell's approver was the traveller, so own_trip_approver decides

    @property
    def allowed(self) -> bool:
        return self.relation in ALLOWED_RELATIONS


def resolve_relative(org: Organisation, relative: str, position_id: str) -> str | None:
    """A relative actor for the employee in `position_id`: närmaste chef (the superior), the
    förvaltningschef of their förvaltning, or the överordnad chef (the närmaste chef's own chef)."""
    if relative == "narmaste_chef":
        return org.superior(position_id)
    if relative == "forvaltningschef":
        position = org.positions.get(position_id)
        administration = org.administrations.get(position.administration) if position else None
        return administration.head if administration else None
    if relative == "overordnad_chef":
        nearest = org.superior(position_id)
        return org.superior(nearest) if nearest else None
    return None


def resolve_actor(org: Organisation, actor: Actor, position_id: str) -> Actor | None:
    """A relative actor resolved to a position for this traveller; a role type to its member nearest
    above the traveller (or its only member); any other actor as it stands."""
    if actor.kind == "relative":
        target = resolve_relative(org, actor.id, position_id)
        return Actor("position", target, None, actor.source) if target else None
    if actor.kind == "role_type":
        members = org.positions_of_role_type(actor.id)
        for upper in org.superiors(position_id):
            if upper in members:
                return Actor("position", upper, None, actor.source)
        if len(members) == 1:
            return Actor("position", members[0], None, actor.source)
        return actor
    return actor


def is_elected_actor(org: Organisation, actor: Actor) -> bool:
    """A political seat, or a body whose members are förtroendevalda (the revisorer included)."""
    if actor.kind == "seat":
        return True
    if actor.kind == "body":
        body = org.bodies.get(actor.id)
        return body is not None and body.kind in ELECTED_BODY_KINDS
    return False


def body_of_actor(actor: Actor) -> str | None:
    if actor.kind == "body":
        return actor.id
    if actor.kind == "seat":
        return actor.body
    return None


def relation_to_traveller(org: Organisation, actor: Actor | None, position_id: str, basis: str) -> Relation:
    """How an (already resolved) approver stands to an employee traveller."""
    if actor is None:
        return "no_superior"
    if actor.kind == "position":
        if actor.id not in org.positions:
            return "unknown"
        if actor.id == position_id:
            return "self"
        if org.is_above(actor.id, position_id):
            return "above"
        if org.is_above(position_id, actor.id):
            return "below"
        return "beside"
    if actor.kind == "role_type":  # several members and none above the traveller
        members = org.positions_of_role_type(actor.id)
        if position_id in members:
            return "self"
        return "below" if any(org.is_above(position_id, m) for m in members) else "beside"
    if actor.kind in ("body", "seat"):
        body = body_of_actor(actor) or ""
        if body not in org.bodies:
            return "unknown"
        if org.superior(position_id) is None:
            top = org.top_body(position_id)
            if top is not None and body in org.body_family(top):
                return "top_body"
        if basis == "delegation" and is_elected_actor(org, actor):
            return "delegated_political"
        return "political_line"
    if actor.kind == "external":
        return "external"
    return "unknown"


def _same_root(org: Organisation, a: str, b: str) -> bool:
    """Two bodies of the same family (a nämnd, its utskott and presidium)."""

    def root(body_id: str) -> str:
        body = org.bodies.get(body_id)
        return body.parent if body is not None and body.kind in ("utskott", "presidium") and body.parent else body_id

    return root(a) == root(b)


def same_seat_holder(org: Organisation, a: Actor, b: Actor) -> bool:
    """Two actors that are the same person: the same seat, or a presidium's seat and the same seat in
    the body whose presidium it is (a presidium is the body's ordförande and vice ordförande)."""
    if a.same_as(b):
        return True
    if a.kind != "seat" or b.kind != "seat" or a.id != b.id:
        return False

    def root(body_id: str) -> str:
        body = org.bodies.get(body_id)
        return body.parent if body is not None and body.kind == "presidium" and body.parent else body_id

    return root(a.body or "") == root(b.body or "")


def traveller_in_approving_body(org: Organisation, traveller: Actor, approver: Actor) -> str | None:
    """Whether the traveller takes part in the body that approves the trip, which makes them jävig in
    it (the matter concerns them personally, KL 6 kap. 28 § 1): "member" when the traveller is
    certainly one of its members (a seat of the body itself, or a seat held by one person both in a
    nämnd and in its presidium, such as the ordförande), "may_be_member" when the traveller may sit
    in it (a body's members as a group, or a seat elsewhere in the same nämnd's family). None when
    the approving body is outside the traveller's family."""
    if approver.kind != "body" or traveller.kind not in ("seat", "body"):
        return None
    approving = org.bodies.get(approver.id)
    home = traveller.body if traveller.kind == "seat" else traveller.id
    if approving is None or home is None or home not in org.bodies:
        return None
    if not _same_root(org, approving.id, home):
        return None  # another nämnd's members, or a body outside the traveller's family
    if traveller.kind == "seat" and approving.id == home:
        return "member"
    # A presidium is the nämnd's ordförande and vice ordförande (see same_seat_holder): a seat held
    # by one person in both is the same person. Anyone else of the family (a ledamot, an utskott's
    # members, who are chosen among the nämnd's) may or may not sit in the approving body.
    presidium_of_home = approving.kind == "presidium" and approving.parent == home
    seat = traveller.id
    if traveller.kind == "seat" and presidium_of_home and approving.seats.get(seat) == 1 and org.bodies[home].seats.get(seat) == 1:
        return "member"
    return "may_be_member"


def seat_may_be_traveller(org: Organisation, category: TravellerCategory, actor: Actor) -> bool:
    """Could the holder of this seat travel in this category (a seat in one of its bodies' families)?"""
    return actor.kind == "seat" and category.kind == "elected" and any(_same_root(org, actor.body or "", b) for b in category.bodies)


# -- the decision for one trip ----------------------------------------------------------------------
@dataclass(frozen=True)
class TravelDecision:
    """Who approves a given trip, and why, in Swedish. `approver` is None when the policy gives no answer."""

    traveller: Actor
    country: str
    day: date
    zone: Zone | None
    category: TravellerCategory | None
    approval: Approval | None
    approver: Actor | None  # resolved (a relative actor is a position here)
    named_approver: Actor | None  # as the table names it (own_trip_approver for an own trip)
    basis: str | None
    own_trip: bool
    matter: Matter | None
    order: DelegationOrder | None
    explanation: str
    problems: tuple[str, ...] = field(default=())


@dataclass
class TravelPolicy:
    meta: DocumentMeta
    scope_employees: bool
    scope_elected: bool
    scope_text: str
    zones: list[Zone]
    categories: list[TravellerCategory]
    approvals: list[Approval]
    rules: TravelRules
    legal_basis: tuple[LegalRef, ...]
    source: SourceRef
    # zone_members by (zone, day, reference data): every trip's question asks it for every zone, and
    # the answer depends on nothing else (the model is not changed after it is built).
    # The reference data is kept beside the answer, so an id reused after it was freed never matches.
    _members: dict[tuple[str, date, int], tuple[ReferenceData, frozenset[str]]] = field(default_factory=dict, init=False, repr=False,
                                                                                         compare=False)

    @property
    def file(self) -> str:
        return self.source.file

    # -- zones ------------------------------------------------------------------------------------
    def zone(self, zone_id: str) -> Zone | None:
        return next((z for z in self.zones if z.id == zone_id), None)

    def rest_zone(self) -> Zone | None:
        return next((z for z in self.zones if z.rest), None)

    def series_used(self) -> list[str]:
        """The reference series the zones depend on: their groups, the ISO list, and the EU/EES group
        that decides which trips are outside the EU/EES."""
        return sorted({g for z in self.zones for g in z.groups()} | {ISO_SERIES, EU_EES_SERIES})

    def check_dates(self, reference: ReferenceData) -> list[date]:
        """The dates the zones must be checked on: the policy's start and every change of a series it uses."""
        return reference.split_points(self.series_used(), self.meta.valid_from, self.meta.valid_to)

    def zone_members(self, zone_id: str, day: date, reference: ReferenceData) -> frozenset[str]:
        """The codes of a zone on `day`. The rest zone: every ISO code no other zone takes."""
        key = (zone_id, day, id(reference))
        found = self._members.get(key)
        if found is None or found[0] is not reference:
            found = self._members[key] = (reference, self._zone_members(zone_id, day, reference))
        return found[1]

    def _zone_members(self, zone_id: str, day: date, reference: ReferenceData) -> frozenset[str]:
        zone = self.zone(zone_id)
        if zone is None:
            return frozenset()
        if zone.rest:
            iso = reference.value_on(ISO_SERIES, day)
            taken = set().union(*(self.explicit_members(z, day, reference) for z in self.zones if not z.rest))
            return frozenset(iso.countries if iso else ()) - taken
        return self.explicit_members(zone, day, reference)

    @staticmethod
    def explicit_members(zone: Zone, day: date, reference: ReferenceData) -> frozenset[str]:
        """What a zone's own expression gives (include minus exclude); for the rest zone, nothing."""
        included = zone.include.resolve(day, reference) if zone.include else frozenset()
        excluded = zone.exclude.resolve(day, reference) if zone.exclude else frozenset()
        return included - excluded

    def zones_of(self, country: str, day: date, reference: ReferenceData) -> list[Zone]:
        """Every zone that holds the code on `day` (more than one is an overlap, reported by R502)."""
        return [z for z in self.zones if country in self.zone_members(z.id, day, reference)]

    def zone_of(self, country: str, day: date, reference: ReferenceData) -> Zone | None:
        """The zone a code belongs to on `day`; the first in document order if zones overlap."""
        found = self.zones_of(country, day, reference)
        return found[0] if found else None

    def zones_outside_eu_ees(self, day: date, reference: ReferenceData) -> dict[str, frozenset[str]]:
        """Zone id → its ISO codes outside the EU/EES on `day` (zones with none are left out)."""
        eu_ees = reference.value_on(EU_EES_SERIES, day)
        iso = reference.value_on(ISO_SERIES, day)
        inside = frozenset(eu_ees.countries) if eu_ees else frozenset()
        assigned = frozenset(iso.countries) if iso else frozenset()
        out: dict[str, frozenset[str]] = {}
        for zone in self.zones:
            # Only assigned codes: a code ISO does not know is R501's, not a country outside the EU/EES.
            outside = (self.zone_members(zone.id, day, reference) & assigned) - inside
            if outside:
                out[zone.id] = outside
        return out

    # -- categories -------------------------------------------------------------------------------
    def category(self, category_id: str) -> TravellerCategory | None:
        return next((c for c in self.categories if c.id == category_id), None)

    def categories_of_position(self, org: Organisation, position_id: str) -> list[TravellerCategory]:
        return [c for c in self.categories if c.covers_position(org, position_id)]

    def category_of_position(self, org: Organisation, position_id: str) -> TravellerCategory | None:
        found = self.categories_of_position(org, position_id)
        return found[0] if len(found) == 1 else None

    def categories_of_body(self, body_id: str) -> list[TravellerCategory]:
        return [c for c in self.categories if c.kind == "elected" and body_id in c.bodies]

    def category_of_body(self, body_id: str) -> TravellerCategory | None:
        found = self.categories_of_body(body_id)
        return found[0] if len(found) == 1 else None

    # -- the approval table -----------------------------------------------------------------------
    def approvals_for(self, category_id: str, zone_id: str) -> list[Approval]:
        return [a for a in self.approvals if a.category == category_id and a.zone == zone_id]

    def approval_for(self, category_id: str, zone_id: str) -> Approval | None:
        """The cell for a category and zone; None when missing, the first when doubled (R503 reports both)."""
        found = self.approvals_for(category_id, zone_id)
        return found[0] if found else None

    def resolve_for_position(self, org: Organisation, approval: Approval, position_id: str) -> ResolvedApprover:
        """Who approves this employee's trip under this cell (own trip and relative actors resolved)."""
        named = approval.approver
        actor = resolve_actor(org, named, position_id)
        own_trip = False
        if actor is not None and actor.kind == "position" and actor.id == position_id and approval.own_trip_approver is not None:
            own_trip = True
            named = approval.own_trip_approver
            actor = resolve_actor(org, named, position_id)
        return ResolvedApprover(position_id, named, actor, relation_to_traveller(org, actor, position_id, approval.basis), own_trip)

    def approver_for(
        self,
        org: Organisation,
        traveller: Actor,
        country: str,
        day: date,
        reference: ReferenceData,
        delegations: Sequence[DelegationOrder] = (),
    ) -> TravelDecision:
        """Who approves a trip by `traveller` ({position}, or {body} / {seat, body} for a förtroendevald)
        to `country` on `day`, with the cell, the basis and — for a delegation — the matter and its
        delegationsordning among `delegations` in force that day."""
        problems: list[str] = []
        zones = self.zones_of(country, day, reference)
        zone = zones[0] if zones else None
        if zone is None:
            problems.append(f"Landkoden {country} hör inte till någon zon i {self.meta.title} den {day.isoformat()}.")
        elif len(zones) > 1:
            problems.append(f"Landkoden {country} ligger i flera zoner ({', '.join(z.name for z in zones)}); den första används.")

        category = None
        who = traveller_label(org, traveller)
        if traveller.kind == "position":
            found = self.categories_of_position(org, traveller.id)
        elif traveller.kind in ("body", "seat"):
            found = self.categories_of_body(body_of_actor(traveller) or "")
        else:
            found = []
        if len(found) == 1:
            category = found[0]
        elif not found:
            problems.append(f"{who} hör inte till någon resenärskategori.")
        else:
            problems.append(f"{who} hör till flera resenärskategorier ({', '.join(c.name for c in found)}).")

        approval = self.approval_for(category.id, zone.id) if category and zone else None
        if category and zone and approval is None:
            problems.append(f"Beslutstabellen saknar en cell för {category.name} och {zone.name}.")
        if approval is None:
            return TravelDecision(traveller, country, day, zone, category, None, None, None, None, False, None, None,
                                  " ".join(problems), tuple(problems))

        named: Actor | None = approval.approver
        approver: Actor | None
        own_trip = False
        if traveller.kind == "position":
            resolved = self.resolve_for_position(org, approval, traveller.id)
            named, approver, own_trip = resolved.named, resolved.actor, resolved.own_trip
            if approver is None:
                problems.append(f"{org.label(approval.approver)} finns inte för {who} (ingen chef ovanför i linjeorganisationen).")
            elif not resolved.allowed:
                problems.append(f"{org.label(approver)} står inte ovanför {who} i linjeorganisationen.")
        else:
            approver = approval.approver
            if traveller.kind == "seat" and same_seat_holder(org, traveller, approval.approver):
                if approval.own_trip_approver is not None:
                    own_trip, named, approver = True, approval.own_trip_approver, approval.own_trip_approver
                else:
                    problems.append(f"{who} godkänner resor i kategorin men reser själv, och cellen anger ingen som beslutar då.")

        matter, order = None, None
        if approval.basis == "delegation" and approval.matter:
            for candidate in delegations:
                if candidate.meta.in_force_on(day):
                    matter = candidate.matter(approval.matter)
                    if matter is not None:
                        order = candidate
                        break
            if matter is None:
                problems.append(f"Ärende {approval.matter} finns inte i någon delegationsordning som gäller {day.isoformat()}.")

        explanation = self._explain(org, traveller, country, day, zone, category, approval, named, approver, own_trip, matter, order)
        if problems:
            explanation += " Observera: " + " ".join(problems)
        return TravelDecision(traveller, country, day, zone, category, approval, approver, named, approval.basis, own_trip,
                              matter, order, explanation, tuple(problems))

    def _explain(
        self,
        org: Organisation,
        traveller: Actor,
        country: str,
        day: date,
        zone: Zone | None,
        category: TravellerCategory | None,
        approval: Approval,
        named: Actor | None,
        approver: Actor | None,
        own_trip: bool,
        matter: Matter | None,
        order: DelegationOrder | None,
    ) -> str:
        who = traveller_label(org, traveller)
        parts = [
            f"Resa för {who} till {country} ({zone.name if zone else 'okänd zon'}) den {day.isoformat()}:",
            f"kategorin {category.name if category else '?'}, cell {approval.id} i {self.meta.title}.",
        ]
        if approver is not None and named is not None:
            resolved = org.label(approver)
            if named.kind == "relative":
                parts.append(f"Godkänns av {org.label(named).lower()}, för {who} {resolved}.")
            else:
                parts.append(f"Godkänns av {resolved}.")
        if own_trip:
            parts.append(f"Den som annars godkänner ({org.label(approval.approver)}) är själv resenären, så {org.label(named) if named else '?'} beslutar.")
        basis = BASIS_LABELS.get(approval.basis, approval.basis)
        if approval.basis == "delegation" and matter is not None and order is not None:
            parts.append(f"Grund: delegation, ärende {matter.number} {matter.title} i {order.meta.title} version {order.meta.version} ({order.file}).")
        elif approval.basis == "delegation":
            parts.append(f"Grund: delegation, ärende {approval.matter}.")
        elif approval.basis == "regulation" and approval.regulation is not None:
            parts.append(f"Grund: {basis} ({approval.regulation.label()}).")
        elif approval.basis == "line_management":
            parts.append("Grund: arbetsledning (ren verkställighet, ingen delegation).")
        else:
            parts.append(f"Grund: {basis}.")
        return " ".join(parts)


# -- building ---------------------------------------------------------------------------------------
def _actor(data: dict[str, str] | None, source: SourceRef) -> Actor | None:
    return Actor.parse(data, source) if data is not None else None


def build_travel_policy(document: Any) -> TravelPolicy:
    raw = document.data
    root = SourceRef(document, ())
    zones = []
    for i, z in enumerate(raw["zones"]):
        src = root.at("zones", i)
        zones.append(Zone(z["id"], z["name"], z.get("description"), CountrySet.parse(z.get("include"), src.at("include")),
                          CountrySet.parse(z.get("exclude"), src.at("exclude")), bool(z.get("rest", False)), src))
    categories = []
    for i, c in enumerate(raw["traveller_categories"]):
        categories.append(TravellerCategory(c["id"], c["name"], c["kind"], tuple(c.get("levels", ())), tuple(c.get("positions", ())),
                                            tuple(c.get("bodies", ())), c.get("description"), root.at("traveller_categories", i)))
    approvals = []
    for i, a in enumerate(raw["approvals"]):
        src = root.at("approvals", i)
        approvals.append(
            Approval(
                id=a["id"],
                category=a["category"],
                zone=a["zone"],
                approver=Actor.parse(a["approver"], src.at("approver")),
                basis=a["basis"],
                matter=a.get("matter"),
                regulation=LegalRef.parse(a["regulation"], src.at("regulation")) if "regulation" in a else None,
                own_trip_approver=_actor(a.get("own_trip_approver"), src.at("own_trip_approver")),
                note=a.get("note"),
                source=src,
            )
        )
    r = raw["rules"]
    rs = root.at("rules")
    climate = r["climate"]
    follow = r.get("follow_up")
    rules = TravelRules(
        purpose=PurposeRule(r["purpose"]["id"], r["purpose"]["required"], r["purpose"].get("stated_in"), r["purpose"]["text"], rs.at("purpose")),
        meetings=MeetingsRule(r["meetings"]["id"], r["meetings"]["digital_first"], r["meetings"]["text"], rs.at("meetings")),
        climate=ClimateRule(climate["id"], climate.get("train_below_km"), climate.get("train_below_hours"),
                            _actor(climate.get("exceptions_decided_by"), rs.at("climate", "exceptions_decided_by")), climate["text"], rs.at("climate")),
        booking=BookingRule(r["booking"]["id"], r["booking"]["via_procured_agency"], r["booking"]["after_approval"], r["booking"]["text"], rs.at("booking")),
        costs=tuple(
            CostRule(c["id"], c["title"], Amount.parse(c["limit"], rs.at("costs", i, "limit")) if "limit" in c else None, c["text"], rs.at("costs", i))
            for i, c in enumerate(r["costs"])
        ),
        follow_up=FollowUpRule(follow["id"], Actor.parse(follow["reported_to"], rs.at("follow_up", "reported_to")), follow["interval"],
                               follow["text"], rs.at("follow_up")) if follow else None,
        other=tuple(OtherRule(o["id"], o["text"], rs.at("other", i)) for i, o in enumerate(r.get("other", ()))),
        outside_eu_ees=OutsideEuEesRule(
            r["outside_eu_ees"]["id"], frozenset(r["outside_eu_ees"]["employee_approver_levels"]), r["outside_eu_ees"]["text"], rs.at("outside_eu_ees")
        ) if "outside_eu_ees" in r else None,
        source=rs,
    )
    scope = raw["scope"]
    return TravelPolicy(
        meta=DocumentMeta.parse(raw["document"], root.at("document")),
        scope_employees=scope["employees"],
        scope_elected=scope["elected"],
        scope_text=scope["text"],
        zones=zones,
        categories=categories,
        approvals=approvals,
        rules=rules,
        legal_basis=tuple(LegalRef.parse(ref, root.at("legal_basis", i)) for i, ref in enumerate(raw.get("legal_basis", ()))),
        source=root,
    )


def build(model: Model, documents: list[SourceDocument]) -> None:
    """The kind's model builder (registered in generators/kinds/travel.py): every version, in file order."""
    model.kind_data["travel"] = [build_travel_policy(document) for document in documents]


def travel_policy_on(model: Model, day: date) -> TravelPolicy | None:
    """The version of the travel policy in force on `day` (the latest start if several claim it)."""
    return version_in_force(model.travel, day)


def decide_trip(model: Model, traveller: Actor, country: str, day: date) -> TravelDecision | None:
    """`approver_for` on the policy in force on `day`, or None when no travel policy is in force."""
    policy = travel_policy_on(model, day)
    if policy is None or model.organisation is None:
        return None
    return policy.approver_for(model.organisation, traveller, country, day, model.reference, model.delegations)


def traveller_label(org: Organisation, traveller: Actor) -> str:
    """'Socialsekreterare barn och unga', 'förtroendevald i socialnämnden', 'Ordförande i styrelsen'."""
    if traveller.kind == "body" and traveller.id in org.bodies:
        return f"förtroendevald i {in_running_text(org.bodies[traveller.id].name)}"
    return org.label(traveller) if org.exists(traveller) else traveller.id


def level_label(level: str) -> str:
    return LEVEL_LABELS.get(level, level)


def join_names(names: Iterable[str], limit: int = 8) -> str:
    """'A, B och C'; long lists end with 'och N till'."""
    items = list(names)
    if len(items) > limit:
        shown, rest = items[:limit], len(items) - limit
        return ", ".join(shown) + f" och {rest} till"
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " och " + items[-1]


def chain_text(org: Organisation, position_id: str) -> str:
    """'HR-direktör → Direktör → styrelsen': the line of command from a position upward."""
    chain = [position_id, *org.superiors(position_id)]
    labels = [org.positions[p].title if p in org.positions else p for p in chain]
    top = org.top_body(position_id)
    if top is not None and top in org.bodies:
        labels.append(in_running_text(org.bodies[top].name))
    return " → ".join(labels)
