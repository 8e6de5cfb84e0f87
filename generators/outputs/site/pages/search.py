"""The staff search page (sok/): the form, the organisation's synonyms and its recommended pages.

The search itself runs in the browser (site/assets/sok.js, over the Pagefind index). Pagefind stems
Swedish but knows no synonyms, so the words staff search with that the documents do not use
(`publication.search` in organisation.yaml: hyra → hyresavtal, New York → USA) travel with the page:
the script searches for each of them as well. A recommended page (`best_bets`) is a real link on
this page, shown first when the words are searched; X850 checks that its document exists.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from generators.outputs.site.context import GeneratedPage, SiteContext
from generators.outputs.site.escape import element
from generators.outputs.site.render import render

PATH = "sok.md"
SECTION = "Om webbplatsen"  # the section of the hand-written pages (generate.HANDWRITTEN_SECTION)


def plan(ctx: SiteContext) -> None:
    ctx.named_pages["sok"] = PATH


def pages(ctx: SiteContext) -> Iterator[GeneratedPage]:
    search = ctx.publication.get("search") or {}
    synonyms = [[str(word) for word in group["words"]] for group in search.get("synonyms") or []]
    best_bets = []
    for bet in search.get("best_bets") or []:
        target = ctx.document_ids.get(bet["document"])
        if target is None:
            continue  # X850 has reported it; the check stops the build before this page is made
        path, title = target
        words = json.dumps([str(word) for word in bet["words"]], ensure_ascii=False)
        best_bets.append(element("li", ctx.page_link(PATH, path, title), data_words=words))
    vem_beslutar = ctx.named_pages.get("vem-beslutar")
    yield GeneratedPage(
        path=PATH,
        title="Sök",
        content=render(
            "search.md.j2",
            synonyms=json.dumps(synonyms, ensure_ascii=False),
            best_bets=best_bets,
            vem_beslutar=ctx.page_link(PATH, vem_beslutar, "Vem beslutar?") if vem_beslutar else "Vem beslutar?",
        ),
        nav=(SECTION,),
        nav_order=(60,),
        order=(PATH,),
    )
