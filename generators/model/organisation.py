"""The organisation: bodies, förvaltningar, positions (the line of command), role types, externals."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from generators.loading.collector import collector_paused
from generators.model.common import Actor, DocumentMeta, SourceRef
from generators.wording.labels import LabelSet
from generators.wording.organisation import OrganisationWords, words_for_kind
from generators.wording.swedish import definite, lower_first

if TYPE_CHECKING:
    from generators.loading.documents import SourceDocument
    from generators.model import Model

SEAT_LABELS = LabelSet("seat")  # schemas/common.schema.json
# The seat in running text, definite: "ordföranden i socialnämnden", "ledamoten i revisionen".
SEAT_DEFINITE = {
    "ordforande": "ordföranden",
    "forste_vice_ordforande": "förste vice ordföranden",
    "andre_vice_ordforande": "andre vice ordföranden",
    "vice_ordforande": "vice ordföranden",
    "ledamot": "ledamoten",
    "ersattare": "ersättaren",
}
RELATIVE_LABELS = LabelSet("relative")  # schemas/common.schema.json
LEVEL_LABELS = LabelSet("position_level")  # schemas/organisation.schema.json
# The political body kinds: their members are förtroendevalda, not employees.
POLITICAL_BODY_KINDS = frozenset({"fullmaktige", "direktion", "styrelse", "namnd", "gemensam_namnd", "utskott", "presidium", "krisledningsnamnd"})


@dataclass(frozen=True, slots=True)
class Body:
    id: str
    name: str
    kind: str
    parent: str | None
    administration: str | None
    adopts: tuple[str, ...]
    seats: dict[str, int]
    description: str | None
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Administration:
    id: str
    name: str
    serves: tuple[str, ...]
    head: str
    units: dict[str, str]
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Position:
    id: str
    title: str
    level: str
    administration: str
    unit: str | None
    reports_to: Actor
    description: str | None
    source: SourceRef


@dataclass(frozen=True, slots=True)
class RoleType:
    id: str
    title: str
    levels: tuple[str, ...]
    administration: str | None
    members: tuple[str, ...]
    source: SourceRef


@dataclass(frozen=True, slots=True)
class External:
    id: str
    name: str
    kind: str
    description: str | None
    source: SourceRef


@dataclass
class Organisation:
    meta: DocumentMeta
    municipality: dict[str, Any]
    bodies: dict[str, Body]
    administrations: dict[str, Administration]
    positions: dict[str, Position]
    role_types: dict[str, RoleType]
    externals: dict[str, External]
    source: SourceRef
    # Entities whose id was declared twice: (kind, id, the second declaration).
    duplicates: list[tuple[str, str, SourceRef]] = field(default_factory=list)
    # How the site publishes the documents (`publication:`): site title, accessibility statement.
    publication: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def words(self) -> OrganisationWords:
        """What generated text calls this organisation: its kind's words, its own body names and
        direktör's title where it has them (a direktion counts as fullmäktige and styrelse)."""
        base = words_for_kind(str(self.municipality.get("kind", "kommun")), str(self.municipality.get("name", "")))
        direktion = next((b for b in self.bodies.values() if b.kind == "direktion"), None)
        fullmaktige = direktion or next((b for b in self.bodies.values() if b.kind == "fullmaktige"), None)
        styrelse = direktion or next((b for b in self.bodies.values() if b.kind == "styrelse"), None)
        direktor = base.direktor
        if styrelse is not None:
            position = self.positions.get(self.head_of_body(styrelse.id) or "")
            if position is not None and position.level == "direktor":
                direktor = definite(position.title)
        return OrganisationWords(
            base.kind, base.name, base.noun, base.definite, base.genitive,
            lower_first(fullmaktige.name) if fullmaktige is not None else base.fullmaktige,
            lower_first(styrelse.name) if styrelse is not None else base.styrelse,
            direktor,
        )

    # -- the line of command --------------------------------------------------------------
    def superior(self, position_id: str) -> str | None:
        """The position directly above, or None at the top (the direktör answers to a body)."""
        position = self.positions.get(position_id)
        if position is None or position.reports_to.kind != "position":
            return None
        return position.reports_to.id

    def superiors(self, position_id: str) -> list[str]:
        """Every position above, nearest first. Stops at a cycle (reported by its own check)."""
        chain: list[str] = []
        seen = {position_id}
        current = self.superior(position_id)
        while current is not None and current not in seen:
            chain.append(current)
            seen.add(current)
            current = self.superior(current)
        return chain

    def is_above(self, upper: str, lower: str) -> bool:
        """True when `upper` stands strictly above `lower` in the line of command."""
        return upper in self._superior_sets.get(lower, frozenset())

    @cached_property
    def _superior_sets(self) -> dict[str, frozenset[str]]:
        return {pid: frozenset(self.superiors(pid)) for pid in self.positions}

    @cached_property
    def subordinates(self) -> dict[str, frozenset[str]]:
        """Every position below each position (all levels)."""
        below: dict[str, set[str]] = {pid: set() for pid in self.positions}
        for pid, uppers in self._superior_sets.items():
            for upper in uppers:
                below.setdefault(upper, set()).add(pid)
        return {pid: frozenset(ids) for pid, ids in below.items()}

    def top_body(self, position_id: str) -> str | None:
        """The body the top of this position's chain answers to (normally the kommunstyrelse)."""
        chain = [position_id, *self.superiors(position_id)]
        top = self.positions.get(chain[-1])
        return top.reports_to.id if top and top.reports_to.kind == "body" else None

    # -- bodies and förvaltningar ---------------------------------------------------------
    def administration_of_body(self, body_id: str) -> str | None:
        """The förvaltning that serves a body (an utskott or presidium: its parent's)."""
        body = self.bodies.get(body_id)
        if body is None:
            return None
        if body.administration:
            return body.administration
        for administration in self.administrations.values():
            if body_id in administration.serves:
                return administration.id
        return self.administration_of_body(body.parent) if body.parent else None

    def head_of_body(self, body_id: str) -> str | None:
        """The förvaltningschef of a body's own area (for the styrelse: the direktör)."""
        administration = self.administrations.get(self.administration_of_body(body_id) or "")
        return administration.head if administration else None

    def administrations_of_body(self, body_id: str) -> list[str]:
        """Every förvaltning within a body's area: its own, and every one that serves it (a styrelse
        or nämnd with several förvaltningar has several förvaltningschefer, KL 7 kap. 6 §)."""
        own = self.administration_of_body(body_id)
        family = {body_id}
        body = self.bodies.get(body_id)
        if body is not None and body.parent and body.kind in ("utskott", "presidium"):
            family.add(body.parent)
        serving = [a.id for a in self.administrations.values() if family & set(a.serves)]
        return ([own] if own else []) + [a for a in serving if a != own]

    def heads_of_body(self, body_id: str) -> list[str]:
        """The förvaltningschefer within a body's area, the own förvaltning's head first."""
        heads: list[str] = []
        for administration_id in self.administrations_of_body(body_id):
            administration = self.administrations.get(administration_id)
            if administration is not None and administration.head not in heads:
                heads.append(administration.head)
        return heads

    def body_family(self, body_id: str) -> set[str]:
        """A body and its utskott and presidium."""
        return {body_id} | {b.id for b in self.bodies.values() if b.parent == body_id and b.kind in ("utskott", "presidium")}

    # -- role types -----------------------------------------------------------------------
    def positions_of_role_type(self, role_type_id: str) -> list[str]:
        role_type = self.role_types.get(role_type_id)
        if role_type is None:
            return []
        if role_type.members:
            return list(role_type.members)
        return [
            p.id
            for p in self.positions.values()
            if p.level in role_type.levels and (role_type.administration is None or p.administration == role_type.administration)
        ]

    def holds_role_type(self, position_id: str, role_type_id: str) -> bool:
        """Whether a position is one of a role type's positions (`positions_of_role_type`, without the list)."""
        role_type = self.role_types.get(role_type_id)
        if role_type is None:
            return False
        if role_type.members:
            return position_id in role_type.members
        position = self.positions.get(position_id)
        return position is not None and position.level in role_type.levels and (
            role_type.administration is None or position.administration == role_type.administration
        )

    def positions_of(self, actor: Actor) -> list[str]:
        """The positions an actor stands for (a position, or each position of a role type)."""
        if actor.kind == "position":
            return [actor.id] if actor.id in self.positions else []
        if actor.kind == "role_type":
            return self.positions_of_role_type(actor.id)
        return []

    # -- references -----------------------------------------------------------------------
    def exists(self, actor: Actor) -> bool:
        """Does the actor refer to something declared? (Relative actors are resolved per person.)"""
        if actor.kind == "position":
            return actor.id in self.positions
        if actor.kind == "role_type":
            return actor.id in self.role_types
        if actor.kind == "body":
            return actor.id in self.bodies
        if actor.kind == "seat":
            body = self.bodies.get(actor.body or "")
            return body is not None and body.seats.get(actor.id, 0) > 0
        if actor.kind == "external":
            return actor.id in self.externals
        return actor.kind == "relative"

    def missing_reason(self, actor: Actor) -> str:
        """Why `exists(actor)` is false, in Swedish."""
        labels = {"position": "befattningen", "role_type": "rolltypen", "body": "organet", "external": "den externa parten"}
        if actor.kind == "seat":
            if (actor.body or "") not in self.bodies:
                return f"organet '{actor.body}' finns inte i organisationen"
            return f"{self.bodies[actor.body or ''].name} har ingen post '{SEAT_LABELS.get(actor.id, actor.id)}'"
        return f"{labels.get(actor.kind, actor.kind)} '{actor.id}' finns inte i organisationen"

    def is_employee(self, actor: Actor) -> bool:
        return actor.kind in ("position", "role_type", "relative")

    def is_political(self, actor: Actor) -> bool:
        if actor.kind == "seat":
            return True
        if actor.kind == "body":
            body = self.bodies.get(actor.id)
            return body is not None and body.kind in POLITICAL_BODY_KINDS
        return False

    def label(self, actor: Actor) -> str:
        """How a staff member would name the actor, in Swedish."""
        if actor.kind == "position":
            position = self.positions.get(actor.id)
            return position.title if position else actor.id
        if actor.kind == "role_type":
            role_type = self.role_types.get(actor.id)
            return role_type.title if role_type else actor.id
        if actor.kind == "body":
            body = self.bodies.get(actor.id)
            return body.name if body else actor.id
        if actor.kind == "seat":
            body = self.bodies.get(actor.body or "")
            seat = SEAT_LABELS.get(actor.id, actor.id)
            return f"{seat.capitalize()} i {in_running_text(body.name) if body else actor.body}"
        if actor.kind == "relative":
            return RELATIVE_LABELS.get(actor.id, actor.id).capitalize()
        external = self.externals.get(actor.id)
        return external.name if external else actor.id

    def running_label(self, actor: Actor) -> str:
        """The actor inside a sentence, definite where Swedish wants it: "direktören",
        "ordföranden i socialnämnden", "socialnämndens arbetsutskott" (bodies are named definite)."""
        if actor.kind == "position":
            return definite(self.label(actor))
        if actor.kind == "seat":
            body = self.bodies.get(actor.body or "")
            seat = SEAT_DEFINITE.get(actor.id, actor.id)
            return f"{seat} i {lower_first(body.name)}" if body else seat
        if actor.kind == "external":
            return self.label(actor)  # a proper name ("Lindsjö kommun"), kept as written
        return lower_first(self.label(actor))


