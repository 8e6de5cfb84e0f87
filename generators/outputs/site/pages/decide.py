"""The "Vem beslutar?" page: a form that answers who decides, offline in the browser.

Nothing is decided here or in the browser. `rules/v1/decisions.json` holds the decision tables that
`python -m generators decide` answers from (`generators.decide.tables`, published by
`generators.outputs.rules.decisions`); the page's script (`site/assets/vem-beslutar.js`, listed in
mkdocs.yml's `extra_javascript`, so the post-build scan allows it) fetches them in parts (the index
`rules/v1/decisions/index.json`, the small tables, and a body's delegation table when the body is
chosen), fills the
selects from it, looks the answer up and joins its sentences the way `generators/decide/engine.py`
does. The browser tests ask the page every behaviour case in `tests/decisions/` and compare its
answers with `decide`'s.

This module writes the static part: the four forms with their labels and help texts, the words the
script puts around an answer (the data block `#vb-ord`, from `generators/wording/decide_page.py`;
the script writes no Swedish of its own), and the links an answer uses (the page of every actor, the page of every document version), as empty links in a
hidden block so the scan checks them like any other link.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from generators.decide.tables import decided_documents
from generators.outputs.site.context import GeneratedPage, SiteContext, StartEntry
from generators.outputs.site.escape import Safe, element, json_data_block
from generators.outputs.site.render import render, slug
from generators.outputs.site.swedish import long_date
from generators.paths import RULES_SITE_DIR
from generators.wording.decide_page import page_words
from generators.wording.swedish import join

PATH = "vem-beslutar.md"
RULES_FILE = "decisions.json"
# The page reads the tables in parts (generators/outputs/rules/decision_parts.py): their index first.
PARTS_INDEX = "decisions/index.json"


def plan(ctx: SiteContext) -> None:
    if RULES_FILE not in ctx.rules:
        return
    ctx.named_pages["vem-beslutar"] = PATH
    ctx.start_entries.append(StartEntry(
        "Fråga direkt: vem beslutar?",
        _start_text(json.loads(ctx.rules[RULES_FILE])),
        ((PATH, "Ställ din fråga på sidan Vem beslutar?"),),
        order=50,
    ))


# What the page answers besides delegation, by decision table: the start page names only the
# questions whose table the organisation's documents give (a region without a travel policy gets
# no promise about trips).
OTHER_ANSWERS = (
    ("travel", "vem som godkänner en tjänsteresa"),
    ("whistleblowing", "vem som utreder en visselblåsarrapport"),
    ("procurement", "vad som gäller vid ett inköp"),
)


def _start_text(tables: dict[str, object]) -> str:
    others = [answer for table, answer in OTHER_ANSWERS if tables.get(table) is not None]
    if tables.get("delegation") is None:
        return f"Sidan svarar på {join(others)}." if others else "Sidan svarar på frågor om vem som beslutar."
    text = ("Välj nämnd, ärende, belopp och datum, så visas vem som får fatta beslutet, vem som ersätter vid "
            "frånvaro eller jäv och varför.")
    return f"{text} Samma sida svarar på {join(others)}." if others else text


def pages(ctx: SiteContext) -> Iterator[GeneratedPage]:
    if RULES_FILE not in ctx.rules:
        return
    yield GeneratedPage(
        path=PATH,
        title="Vem beslutar?",
        content=render(
            "decide.md.j2",
            genitive=ctx.organisation.words.genitive,
            as_of=long_date(ctx.as_of),
            headings=_headings(ctx),
            rules_url=ctx.asset_href(PATH, f"{RULES_SITE_DIR}/{PARTS_INDEX}"),
            words=json_data_block("vb-ord", page_words(long_date(ctx.as_of))),
            actor_links=_actor_links(ctx),
            document_links=_document_links(ctx),
            api=_named(ctx, "json-regler", "JSON-reglerna"),
            delegations=_named(ctx, "delegationsordningar", "delegationsordningarna"),
        ),
        nav=(),
        order=(),
    )


# The four questions, by the key the page's script and its URLs use, and the decision table they need.
QUESTIONS = (
    ("delegation", "delegation", "Vem får besluta i ett ärende?"),
    ("resa", "travel", "Vem godkänner en tjänsteresa?"),
    ("visselblasning", "whistleblowing", "Vem utreder en visselblåsarrapport?"),
    ("upphandling", "procurement", "Vad gäller vid ett inköp?"),
)


def _headings(ctx: SiteContext) -> dict[str, dict[str, str] | None]:
    """Each question's heading and its anchor (the form's name), or None when its table is missing."""
    tables = json.loads(ctx.rules[RULES_FILE])
    return {
        key: {"title": title, "id": slug(title)} if tables.get(table) is not None else None
        for key, table, title in QUESTIONS
    }


def _actor_links(ctx: SiteContext) -> list[Safe]:
    """An empty link per actor page, keyed by the actor key the answers use (position:socialchef …)."""
    return [element("a", "", href=ctx.href(PATH, path), data_key=key) for key, path in sorted(ctx.actor_pages.items())]


def _document_links(ctx: SiteContext) -> list[Safe]:
    """An empty link per published document version with a page, keyed by document id and version."""
    model = ctx.model
    documents = decided_documents(model)
    links = []
    for document in documents:
        path = ctx.document_page(document)
        if path is None:
            continue
        links.append(((document.meta.id, document.meta.version),
                      element("a", "", href=ctx.href(PATH, path), data_document=document.meta.id, data_version=document.meta.version)))
    return [link for _key, link in sorted(links)]


def _named(ctx: SiteContext, name: str, label: str) -> Safe | None:
    path = ctx.named_pages.get(name)
    return ctx.page_link(PATH, path, label) if path else None
