"""Role-page contributions from the attestreglemente and the attestförteckningar in force.

For every position or role type a förteckning names: on which ansvar it receives, reviews or
beslutsattests invoices, stands in as substitute or attests above the amount level, with the limit;
for the third step's attestant and substitute, which invoices they take (the reglemente's categories
and amount); for the direktör's costs rule, who attests them. Rows link to the förteckning's row on
the "Vem attesterar?" page. Nothing is decided here: the rows are the model's data as adopted.
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.model.attest import Ansvar, Attestforteckning, Attestreglemente, attest_model
from generators.model.common import Actor
from generators.outputs.site.context import SiteContext
from generators.outputs.site.roles import PageLink, RoleEntry, Topic
from generators.outputs.site.swedish import kronor

ATTESTS = Topic(
    "attest-ansvar", 500, "Attesterar fakturor",
    "Ansvar, kostnadsställen och projekt där rollen attesterar enligt nämndens attestförteckning: i vilket steg och upp till vilket belopp.",
    ("Ansvar", "Uppgift", "Beloppsgräns"),
)
THIRD = Topic(
    "attest-third", 510, "Tredje atteststeget",
    "Fakturor som rollen attesterar i det tredje steget enligt attestreglementet, efter gransknings- och beslutsattest.",
    ("Fakturor", "Uppgift", "Regel"),
)
DIRECTOR = Topic(
    "attest-director", 520, "Beslutsattest av direktörens kostnader",
    "Vems egna kostnader rollen beslutsattesterar enligt attestreglementet.",
    ("Kostnader för", "Uppgift", "Regel"),
)
# The tasks of a förteckning row, in the order they are shown.
TASKS = (("receiver", "Mottagningsattest"), ("reviewer", "Granskningsattest"), ("decider", "Beslutsattestant"),
         ("substitute", "Ersättare för beslutsattestanten"), ("above_level", "Beslutsattest över beloppsgränsen"))


def contribute(ctx: SiteContext) -> Iterator[RoleEntry]:
    attest = attest_model(ctx.model)
    reglemente = attest.reglemente_on(ctx.as_of)
    for forteckning in attest.forteckningar_on(ctx.as_of):
        yield from _rows(ctx, reglemente, forteckning)
    if reglemente is not None:
        yield from _reglemente(ctx, reglemente)


def _limit(reglemente: Attestreglemente | None, ansvar: Ansvar, task: str) -> str:
    if task in ("receiver", "reviewer"):
        return "–"
    level = reglemente.levels.get(ansvar.level) if reglemente is not None else None
    if level is None:
        return ansvar.level
    if task == "above_level":
        return f"Över {kronor(level.up_to)}" if level.up_to is not None else "–"
    return "Utan beloppsgräns" if level.up_to is None else f"Upp till {kronor(level.up_to)}"


def _rows(ctx: SiteContext, reglemente: Attestreglemente | None, forteckning: Attestforteckning) -> Iterator[RoleEntry]:
    page = ctx.document_page(forteckning)
    group = PageLink(page, forteckning.meta.title)
    for index, ansvar in enumerate(forteckning.ansvar):
        link = PageLink(page, f"{ansvar.code} {ansvar.name}", f"ansvar-{ansvar.code}")
        for order, (task, label) in enumerate(TASKS):
            actor: Actor | None = getattr(ansvar, task)
            if actor is None:
                continue
            yield RoleEntry(actor, ATTESTS, (link, label, _limit(reglemente, ansvar, task)),
                            (forteckning.body, index, order), group)


def _reglemente(ctx: SiteContext, reglemente: Attestreglemente) -> Iterator[RoleEntry]:
    page = ctx.document_page(reglemente)
    group = PageLink(page, reglemente.meta.title)
    third = reglemente.third_step
    if third is not None:
        names = [reglemente.categories[c].name if c in reglemente.categories else c for c in third.categories]
        if third.from_amount is not None:
            names.append(f"Alla fakturor från {kronor(third.from_amount)} exklusive moms")
        rule = PageLink(page, f"{third.rule.paragraph} attestreglementet", "det-tredje-atteststeget")
        for order, (actor, label) in enumerate(((third.attestant, "Ordinarie attestant"),
                                                 (third.substitute, "Ersättare, och när den ordinarie inte är oberoende"))):
            for i, name in enumerate(names):
                yield RoleEntry(actor, THIRD, (name, label, rule), (order, i), group)
    director = reglemente.director
    if director is not None:
        rule = PageLink(page, f"{director.rule.paragraph} attestreglementet", "regler-i-attestreglementet")
        holder = ctx.actor_label(director.director)
        yield RoleEntry(director.attested_by, DIRECTOR, (holder, "Beslutsattesterar", rule), (0,), group)
        yield RoleEntry(director.substitute, DIRECTOR, (holder, "Beslutsattesterar vid ordförandens frånvaro", rule), (1,), group)
