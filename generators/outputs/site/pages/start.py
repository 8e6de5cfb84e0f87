"""The start page: where a staff member looks for "who decides this?".

The questions come from the page modules (`ctx.start_entries`), so a new document kind adds its own
question ("Vem godkänner min tjänsteresa?") without touching this module.
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.outputs.site.context import GeneratedPage, SiteContext
from generators.outputs.site.escape import Safe
from generators.outputs.site.render import render
from generators.outputs.site.swedish import long_date

PATH = "index.md"


def plan(ctx: SiteContext) -> None:
    ctx.named_pages["start"] = PATH


def pages(ctx: SiteContext) -> Iterator[GeneratedPage]:
    entries = []
    for entry in sorted(ctx.start_entries, key=lambda e: (e.order, e.question)):
        links = [ctx.page_link(PATH, link[0], link[1], link[2] if len(link) > 2 else None) for link in entry.links]
        entries.append({"question": entry.question, "answer": entry.answer, "links": links})
    name = ctx.municipality_name
    yield GeneratedPage(
        path=PATH,
        title="Start",
        content=render(
            "start.md.j2",
            municipality=name,
            genitive=ctx.organisation.words.genitive,
            entries=entries,
            as_of=long_date(ctx.as_of),
            catalogue=_named(ctx, "kontroller", "kontrollkatalogen"),
            api=_named(ctx, "json-regler", "JSON-reglerna för andra system"),
            accessibility=_named(ctx, "tillganglighet", "tillgänglighetsredogörelsen"),
        ),
        nav=(),
        order=(),
    )


def _named(ctx: SiteContext, name: str, label: str) -> Safe | None:
    path = ctx.named_pages.get(name)
    return ctx.page_link(PATH, path, label) if path else None
