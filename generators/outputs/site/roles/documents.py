"""Role-page contributions common to every document: which documents a role owns.

The owner (`document.owner`) answers for keeping a document up to date; staff ask the owner when
something in it seems wrong. Covers every governed document kind, present and future, through
`Model.governed_documents()`.
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.outputs.site.context import SiteContext
from generators.outputs.site.roles import PageLink, RoleEntry, Topic
from generators.outputs.site.swedish import long_date

OWNS = Topic(
    "document-owner", 900, "Ansvarar för styrdokument",
    "Rollen är dokumentägare: ser till att dokumentet hålls aktuellt och ses över i tid.",
    ("Dokument", "Gäller från", "Nästa översyn"),
)


def contribute(ctx: SiteContext) -> Iterator[RoleEntry]:
    documents = ctx.model.governed_documents()
    for versions in ctx.versions(documents):
        for document in ([versions.current] if versions.current is not None else []) + list(versions.upcoming):
            meta = document.meta
            review = long_date(meta.review_by) + (" (försenad)" if meta.review_by < ctx.as_of else "")
            yield RoleEntry(
                meta.owner,
                OWNS,
                (PageLink(ctx.document_page(document), meta.title), long_date(meta.valid_from), review),
                (meta.title, meta.valid_from),
            )
