"""What every document page shows: the metadata box and the notices about review and versions.

Shared by every document kind (delegationsordningar now; travel, whistleblowing and procurement pages
use the same functions), so all document pages look and print alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from generators.model.common import DocumentMeta
from generators.outputs.site.context import GeneratedPage, SiteContext, Versions
from generators.outputs.site.escape import Safe, element, link, text
from generators.outputs.site.swedish import long_date
from generators.wording.labels import label


@dataclass(frozen=True)
class Notice:
    """An admonition: `kind` is a Material admonition type (info, warning, note).

    A notice about a version change is true only on some days: `shown_from`/`shown_until` say which.
    The page is built showing the notices true on the build date, and site/assets/giltighet.js shows
    those true on the reader's date, so a page built in December still says the right thing in
    January, when the adopted version has taken over, even if nobody has rebuilt the site.
    """

    kind: str
    title: str
    body: Safe
    shown_from: date | None = None
    shown_until: date | None = None
    as_of: date | None = None  # the build date, for the state the page is built in

    def html(self) -> Safe:
        dated = ""
        if self.shown_from is not None:
            dated += f' data-visa-fran="{self.shown_from.isoformat()}"'
        if self.shown_until is not None:
            dated += f' data-visa-till="{self.shown_until.isoformat()}"'
        hidden = " hidden" if self.as_of is not None and not self.true_on(self.as_of) else ""
        return Safe(
            f'<div class="admonition {text(self.kind)}" role="note"{dated}{hidden}>'
            f'<p class="admonition-title">{text(self.title)}</p><p>{self.body}</p></div>'
        )

    def true_on(self, day: date) -> bool:
        return (self.shown_from is None or self.shown_from <= day) and (self.shown_until is None or day <= self.shown_until)


def metadata_box(ctx: SiteContext, document: Any, page: str) -> Safe:
    """The document's metadata as a description list (printed at the top of the paper copy too)."""
    meta: DocumentMeta = document.meta
    rows: list[tuple[str, Safe]] = []
    adoption = meta.adopted_by
    if adoption is not None:
        rows.append(("Antagen av", ctx.page_link(page, ctx.actor_pages.get(f"body:{adoption.body}"), ctx.body_name(adoption.body))))
        rows.append(("Beslutsdatum", text(long_date(adoption.date))))
        rows.append(("Paragraf", text(adoption.paragraph)))
        diarienummer = text(adoption.diarienummer)
        if adoption.protocol_url:
            diarienummer = link(
                adoption.protocol_url,
                f"{adoption.diarienummer} (protokollet)",
                external=True,
                css_class="protocol-link",
            )
        rows.append(("Diarienummer", diarienummer))
        if meta.corrections:  # rättelser belong with the decision whose text they bring back in line
            items = "".join(f"<li>{text(long_date(c.date))}, efter protokollets {text(c.paragraph)}: {text(c.reason)}</li>"
                            for c in meta.corrections)
            rows.append(("Rättelser", Safe(f'<ul class="corrections">{items}</ul>')))
    else:
        rows.append(("Status", text(label("document_status", meta.status))))
    rows.append(("Version", text(meta.version)))
    rows.append(("Gäller från", text(long_date(meta.valid_from))))
    if meta.valid_to is not None:
        rows.append(("Gäller till och med", text(long_date(meta.valid_to))))
    rows.append(("Dokumentägare", ctx.actor_link(meta.owner, page)))
    review = text(long_date(meta.review_by))
    if meta.review_by < ctx.as_of:
        review = Safe(f'{review} <strong class="overdue">(försenad)</strong>')
    rows.append(("Nästa översyn", review))
    items = "\n".join(f"<div><dt>{text(label)}</dt> <dd>{value}</dd></div>" for label, value in rows)
    return Safe(f'<section class="document-meta" aria-label="Om dokumentet"><dl>{items}</dl></section>')