def in_running_text(name: str) -> str:
    """'Socialnämnden' → 'socialnämnden' in running text (bodies are named in definite form)."""
    return lower_first(name)


def build_organisation(document: Any) -> Organisation:
    with collector_paused():  # a large acyclic structure: see generators/loading/collector.py
        return _build_organisation(document)


def _build_organisation(document: Any) -> Organisation:
    raw = document.data
    root = SourceRef(document, ())
    org = Organisation(
        meta=DocumentMeta.parse(raw["document"], root.at("document")),
        municipality=raw["municipality"],
        bodies={},
        administrations={},
        positions={},
        role_types={},
        externals={},
        source=root,
        publication=dict(raw.get("publication") or {}),
    )

    def add(kind: str, table: dict[str, Any], entity: Any) -> None:
        if entity.id in table:
            org.duplicates.append((kind, entity.id, entity.source))
        else:
            table[entity.id] = entity

    for i, b in enumerate(raw["bodies"]):
        src = root.at("bodies", i)
        add("body", org.bodies, Body(b["id"], b["name"], b["kind"], b.get("parent"), b.get("administration"),
                                     tuple(b.get("adopts", ())), dict(b["seats"]), b.get("description"), src))
    for i, a in enumerate(raw["administrations"]):
        src = root.at("administrations", i)
        units = {u["id"]: u["name"] for u in a.get("units", ())}
        add("administration", org.administrations, Administration(a["id"], a["name"], tuple(a["serves"]), a["head"], units, src))
    for i, p in enumerate(raw["positions"]):
        src = root.at("positions", i)
        add("position", org.positions, Position(p["id"], p["title"], p["level"], p["administration"], p.get("unit"),
                                                Actor.parse(p["reports_to"], src.at("reports_to")), p.get("description"), src))
    for i, r in enumerate(raw.get("role_types", ())):
        src = root.at("role_types", i)
        add("role_type", org.role_types, RoleType(r["id"], r["title"], tuple(r.get("levels", ())), r.get("administration"),
                                                  tuple(r.get("members", ())), src))
    for i, e in enumerate(raw.get("externals", ())):
        src = root.at("externals", i)
        add("external", org.externals, External(e["id"], e["name"], e["kind"], e.get("description"), src))
    return org


def build(model: Model, documents: list[SourceDocument]) -> None:
    """The kind's model builder (registered in generators/kinds/organisation.py): the organisation, from its first file."""
    model.kind_data["organisation"] = build_organisation(documents[0]) if documents else None
