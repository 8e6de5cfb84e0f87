"""Role pages: one per position, role type, body, external party (and relative actor with entries).

"Regiondirektör: vad rollen beslutar, godkänner och hanterar" – assembled from the role-page registry
(`generators.outputs.site.roles`), which every document kind contributes to. The registry is built
once per build; each page then only looks up its own entries, so the work is linear in the model.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generators.model.common import Actor
from generators.model.delegation import DelegationOrder
from generators.model.organisation import LEVEL_LABELS, RELATIVE_LABELS, SEAT_LABELS, Organisation, Position
from generators.outputs.site import documents
from generators.outputs.site.context import GeneratedPage, SiteContext, StartEntry
from generators.outputs.site.escape import Safe, text
from generators.outputs.site.render import render
from generators.outputs.site.roles import RoleEntry, RoleIndex, Topic, build_index, render_cell
from generators.outputs.site.swedish import count, lower_first, upper_first
from generators.outputs.site.tables import Row, table

SECTION = "Roller"
INDEX = "roller/index.md"
BODY_KINDS = {
    "fullmaktige": "Fullmäktige",
    "styrelse": "Styrelse",
    "namnd": "Nämnd",
    "utskott": "Utskott",
    "presidium": "Presidium",
    "revision": "Revision",
    "krisledningsnamnd": "Krisledningsnämnd",
    "direktion": "Direktion",
    "gemensam_namnd": "Gemensam nämnd",
}
VIA_COLUMN = "Gäller som"


def plan(ctx: SiteContext) -> None:
    ctx.named_pages["roller"] = INDEX
    ctx.start_entries.append(StartEntry(
        "Vad får min befattning besluta om?",
        "Varje befattning har en egen sida som samlar allt rollen beslutar, ersätter och ansvarar för "
        "enligt alla styrdokument. Där finns också sidor för de politiska organen.",
        ((INDEX, "Välj befattning eller organ"),),
        order=120,
    ))
    org = ctx.model.organisation
    if org is None:
        return
    # The organisation document (bodies, positions, line of command) is what this section shows.
    ctx.set_document_page(org, INDEX)
    for position_id in org.positions:
        ctx.actor_pages[f"position:{position_id}"] = f"roller/{position_id}.md"
    for role_type_id in org.role_types:
        ctx.actor_pages[f"role_type:{role_type_id}"] = f"rolltyper/{role_type_id}.md"
    for body_id in org.bodies:
        ctx.actor_pages[f"body:{body_id}"] = f"organ/{body_id}.md"
    for external_id in org.externals:
        ctx.actor_pages[f"external:{external_id}"] = f"externa-parter/{external_id}.md"
    for relative_id in RELATIVE_LABELS:
        ctx.actor_pages[f"relative:{relative_id}"] = f"roller/relativa/{relative_id}.md"


@dataclass
class _Table:
    heading: Safe | None
    table: Safe


@dataclass
class _Section:
    heading: str
    intro: str
    tables: list[_Table]


def pages(ctx: SiteContext) -> Iterator[GeneratedPage]:
    org = ctx.model.organisation
    if org is None:
        return
    index = build_index(ctx)
    yield from _position_pages(ctx, org, index)
    yield from _role_type_pages(ctx, org, index)
    yield from _body_pages(ctx, org, index)
    yield from _external_pages(ctx, org, index)
    yield from _relative_pages(ctx, index)
    yield _index_page(ctx, org, index)


# -- rendering entries --------------------------------------------------------------------------
def _sections(ctx: SiteContext, page: str, sources: list[tuple[Actor | None, list[RoleEntry]]], via_label: str) -> list[_Section]:
    """Tables per topic (and per group within a topic). `sources` pairs the entries with the actor
    they come through (None: the page's own actor); when any entry of a table comes through another
    actor, a "Gäller som" column says which."""
    by_topic: dict[str, tuple[Topic, list[tuple[int, Actor | None, RoleEntry]]]] = {}
    for source_index, (via, entries) in enumerate(sources):
        for entry in entries:
            by_topic.setdefault(entry.topic.id, (entry.topic, []))[1].append((source_index, via, entry))
    found: list[_Section] = []
    for topic, items in sorted(by_topic.values(), key=lambda t: (t[0].order, t[0].id)):
        items.sort(key=lambda item: (_sortable(item[2].sort_key), item[0]))
        groups: dict[str, tuple[object, list[tuple[int, Actor | None, RoleEntry]]]] = {}
        for item in items:
            group = item[2].group
            key = "" if group is None else str(getattr(group, "label", group))
            groups.setdefault(key, (group, []))[1].append(item)
        tables = []
        for key, (group, members) in groups.items():
            show_via = any(via is not None for _, via, _ in members)
            headers = list(topic.columns) + ([VIA_COLUMN] if show_via else [])
            rows = []
            for _, via, entry in members:
                cells = [render_cell(cell, ctx, page) for cell in entry.cells]
                if show_via:
                    cells.append(ctx.actor_link(via, page) if via is not None else text(via_label))
                rows.append(Row(cells))
            caption = f"{topic.heading}: {key}" if key else topic.heading
            heading = render_cell(group, ctx, page) if group is not None else None
            tables.append(_Table(heading, table(caption, headers, rows, css_class="role-table")))
        found.append(_Section(topic.heading, topic.intro, tables))
    return found


def _sortable(order: tuple[object, ...]) -> tuple[object, ...]:
    return tuple((type(v).__name__, v) for v in order)


def _count_decisions(entries: list[RoleEntry]) -> int:
    return sum(1 for e in entries if e.topic.id in ("delegation-decides", "delegation-further-received"))


# -- positions ----------------------------------------------------------------------------------
def _position_pages(ctx: SiteContext, org: Organisation, index: RoleIndex) -> Iterator[GeneratedPage]:
    delegated_positions = _positions_per_order(ctx, org)
    direct_reports: dict[str, list[str]] = {}
    for candidate in sorted(org.positions.values(), key=lambda p: p.title):
        if candidate.reports_to.kind == "position":
            direct_reports.setdefault(candidate.reports_to.id, []).append(candidate.id)
    for position in org.positions.values():
        page = ctx.actor_pages[f"position:{position.id}"]
        own = index.entries(f"position:{position.id}")
        sources: list[tuple[Actor | None, list[RoleEntry]]] = [(None, own)]
        role_types = ctx.role_types_of.get(position.id, [])
        for role_type_id in role_types:
            sources.append((Actor("role_type", role_type_id), index.entries(f"role_type:{role_type_id}")))
        administration = org.administrations.get(position.administration)
        facts: list[tuple[str, Safe]] = [
            ("Förvaltning", text(administration.name if administration else position.administration)),
        ]
        if position.unit and administration and position.unit in administration.units:
            facts.append(("Avdelning eller enhet", text(administration.units[position.unit])))
        facts.append(("Nivå", text(upper_first(LEVEL_LABELS.get(position.level, position.level)))))
        facts.append(("Närmaste chef", ctx.actor_link(position.reports_to, page)))
        direct = direct_reports.get(position.id, [])
        if direct:
            facts.append(("Närmast underställda", Safe(", ".join(ctx.actor_link(Actor("position", p), page) for p in direct))))
        if role_types:
            facts.append(("Rolltyper", Safe(", ".join(ctx.actor_link(Actor("role_type", r), page) for r in role_types))))
        superior_orders = [
            order for order, positions in delegated_positions
            if order.provisions.superior_may_decide and positions & org.subordinates.get(position.id, frozenset())
        ]
        sections = _sections(ctx, page, sources, "Befattningen")
        yield GeneratedPage(
            path=page,
            title=position.title,
            content=render(
                "role.md.j2",
                heading=f"{position.title}: vad rollen beslutar, godkänner och hanterar",
                lead=position.description,
                facts=_facts(facts),
                sections=sections,
                empty=_empty_text(ctx, "befattningen"),
                superior_orders=[ctx.page_link(page, ctx.document_page(o), ctx.body_name(o.body)) for o in superior_orders],
                as_of=ctx.as_of,
            ),
            nav=(SECTION, administration.name if administration else position.administration),
            nav_order=(30, 0),
            order=(_LEVEL_ORDER.get(position.level, 9), position.title),
        )


_LEVEL_ORDER = {level: i for i, level in enumerate(LEVEL_LABELS)}


def _positions_per_order(ctx: SiteContext, org: Organisation) -> list[tuple[DelegationOrder, frozenset[str]]]:
    """For each delegationsordning in force: the positions it delegates to (role types expanded)."""
    found = []
    for versions in ctx.versions(ctx.model.delegations):
        order = versions.current
        if order is None:
            continue
        positions: set[str] = set()
        for matter in order.matters:
            for actor in matter.all_delegates():
                positions.update(org.positions_of(actor))
        found.append((order, frozenset(positions)))
    return found


def _empty_text(ctx: SiteContext, what: str) -> str:
    return (
        f"Styrdokumenten ger inte {what} någon egen beslutanderätt, och {what} förekommer inte som "
        "ersättare, samrådspart eller dokumentägare. Beslut i det dagliga arbetet fattas inom "
        "arbetsledningen; fråga närmaste chef."
    )


def _facts(facts: list[tuple[str, Safe]]) -> Safe:
    if not facts:
        return Safe("")
    items = "\n".join(f"<div><dt>{text(label)}</dt> <dd>{value}</dd></div>" for label, value in facts)
    return Safe(f'<dl class="role-facts">{items}</dl>')


# -- role types ---------------------------------------------------------------------------------
def _role_type_pages(ctx: SiteContext, org: Organisation, index: RoleIndex) -> Iterator[GeneratedPage]:
    for role_type in org.role_types.values():
        page = ctx.actor_pages[f"role_type:{role_type.id}"]
        members = sorted(org.positions_of_role_type(role_type.id), key=lambda p: org.positions[p].title if p in org.positions else p)
        facts = [(
            "Befattningar",
            Safe(", ".join(ctx.actor_link(Actor("position", p), page) for p in members)) if members else text("Inga"),
        )]
        yield GeneratedPage(
            path=page,
            title=role_type.title,
            content=render(
                "role.md.j2",
                heading=f"{role_type.title}: vad rolltypen beslutar och hanterar",
                lead=(
                    "En rolltyp samlar flera befattningar. Det som står här gäller var och en av "
                    "befattningarna nedan, inom sitt eget ansvarsområde."
                ),
                facts=_facts(facts),
                sections=_sections(ctx, page, [(None, index.entries(f"role_type:{role_type.id}"))], "Rolltypen"),
                empty=_empty_text(ctx, "rolltypen"),
                superior_orders=[],
                as_of=ctx.as_of,
            ),
            nav=(SECTION, "Rolltyper"),
            nav_order=(30, 1),
            order=(role_type.title,),
        )


# -- bodies -------------------------------------------------------------------------------------
def _body_pages(ctx: SiteContext, org: Organisation, index: RoleIndex) -> Iterator[GeneratedPage]:
    orders_by_body: dict[str, list[DelegationOrder]] = {}
    for versions in ctx.versions(ctx.model.delegations):
        for order in versions.published():
            orders_by_body.setdefault(order.body, []).append(order)
    children: dict[str, list[str]] = {}
    for body in org.bodies.values():
        if body.parent:
            children.setdefault(body.parent, []).append(body.id)
    for body in org.bodies.values():
        page = ctx.actor_pages[f"body:{body.id}"]
        sources: list[tuple[Actor | None, list[RoleEntry]]] = [(None, index.entries(f"body:{body.id}"))]
        for seat in SEAT_LABELS:
            if body.seats.get(seat, 0) > 0:
                actor = Actor("seat", seat, body.id)
                entries = index.entries(actor.key)
                if entries:
                    sources.append((actor, entries))
        facts: list[tuple[str, Safe]] = [("Typ av organ", text(BODY_KINDS.get(body.kind, body.kind)))]
        if body.parent:
            facts.append(("Hör till", ctx.actor_link(Actor("body", body.parent), page)))
        if children.get(body.id):
            facts.append(("Utskott och presidium", Safe(", ".join(ctx.actor_link(Actor("body", c), page) for c in sorted(children[body.id])))))
        administration_id = org.administration_of_body(body.id)
        administration = org.administrations.get(administration_id or "")
        if administration:
            facts.append(("Förvaltning", text(administration.name)))
        for order in orders_by_body.get(body.id, ()):
            label = order.meta.title + ("" if order.meta.in_force_on(ctx.as_of) else f" (från {order.meta.valid_from.isoformat()})")
            facts.append(("Delegationsordning", ctx.page_link(page, ctx.document_page(order), label)))
        seats = _seats(body.seats)
        if seats:
            facts.append(("Poster", text(seats)))
        yield GeneratedPage(
            path=page,
            title=body.name,
            content=render(
                "role.md.j2",
                heading=f"{body.name}: vad organet beslutar på delegation",
                lead=body.description,
                facts=_facts(facts),
                sections=_sections(ctx, page, sources, "Organet"),
                empty=(
                    f"{body.name} har ingen beslutanderätt på delegation enligt styrdokumenten här. Organets egna "
                    "befogenheter står i dess reglemente."
                ),
                superior_orders=[],
                as_of=ctx.as_of,
            ),
            nav=(SECTION, "Politiska organ"),
            nav_order=(30, 2),
            order=(_body_sort(org, body.id), body.name),
        )


def _seats(seats: dict[str, int]) -> str:
    """'Ordförande, vice ordförande, 11 ledamöter, 11 ersättare'."""
    parts = []
    for seat, label in SEAT_LABELS.items():
        n = seats.get(seat, 0)
        if n <= 0:
            continue
        if seat == "ledamot":
            parts.append(count(n, "ledamot", "ledamöter"))
        elif seat == "ersattare":
            parts.append(count(n, "ersättare", "ersättare"))
        else:
            parts.append(label)
    return upper_first(", ".join(parts))


def _body_sort(org: Organisation, body_id: str) -> tuple[str, int]:
    """Each body followed by its utskott and presidium."""
    body = org.bodies[body_id]
    if body.parent and body.kind in ("utskott", "presidium") and body.parent in org.bodies:
        return (org.bodies[body.parent].name, 1)
    return (body.name, 0)


# -- externals and relative actors --------------------------------------------------------------
def _external_pages(ctx: SiteContext, org: Organisation, index: RoleIndex) -> Iterator[GeneratedPage]:
    for external in org.externals.values():
        page = ctx.actor_pages[f"external:{external.id}"]
        yield GeneratedPage(
            path=page,
            title=external.name,
            content=render(
                "role.md.j2",
                heading=f"{external.name}: vad den externa parten hanterar",
                lead=external.description,
                facts=_facts([("Typ", text(upper_first(external.kind.replace("_", " "))))]),
                sections=_sections(ctx, page, [(None, index.entries(f"external:{external.id}"))], "Parten"),
                empty=f"{external.name} har inga uppgifter enligt de styrdokument som finns här.",
                superior_orders=[],
                as_of=ctx.as_of,
            ),
            nav=(SECTION, "Externa parter"),
            nav_order=(30, 4),
            order=(external.name,),
        )


def _relative_pages(ctx: SiteContext, index: RoleIndex) -> Iterator[GeneratedPage]:
    """A page per relative actor ("närmaste chef"), always: other pages may link to it before the
    registry is complete, and the page explains the idea even when no document uses it yet."""
    for relative_id, label in RELATIVE_LABELS.items():
        entries = index.entries(f"relative:{relative_id}")
        page = ctx.actor_pages[f"relative:{relative_id}"]
        yield GeneratedPage(
            path=page,
            title=upper_first(label),
            content=render(
                "role.md.j2",
                heading=f"{upper_first(label)}: vad rollen godkänner och hanterar",
                lead=(
                    f"{upper_first(label)} är ingen fast befattning: det är den chef som gäller för den "
                    "anställde det handlar om. Det som står här gäller alltså varje chef för sina medarbetare."
                ),
                facts=_facts([]),
                sections=_sections(ctx, page, [(None, entries)], "Rollen"),
                empty=f"Inget styrdokument ger i dag {label} en egen uppgift.",
                superior_orders=[],
                as_of=ctx.as_of,
            ),
            nav=(SECTION, "Chef i förhållande till den anställde"),
            nav_order=(30, 3),
            order=(label,),
        )


# -- the index ----------------------------------------------------------------------------------
def _index_page(ctx: SiteContext, org: Organisation, index: RoleIndex) -> GeneratedPage:
    role_type_counts = {r: _count_decisions(index.entries(f"role_type:{r}")) for r in org.role_types}
    groups = []
    by_administration: dict[str, list[Position]] = {}
    for position in org.positions.values():
        by_administration.setdefault(position.administration, []).append(position)
    for administration_id in sorted(by_administration, key=lambda a: org.administrations[a].name if a in org.administrations else a):
        administration = org.administrations.get(administration_id)
        name = administration.name if administration else administration_id
        positions = sorted(by_administration[administration_id], key=lambda p: (_LEVEL_ORDER.get(p.level, 9), p.title))
        rows = []
        for p in positions:
            own = index.entries(f"position:{p.id}")
            via = sum(role_type_counts.get(r, 0) for r in ctx.role_types_of.get(p.id, []))
            unit = administration.units.get(p.unit, "") if administration and p.unit else ""
            rows.append(Row([
                ctx.actor_link(Actor("position", p.id), INDEX),
                unit,
                str(_count_decisions(own) + via),
            ]))
        groups.append({
            "name": name,
            "table": table(f"Befattningar inom {lower_first(name)}", ["Befattning", "Avdelning eller enhet", "Beslut på delegation"], rows),
        })
    role_type_rows = [
        Row([ctx.actor_link(Actor("role_type", r.id), INDEX), count(len(org.positions_of_role_type(r.id)), "befattning", "befattningar")])
        for r in sorted(org.role_types.values(), key=lambda r: r.title)
    ]
    body_rows = [
        Row([ctx.actor_link(Actor("body", b.id), INDEX), BODY_KINDS.get(b.kind, b.kind)])
        for b in sorted(org.bodies.values(), key=lambda b: (_body_sort(org, b.id), b.name))
    ]
    external_rows = [
        Row([ctx.actor_link(Actor("external", e.id), INDEX), upper_first(e.kind.replace("_", " "))])
        for e in sorted(org.externals.values(), key=lambda e: e.name)
    ]
    return GeneratedPage(
        path=INDEX,
        title="Roller",
        content=render(
            "roles_index.md.j2",
            municipality=ctx.municipality_name,
            groups=groups,
            role_types=table("Rolltyper", ["Rolltyp", "Omfattar"], role_type_rows) if role_type_rows else None,
            bodies=table("Politiska organ", ["Organ", "Typ"], body_rows) if body_rows else None,
            externals=table("Externa parter", ["Part", "Typ"], external_rows) if external_rows else None,
            source_title=org.meta.title,
            meta_box=documents.metadata_box(ctx, org, INDEX),
            notices=[n.html() for n in documents.notices(ctx, org, INDEX, org if org.meta.in_force_on(ctx.as_of) else None, ())],
        ),
        nav=(SECTION,),
        nav_order=(30,),
        order=(),
    )