def notices(ctx: SiteContext, document: Any, page: str, current: Any | None, upcoming: tuple[Any, ...]) -> list[Notice]:
    """Overdue review, an adopted version still to come, or (on a future version) what applies until then."""
    meta: DocumentMeta = document.meta
    found: list[Notice] = []
    if meta.valid_from > ctx.as_of:
        until = (
            Safe(f" Till dess gäller {ctx.page_link(page, ctx.document_page(current), 'den nuvarande versionen')}.")
            if current is not None
            else Safe("")
        )
        found.append(Notice(
            "info",
            f"Antagen version som gäller från {long_date(meta.valid_from)}",
            Safe(f"Den här versionen är antagen men har ännu inte börjat gälla.{until}"),
            shown_until=meta.valid_from - timedelta(days=1), as_of=ctx.as_of,
        ))
        # From its first day the version is the one in force; the page then says so by itself.
        found.append(Notice(
            "info",
            f"Gäller från {long_date(meta.valid_from)}",
            text(f"Det här är version {meta.version}, som gäller från {long_date(meta.valid_from)}."),
            shown_from=meta.valid_from, shown_until=meta.valid_to, as_of=ctx.as_of,
        ))
        # A version to come that a later one already replaces (2027:1 until 2027:2 takes over) ends too.
        successor = next((u for u in upcoming if u.meta.valid_from > meta.valid_from), None)
        if meta.valid_to is not None and successor is not None:
            found.append(_ended(ctx, page, meta, successor))
    elif document is current:
        # Only the next version takes over from this one; the versions after it say on their own pages when they apply.
        for later in upcoming[:1]:
            starts = later.meta.valid_from
            new_page = ctx.page_link(page, ctx.document_page(later), "Läs den nya versionen")
            found.append(Notice(
                "info",
                f"Ny version antagen, gäller från {long_date(starts)}",
                Safe(
                    f"{text(ctx.body_name(later.meta.adopted_by.body) if later.meta.adopted_by else ctx.organisation.words.name)} har antagit "
                    f"en ny version ({text(later.meta.version)}). Den här sidan visar version {text(meta.version)}, som gäller "
                    f"till och med {text(long_date(starts - timedelta(days=1)))}. {new_page}."
                ),
                shown_until=starts - timedelta(days=1), as_of=ctx.as_of,
            ))
            found.append(_ended(ctx, page, meta, later))
        if meta.valid_to is not None and not upcoming:
            found.append(Notice(
                "warning",
                f"Gäller till och med {long_date(meta.valid_to)}",
                text("Någon ny version är inte antagen ännu."),
            ))
    if meta.review_by < ctx.as_of:
        found.append(Notice(
            "warning",
            "Översynen är försenad",
            text(
                f"Dokumentet skulle ha setts över senast {long_date(meta.review_by)}. Det gäller ändå tills "
                f"ett nytt beslut fattas; kontakta dokumentägaren om något verkar inaktuellt."
            ),
        ))
    return found


def _ended(ctx: SiteContext, page: str, meta: DocumentMeta, later: Any) -> Notice:
    """'Den här versionen gäller inte längre sedan …', shown from the day the next version takes over."""
    starts = later.meta.valid_from
    return Notice(
        "warning",
        f"Den här versionen gäller inte längre sedan {long_date(starts)}",
        Safe(
            f"Version {text(meta.version)} gällde till och med {text(long_date(starts - timedelta(days=1)))}. "
            f"Från {text(long_date(starts))} gäller version {text(later.meta.version)}. "
            f"{ctx.page_link(page, ctx.document_page(later), 'Gå till versionen som gäller')}."
        ),
        shown_from=starts, as_of=ctx.as_of,
    )


def summary_html(meta: DocumentMeta) -> Safe:
    return element("p", meta.summary, class_="document-summary") if meta.summary else Safe("")


def published(ctx: SiteContext, documents: list[Any]) -> list[tuple[Any, Versions]]:
    """Every published version of a single-document policy (in force, or adopted and to come) with its group."""
    return [(document, versions) for versions in ctx.versions(documents) for document in versions.published()]


def plan_version_pages(ctx: SiteContext, docs: list[tuple[Any, Versions]], folder: str) -> str:
    """Give each version its page (the first: `folder/index.md`, later ones by id and start date); the main page's path."""
    for index, (document, _versions) in enumerate(docs):
        meta = document.meta
        ctx.set_document_page(document, f"{folder}/index.md" if index == 0 else f"{folder}/{meta.id}-{meta.valid_from.isoformat()}.md")
    return ctx.document_pages[id(docs[0][0])]


def plan_document(ctx: SiteContext, docs: list[tuple[Any, Versions]], folder: str, name: str) -> str | None:
    """A single-document policy's part of `plan`: each published version gets its page, and the main one
    is named (`ctx.named_pages[name]`) for links from other pages. The main page's path; None when no
    version is published (the policy has no pages and no start-page entry)."""
    if not docs:
        return None
    main = plan_version_pages(ctx, docs, folder)
    ctx.named_pages[name] = main
    return main


def version_pages(ctx: SiteContext, docs: list[tuple[Any, Versions]], section: str, nav_order: int,
                  content: Callable[[Any, Versions, str], str], order: tuple[Any, ...] = ()) -> Iterator[GeneratedPage]:
    """One page per published version, under the section's tab: the first is the section's own page,
    a version to come is titled by its start ("Från 1 januari 2027"), any other by the document's title.
    `content(document, versions, path)` writes the page; `order` goes before (start, id) in the page order."""
    for index, (document, versions) in enumerate(docs):
        meta = document.meta
        path = ctx.document_pages[id(document)]
        later = meta.valid_from > ctx.as_of
        title = section if index == 0 else f"Från {long_date(meta.valid_from)}" if later else meta.title
        yield GeneratedPage(path=path, title=title, content=content(document, versions, path), nav=(section,),
                            nav_order=(nav_order,), order=(*order, meta.valid_from, meta.id))
