"""The attest page: who may attest, up to which amount."""

from __future__ import annotations

from collections.abc import Iterator

from generators.outputs.site.context import GeneratedPage, SiteContext
from generators.outputs.site.escape import text
from generators.outputs.site.swedish import kronor
from tests.kinds.attestdemo.model import attest_rules

PATH = "attestdemo/index.md"


def pages(ctx: SiteContext) -> Iterator[GeneratedPage]:
    rules = attest_rules(ctx.model)
    if rules is None:
        return
    positions = ctx.organisation.positions
    rows = "\n".join(
        f"| {text(positions[a.position].title if a.position in positions else a.position)} | {text(kronor(a.up_to))} |"
        for a in rules.attestants
    )
    yield GeneratedPage(
        path=PATH,
        title="Attest",
        content=f"# {text(rules.title)}\n\n| Attestant | Högsta belopp |\n|---|---|\n{rows}\n",
        nav=("Attestdemo",),
        nav_order=(20,),
        order=(),
    )
