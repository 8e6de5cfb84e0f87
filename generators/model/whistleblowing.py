"""The reglemente för visselblåsning (lag 2021:890): channels, functions, routing, deadlines, retention.

Routing answers "who handles a report that concerns X". The most specific route wins: a route for the
position, then one for the position's unit, then one for a role type the position has, then the
default route. Categories that are not positions (förtroendevalda, revisorer, leverantörer och
konsulter, an unknown person), external parties and the function itself have routes of their own.

Independence is computed on the organisation graph, never read from a flag: a handler is conflicted
for a report about themselves or about anyone above them in the line of command. A group (a
function) steps its conflicted members aside and passes when the quorum the regulation sets remains.
The checks, the JSON rules and the site all use the queries here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from generators.model.common import Actor, DocumentMeta, LegalRef, SourceRef, version_in_force
from generators.model.organisation import Organisation, in_running_text
from generators.wording.labels import LabelSet

if TYPE_CHECKING:
    from generators.loading.documents import SourceDocument
    from generators.model import Model
    from generators.model.reference import ReferenceData

# Reference series with the law's limits (ids of files under policies/reference/).
RECEIPT_SERIES = "visselblasning-bekraftelse"
FEEDBACK_SERIES = "visselblasning-aterkoppling"
RETENTION_SERIES = "visselblasning-personuppgifter"
WORKERS_SERIES = "visselblasning-arbetstagargrans"

# Concerned categories that are not positions (the schema's enum), with their Swedish names.
CATEGORY_LABELS = LabelSet("concerned_category")  # schemas/whistleblowing.schema.json
FORM_LABELS = LabelSet("channel_form")  # schemas/whistleblowing.schema.json
ARRANGEMENT_LABELS = LabelSet("channel_arrangement")  # schemas/whistleblowing.schema.json
FEEDBACK_COUNTED_FROM_LABELS = LabelSet("feedback_counted_from")  # schemas/whistleblowing.schema.json
RETENTION_COUNTED_FROM_LABELS = LabelSet("retention_counted_from")  # schemas/whistleblowing.schema.json
EXCEPTION_LABELS = LabelSet("receipt_exception")  # schemas/whistleblowing.schema.json
# Precedence: a lower number is more specific.
PRECEDENCE = {"position": 0, "unit": 1, "role_type": 2, "default": 3}
ConcernsKind = Literal["position", "unit", "role_type", "category", "external", "function", "default"]


@dataclass(frozen=True, slots=True)
class Handler:
    """Who handles (or receives a hand-over): a whistleblowing function or an actor."""

    function: str | None
    actor: Actor | None
    source: SourceRef

    @classmethod
    def parse(cls, data: dict[str, str], source: SourceRef) -> Handler:
        if "function" in data:
            return cls(data["function"], None, source)
        return cls(None, Actor.parse(data, source), source)

    @property
    def key(self) -> str:
        return f"function:{self.function}" if self.function is not None else (self.actor.key if self.actor else "?")

    def same_as(self, other: Handler) -> bool:
        return self.key == other.key


@dataclass(frozen=True, slots=True)
class Concerned:
    """Whom a report concerns, for a lookup: a position, a category, an external party or a function."""

    kind: Literal["position", "category", "external", "function"]
    id: str


@dataclass(frozen=True, slots=True)
class Concerns:
    kind: ConcernsKind
    value: str | None  # None for the default route
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Route:
    id: str
    concerns: Concerns
    handler: Handler
    handover_to: Handler | None
    note: str | None
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Function:
    id: str
    name: str
    members: tuple[Actor, ...]
    quorum: int
    fallback: Handler
    independence: str
    conflict_of_interest: str
    may_engage: str | None
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Channel:
    id: str
    name: str
    form: str
    arrangement: str
    operated_by: Actor
    shared_with: tuple[Actor, ...]
    url: str | None
    phone: str | None
    email: str | None
    within_days: int | None
    text: str
    source: SourceRef
    # The regulation's choice (lag 2021:890 does not require anonymous reports); None: not stated.
    anonymous: bool | None = None


@dataclass(frozen=True, slots=True)
class Authority:
    id: str
    name: str
    area: str
    url: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class ExternalChannels:
    text: str
    authorities: tuple[Authority, ...]
    full_list: str | None
    source: SourceRef


@dataclass(frozen=True, slots=True)
class ReceiptException:
    id: str
    kind: str
    text: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class ReceiptConfirmation:
    id: str
    days: int
    reference: str
    exceptions: tuple[ReceiptException, ...]
    text: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Feedback:
    id: str
    months: int
    counted_from: str
    reference: str
    text: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Retention:
    years: int
    counted_from: str
    reference: str
    text: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class PersonalData:
    id: str
    controller: Actor
    retention: Retention
    text: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Archiving:
    id: str
    legal_basis: tuple[LegalRef, ...]
    text: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Confidentiality:
    id: str
    protects: str
    legal_basis: LegalRef
    text: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Cooperation:
    id: str
    with_actor: Actor
    text: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class FollowUp:
    id: str
    reported_to: Actor
    interval: str
    text: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Reporter:
    id: str
    category: str
    text: str
    source: SourceRef


# -- independence, computed ---------------------------------------------------------------------
@dataclass(frozen=True)
class Assessment:
    """Can `handler` handle a report concerning `concerned`? Conflicted members step aside (jäv)."""

    concerned: Concerned
    handler: Handler
    members: tuple[str, ...]  # the handler's positions (a function's members; a position itself)
    conflicted: dict[str, str]  # position → "self" | "subordinate"
    identity_conflict: str | None  # why a non-position handler is conflicted (it is the concerned party)
    quorum: int
    same_unit: tuple[str, ...]  # remaining members from the concerned person's own unit

    @property
    def remaining(self) -> tuple[str, ...]:
        return tuple(m for m in self.members if m not in self.conflicted)

    @property
    def passes(self) -> bool:
        if self.identity_conflict is not None:
            return False
        if not self.members:
            return True
        return len(self.remaining) >= self.quorum


@dataclass
class WhistleblowingRegulation:
    meta: DocumentMeta
    scope_municipality: bool
    scope_text: str
    legal_basis: tuple[LegalRef, ...]
    reportable: str
    reporters: tuple[Reporter, ...]
    intake_receiver: Actor
    intake_text: str
    channels: list[Channel]
    external_channels: ExternalChannels
    functions: list[Function]
    routes: list[Route]
    several_concerned: str
    receipt_confirmation: ReceiptConfirmation
    feedback: Feedback
    personal_data: PersonalData
    archiving: Archiving
    confidentiality: tuple[Confidentiality, ...]
    cooperation: tuple[Cooperation, ...]
    follow_up: FollowUp | None
    protection: str
    source: SourceRef
    # The route that applies to each position, per organisation: every check and table asks it for
    # every route and position, and the model is not changed after it is built.
    _applying: dict[int, tuple[Organisation, dict[str, Route | None]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @property
    def file(self) -> str:
        return self.source.file

    # -- functions and handlers ---------------------------------------------------------------------
    def function(self, function_id: str) -> Function | None:
        return next((f for f in self.functions if f.id == function_id), None)

    def function_positions(self, org: Organisation, function_id: str) -> list[str]:
        function = self.function(function_id)
        if function is None:
            return []
        seen: list[str] = []
        for member in function.members:
            for pid in org.positions_of(member):
                if pid not in seen:
                    seen.append(pid)
        return seen

    def handler_positions(self, org: Organisation, handler: Handler) -> set[str]:
        """The positions that act as the handler: a function's members, a position itself, a role
        type's positions. A body, a seat or an external party stands outside the line: none."""
        if handler.function is not None:
            return set(self.function_positions(org, handler.function))
        return set(org.positions_of(handler.actor)) if handler.actor is not None else set()

    def handler_label(self, org: Organisation, handler: Handler) -> str:
        if handler.function is not None:
            function = self.function(handler.function)
            return function.name if function else handler.function
        return org.label(handler.actor) if handler.actor is not None else "?"

    def handler_exists(self, org: Organisation, handler: Handler) -> bool:
        if handler.function is not None:
            return self.function(handler.function) is not None
        return handler.actor is not None and handler.actor.kind != "relative" and org.exists(handler.actor)

    # -- routing ------------------------------------------------------------------------------------
    def routes_for(self, org: Organisation, concerned: str | Concerned) -> list[Route]:
        """Every route that could apply, most specific first (one per level in a sound regulation)."""
        who = Concerned("position", concerned) if isinstance(concerned, str) else concerned
        if who.kind != "position":
            direct = [r for r in self.routes if r.concerns.kind == who.kind and r.concerns.value == who.id]
            return direct + [r for r in self.routes if r.concerns.kind == "default"]
        position = org.positions.get(who.id)
        found: list[tuple[int, int, Route]] = []
        for index, route in enumerate(self.routes):
            kind, value = route.concerns.kind, route.concerns.value
            if kind == "position" and value == who.id:
                found.append((PRECEDENCE["position"], index, route))
            elif kind == "unit" and position is not None and position.unit is not None and value == position.unit:
                found.append((PRECEDENCE["unit"], index, route))
            elif kind == "role_type" and org.holds_role_type(who.id, value or ""):
                found.append((PRECEDENCE["role_type"], index, route))
            elif kind == "default":
                found.append((PRECEDENCE["default"], index, route))
        return [route for _, _, route in sorted(found, key=lambda item: (item[0], item[1]))]

    def route_for(self, org: Organisation, concerned: str | Concerned) -> Route | None:
        """The route that applies to a report concerning a position id (or a category, an external
        party, a function): position > unit > role type > default. None when nothing covers it."""
        found = self.routes_for(org, concerned)
        return found[0] if found else None

    def concerned_positions(self, org: Organisation, route: Route) -> list[str]:
        """The positions a route actually decides for: those for which it is the route that applies
        (a unit or the default route leaves out positions a more specific route takes), and for a
        route about a function, its members."""
        if route.concerns.kind == "function":
            return self.function_positions(org, route.concerns.value or "")
        if route.concerns.kind in ("position", "unit", "role_type", "default"):
            return [pid for pid, applying in self._routes_by_position(org).items() if applying is route]
        return []

    def _routes_by_position(self, org: Organisation) -> dict[str, Route | None]:
        cached = self._applying.get(id(org))
        if cached is None or cached[0] is not org:
            cached = self._applying[id(org)] = (org, {pid: self.route_for(org, pid) for pid in org.positions})
        return cached[1]

    # -- independence ---------------------------------------------------------------------------------
    def assess(self, org: Organisation, handler: Handler, concerned: Concerned) -> Assessment:
        members: tuple[str, ...]
        if handler.function is not None:
            members = tuple(self.function_positions(org, handler.function))
            function = self.function(handler.function)
            quorum = function.quorum if function else 1
        else:
            members = tuple(sorted(self.handler_positions(org, handler)))
            quorum = len(members) or 1  # a position (or every position of a role type) must itself be free
        conflicted: dict[str, str] = {}
        same_unit: list[str] = []
        identity: str | None = None
        if concerned.kind == "position":
            for member in members:
                if member == concerned.id:
                    conflicted[member] = "self"
                elif org.is_above(concerned.id, member):
                    conflicted[member] = "subordinate"
            unit = org.positions[concerned.id].unit if concerned.id in org.positions else None
            same_unit = [m for m in members if m not in conflicted and unit is not None and org.positions[m].unit == unit]
        elif concerned.kind == "function":
            if handler.function == concerned.id:
                identity = "Funktionen kan inte handlägga en rapport om sig själv."
            function_members = set(self.function_positions(org, concerned.id))
            for member in members:
                if member in function_members:
                    conflicted[member] = "self"
                elif any(org.is_above(f, member) for f in function_members):
                    conflicted[member] = "subordinate"
        elif concerned.kind == "external":
            if handler.actor is not None and handler.actor.kind == "external" and handler.actor.id == concerned.id:
                identity = f"{org.label(handler.actor)} kan inte handlägga en rapport om sig själv."
        elif concerned.kind == "category":
            identity = self._category_conflict(org, handler, concerned.id, members)
        return Assessment(concerned, handler, members, conflicted, identity, quorum, tuple(same_unit))

    def _category_conflict(self, org: Organisation, handler: Handler, category: str, members: tuple[str, ...]) -> str | None:
        actor = handler.actor
        if category == "revisor" and actor is not None and (
            (actor.kind in ("body", "seat") and (org.bodies.get(actor.body or actor.id) is not None)
             and org.bodies[actor.body or actor.id].kind == "revision")
            or (actor.kind == "external" and actor.id in org.externals and org.externals[actor.id].kind == "revisionsbitrade")
        ):
            return "Revisorerna och deras sakkunniga biträde kan inte handlägga en rapport om revisorerna."
        # Employees (the organisation's own whistleblowing function, say) may follow up reports about
        # förtroendevalda: lag 2021:890 asks for independent and autonomous handlers and does not put
        # politicians outside their reach. The risk is pointed out by `elected_risk` (V612).
        if category == "fortroendevald" and actor is not None and actor.kind in ("body", "seat"):
            body = org.bodies.get(actor.body or actor.id)
            if body is not None and body.kind != "revision":
                return (f"{org.label(actor)} består av förtroendevalda; rapporten kan gälla organets egna ledamöter "
                        "eller deras kolleger. Rapporter om förtroendevalda handläggs av någon utanför de politiska organen, "
                        "t.ex. en extern mottagare eller revisorerna.")
        return None

    def elected_risk(self, org: Organisation, handler: Handler) -> str | None:
        """The risk when employees follow up a report about förtroendevalda, or None when they do not.

        Lawful (lag 2021:890, 5 kap., requires independence and autonomy, not a handler outside the
        line), but the employees answer, through the direktör, to the styrelse those förtroendevalda
        may sit in; the regulation should say how the function stays autonomous in such a case."""
        members = self.handler_positions(org, handler)
        if not members:
            return None
        words = org.words
        who = "består av anställda" if handler.function is not None or len(members) > 1 else "är anställd"
        return (f"{self.handler_label(org, handler)} {who} i linjen under {words.direktor}, som svarar inför {words.styrelse}. "
                "Lagen tillåter det, eftersom funktionen ska vara oberoende och självständig i sitt uppdrag, men de anställda står "
                "under de förtroendevalda rapporten kan gälla.")

    def routing_table(self, org: Organisation) -> list[tuple[str, Route | None]]:
        """(position id, the route that applies) for every position, in the organisation's order."""
        return [(pid, self.route_for(org, pid)) for pid in org.positions]

    def explain(self, org: Organisation, concerned: str | Concerned) -> str:
        """Who handles a report about `concerned`, and why, in Swedish."""
        who = Concerned("position", concerned) if isinstance(concerned, str) else concerned
        subject = concerned_label(org, self, who)
        route = self.route_for(org, who)
        if route is None:
            return f"Ingen regel i {self.meta.title} anger vem som handlägger en rapport om {subject}."
        text = (f"En rapport om {subject} handläggs enligt reglementets regel {route_text(org, self, route)} av "
                f"{self.handler_label(org, route.handler)}")
        if route.handover_to is not None:
            text += f", som lämnar sina slutsatser till {self.handler_label(org, route.handover_to)}"
        text += "."
        assessment = self.assess(org, route.handler, who)
        if assessment.conflicted:
            stepped = join_titles(org, assessment.conflicted)
            text += f" {stepped} deltar inte (jäv); {len(assessment.remaining)} av {len(assessment.members)} ledamöter återstår."
        if not assessment.passes:
            text += " Handläggaren är inte oberoende av den som rapporten gäller."
        return text

    # -- the law's limits ---------------------------------------------------------------------------
    def series_used(self) -> list[str]:
        return sorted({self.receipt_confirmation.reference, self.feedback.reference, self.personal_data.retention.reference})

    def check_dates(self, reference: ReferenceData) -> list[date]:
        return reference.split_points(self.series_used(), self.meta.valid_from, self.meta.valid_to)


