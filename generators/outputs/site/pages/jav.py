"""Jäv och otillåten påverkan: the riktlinjer for staff. Who declares interests and bisysslor, what,
to whom and how often; gifts; what to do when one is jävig; and what is law and what is the
organisation's own choice.

The declarations are the guidelines' own groups (`declarations`), each with its declarants resolved
against the organisation (a role type is listed with its positions), so the page says exactly what
JV101 checks against the mandates in the other documents. The declarations staff hand in are
personal data and never reach the site.
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.model.jav import Guidelines, guidelines
from generators.outputs.site import documents
from generators.outputs.site.context import GeneratedPage, SiteContext, StartEntry, Versions
from generators.outputs.site.escape import Safe, join
from generators.outputs.site.legal import inline_legal
from generators.outputs.site.render import render
from generators.outputs.site.swedish import long_date
from generators.outputs.site.tables import Row, table
from generators.wording.labels import label
from generators.wording.swedish import join as join_words

SECTION = "Jäv"
FOLDER = "jav"
NAV_ORDER = 20


def published(ctx: SiteContext) -> list[tuple[Guidelines, Versions]]:
    return documents.published(ctx, guidelines(ctx.model))


def plan(ctx: SiteContext) -> None:
    docs = published(ctx)
    main = documents.plan_document(ctx, docs, FOLDER, "jav")
    if main is None:
        return
    ctx.start_entries.append(StartEntry(
        "Vad gäller om jag kan vara jävig?",
        "Vem som lämnar en deklaration om bisysslor och intressen, till vem och hur ofta, vad som gäller för gåvor "
        "och vad du gör när du är jävig.",
        ((main, "Riktlinjer mot jäv och otillåten påverkan"),),
        order=460,
    ))


def pages(ctx: SiteContext) -> Iterator[GeneratedPage]:
    yield from documents.version_pages(ctx, published(ctx), SECTION, NAV_ORDER,
                                       lambda document, versions, path: _page(ctx, document, versions, path))


def _every(months: int | None) -> str:
    """How often a declaration is renewed: 12 → 'varje år', 24 → 'vartannat år', 6 → 'var sjätte månad'."""
    if not months:
        return "när något ändras"
    if months % 12 == 0:
        years = months // 12
        return "varje år" if years == 1 else "vartannat år" if years == 2 else f"vart {years}:e år"
    return "varje månad" if months == 1 else "varannan månad" if months == 2 else f"var {months}:e månad"


def _declarants(ctx: SiteContext, document: Guidelines, page: str, index: int) -> Safe:
    declaration = document.declarations[index]
    return join([ctx.actor_link(actor, page) for actor in declaration.declarants])


def _page(ctx: SiteContext, document: Guidelines, versions: Versions, page: str) -> str:
    later = document.meta.valid_from > ctx.as_of
    rows = []
    for index, declaration in enumerate(document.declarations):
        every = _every(declaration.renew_every_months)
        rows.append(Row([_declarants(ctx, document, page, index), declaration.what, ctx.actor_link(declaration.to, page),
                         f"när uppdraget börjar, sedan {every}", declaration.paragraph]))
    mandates = [label("conflict_mandate", m) for m in document.mandates]
    return render(
        "jav.md.j2",
        heading=f"{document.meta.title}{' från ' + long_date(document.meta.valid_from) if later else ''}",
        site_name=ctx.site_title,
        as_of=long_date(max(ctx.as_of, document.meta.valid_from)),
        lead=("Här står vem som ska deklarera bisysslor och intressen, vad som gäller för gåvor och vad du gör om du är jävig. "
              "Dina egna deklarationer lämnar du till den som anges; de publiceras aldrig här."),
        meta_box=documents.metadata_box(ctx, document, page),
        notices=[n.html() for n in documents.notices(ctx, document, page, versions.current, versions.upcoming)],
        summary=documents.summary_html(document.meta),
        declarations_intro=("Riktlinjerna anger vilka som lämnar en deklaration. En befattning som hör till en grupp "
                            "(till exempel alla chefer) omfattas av gruppens rad."),
        declarations=table("Deklarationer", ["Vem", "Vad", "Lämnas till", "När", "Paragraf"], rows),
        mandates=(f"Riktlinjerna gäller särskilt den som har uppdrag inom {join_words([m.lower() for m in mandates])}: "
                  "den som har ett sådant uppdrag ska omfattas av en deklaration.") if mandates else "",
        gifts=document.gifts,
        recusal=document.recusal,
        law=inline_legal(ctx, document.legal_basis) if document.legal_basis else "",
    )
