"""Role-page contributions from the delegationsordningar.

For every delegationsordning in force: the matters an actor decides (as delegate, or in a tier of an
amount ladder), the ones it decides after further delegation, where it is the substitute, where it
must be consulted, the further delegations it has made, and whom further-delegated decisions are
reported to. For an adopted version still to come: what changes for the actor on its first day.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from generators.model.common import Actor
from generators.model.delegation import Condition, DelegationOrder, Matter
from generators.outputs.site.context import SiteContext, Versions
from generators.outputs.site.escape import Safe
from generators.outputs.site.pages.delegation import condition_text, tier_range
from generators.outputs.site.roles import ActorRef, Lines, PageLink, RoleEntry, Topic
from generators.outputs.site.swedish import limit_text, long_date, lower_first, upper_first

DECIDES = Topic(
    "delegation-decides", 100, "Beslutar på delegation",
    "Ärenden där rollen får fatta beslut på nämndens eller styrelsens vägnar.",
    ("Ärende", "Belopp", "Villkor", "Ersättare"),
)
FURTHER_RECEIVED = Topic(
    "delegation-further-received", 110, "Beslutar efter vidaredelegation",
    "Ärenden som förvaltningschefen har lämnat vidare till rollen (kommunallagen 7 kap. 6 §). Besluten anmäls till förvaltningschefen (7 kap. 7 §).",
    ("Ärende", "Vidaredelegerat av", "Beloppsgräns", "Beslut"),
)
SUBSTITUTE = Topic(
    "delegation-substitute", 120, "Ersätter delegaten",
    "Ärenden där rollen beslutar när delegaten är frånvarande eller jävig.",
    ("Ärende", "Ersätter", "Belopp"),
)
FURTHER_GIVEN = Topic(
    "delegation-further-given", 130, "Har vidaredelegerat",
    "Beslut som rollen har lämnat vidare till en annan anställd.",
    ("Ärende", "Till", "Beloppsgräns", "Beslut"),
)
CONSULTED = Topic(
    "delegation-consulted", 140, "Ska höras före beslut",
    "Ärenden där delegaten ska samråda med rollen innan beslutet fattas.",
    ("Ärende", "Delegat", "Villkor"),
)
EXECUTES = Topic(
    "delegation-execution", 150, "Ren verkställighet",
    "Uppgifter som står i delegationsordningen för tydlighetens skull men som inte är delegering av beslutanderätt.",
    ("Ärende", "Anmärkning"),
)
REPORTED_TO = Topic(
    "delegation-reported-to", 160, "Tar emot anmälan av vidaredelegerade beslut",
    "Beslut som fattas efter vidaredelegation anmäls till rollen, som anmäler dem vidare.",
    ("Delegationsordning", "Anmälan till organet"),
)
UPCOMING = Topic(
    "delegation-upcoming", 190, "Ändringar i antagna delegationsordningar som ännu inte gäller",
    "Ärenden där rollens beslutanderätt blir ny, ändras eller upphör när en antagen version börjar gälla.",
    ("Ärende", "Ändring", "Belopp"),
)


def contribute(ctx: SiteContext) -> Iterator[RoleEntry]:
    for versions in ctx.versions(ctx.model.delegations):
        current = versions.current
        if current is not None:
            yield from _order_entries(ctx, current)
        for upcoming in versions.upcoming:
            yield from _changes(ctx, versions, upcoming)


def _matter_link(ctx: SiteContext, order: DelegationOrder, matter: Matter) -> PageLink:
    return PageLink(ctx.document_page(order), f"{matter.number} {matter.title}", matter.id)


def _order_link(ctx: SiteContext, order: DelegationOrder) -> PageLink:
    return PageLink(ctx.document_page(order), order.meta.title)


def _holdings(ctx: SiteContext, matter: Matter, day: date) -> Iterator[tuple[Actor, str, Actor | None]]:
    """(actor, amount range it decides, its substitute) for each delegate of the matter."""
    if matter.tiers:
        for tier in matter.tiers:
            for actor in tier.delegates:
                yield actor, upper_first(tier_range(ctx, tier, day)), tier.substitute
    else:
        amount = upper_first(limit_text(matter.limit, ctx.model.reference, day)) if matter.limit else ""
        for actor in matter.delegates:
            yield actor, amount, matter.substitute


def _order_entries(ctx: SiteContext, order: DelegationOrder) -> Iterator[RoleEntry]:
    doc = _order_link(ctx, order)
    body = ctx.body_name(order.body)
    matters = {m.id: m for m in order.matters}
    for position, matter in enumerate(order.matters):
        link = _matter_link(ctx, order, matter)
        key = (body, position)
        if matter.execution_only:
            for actor in matter.all_delegates():
                yield RoleEntry(actor, EXECUTES, (link, matter.note or ""), key, doc)
            continue
        conditions = Lines(tuple(_Condition(c) for c in matter.conditions))
        for actor, amount, substitute in _holdings(ctx, matter, ctx.as_of):
            yield RoleEntry(
                actor, DECIDES,
                (link, amount or "Ingen gräns", conditions,
                 ActorRef(substitute) if substitute else "Enligt allmänna bestämmelser"),
                key, doc,
            )
            if substitute is not None:
                yield RoleEntry(substitute, SUBSTITUTE, (link, ActorRef(actor), amount), key, doc)
        for condition in matter.conditions:
            if condition.with_actor is not None:
                delegates = Lines(tuple(ActorRef(a) for a in matter.all_delegates()))
                yield RoleEntry(condition.with_actor, CONSULTED, (link, delegates, _Condition(condition)), key, doc)
    for rule in (order.provisions.on_absence, order.provisions.on_conflict_of_interest):
        if rule is not None and rule.actor is not None:
            when = "frånvaro" if rule is order.provisions.on_absence else "jäv"
            yield RoleEntry(rule.actor, SUBSTITUTE, (f"Alla ärenden vid delegatens {when}", "Delegaten", ""), (body, -1), doc)
    for index, further in enumerate(order.further_delegations):
        granted = matters.get(further.matter)
        further_link: PageLink | str = _matter_link(ctx, order, granted) if granted else further.matter
        limit = limit_text(further.limit, ctx.model.reference, ctx.as_of) if further.limit else "Samma som i ärendet"
        decision = f"{further.reference}, {long_date(further.decided)}"
        yield RoleEntry(further.to, FURTHER_RECEIVED, (further_link, ActorRef(further.by), limit, decision), (body, index), doc)
        yield RoleEntry(further.by, FURTHER_GIVEN, (further_link, ActorRef(further.to), limit, decision), (body, index), doc)
    if order.provisions.further_delegation_reported_to is not None:
        yield RoleEntry(
            order.provisions.further_delegation_reported_to, REPORTED_TO,
            (doc, f"Anmäls vidare till {lower_first(body)}"), (body,),
        )


@dataclass(frozen=True)
class _Condition:
    """A condition cell: rendered per page because the consulted party is a link."""

    condition: Condition

    def render(self, ctx: SiteContext, page: str) -> Safe:
        return condition_text(ctx, self.condition, page)


def _changes(ctx: SiteContext, versions: Versions, upcoming: DelegationOrder) -> Iterator[RoleEntry]:
    """What an adopted version changes for each actor, compared with the version in force."""
    current = versions.current
    doc = PageLink(ctx.document_page(upcoming), f"{upcoming.meta.title} från {long_date(upcoming.meta.valid_from)}")
    body = ctx.body_name(upcoming.body)

    def holdings(order: DelegationOrder | None) -> dict[tuple[str, str], tuple[Matter, str]]:
        # Compared in the source unit (with kronor on the same day), so an unchanged limit in
        # prisbasbelopp is not reported as a change just because the year's value differs.
        found: dict[tuple[str, str], tuple[Matter, str]] = {}
        for matter in order.matters if order is not None else ():
            if matter.execution_only:
                continue
            for actor, amount, _substitute in _holdings(ctx, matter, upcoming.meta.valid_from):
                found[(actor.key, matter.id)] = (matter, amount)
        return found

    before, after = holdings(current), holdings(upcoming)
    actors = {a.key: a for m in upcoming.matters for a in m.all_delegates()}
    if current is not None:
        actors.update({a.key: a for m in current.matters for a in m.all_delegates() if a.key not in actors})
    for position, (key, matter_id) in enumerate(sorted(after.keys() | before.keys())):
        new, old = after.get((key, matter_id)), before.get((key, matter_id))
        if new is not None and old is not None and new[1] == old[1] and new[0].title == old[0].title:
            continue
        if new is not None:
            matter, amount = new
            change = "Ny beslutanderätt" if old is None else "Ändrad"
            link = PageLink(ctx.document_page(upcoming), f"{matter.number} {matter.title}", matter.id)
        else:
            matter, amount = old  # type: ignore[misc]
            change, amount = "Upphör", ""
            link = PageLink(ctx.document_page(current), f"{matter.number} {matter.title}", matter.id)
        yield RoleEntry(actors[key], UPCOMING, (link, change, amount), (body, upcoming.meta.valid_from, position), doc)