def concerned_label(org: Organisation, regulation: WhistleblowingRegulation, who: Concerned) -> str:
    if who.kind == "position":
        position = org.positions.get(who.id)
        return position.title if position else who.id
    if who.kind == "category":
        return CATEGORY_LABELS.get(who.id, who.id)
    if who.kind == "external":
        external = org.externals.get(who.id)
        return external.name if external else who.id
    function = regulation.function(who.id)
    return in_running_text(function.name) if function else who.id


def route_text(org: Organisation, regulation: WhistleblowingRegulation, route: Route) -> str:
    """The route in the regulation's words, for staff (its id is for developers): 'för rolltypen
    Förvaltningschef', 'för befattningen Direktör', 'för alla andra' (the default route)."""
    concerns = route.concerns
    if concerns.kind == "default" or concerns.value is None:
        return "för alla andra"
    if concerns.kind == "position":
        return f"för befattningen {org.label(Actor('position', concerns.value))}"
    if concerns.kind == "role_type":
        return f"för rolltypen {org.label(Actor('role_type', concerns.value))}"
    if concerns.kind == "unit":
        names = [a.units[concerns.value] for a in org.administrations.values() if concerns.value in a.units]
        return f"för enheten {names[0] if names else concerns.value}"
    if concerns.kind == "category":
        return f"för {CATEGORY_LABELS.get(concerns.value, concerns.value)}"
    if concerns.kind == "external":
        external = org.externals.get(concerns.value)
        return f"för {external.name if external else concerns.value}"
    return f"för {concerned_label(org, regulation, Concerned(concerns.kind, concerns.value))}"


