"""The "Avtal" page for staff: who owns each contract, and which contracts end within six months.

Built from the avtalsregister's model (`generators.model.contracts`): the owner per contract in force
on the build date, by category; the contracts whose current end date (options used) falls within six
months of the build date, with the day by which the owner must give notice or decide on an option.
A sole trader's organisation number is never shown (`Supplier.published_id`).
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.model.contracts import Contract, ContractRegister, add_months, contracts_model, notice_deadline
from generators.outputs.site.context import GeneratedPage, SiteContext, StartEntry
from generators.outputs.site.escape import Safe, text
from generators.outputs.site.render import slug
from generators.outputs.site.tables import Row, table
from generators.wording.swedish import kronor

PATH = "avtal/index.md"
SECTION = "Avtal"
NAV_ORDER = 20
ENDING_MONTHS = 6
ENDING_HEADING = "Avtal som löper ut inom sex månader"
ENDING_ANCHOR = slug(ENDING_HEADING)


def plan(ctx: SiteContext) -> None:
    if not contracts_model(ctx.model).registers:
        return
    ctx.named_pages["avtal"] = PATH
    for register in contracts_model(ctx.model).registers:
        ctx.set_file_page(register.file, PATH)
    ctx.start_entries.append(StartEntry(
        "Vem äger avtalet?",
        "Varje avtal har en avtalsägare och en avtalsförvaltare. Här finns alla gällande avtal och de som löper ut det närmaste halvåret.",
        ((PATH, "Avtal och avtalsägare"), (PATH, "Avtal som löper ut", ENDING_ANCHOR)),
        order=450,
    ))


def pages(ctx: SiteContext) -> Iterator[GeneratedPage]:
    registers = contracts_model(ctx.model).registers
    if not registers:
        return
    yield GeneratedPage(path=PATH, title=SECTION, content=_page(ctx, registers), nav=(SECTION,), nav_order=(NAV_ORDER,), order=(0,))


def _supplier(contract: Contract) -> str:
    shown = contract.supplier.published_id
    if contract.supplier.sole_trader:
        return f"{contract.supplier.name} (enskild firma)"
    return f"{contract.supplier.name} ({shown})" if shown else contract.supplier.name


def _owner_cell(ctx: SiteContext, contract: Contract) -> Safe:
    if contract.owner is None:
        return text("Ingen avtalsägare")
    return ctx.actor_link(contract.owner, PATH)


def _page(ctx: SiteContext, registers: list[ContractRegister]) -> str:
    day = ctx.as_of
    horizon = add_months(day, ENDING_MONTHS)
    parts: list[str] = [f"# {SECTION}\n"]
    for register in registers:
        active = [c for c in register.contracts if c.in_force_on(day)]
        parts.append(str(text(
            f"{register.meta.title}, uttag {register.meta.extracted.isoformat()}. Sidan visar läget {day.isoformat()}: "
            f"{len(active)} gällande avtal av {len(register.contracts)} i registret. Avtalsägaren ansvarar för att avtalet följs, "
            "att fakturorna stämmer mot avtalets priser och att avtalet förlängs, sägs upp eller upphandlas på nytt i tid. "
            "Värdena är uppskattade värden exklusive moms för hela avtalstiden med optioner.")) + "\n")
        ending = sorted((c for c in active if c.current_end() <= horizon), key=lambda c: (c.current_end(), c.id))
        parts.append(f"\n## {ENDING_HEADING}\n")
        if ending:
            rows = [Row([text(c.id), text(c.subject), text(_supplier(c)), text(c.current_end().isoformat()),
                         text("Ja, till " + c.open_options()[0].extends_to.isoformat() if c.open_options() else "Nej"),
                         text(notice_deadline(register, c).isoformat()), _owner_cell(ctx, c)]) for c in ending]
            parts.append(str(table(f"Avtal som löper ut till och med {horizon.isoformat()}",
                                   ["Avtal", "Gäller", "Leverantör", "Löper ut", "Option kvar", "Sista dag för beslut", "Avtalsägare"],
                                   rows, css_class="amounts-table")) + "\n")
        else:
            parts.append(str(text(f"Inget gällande avtal löper ut till och med {horizon.isoformat()}.")) + "\n")
        parts.append("\n## Gällande avtal och avtalsägare\n")
        for category_id, category in sorted(register.categories.items(), key=lambda kv: kv[1].name):
            in_category = sorted((c for c in active if c.category == category_id), key=lambda c: c.id)
            if not in_category:
                continue
            parts.append(f"\n### {text(category.name)}\n")
            rows = [Row([text(c.id), text(c.subject), text(_supplier(c)), text(c.current_end().isoformat()),
                         text(kronor(c.value_sek)), _owner_cell(ctx, c), ctx.actor_link(c.manager, PATH)]) for c in in_category]
            parts.append(str(table(f"{category.name}: gällande avtal", ["Avtal", "Gäller", "Leverantör", "Löper till", "Värde", "Avtalsägare",
                                                                       "Avtalsförvaltare"], rows, css_class="amounts-table")) + "\n")
    return "\n".join(parts)
