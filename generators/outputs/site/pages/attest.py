"""Attest: "Vem attesterar?" – the attestreglemente and one page per nämnd's attestförteckning.

The reglemente's page (`attest/index.md`) gives its general rules in plain Swedish, each with its
paragraph, the attest steps, the amount levels and the third step. Each förteckning gets a page
(`attest/<förteckningens id>.md`) with a table per ansvar, kostnadsställe or project: who receives,
reviews and beslutsattests, the substitute, the amount limit and who attests above it, whether the
third step can apply and who takes it, and the period. Positions link to their role pages.

Nothing is decided here: the third step's attestant is the model's (`independent_third`,
`third_step_may_apply`), the same as `decide attest` and attest.json use.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from generators.model.attest import (
    Ansvar,
    Attestforteckning,
    Attestreglemente,
    attest_model,
    independent_third,
    third_step_may_apply,
)
from generators.outputs.site import documents
from generators.outputs.site.context import GeneratedPage, SiteContext, StartEntry, Versions
from generators.outputs.site.escape import Safe, text
from generators.outputs.site.render import render, slug
from generators.outputs.site.swedish import kronor, long_date
from generators.outputs.site.tables import Row, table
from generators.wording.labels import ATTEST_RULES, ATTEST_STEPS
from generators.wording.swedish import upper_first

SECTION = "Attest"
FOLDER = "attest"
NAV_ORDER = 20
HEADERS = ("Ansvar", "Mottagningsattest", "Granskningsattest", "Beslutsattestant", "Ersättare", "Beloppsgräns",
           "Tredje steget", "Period")
# The order the general rules are shown in (the reglemente's own keys).
RULE_ORDER = ("two_in_conjunction", "own_costs", "superior_costs", "director_costs", "substitute_per_code",
              "substitute_only_when_absent", "limits_follow_delegation", "system_matching", "annual_list")

TABLE_ANCHOR = slug("Vem attesterar?")
THIRD_ANCHOR = slug("Det tredje atteststeget")
RULES_ANCHOR = slug("Regler i attestreglementet")
LISTS_ANCHOR = slug("Attestförteckningar")


def _reglementen(ctx: SiteContext) -> list[tuple[Attestreglemente, Versions]]:
    return documents.published(ctx, list(attest_model(ctx.model).reglementen))


def _lists(ctx: SiteContext) -> list[tuple[Attestforteckning, Versions]]:
    found = documents.published(ctx, list(attest_model(ctx.model).forteckningar))
    return sorted(found, key=lambda pair: (ctx.body_name(pair[0].body), pair[0].meta.valid_from))


def _day(ctx: SiteContext, document: Any) -> date:
    return max(ctx.as_of, document.meta.valid_from)


def plan(ctx: SiteContext) -> None:
    main = documents.plan_document(ctx, _reglementen(ctx), FOLDER, "attest")
    if main is None:
        return
    seen: set[str] = set()
    for forteckning, _versions in _lists(ctx):
        meta = forteckning.meta
        first = meta.id not in seen
        seen.add(meta.id)
        ctx.set_document_page(forteckning, f"{FOLDER}/{meta.id}.md" if first else f"{FOLDER}/{meta.id}-{meta.valid_from.isoformat()}.md")
    ctx.start_entries.append(StartEntry(
        "Vem attesterar fakturan?",
        "Nämndens attestförteckning anger för varje ansvar vem som tar emot, granskar och beslutsattesterar, "
        "ersättaren och beloppsgränsen. Konsult- och säkerhetstjänster och stora belopp kan kräva ett tredje steg.",
        ((main, "Attestreglementet och nämndernas attestförteckningar"),),
        order=150,
    ))


def pages(ctx: SiteContext) -> Iterator[GeneratedPage]:
    yield from documents.version_pages(ctx, _reglementen(ctx), SECTION, NAV_ORDER,
                                       lambda document, versions, path: _reglemente_page(ctx, document, versions, path), order=(0,))
    for forteckning, versions in _lists(ctx):
        path = ctx.document_pages[id(forteckning)]
        later = forteckning.meta.valid_from > ctx.as_of
        name = ctx.body_name(forteckning.body)
        title = f"{name} från {long_date(forteckning.meta.valid_from)}" if later else name
        yield GeneratedPage(path=path, title=title, content=_list_page(ctx, forteckning, versions, path),
                            nav=(SECTION,), nav_order=(NAV_ORDER,), order=(1, name, forteckning.meta.valid_from))


def _common(ctx: SiteContext, document: Any, versions: Versions, page: str) -> dict[str, Any]:
    return {
        "site_name": f"Styrdokument – {ctx.municipality_name}" if ctx.municipality_name else "Styrdokument",
        "as_of": long_date(_day(ctx, document)),
        "meta_box": documents.metadata_box(ctx, document, page),
        "notices": [n.html() for n in documents.notices(ctx, document, page, versions.current, versions.upcoming)],
        "summary": documents.summary_html(document.meta),
    }


# -- the reglemente ----------------------------------------------------------------------------------
def general_rules(reglemente: Attestreglemente) -> list[dict[str, Any]]:
    """The rules the reglemente states, in a fixed order: name, paragraph and the reglemente's own text."""
    found = []
    for key in RULE_ORDER:
        rule = reglemente.states(key)
        if rule is not None:
            found.append({"label": upper_first(ATTEST_RULES[key]), "paragraph": rule.paragraph, "text": rule.text})
    return found