def route_level_label(route: Route) -> str:
    kind = route.concerns.kind
    return {
        "position": "befattning",
        "unit": "enhet",
        "role_type": "rolltyp",
        "category": "kategori",
        "external": "extern part",
        "function": "funktionen",
        "default": "standardregeln",
    }.get(kind, kind)


def join_titles(org: Organisation, positions: Any) -> str:
    titles = [org.positions[p].title if p in org.positions else p for p in positions]
    if len(titles) <= 1:
        return "".join(titles)
    return ", ".join(titles[:-1]) + " och " + titles[-1]


# -- building ---------------------------------------------------------------------------------------
def _handler(data: dict[str, str] | None, source: SourceRef) -> Handler | None:
    return Handler.parse(data, source) if data is not None else None


def build_whistleblowing_regulation(document: Any) -> WhistleblowingRegulation:
    raw = document.data
    root = SourceRef(document, ())
    channels = []
    for i, c in enumerate(raw["channels"]):
        src = root.at("channels", i)
        channels.append(Channel(
            c["id"], c["name"], c["form"], c["arrangement"], Actor.parse(c["operated_by"], src.at("operated_by")),
            tuple(Actor.parse(a, src.at("shared_with", j)) for j, a in enumerate(c.get("shared_with", ()))),
            c.get("url"), c.get("phone"), c.get("email"), c.get("within_days"), c["text"], src, c.get("anonymous"),
        ))
    ext = raw["external_channels"]
    ext_src = root.at("external_channels")
    external = ExternalChannels(
        ext["text"],
        tuple(Authority(a["id"], a["name"], a["area"], a["url"], ext_src.at("authorities", i)) for i, a in enumerate(ext["authorities"])),
        ext.get("full_list"),
        ext_src,
    )
    functions = []
    for i, f in enumerate(raw["functions"]):
        src = root.at("functions", i)
        functions.append(Function(
            f["id"], f["name"], tuple(Actor.parse(m, src.at("members", j)) for j, m in enumerate(f["members"])), f["quorum"],
            Handler.parse(f["fallback"], src.at("fallback")), f["independence"], f["conflict_of_interest"], f.get("may_engage"), src,
        ))
    routes = []
    for i, r in enumerate(raw["routing"]["routes"]):
        src = root.at("routing", "routes", i)
        ((kind, value),) = r["concerns"].items()
        routes.append(Route(
            r["id"], Concerns(kind, None if kind == "default" else value, src.at("concerns")),
            Handler.parse(r["handler"], src.at("handler")), _handler(r.get("handover_to"), src.at("handover_to")), r.get("note"), src,
        ))
    deadlines = raw["deadlines"]
    d_src = root.at("deadlines")
    rc = deadlines["receipt_confirmation"]
    rc_src = d_src.at("receipt_confirmation")
    receipt = ReceiptConfirmation(
        rc["id"], rc["days"], rc["reference"],
        tuple(ReceiptException(e["id"], e["kind"], e["text"], rc_src.at("exceptions", i)) for i, e in enumerate(rc["exceptions"])),
        rc["text"], rc_src,
    )
    fb = deadlines["feedback"]
    feedback = Feedback(fb["id"], fb["months"], fb["counted_from"], fb["reference"], fb["text"], d_src.at("feedback"))
    pd = raw["personal_data"]
    pd_src = root.at("personal_data")
    ret = pd["retention"]
    personal = PersonalData(
        pd["id"], Actor.parse(pd["controller"], pd_src.at("controller")),
        Retention(ret["years"], ret["counted_from"], ret["reference"], ret["text"], pd_src.at("retention")), pd["text"], pd_src,
    )
    arch = raw["archiving"]
    archiving = Archiving(arch["id"], tuple(LegalRef.parse(x, root.at("archiving", "legal_basis", i)) for i, x in enumerate(arch["legal_basis"])),
                          arch["text"], root.at("archiving"))
    follow = raw.get("follow_up")
    return WhistleblowingRegulation(
        meta=DocumentMeta.parse(raw["document"], root.at("document")),
        scope_municipality=raw["scope"]["municipality"],
        scope_text=raw["scope"]["text"],
        legal_basis=tuple(LegalRef.parse(x, root.at("legal_basis", i)) for i, x in enumerate(raw["legal_basis"])),
        reportable=raw["reportable"],
        reporters=tuple(Reporter(r["id"], r["category"], r["text"], root.at("reporters", i)) for i, r in enumerate(raw["reporters"])),
        intake_receiver=Actor.parse(raw["intake"]["receiver"], root.at("intake", "receiver")),
        intake_text=raw["intake"]["text"],
        channels=channels,
        external_channels=external,
        functions=functions,
        routes=routes,
        several_concerned=raw["routing"]["several_concerned"],
        receipt_confirmation=receipt,
        feedback=feedback,
        personal_data=personal,
        archiving=archiving,
        confidentiality=tuple(
            Confidentiality(c["id"], c["protects"], LegalRef.parse(c["legal_basis"], root.at("confidentiality", i, "legal_basis")), c["text"],
                            root.at("confidentiality", i))
            for i, c in enumerate(raw["confidentiality"])
        ),
        cooperation=tuple(
            Cooperation(c["id"], Actor.parse(c["with"], root.at("cooperation", i, "with")), c["text"], root.at("cooperation", i))
            for i, c in enumerate(raw.get("cooperation", ()))
        ),
        follow_up=FollowUp(follow["id"], Actor.parse(follow["reported_to"], root.at("follow_up", "reported_to")), follow["interval"],
                           follow["text"], root.at("follow_up")) if follow else None,
        protection=raw["protection"],
        source=root,
    )


def build(model: Model, documents: list[SourceDocument]) -> None:
    """The kind's model builder (registered in generators/kinds/whistleblowing.py): every version, in file order."""
    model.kind_data["whistleblowing"] = [build_whistleblowing_regulation(document) for document in documents]


def regulation_on(model: Model, day: date) -> WhistleblowingRegulation | None:
    """The version of the regulation in force on `day` (the latest start if several claim it)."""
    return version_in_force(model.whistleblowing, day)


def workers_at_start_of(org: Organisation, year: int) -> tuple[int, str] | None:
    """The organisation's count of workers at the start of `year`, with its source, if recorded."""
    for entry in org.municipality.get("workers", ()):
        if entry.get("year") == year:
            return int(entry["count"]), str(entry.get("source", ""))
    return None
