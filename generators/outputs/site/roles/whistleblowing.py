"""Role-page contributions from the reglemente för visselblåsning (the version in force).

- For those who handle reports (a function's members, an external party, a position named as
  handler): which reports they handle, and where they take no part because of jäv.
- For those who receive the conclusions (handover): which reports.
- For every position: who handles a report concerning it (the route the regulation's `route_for`
  picks, with the members who step aside as `assess` finds them); for every political body and the
  revisorer: who handles a report about their members; for each external party with a route.
- Other tasks: the receiver of all reports, the personal-data controller, cooperation, follow-up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from generators.model.common import Actor
from generators.model.organisation import POLITICAL_BODY_KINDS
from generators.model.whistleblowing import Concerned, Handler, Route, WhistleblowingRegulation
from generators.outputs.site.context import SiteContext
from generators.outputs.site.escape import Safe, text
from generators.outputs.site.pages.whistleblowing import (
    concerned_of,
    concerns_html,
    handler_html,
    stepping_aside,
)
from generators.outputs.site.render import slug
from generators.outputs.site.roles import PageLink, RoleEntry, Topic
from generators.wording.labels import ROUTE_RULES

HANDLES = Topic(
    "whistleblowing-handles", 300, "Hanterar anmälningar om missförhållanden",
    "Anmälningar enligt reglementet för visselblåsning som rollen utreder, själv eller som ledamot i en "
    "visselblåsarfunktion. Den som är jävig i ett ärende deltar inte.",
    ("Anmälan gäller", "Hanteras av", "Lämnas över till", "Anmärkning"),
)
HANDOVER = Topic(
    "whistleblowing-handover", 310, "Tar emot slutsatser efter utredning av missförhållanden",
    "Anmälningar där den som har utrett lämnar sina slutsatser till rollen, som beslutar om åtgärder.",
    ("Anmälan gäller", "Hanteras av"),
)
CONCERNING = Topic(
    "whistleblowing-concerning", 320, "Om en anmälan om missförhållanden gäller rollen",
    "Vem som hanterar en anmälan enligt reglementet för visselblåsning som gäller rollen, och vem som tar emot slutsatserna.",
    ("Hanteras av", "Lämnas över till", "Regel"),
)
TASKS = Topic(
    "whistleblowing-tasks", 390, "Uppgifter enligt reglementet för visselblåsning",
    "Andra uppgifter som reglementet för visselblåsning ger rollen.",
    ("Uppgift", "Omfattning"),
)
# Which category of the regulation a body's members belong to.
REVISION_KIND = "revision"


@dataclass(frozen=True)
class _Html:
    """A cell rendered for the page that shows it (links are relative to that page)."""

    build: Callable[[SiteContext, str], Safe]

    def render(self, ctx: SiteContext, page: str) -> Safe:
        return self.build(ctx, page)


def contribute(ctx: SiteContext) -> Iterator[RoleEntry]:
    if ctx.model.organisation is None:
        return
    for versions in ctx.versions(ctx.model.whistleblowing):
        regulation = versions.current
        if regulation is None:
            continue
        yield from _handlers(ctx, regulation)
        yield from _concerning(ctx, regulation)
        yield from _tasks(ctx, regulation)


def _doc(ctx: SiteContext, regulation: WhistleblowingRegulation) -> PageLink:
    return PageLink(ctx.document_page(regulation), regulation.meta.title)


def _concerns(regulation: WhistleblowingRegulation, route: Route) -> _Html:
    return _Html(lambda ctx, page: concerns_html(ctx, regulation, route, page))


def _handler(ctx: SiteContext, regulation: WhistleblowingRegulation, handler: Handler | None) -> _Html:
    doc_page = ctx.document_page(regulation)
    return _Html(lambda c, page: handler_html(c, regulation, handler, page, doc_page))


def _rule_link(ctx: SiteContext, regulation: WhistleblowingRegulation, route: Route) -> PageLink:
    """The route's row in the routing table on the regulation's page."""
    label = ROUTE_RULES.get(route.concerns.kind, "Regeln")
    return PageLink(ctx.document_page(regulation), label, f"regel-{route.id}")


def _handler_actors(ctx: SiteContext, regulation: WhistleblowingRegulation, handler: Handler) -> list[tuple[Actor, bool]]:
    """(actor, as a member of a function) for everyone who acts as the handler."""
    if handler.function is not None:
        return [(Actor("position", p), True) for p in regulation.function_positions(ctx.organisation, handler.function)]
    return [(handler.actor, False)] if handler.actor is not None else []


def _handlers(ctx: SiteContext, regulation: WhistleblowingRegulation) -> Iterator[RoleEntry]:
    doc = _doc(ctx, regulation)
    for index, route in enumerate(regulation.routes):
        concerned = concerned_of(route)
        aside = set(stepping_aside(ctx, regulation, route.handler, concerned)) if concerned is not None else set()
        key = (route.concerns.kind == "default", index)
        for actor, member in _handler_actors(ctx, regulation, route.handler):
            remark = ""
            if member and actor.id in aside:
                remark = "Deltar inte i ärendet (jäv)."
            elif member:
                remark = "Som ledamot i funktionen."
            yield RoleEntry(
                actor, HANDLES,
                (_concerns(regulation, route), _handler(ctx, regulation, route.handler), _handler(ctx, regulation, route.handover_to), remark),
                key, doc,
            )
        if route.handover_to is not None:
            for actor, _member in _handler_actors(ctx, regulation, route.handover_to):
                yield RoleEntry(
                    actor, HANDOVER, (_concerns(regulation, route), _handler(ctx, regulation, route.handler)), key, doc,
                )
    # A function's fallback takes the reports the function cannot handle for lack of members without jäv.
    for function in regulation.functions:
        for actor, _member in _handler_actors(ctx, regulation, function.fallback):
            yield RoleEntry(
                actor, HANDLES,
                (
                    text(f"Anmälningar som {function.name} inte kan hantera, för att för få ledamöter utan jäv återstår"),
                    _handler(ctx, regulation, function.fallback),
                    Safe('<span class="muted">Enligt regeln för anmälan</span>'),
                    "Ersätter funktionen.",
                ),
                (True, len(regulation.routes)), doc,
            )


def _concerning_entry(ctx: SiteContext, regulation: WhistleblowingRegulation, actor: Actor, who: Concerned) -> RoleEntry | None:
    route = regulation.route_for(ctx.organisation, who)
    if route is None:
        return None
    handler = _handler(ctx, regulation, route.handler)
    aside = stepping_aside(ctx, regulation, route.handler, who)
    if aside:
        names = tuple(aside)
        base = handler

        def handled(c: SiteContext, page: str) -> Safe:
            links = ", ".join(c.actor_link(Actor("position", p), page) for p in names)
            return Safe(f'{base.render(c, page)}<br>\n<span class="aside">Deltar inte (jäv): {links}</span>')

        handler = _Html(handled)
    return RoleEntry(
        actor, CONCERNING, (handler, _handler(ctx, regulation, route.handover_to), _rule_link(ctx, regulation, route)),
        (), _doc(ctx, regulation),
    )


def _concerning(ctx: SiteContext, regulation: WhistleblowingRegulation) -> Iterator[RoleEntry]:
    org = ctx.organisation
    for position_id in org.positions:
        entry = _concerning_entry(ctx, regulation, Actor("position", position_id), Concerned("position", position_id))
        if entry is not None:
            yield entry
    for body in org.bodies.values():
        category = "revisor" if body.kind == REVISION_KIND else "fortroendevald" if body.kind in POLITICAL_BODY_KINDS else None
        if category is None:
            continue
        entry = _concerning_entry(ctx, regulation, Actor("body", body.id), Concerned("category", category))
        if entry is not None:
            yield entry
    for external_id in org.externals:
        # Only parties the regulation names; the default route is about the municipality's own people.
        if any(r.concerns.kind == "external" and r.concerns.value == external_id for r in regulation.routes):
            entry = _concerning_entry(ctx, regulation, Actor("external", external_id), Concerned("external", external_id))
            if entry is not None:
                yield entry


def _tasks(ctx: SiteContext, regulation: WhistleblowingRegulation) -> Iterator[RoleEntry]:
    doc = _doc(ctx, regulation)
    page = ctx.document_page(regulation)
    yield RoleEntry(
        regulation.intake_receiver, TASKS,
        (PageLink(page, f"Tar emot alla anmälningar i {ctx.organisation.words.genitive} kanaler", slug("Vem tar emot rapporten?")), regulation.intake_text),
        (1,), doc,
    )
    for index, channel in enumerate(regulation.channels):
        if not channel.operated_by.same_as(regulation.intake_receiver):
            yield RoleEntry(
                channel.operated_by, TASKS, (PageLink(page, f"Sköter kanalen {channel.name}", slug(channel.name)), channel.text),
                (2, index), doc,
            )
    yield RoleEntry(
        regulation.personal_data.controller, TASKS,
        (PageLink(page, "Personuppgiftsansvarig för uppföljningsärenden", slug("Personuppgifter")), regulation.personal_data.text),
        (3,), doc,
    )
    for index, cooperation in enumerate(regulation.cooperation):
        yield RoleEntry(
            cooperation.with_actor, TASKS,
            (PageLink(page, "Samverkar med visselblåsarfunktionen", slug("Samverkan")), cooperation.text), (4, index), doc,
        )
    if regulation.follow_up is not None:
        yield RoleEntry(
            regulation.follow_up.reported_to, TASKS,
            (PageLink(page, "Tar emot den årliga redovisningen av anmälningar", slug("Uppföljning")), regulation.follow_up.text),
            (5,), doc,
        )