def _third_text(ctx: SiteContext, reglemente: Attestreglemente, page: str) -> dict[str, Any] | None:
    third = reglemente.third_step
    if third is None:
        return None
    triggers = [reglemente.categories[c].name.lower() if c in reglemente.categories else c for c in third.categories]
    when = []
    if triggers:
        when.append(f"fakturor i kategorierna {', '.join(triggers)}")
    if third.from_amount is not None:
        when.append(f"alla fakturor från {kronor(third.from_amount)} exklusive moms")
    return {
        "paragraph": third.rule.paragraph,
        "text": third.rule.text,
        "when": "Det tredje steget gäller " + " och ".join(when) + "." if when else None,
        "who": Safe(f"Steget tas av {ctx.actor_link(third.attestant, page, running=True)}; ersättare är "
                    f"{ctx.actor_link(third.substitute, page, running=True)}."),
    }


def _level_text(reglemente: Attestreglemente, level_id: str) -> str:
    level = reglemente.levels.get(level_id)
    if level is None:
        return level_id
    return f"{level.name}: " + ("utan beloppsgräns" if level.up_to is None else f"upp till {kronor(level.up_to)}")


def _reglemente_page(ctx: SiteContext, reglemente: Attestreglemente, versions: Versions, page: str) -> str:
    day = _day(ctx, reglemente)
    steps = [{"label": ATTEST_STEPS[key], "paragraph": step.paragraph, "text": step.text}
             for key in ("receipt", "review", "decision") if (step := reglemente.steps.get(key)) is not None]
    levels = table("Beloppsnivåer för beslutsattest", ["Nivå", "Beloppsgräns"],
                   [Row([lv.name, "Utan beloppsgräns" if lv.up_to is None else f"Upp till {kronor(lv.up_to)}"]) for lv in reglemente.levels.values()])
    categories = table("Kostnadskategorier", ["Kategori", "Konton", "Tredje steget"], [
        Row([c.name, ", ".join(c.accounts) or "–",
             "Ja, alltid" if reglemente.third_step is not None and c.id in reglemente.third_step.categories else "Efter belopp"
             if reglemente.third_step is not None and reglemente.third_step.from_amount is not None else "Nej"])
        for c in reglemente.categories.values()])
    lists = [(ctx.page_link(page, ctx.document_page(f), ctx.body_name(f.body)), f.meta.title)
             for f, _v in _lists(ctx) if f.covers(day) or f.period_from > day]
    return render(
        "attest.md.j2",
        **_common(ctx, reglemente, versions, page),
        title=reglemente.meta.title,
        steps=steps,
        rules=general_rules(reglemente),
        third=_third_text(ctx, reglemente, page),
        levels=levels,
        categories=categories,
        lists=lists,
        anchors={"third": THIRD_ANCHOR, "rules": RULES_ANCHOR, "lists": LISTS_ANCHOR},
    )


