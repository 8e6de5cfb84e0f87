"""The role-page registry: what each kind of document says a role decides, approves or handles.

A role page ("Regiondirektör: vad rollen beslutar, godkänner och hanterar") is assembled from
*contributions*. Each document kind has one module in this package that defines

    def contribute(ctx: SiteContext) -> Iterable[RoleEntry]: ...

and yields one `RoleEntry` per (actor, thing the actor does): a row in a table under a `Topic`
heading. The module walks its documents once; the registry indexes the entries by actor, so building
all role pages is linear in the size of the model. Adding a document kind (travel, whistleblowing,
procurement) registers its contributor module in its kind registration (`Kind.roles`); the
contributors run in module-name order.

An entry names the actor it belongs to (a position, a role type, a body, a seat in a body, an
external party or a relative actor such as "närmaste chef"). A position's page also shows the
entries of every role type the position belongs to, with the role type named in a "Gäller som"
column; a body's page shows the entries of its seats (ordförande, vice ordförande …).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from generators.kinds import Kind, kinds
from generators.model.common import Actor
from generators.outputs.site.escape import Safe, text


@dataclass(frozen=True)
class Topic:
    """A heading on role pages and the table under it.

    `order` places the topic on the page, lower first: delegation 100–199, travel 200–299,
    whistleblowing 300–399, procurement 400–499, ownership of documents 900–999. `columns` are the
    table's header cells; entries of a topic supply one cell per column.
    """

    id: str
    order: int
    heading: str
    intro: str
    columns: tuple[str, ...]


@dataclass(frozen=True)
class PageLink:
    """A link to a generated page (source path), made relative to whichever page shows it."""

    path: str | None
    label: str
    anchor: str | None = None

    def render(self, ctx: Any, page: str) -> Safe:
        return ctx.page_link(page, self.path, self.label, self.anchor)


@dataclass(frozen=True)
class ActorRef:
    """An actor, shown as its name linked to its own role page."""

    actor: Actor

    def render(self, ctx: Any, page: str) -> Safe:
        return ctx.actor_link(self.actor, page)


@dataclass(frozen=True)
class Lines:
    """Several cell parts, one per line."""

    parts: tuple[Any, ...]

    def render(self, ctx: Any, page: str) -> Safe:
        return Safe("<br>\n".join(render_cell(part, ctx, page) for part in self.parts))


# What a cell may hold: plain text (escaped when rendered), `Safe` HTML without relative links, or
# any object with `render(ctx, page) -> str | Safe` (PageLink, ActorRef, Lines, or a module's own).
# The same entry can appear on several pages (a role type's entries show on each of its positions'
# pages), so links are resolved for the page being rendered.
Cell = Any


def render_cell(cell: Cell, ctx: Any, page: str) -> Safe:
    if hasattr(cell, "render") and not isinstance(cell, str):
        return text(cell.render(ctx, page))
    return text(cell)


@dataclass(frozen=True)
class RoleEntry:
    """One row on the role page of `actor`, under `topic`; one cell per column of the topic."""

    actor: Actor
    topic: Topic
    cells: Sequence[Cell]
    sort_key: tuple[Any, ...] = ()
    # Rows of one topic are split into one table per group, under a sub-heading (usually the
    # document the rows come from: a PageLink to it). None: one table for the topic.
    group: Cell = None


Contributor = Callable[[Any], Iterable[RoleEntry]]


@dataclass
class RoleIndex:
    """Entries by actor key, built once from every contributor."""

    by_actor: dict[str, list[RoleEntry]] = field(default_factory=dict)

    def add(self, entry: RoleEntry) -> None:
        self.by_actor.setdefault(entry.actor.key, []).append(entry)

    def entries(self, key: str) -> list[RoleEntry]:
        return self.by_actor.get(key, [])


# Contributions that belong to no single document kind: who owns which document.
CORE_CONTRIBUTORS: tuple[str, ...] = (f"{__name__}.documents",)


def contributors() -> tuple[tuple[str, Contributor], ...]:
    """The core's contributors and each registered kind's (`Kind.roles`), by module name."""
    return _contributors(kinds())


@cache
def _contributors(registered: tuple[Kind, ...]) -> tuple[tuple[str, Contributor], ...]:
    names = CORE_CONTRIBUTORS + tuple(module for kind in registered for module in kind.roles)
    found: list[tuple[str, Contributor]] = []
    for name in sorted(names, key=lambda n: (n.rsplit(".", 1)[-1], n)):
        contribute = getattr(importlib.import_module(name), "contribute", None)
        if not callable(contribute):
            raise TypeError(f"{name} defines no contribute(ctx)")
        found.append((name.rsplit(".", 1)[-1], contribute))
    return tuple(found)


def build_index(ctx: Any) -> RoleIndex:
    index = RoleIndex()
    for _name, contribute in contributors():
        for entry in contribute(ctx):
            index.add(entry)
    return index
