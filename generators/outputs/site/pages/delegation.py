"""Delegationsordningar: one page per body (the version in force, and each adopted version to come).

Each section of matters is a captioned table: Nr, Ärende, Delegat, Ersättare, Vidaredelegation,
Lagrum, Belopp, Anmälan. Every matter row carries its stable id as anchor, so role pages and other
systems can link to `…/socialnamnden/#sn-ekbistand-norm`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from generators.model.common import Amount
from generators.model.delegation import Condition, Countersigning, DelegationOrder, Matter, SubstitutionRule, Tier
from generators.outputs.site import documents
from generators.outputs.site.context import GeneratedPage, SiteContext, StartEntry, Versions
from generators.outputs.site.escape import Safe, link, text
from generators.outputs.site.legal import legal_basis
from generators.outputs.site.render import render, slug
from generators.outputs.site.swedish import (
    amount_parts,
    amount_text,
    genitive,
    limit_text,
    long_date,
    lower_first,
    number,
    upper_first,
)
from generators.outputs.site.tables import Row, table
from generators.wording.labels import label
from generators.wording.limits import duration_text, range_text
from generators.wording.swedish import join, sentence

SECTION = "Delegationsordningar"
INDEX = "delegationsordningar/index.md"
PROVISIONS_ANCHOR = slug("Allmänna bestämmelser")
FURTHER_ANCHOR = slug("Beslut om vidaredelegation")
RETIRED_ANCHOR = slug("Upphörda ärenden")
# "Vidaredelegation" may break as "Vidare-/delegation" in a narrow column (a soft hyphen).
COLUMNS = ("Nr", "Ärende", "Delegat", "Ersättare", Safe("Vidare&shy;delegation"), "Lagrum", "Belopp", "Anmälan")
COLUMN_CLASSES = ("col-nr", "col-arende", "col-delegat", "col-ersattare", "col-vd", "col-lagrum", "col-belopp", "col-anmalan")


def plan(ctx: SiteContext) -> None:
    ctx.named_pages["delegationsordningar"] = INDEX
    used: set[str] = set()
    current: list[tuple[str, str]] = []
    for versions in ctx.versions(ctx.model.delegations):
        for order in _published(versions):
            ctx.set_document_page(order, _path(ctx, order, versions, used))
            for matter in order.matters:  # every matter row carries its id (the statute pages link to it)
                ctx.entity_anchors[(matter.source.file, matter.source.path)] = matter.id
        if versions.current is not None:
            current.append((ctx.body_name(versions.current.body), ctx.document_pages[id(versions.current)]))
    ctx.start_entries.append(StartEntry(
        "Vem får fatta ett visst beslut?",
        "Slå upp ärendet i delegationsordningen för den nämnd eller styrelse som ansvarar för frågan. "
        "Där står vem som beslutar, vem som ersätter, vilka belopp som gäller och när beslutet anmäls.",
        tuple((path, name) for name, path in sorted(current)) + ((INDEX, "Alla delegationsordningar"),),
        order=100,
    ))
    for kind, question, answer, order_key in _KIND_QUESTIONS:
        links = _sections_with_kind(ctx, kind)
        if links:
            ctx.start_entries.append(StartEntry(question, answer, tuple(links), order=order_key))
    ctx.start_entries.append(StartEntry(
        "Vem beslutar när chefen är borta eller jävig?",
        "Det står i kolumnen Ersättare och i de allmänna bestämmelserna först i varje delegationsordning. "
        "Oftast beslutar närmast överordnad chef.",
        ((INDEX, "Så läser du delegationsordningarna"),),
        order=300,
    ))


# Questions on the start page answered by the delegationsordningar's sections of one matter kind.
_KIND_QUESTIONS = (
    ("tjansteresa", "Vem beslutar om tjänsteresor?",
     ("Resor som kräver ett beslut på delegation, till exempel resor utanför EU/EES, står i "
     "delegationsordningarnas avsnitt om tjänsteresor. Välj nämnden eller styrelsen där du arbetar."), 150),
    ("upphandling", "Vem får göra inköp, upphandla och teckna avtal?",
     ("Beloppsgränserna för inköp, direktupphandling och avtal står i varje delegationsordning. Välj "
     "nämnden eller styrelsen som ansvarar för verksamheten."), 160),
)


def _sections_with_kind(ctx: SiteContext, kind: str) -> list[tuple[str, str, str]]:
    """(page, link text, anchor) for the first section of each document in force with a matter of `kind`."""
    found = []
    for versions in ctx.versions(ctx.model.delegations):
        order = versions.current
        if order is None:
            continue
        section_id = next((m.section_id for m in order.matters if m.kind == kind), None)
        if section_id is None:
            continue
        number, title = next((n, t) for i, n, t in order.sections if i == section_id)
        found.append((ctx.document_pages[id(order)], f"{ctx.body_name(order.body)}: {number} {title}", slug(f"{number} {title}")))
    return sorted(found, key=lambda link: link[1])


def _published(versions: Versions) -> list[DelegationOrder]:
    return versions.published()


def _path(ctx: SiteContext, order: DelegationOrder, versions: Versions, used: set[str]) -> str:
    """`delegationsordningar/<organ>.md` for the version in force, `<organ>-<från-datum>.md` for later ones."""
    day = order.meta.valid_from.isoformat()
    stem = order.body if order is versions.current else f"{order.body}-{day}"
    path = f"delegationsordningar/{stem}.md"
    if path in used:  # two documents for one body: fall back to the document id, which is unique
        path = f"delegationsordningar/{order.meta.id}-{day}.md"
    used.add(path)
    return path


def pages(ctx: SiteContext) -> Iterator[GeneratedPage]:
    overview: list[tuple[tuple[str, date], Row]] = []
    for versions in ctx.versions(ctx.model.delegations):
        for order in _published(versions):
            path = ctx.document_pages[id(order)]
            is_current = order is versions.current
            body = ctx.body_name(order.body)
            title = body if is_current else f"{body} från {long_date(order.meta.valid_from)}"
            yield GeneratedPage(
                path=path,
                title=title,
                content=_page(ctx, order, path, versions),
                nav=(SECTION,),
                nav_order=(10,),
                order=(body, order.meta.valid_from),
            )
            overview.append(((body, order.meta.valid_from), Row([
                ctx.page_link(INDEX, path, title),
                _validity(order),
                str(sum(1 for m in order.matters if not m.execution_only)),
                "Gäller nu" if is_current else "Antagen, börjar gälla senare",
            ])))
    overview.sort(key=lambda item: item[0])
    yield GeneratedPage(
        path=INDEX,
        title="Delegationsordningar",
        content=_overview(ctx, [row for _key, row in overview]),
        nav=(SECTION,),
        nav_order=(10,),
        order=(),
    )


def _validity(order: DelegationOrder) -> str:
    meta = order.meta
    if meta.valid_to is not None:
        return f"{long_date(meta.valid_from)} – {long_date(meta.valid_to)}"
    return f"från {long_date(meta.valid_from)}"


def _overview(ctx: SiteContext, rows: list[Row]) -> str:
    pbb = ctx.model.reference.value_on("prisbasbelopp", ctx.as_of)
    return render(
        "delegation_index.md.j2",
        styrelse=ctx.organisation.words.styrelse,
        table=table("Delegationsordningar per organ", ["Organ", "Giltighet", "Ärenden", "Status"], rows),
        as_of=long_date(ctx.as_of),
        year=ctx.as_of.year,
        pbb=number(pbb.value) if pbb is not None and pbb.value is not None else None,
        roles=ctx.page_link(INDEX, ctx.named_pages.get("roller"), "sidorna om roller"),
    )


# -- one delegationsordning ----------------------------------------------------------------------
def amount_day(ctx: SiteContext, order: DelegationOrder) -> date:
    """The day amounts are converted to kronor for: the build's date, or a later version's first day."""
    return max(ctx.as_of, order.meta.valid_from)


def _page(ctx: SiteContext, order: DelegationOrder, path: str, versions: Versions) -> str:
    day = amount_day(ctx, order)
    section_descriptions = {
        s.get("id"): s.get("description")
        for s in order.source.document.data.get("sections", ())
        if isinstance(s, dict)
    }
    matters_by_section: dict[str, list[Matter]] = {}
    for matter in order.matters:
        matters_by_section.setdefault(matter.section_id, []).append(matter)
    sections = []
    for section_id, section_number, section_title in order.sections:
        rows = [_matter_row(ctx, order, matter, path, day) for matter in matters_by_section.get(section_id, ())]
        sections.append({
            "anchor": slug(f"{section_number} {section_title}"),
            "number": section_number,
            "title": section_title,
            "description": section_descriptions.get(section_id),
            "table": table(
                f"Avsnitt {section_number}: {section_title}",
                COLUMNS,
                rows,
                css_class="delegation-table",
                column_classes=COLUMN_CLASSES,
            ),
        })
    matter_index = {m.id: m for m in order.matters}
    later = order.meta.valid_from > ctx.as_of
    return render(
        "delegation.md.j2",
        title=f"{order.meta.title} från {long_date(order.meta.valid_from)}" if later else order.meta.title,
        kronor_known=_all_convertible(ctx, order, day),
        body_genitive=genitive(lower_first(ctx.body_name(order.body))),
        meta_box=documents.metadata_box(ctx, order, path),
        notices=[n.html() for n in documents.notices(ctx, order, path, versions.current, versions.upcoming)],
        summary=documents.summary_html(order.meta),
        provisions=_provisions(ctx, order, path),
        notes=list(order.provisions.notes),
        sections=sections,
        further=_further_table(ctx, order, path, matter_index, day) if order.further_delegations else None,
        further_anchor=FURTHER_ANCHOR,
        retired=_retired_table(order, matter_index) if order.retired_matters else None,
        retired_anchor=RETIRED_ANCHOR,
        provisions_anchor=PROVISIONS_ANCHOR,
        as_of=long_date(day),
        site_name=ctx.site_title,
    )


def _all_convertible(ctx: SiteContext, order: DelegationOrder, day: date) -> bool:
    """Whether every amount of the document can be shown in kronor on `day`."""
    reference = ctx.model.reference
    for matter in order.matters:
        amounts = [matter.limit] + [a for tier in matter.tiers for a in (tier.above, tier.up_to)]
        for amount in amounts:
            if amount is not None and reference.to_sek(amount.amount, amount.unit, day) is None:
                return False
    return True


def _matter_row(ctx: SiteContext, order: DelegationOrder, matter: Matter, page: str, day: date) -> Row:
    return Row(
        cells=[
            matter.number,
            _matter_cell(ctx, matter, page),
            _delegate_cell(ctx, matter, page, day),
            _substitute_cell(ctx, order, matter, page, day),
            "Ja" if matter.further_delegation else "Nej",
            legal_basis(ctx, matter.legal_basis),
            _amount_cell(ctx, matter, day),
            _reporting_cell(ctx, order, matter),
        ],
        id=matter.id,
        css_class="execution-only" if matter.execution_only else None,
    )


def _matter_cell(ctx: SiteContext, matter: Matter, page: str) -> Safe:
    parts = [text(matter.title)]
    if matter.execution_only:
        parts.append(Safe('<span class="badge">Ren verkställighet, inte delegering</span>'))
    for condition in matter.conditions:
        parts.append(Safe(f'<span class="condition">{condition_text(ctx, condition, page)}</span>'))
    if matter.duration is not None:
        parts.append(Safe(f'<span class="condition">{text(sentence("Gäller " + duration_text(matter.duration.amount, matter.duration.unit)))}</span>'))
    if matter.countersigning is not None:
        parts.append(Safe(f'<span class="condition">{countersigning_text(ctx, matter.countersigning, page)}</span>'))
    if matter.note:
        parts.append(Safe(f'<span class="note">{text(matter.note)}</span>'))
    return Safe("<br>\n".join(parts))


def condition_text(ctx: SiteContext, condition: Condition, page: str) -> Safe:
    """The condition as policy text when written out, else as a phrase from its kind and party."""
    if condition.text:
        return text(condition.text)
    party = ctx.actor_link(condition.with_actor, page, running=True) if condition.with_actor else None
    if condition.kind == "after_consulting" and party:
        return Safe(f"Efter samråd med {party}.")
    if condition.kind == "in_agreement_with" and party:
        return Safe(f"I samråd med {party}: båda ska vara överens, annars avgör närmast överordnad.")
    if condition.kind == "within_budget":
        return text("Inom budget.")
    return text("Villkor enligt beslutet.")


def countersigning_text(ctx: SiteContext, countersigning: Countersigning, page: str) -> Safe:
    """'Handlingar kontrasigneras av regiondirektören, ekonomidirektören eller annan som delegaten utser.'"""
    names = [str(ctx.actor_link(actor, page, running=True)) for actor in countersigning.by]
    if countersigning.or_appointed_by_delegate:
        names.append("annan som delegaten utser")
    return Safe(f"Handlingar kontrasigneras av {join(names, 'eller')}.")


def _delegate_cell(ctx: SiteContext, matter: Matter, page: str, day: date) -> Safe:
    if not matter.tiers and not matter.delegates:
        return Safe('<span class="muted">Ingen delegat (ren verkställighet)</span>')
    if not matter.tiers:
        return ctx.actors_links(matter.delegates, page)
    items = "\n".join(
        f"<li>{text(upper_first(tier_range(ctx, tier, day)))}: {ctx.actors_links(tier.delegates, page)}</li>"
        for tier in matter.tiers
    )
    return Safe(f'<ul class="tiers">{items}</ul>')


def tier_range(ctx: SiteContext, tier: Tier, day: date | None = None) -> str:
    """'upp till 3 prisbasbelopp (177 600 kr)', 'över 3 upp till 8 prisbasbelopp (177 600–473 600 kr)',
    'under 580 000 kr', 'från och med 580 000 kr' (the words from wording/limits.py)."""
    reference, day = ctx.model.reference, day or ctx.as_of
    above, up_to = tier.above, tier.up_to
    lower_cmp = above.comparison if above is not None else None
    upper_cmp = up_to.comparison if up_to is not None else None
    if above is not None and up_to is not None and above.unit == up_to.unit and above.unit != "sek":
        _low_own, low_sek = amount_parts(above, reference, day)
        high_own, high_sek = amount_parts(up_to, reference, day)
        unit_words = high_own.split(" ", 1)[1]
        sek = ""
        if low_sek and high_sek and low_sek.endswith("kr") and high_sek.endswith("kr"):
            sek = f" ({low_sek[:-3].rstrip()}–{high_sek})"
        elif high_sek:
            sek = f" ({high_sek})"
        return f"{range_text(number(above.amount), number(up_to.amount), lower_cmp, upper_cmp)} {unit_words}{sek}"
    return range_text(amount_text(above, reference, day, with_per=False) if above is not None else None,
                      amount_text(up_to, reference, day, with_per=False) if up_to is not None else None,
                      lower_cmp, upper_cmp) or "alla belopp"


def _substitute_cell(ctx: SiteContext, order: DelegationOrder, matter: Matter, page: str, day: date) -> Safe:
    if matter.substitute is not None:
        return ctx.actor_link(matter.substitute, page)
    tiered = [(tier, tier.substitute) for tier in matter.tiers if tier.substitute is not None]
    if tiered:
        items = "\n".join(
            f"<li>{text(upper_first(tier_range(ctx, tier, day)))}: {ctx.actor_link(sub, page)}</li>" for tier, sub in tiered
        )
        return Safe(f'<ul class="tiers">{items}</ul>')
    return Safe('<span class="muted">Enligt allmänna bestämmelser</span>')


def _amount_cell(ctx: SiteContext, matter: Matter, day: date) -> Safe:
    if matter.limit is not None:
        return text(limit_text(matter.limit, ctx.model.reference, day))
    if matter.tiers:
        first = next((a for t in matter.tiers for a in (t.up_to, t.above) if a is not None), None)
        extras = _per_and_vat(first) if first is not None else ""
        return text(f"Beloppsnivåer, se Delegat{extras}.")
    return Safe('<span class="muted">Ingen gräns</span>')


def _per_and_vat(amount: Amount) -> str:
    words = []
    if amount.per:
        words.append(label("per", amount.per))
    if amount.excluding_vat:
        words.append("exklusive moms")
    return f" ({', '.join(words)})" if words else ""


def _reporting_cell(ctx: SiteContext, order: DelegationOrder, matter: Matter) -> Safe:
    default = label("reporting_interval", order.provisions.reporting_interval)
    reporting = matter.reporting
    if reporting is None:
        if matter.execution_only:
            return text("Anmäls inte (ren verkställighet).")
        return text(f"Anmäls {default} (allmänna bestämmelser).")
    if reporting.reported:
        interval = label("reporting_interval", reporting.interval) if reporting.interval else default
        via = f" via {ctx.actor_running(reporting.via)}" if reporting.via is not None else ""
        return text(f"Anmäls {interval}{via}.")
    recorded = f" {reporting.recorded_as}" if reporting.recorded_as else ""
    return text(f"Anmäls inte.{recorded}")


def _substitution(ctx: SiteContext, rule: SubstitutionRule | None, page: str) -> Safe | None:
    if rule is None:
        return None
    if rule.rule == "superior":
        return text("beslutar närmast överordnad chef")
    if rule.rule == "vice_chair":
        return text("beslutar vice ordföranden")
    if rule.actor is not None:
        return Safe(f"beslutar {ctx.actor_link(rule.actor, page, running=True)}")
    return None


def _provisions(ctx: SiteContext, order: DelegationOrder, page: str) -> list[Safe]:
    p = order.provisions
    body = ctx.body_name(order.body)
    items: list[Safe] = []

    def item(label: str, content: Safe) -> None:
        items.append(Safe(f"<strong>{text(label)}:</strong> {content}"))

    absence = _substitution(ctx, p.on_absence, page)
    if absence:
        item("Frånvaro", Safe(f"När delegaten är frånvarande {absence}."))
    conflict = _substitution(ctx, p.on_conflict_of_interest, page)
    if conflict:
        item("Jäv", Safe(f"När delegaten är jävig {conflict}."))
    if p.superior_may_decide:
        item("Överordnad chef", text("Får alltid besluta i stället för en underordnad delegat."))
    else:
        item("Överordnad chef", text("Får inte besluta i en underordnad delegats ställe."))
    if p.body_may_take_over:
        item(body, text("Får ta över ett enskilt ärende från delegaten och besluta själv."))
    interval = label("reporting_interval", p.reporting_interval)
    item(f"Anmälan {interval}", text(p.reporting_how))
    item("Beslut som inte anmäls", text(p.unreported_recorded_as))
    if p.further_delegation_reported_to is not None:
        item("Vidaredelegation", Safe(
            f"Beslut som fattas efter vidaredelegation anmäls till "
            f"{ctx.actor_link(p.further_delegation_reported_to, page, running=True)}."
        ))
    return items


def _retired_table(order: DelegationOrder, matters: dict[str, Matter]) -> Safe:
    """Matters taken out of the document: the old id keeps working as an anchor on this page."""
    rows = []
    for retired in sorted(order.retired_matters, key=lambda r: (r.retired_on, r.id)):
        replacement = matters.get(retired.replaced_by or "")
        replaced = (
            link(f"#{replacement.id}", f"{replacement.number} {replacement.title}")
            if replacement is not None
            else text(retired.replaced_by or "–")
        )
        rows.append(Row(
            [retired.id, long_date(retired.retired_on), retired.reason, replaced],
            id=retired.id if retired.id not in matters else None,
        ))
    return table(
        "Ärenden som har tagits bort ur delegationsordningen",
        ["Ärendets id", "Upphörde", "Skäl", "Ersätts av"],
        rows,
        css_class="retired-table",
    )


def _further_table(ctx: SiteContext, order: DelegationOrder, page: str, matters: dict[str, Matter], day: date) -> Safe:
    rows = []
    for further in sorted(order.further_delegations, key=lambda f: (f.decided, f.id)):
        matter = matters.get(further.matter)
        matter_cell = (
            link(f"#{matter.id}", f"{matter.number} {matter.title}") if matter is not None else text(further.matter)
        )
        limit = limit_text(further.limit, ctx.model.reference, day) if further.limit else "Samma som i ärendet"
        rows.append(Row(
            [
                matter_cell,
                ctx.actor_link(further.by, page),
                ctx.actor_link(further.to, page),
                limit,
                long_date(further.decided),
                further.reference,
                further.note or "",
            ],
            id=further.id,
        ))
    return table(
        f"Beslut om vidaredelegation i {order.meta.title[:1].lower()}{order.meta.title[1:]}",
        ["Ärende", "Vidaredelegerat av", "Till", "Beloppsgräns", "Beslutat", "Diarienummer", "Anmärkning"],
        rows,
        css_class="further-table",
    )
