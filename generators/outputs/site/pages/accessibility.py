"""The accessibility statement (lag 2018:1937 om tillgänglighet till digital offentlig service).

The text about the site itself is the tool's; who stands behind it, how to reach them, further known
issues and the statement's date are the organisation's (`publication.accessibility` in
organisation.yaml), so an organisation that adopts the tool publishes its own statement.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from generators.outputs.site.context import GeneratedPage, SiteContext
from generators.outputs.site.escape import Safe, link, text
from generators.outputs.site.render import render
from generators.outputs.site.swedish import long_date

PATH = "tillganglighet.md"
SECTION = "Om webbplatsen"  # the section of the hand-written pages (generate.HANDWRITTEN_SECTION)
_EMAIL = re.compile(r"[^@\s<>\"'()\[\]]+@[^@\s<>\"'()\[\]]+\.[a-z]{2,}")


def plan(ctx: SiteContext) -> None:
    ctx.named_pages["tillganglighet"] = PATH


def _email_link(email: str) -> Safe | None:
    if not _EMAIL.fullmatch(email):
        return None
    return Safe(f'<a href="mailto:{text(email)}">{text(email)}</a>')


def pages(ctx: SiteContext) -> Iterator[GeneratedPage]:
    words = ctx.organisation.words
    settings = ctx.publication.get("accessibility") or {}
    email = str(settings.get("email") or "")
    email_link = _email_link(email)
    statement = settings.get("statement_date")
    if isinstance(statement, str):
        statement = date.fromisoformat(statement)
    yield GeneratedPage(
        path=PATH,
        title="Tillgänglighetsredogörelse",
        content=render(
            "accessibility.md.j2",
            name=words.name,
            genitive=words.genitive,
            definite=words.definite,
            email=email_link is not None,
            email_link=email_link or "",
            other_contacts=[str(c) for c in settings.get("other_contacts", ())],
            known_issues=[str(i) for i in settings.get("known_issues", ())],
            response_time=str(settings.get("response_time") or ""),
            first_published=settings.get("first_published") or "",
            statement_date=long_date(statement) if isinstance(statement, date) else "",
            digg=link("https://www.digg.se/tdosanmalan", "anmäla bristande tillgänglighet till Digg", external=True),
        ),
        nav=(SECTION,),
        nav_order=(60,),
        order=(PATH,),
    )
