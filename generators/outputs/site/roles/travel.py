"""Role-page contributions from the rese- och mötespolicy (the version in force).

For every actor the approval table names: which travellers' trips it approves, to which zones and
on which basis; a relative approver ("närmaste chef") is also resolved to each position it stands for
(the chef above each traveller), so a chef's page lists the trips of the people under them. For every
position: who approves its own trips, per zone; for every political body: who approves its
members' trips. The answers are the travel model's (`approval_for`, `resolve_for_position`,
`categories_of_position`); nothing here decides who approves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import partial

from generators.model.common import Actor
from generators.model.travel import Approval, ResolvedApprover, TravellerCategory, TravelPolicy, Zone
from generators.outputs.site.context import SiteContext
from generators.outputs.site.escape import Safe, text
from generators.outputs.site.pages.travel import basis_html, own_trip_text, page_day, zone_anchor
from generators.outputs.site.render import slug
from generators.outputs.site.roles import ActorRef, Lines, PageLink, RoleEntry, Topic

APPROVES = Topic(
    "travel-approves", 200, "Godkänner tjänsteresor",
    "Resor som rollen godkänner enligt rese- och mötespolicyn: för vilka resenärer, till vilka zoner och på vilken grund.",
    ("Resenärer", "Zoner", "Grund"),
)
OWN = Topic(
    "travel-own", 220, "Egna tjänsteresor",
    "Vem som godkänner befattningens egna tjänsteresor, per zon, enligt rese- och mötespolicyn.",
    ("Zoner", "Godkänns av", "Grund"),
)
ELECTED = Topic(
    "travel-elected", 230, "Förtroendevaldas resor i uppdraget",
    "Vem som godkänner resor för organets förtroendevalda, per zon, enligt rese- och mötespolicyn.",
    ("Zoner", "Godkänns av", "Grund"),
)
TASKS = Topic(
    "travel-tasks", 290, "Uppgifter enligt rese- och mötespolicyn",
    "Andra uppgifter som rese- och mötespolicyn ger rollen.",
    ("Uppgift", "Omfattning"),
)


@dataclass(frozen=True)
class _Html:
    """A cell rendered for the page that shows it (links are relative to that page)."""

    build: Callable[[SiteContext, str], Safe]

    def render(self, ctx: SiteContext, page: str) -> Safe:
        return self.build(ctx, page)


def _own_trip_cell(approver: Actor, own: Actor, ctx: SiteContext, page: str) -> Safe:
    return own_trip_text(ctx, approver, own, page)


def _own_trip_muted(approver: Actor, own: Actor, ctx: SiteContext, page: str) -> Safe:
    return Safe(f'<span class="muted">{own_trip_text(ctx, approver, own, page)}</span>')


def contribute(ctx: SiteContext) -> Iterator[RoleEntry]:
    org = ctx.model.organisation
    if org is None:
        return
    for versions in ctx.versions(ctx.model.travel):
        policy = versions.current
        if policy is None:
            continue
        yield from _approvals(ctx, policy)
        yield from _own_trips(ctx, policy)
        yield from _elected(ctx, policy)
        yield from _tasks(ctx, policy)


def _doc(ctx: SiteContext, policy: TravelPolicy) -> PageLink:
    return PageLink(ctx.document_page(policy), policy.meta.title)


def _zones_cell(ctx: SiteContext, policy: TravelPolicy, zones: list[Zone]) -> Lines:
    page = ctx.document_page(policy)
    return Lines(tuple(PageLink(page, z.name, zone_anchor(z)) for z in zones))


def _category_link(ctx: SiteContext, policy: TravelPolicy, category: TravellerCategory) -> PageLink:
    return PageLink(ctx.document_page(policy), category.name, f"kategori-{category.id}")


def _basis(approval: Approval, day: date) -> _Html:
    return _Html(lambda ctx, page: basis_html(ctx, approval, page, day))


def _same_answer(approval: Approval) -> tuple[object, ...]:
    """Cells that say the same thing (approver, basis, matter, rule, own-trip approver) share a row."""
    regulation = approval.regulation.label() if approval.regulation is not None else None
    own = approval.own_trip_approver.key if approval.own_trip_approver is not None else None
    return (approval.approver.key, approval.basis, approval.matter, regulation, own)


def _grouped(policy: TravelPolicy, category: TravellerCategory) -> list[tuple[Approval, list[Zone]]]:
    """The category's cells, neighbouring zones with the same answer together, in the table's order."""
    groups: list[tuple[Approval, list[Zone]]] = []
    for zone in policy.zones:
        approval = policy.approval_for(category.id, zone.id)
        if approval is None:
            continue
        if groups and _same_answer(groups[-1][0]) == _same_answer(approval):
            groups[-1][1].append(zone)
        else:
            groups.append((approval, [zone]))
    return groups


def _approvals(ctx: SiteContext, policy: TravelPolicy) -> Iterator[RoleEntry]:
    org = ctx.organisation
    day = page_day(ctx, policy)
    doc = _doc(ctx, policy)
    zone_order = {z.id: i for i, z in enumerate(policy.zones)}
    for c_index, category in enumerate(policy.categories):
        category_link = _category_link(ctx, policy, category)
        for approval, zones in _grouped(policy, category):
            key = (c_index, zone_order[zones[0].id])
            zones_cell = _zones_cell(ctx, policy, zones)
            yield RoleEntry(approval.approver, APPROVES, (category_link, zones_cell, _basis(approval, day)), key, doc)
            if approval.own_trip_approver is not None:
                approver, own = approval.approver, approval.own_trip_approver
                yield RoleEntry(
                    own, APPROVES,
                    (Lines((category_link, _Html(partial(_own_trip_cell, approver, own)))), zones_cell, _basis(approval, day)),
                    key, doc,
                )
            if approval.approver.kind != "relative" or category.kind != "employee":
                continue
            # "Närmaste chef" stands for a different chef for each traveller: list, on each chef's page,
            # the travellers they approve for (as the model resolves it).
            travellers: dict[str, list[str]] = {}
            for position_id in category.member_positions(org):
                resolved = policy.resolve_for_position(org, approval, position_id)
                if resolved.actor is not None and resolved.actor.kind == "position" and resolved.allowed and not resolved.own_trip:
                    travellers.setdefault(resolved.actor.id, []).append(position_id)
            label = ctx.actor_running(approval.approver)
            single = len(category.member_positions(org)) == 1
            for chef, members in travellers.items():
                if single:  # the category names the one traveller already
                    who = Lines((category_link, Safe(f'<span class="muted">som {text(label)}</span>')))
                else:
                    names = tuple(ActorRef(Actor("position", p)) for p in members)
                    who = Lines((category_link, Safe(f'<span class="muted">som {text(label)} för:</span>'), *names))
                yield RoleEntry(Actor("position", chef), APPROVES, (who, zones_cell, _basis(approval, day)), key, doc)


def _own_trips(ctx: SiteContext, policy: TravelPolicy) -> Iterator[RoleEntry]:
    org = ctx.organisation
    day = page_day(ctx, policy)
    doc = _doc(ctx, policy)
    for position_id in org.positions:
        category = policy.category_of_position(org, position_id)
        if category is None:
            continue
        rows: list[tuple[tuple[object, ...], Approval, ResolvedApprover, list[Zone]]] = []
        for zone in policy.zones:
            approval = policy.approval_for(category.id, zone.id)
            if approval is None:
                continue
            resolved = policy.resolve_for_position(org, approval, position_id)
            actor = resolved.actor or resolved.named
            same = (actor.key, resolved.named.key, resolved.own_trip, approval.basis, approval.matter)
            if rows and rows[-1][0] == same:
                rows[-1][3].append(zone)
            else:
                rows.append((same, approval, resolved, [zone]))
        for index, (_same, approval, resolved, zones) in enumerate(rows):
            who: list[object] = [ActorRef(resolved.actor or resolved.named)]
            if resolved.named.kind == "relative":
                who.append(Safe(f'<span class="muted">som {text(ctx.actor_running(resolved.named))}</span>'))
            if resolved.own_trip:
                who.append(Safe('<span class="muted">eftersom befattningen annars själv hade godkänt resan</span>'))
            yield RoleEntry(
                Actor("position", position_id), OWN,
                (_zones_cell(ctx, policy, zones), Lines(tuple(who)), _basis(approval, day)),
                (index,), doc,
            )


def _elected(ctx: SiteContext, policy: TravelPolicy) -> Iterator[RoleEntry]:
    day = page_day(ctx, policy)
    doc = _doc(ctx, policy)
    for category in policy.categories:
        if category.kind != "elected":
            continue
        for index, (approval, zones) in enumerate(_grouped(policy, category)):
            who: list[object] = [ActorRef(approval.approver)]
            if approval.own_trip_approver is not None:
                approver, own = approval.approver, approval.own_trip_approver
                who.append(_Html(partial(_own_trip_muted, approver, own)))
            for body_id in category.bodies:
                yield RoleEntry(
                    Actor("body", body_id), ELECTED,
                    (_zones_cell(ctx, policy, zones), Lines(tuple(who)), _basis(approval, day)),
                    (index,), doc,
                )


def _tasks(ctx: SiteContext, policy: TravelPolicy) -> Iterator[RoleEntry]:
    doc = _doc(ctx, policy)
    page = ctx.document_page(policy)
    rules = policy.rules
    if rules.climate.exceptions_decided_by is not None:
        yield RoleEntry(
            rules.climate.exceptions_decided_by, TASKS,
            (PageLink(page, "Beslutar om undantag från tåg före flyg", slug("Tåg före flyg")), rules.climate.text), (1,), doc,
        )
    if rules.follow_up is not None:
        yield RoleEntry(
            rules.follow_up.reported_to, TASKS,
            (PageLink(page, "Tar emot redovisningen av tjänsteresor", slug("Uppföljning")), rules.follow_up.text), (2,), doc,
        )