# -- one nämnd's förteckning --------------------------------------------------------------------------
def _ansvar_cell(ansvar: Ansvar) -> Safe:
    kind = {"ansvar": "Ansvar", "kostnadsstalle": "Kostnadsställe", "projekt": "Projekt"}.get(ansvar.kind, ansvar.kind)
    return Safe(f"<strong>{text(ansvar.code)}</strong> {text(ansvar.name)}<br>\n<span class=\"muted\">{text(kind)}</span>")


def third_cell(ctx: SiteContext, reglemente: Attestreglemente | None, ansvar: Ansvar, page: str) -> Safe:
    """Whether the third step can apply on the ansvar, and who takes it (the model's answer)."""
    if reglemente is None or reglemente.third_step is None or not third_step_may_apply(reglemente, ansvar):
        return text("Gäller inte")
    third = reglemente.third_step
    when = [reglemente.categories[c].name.lower() for c in third.categories if ansvar.carries(c) and c in reglemente.categories]
    parts = []
    if when:
        parts.append(f"för {', '.join(when)}")
    if third.from_amount is not None:
        parts.append(f"från {kronor(third.from_amount)}")
    chosen = independent_third(ctx.organisation, reglemente, ansvar)
    who = (ctx.actor_link(chosen[0], page) if chosen is not None
           else Safe('<strong class="overdue">Ingen oberoende attestant</strong>'))
    return Safe(f"{who}<br>\n<span class=\"muted\">{text(' och '.join(parts).capitalize() + ' (' + third.rule.paragraph + ')')}</span>")


def _row(ctx: SiteContext, reglemente: Attestreglemente | None, forteckning: Attestforteckning, ansvar: Ansvar, page: str) -> Row:
    level = _level_text(reglemente, ansvar.level) if reglemente is not None else ansvar.level
    limit = text(level)
    if ansvar.above_level is not None:
        limit = Safe(f"{limit}<br>\nÖver gränsen: {ctx.actor_link(ansvar.above_level, page)}")
    decider = ctx.actor_link(ansvar.decider, page)
    if ansvar.costs_of:
        decider = Safe(f"{decider}<br>\n<span class=\"muted\">Kostnader för {ctx.actors_links(ansvar.costs_of, page)}</span>")
    if ansvar.note:
        decider = Safe(f"{decider}<br>\n<span class=\"note\">{text(ansvar.note)}</span>")
    substitute = ctx.actor_link(ansvar.substitute, page) if ansvar.substitute is not None else Safe('<span class="muted">Saknas</span>')
    period = f"{long_date(forteckning.period_from)}–{long_date(forteckning.period_to)}"
    return Row([_ansvar_cell(ansvar), ctx.actor_link(ansvar.receiver, page), ctx.actor_link(ansvar.reviewer, page), decider,
                substitute, limit, third_cell(ctx, reglemente, ansvar, page), period], id=f"ansvar-{ansvar.code}")


def _list_page(ctx: SiteContext, forteckning: Attestforteckning, versions: Versions, page: str) -> str:
    day = max(_day(ctx, forteckning), forteckning.period_from)
    reglemente = attest_model(ctx.model).reglemente_on(day)
    name = ctx.body_name(forteckning.body)
    rows = [_row(ctx, reglemente, forteckning, a, page) for a in forteckning.ansvar]
    reglemente_page = ctx.document_page(reglemente) if reglemente is not None else None
    return render(
        "attest_list.md.j2",
        **_common(ctx, forteckning, versions, page),
        title=f"Vem attesterar? {name}",
        body=ctx.page_link(page, ctx.actor_pages.get(f"body:{forteckning.body}"), name),
        period=f"{long_date(forteckning.period_from)}–{long_date(forteckning.period_to)}",
        table=table(forteckning.meta.title, list(HEADERS), rows, css_class="attest-table"),
        reglemente=ctx.page_link(page, reglemente_page, reglemente.meta.title) if reglemente is not None else None,
        third=_third_text(ctx, reglemente, page) if reglemente is not None else None,
        rules=general_rules(reglemente) if reglemente is not None else [],
        anchors={"table": TABLE_ANCHOR, "third": THIRD_ANCHOR, "rules": RULES_ANCHOR},
    )
