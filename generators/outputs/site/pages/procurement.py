"""Upphandling: the inköps- och upphandlingspolicy as a page (in force, and each adopted version to come).

First the law's amounts on the page's date (direktupphandlingsgräns, dokumentationsgräns, EU:s
tröskelvärden) from the reference data with their sources; where a kronor amount is not yet
published the euro value is shown with a notice, never a guess. Then, per regime and category, a
table of the value bands: the bounds worded exactly as the model resolves them ("från och med
100 000 kr", "under 700 000 kr"), the procedure, documentation, quotes, who decides for each body
(linked to the matter in the delegationsordning) and who signs. Every answer comes from the
procurement model (`Band.bounds_on`, `decision_makers_for`, `mandate_for`, `signers_for`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

from generators.model.procurement import (
    Band,
    BandTable,
    BoundValue,
    DecisionMaker,
    ProcurementPolicy,
    SigningRule,
    comparison_of,
    decision_makers_for,
    mandate_for,
    signers_for,
)
from generators.outputs.site import documents
from generators.outputs.site.context import GeneratedPage, SiteContext, StartEntry, Versions
from generators.outputs.site.escape import Safe, link, text
from generators.outputs.site.legal import inline_legal, legal_basis
from generators.outputs.site.render import render, slug
from generators.outputs.site.swedish import count, long_date, lower_first, upper_first
from generators.outputs.site.tables import Row, table
from generators.wording.labels import label
from generators.wording.swedish import euro, kronor

SECTION = "Upphandling"
FOLDER = "upphandling"
NAV_ORDER = 20

COMPARISON_PHRASES = {
    "below": "när värdet understiger beloppet",
    "at_most": "när värdet uppgår till högst beloppet",
    "at_least": "när värdet uppgår till minst beloppet",
    "above": "när värdet överstiger beloppet",
}

AMOUNTS_HEADING = "Lagens beloppsgränser"
BANDS_HEADING = "Värdeintervall: förfarande och vem som beslutar"
ANCHORS = {
    "scope": slug("Vem policyn gäller"),
    "amounts": slug(AMOUNTS_HEADING),
    "bands": slug(BANDS_HEADING),
    "value": slug("Så beräknas värdet"),
    "signing": slug("Vem undertecknar avtal?"),
    "principles": slug("Principer"),
    "exceptions": slug("Undantag i lagen"),
    "training": slug("Utbildning för den som köper in"),
    "conflict": slug("Jäv"),
    "contracts": slug("Avtalsförvaltning"),
    "legal": slug("Lagrum"),
}


# -- versions and paths ---------------------------------------------------------------------------
def published(ctx: SiteContext) -> list[tuple[ProcurementPolicy, Versions]]:
    return documents.published(ctx, ctx.model.procurement)


def page_day(ctx: SiteContext, policy: ProcurementPolicy) -> date:
    """The day amounts are shown for: the build's date, or a later version's first day."""
    return max(ctx.as_of, policy.meta.valid_from)


def plan(ctx: SiteContext) -> None:
    docs = published(ctx)
    main = documents.plan_document(ctx, docs, FOLDER, "upphandling")
    if main is None:
        return
    ctx.start_entries.append(StartEntry(
        "Hur köper jag in, och vilka beloppsgränser gäller?",
        "Inköps- och upphandlingspolicyn visar vilket förfarande som gäller i varje värdeintervall, hur många "
        "offerter som behövs, när inköpet ska dokumenteras, vem som beslutar och vem som undertecknar avtalet. "
        "Där står också lagens aktuella beloppsgränser.",
        ((main, "Värdeintervall och vem som beslutar", ANCHORS["bands"]), (main, "Lagens beloppsgränser", ANCHORS["amounts"]),
         (main, "Utbildning för den som köper in", ANCHORS["training"])),
        order=165,
    ))


def pages(ctx: SiteContext) -> Iterator[GeneratedPage]:
    yield from documents.version_pages(ctx, published(ctx), SECTION, NAV_ORDER,
                                       lambda document, versions, path: _page(ctx, document, versions, path))


# -- shared with the role pages ---------------------------------------------------------------------
def regime_short(ctx: SiteContext, policy: ProcurementPolicy, regime_id: str) -> str:
    """'LOU', 'LUF' (the statute's short name from the reference data), else the regime's name."""
    regime = policy.regimes.get(regime_id)
    if regime is None:
        return regime_id
    statute = ctx.model.reference.statutes.get(regime.sfs)
    return statute.short if statute is not None else regime.name


def table_label(ctx: SiteContext, policy: ProcurementPolicy, band_table: BandTable) -> str:
    """'Varor och tjänster (LOU)'."""
    category = policy.categories.get(band_table.category)
    name = category.name if category is not None else band_table.category
    return f"{name} ({regime_short(ctx, policy, band_table.regime)})"


def band_range(ctx: SiteContext, band: Band, day: date) -> tuple[str, str]:
    """('från och med 100 000 kr', 'under 700 000 kr'), worded by the model's resolved bounds."""
    lower, upper = band.bounds_on(day, ctx.model.reference)
    return lower.as_lower(), upper.as_upper()


def part_text(maker: DecisionMaker) -> str:
    """The part of a band a tier's delegate decides: 'till och med 177 600 kr', 'över 473 600 kr'."""
    above, up_to = maker.above_sek, maker.up_to_sek
    if above is None and up_to is None:
        return "alla belopp"
    if above is None:
        return f"till och med {kronor(up_to)}"
    if up_to is None:
        return f"över {kronor(above)}"
    return f"över {kronor(above)} till och med {kronor(up_to)}"


def matter_link_parts(ctx: SiteContext, maker: DecisionMaker) -> tuple[str | None, str, str | None] | None:
    """(page, 'ärende 3.2', anchor) of the matter a delegated decision rests on."""
    if maker.order is None or maker.matter is None:
        return None
    return ctx.document_page(maker.order), f"ärende {maker.matter.number}", maker.matter.id


def whole_band(band: Band, body: str) -> bool:
    """A decision naming one delegate for the whole band (the model's `decided_by`)."""
    decision = band.decision_for(body)
    return decision is not None and decision.decided_by is not None


def signing_text(ctx: SiteContext, rule: SigningRule | None, page: str) -> Safe:
    """'Den som beslutar', or 'Ordförande i socialnämnden, kontrasigneras av Socialchef'."""
    if rule is None:
        return Safe('<span class="muted">Ingen regel i policyn</span>')
    if rule.signed_by_decision_maker:
        return text("Den som beslutar")
    parts = [ctx.actor_link(rule.signed_by, page)] if rule.signed_by is not None else []
    if rule.countersigned_by is not None:
        parts.append(Safe(f"kontrasigneras av {ctx.actor_link(rule.countersigned_by, page, running=True)}"))
    if rule.substitute is not None:
        parts.append(Safe(f"ersättare {ctx.actor_link(rule.substitute, page, running=True)}"))
    return Safe(", ".join(parts)) if parts else text(rule.title)


# -- the page ---------------------------------------------------------------------------------------
def _page(ctx: SiteContext, policy: ProcurementPolicy, versions: Versions, page: str) -> str:
    day = page_day(ctx, policy)
    later = policy.meta.valid_from > ctx.as_of
    amounts, amount_notices = _amounts(ctx, policy, day)
    return render(
        "procurement.md.j2",
        title=f"{policy.meta.title} från {long_date(policy.meta.valid_from)}" if later else policy.meta.title,
        site_name=ctx.site_title,
        as_of=long_date(day),
        meta_box=documents.metadata_box(ctx, policy, page),
        notices=[n.html() for n in documents.notices(ctx, policy, page, versions.current, versions.upcoming)],
        summary=documents.summary_html(policy.meta),
        anchors=ANCHORS,
        amounts_heading=AMOUNTS_HEADING,
        bands_heading=BANDS_HEADING,
        scope=policy.scope,
        amounts=amounts,
        amount_notices=amount_notices,
        regimes=_regimes(ctx, policy, page, day),
        value_facts=_value_facts(policy),
        value_text=policy.value_basis.text,
        value_basis=inline_legal(ctx, policy.value_basis.legal_basis) if policy.value_basis.legal_basis else None,
        signing=_signing_table(ctx, policy, page),
        signing_texts=[Safe(f"<strong>{text(rule.title)}:</strong> {text(rule.text)}") for rule in policy.signing],
        principles=[{"title": p.title, "text": p.text} for p in policy.principles],
        exceptions=[_exception(ctx, e, page) for e in policy.exceptions],
        training=[_training(ctx, t, page) for t in policy.training],
        conflict=_conflict(ctx, policy, page),
        contracts=_contracts(ctx, policy, page),
        legal=legal_basis(ctx, policy.legal_basis) if policy.legal_basis else None,
    )


# -- the law's amounts ------------------------------------------------------------------------------
def _amount_series(policy: ProcurementPolicy) -> list[tuple[str, str]]:
    """(reference id, regime id) for every limit the regimes name, each once, in the regimes' order."""
    seen: list[tuple[str, str]] = []
    ids: set[str] = set()
    for regime in policy.regimes.values():
        for series_id in (regime.direct_procurement_limit, regime.documentation_threshold,
                          *(ref for ref, _src in regime.eu_thresholds.values())):
            if series_id not in ids:
                ids.add(series_id)
                seen.append((series_id, regime.id))
    return seen


def _amounts(ctx: SiteContext, policy: ProcurementPolicy, day: date) -> tuple[Safe, list[Safe]]:
    reference = ctx.model.reference
    rows: list[Row] = []
    notices: list[Safe] = []
    unpublished: list[str] = []
    for series_id, _regime in _amount_series(policy):
        series = reference.get(series_id)
        name = series.title if series is not None else series_id
        dated = series.value_on(day) if series is not None else None
        if dated is None:
            rows.append(Row([name, Safe('<span class="muted">Inget värde i referensdata</span>'), "", "", ""]))
            continue
        comparison = comparison_of(dated)
        applies = COMPARISON_PHRASES.get(comparison or "", "")
        if dated.value is not None and not dated.unknown:
            amount: Safe = Safe(f"<strong>{text(kronor(Decimal(str(dated.value))))}</strong>")
            if dated.value_eur is not None:
                amount = Safe(f'{amount}<br>\n<span class="muted">{text(euro(dated.value_eur))}</span>')
        elif dated.value_eur is not None:
            amount = Safe(
                f"<strong>{text(euro(dated.value_eur))}</strong><br>\n"
                '<span class="unpublished">Beloppet i kronor är ännu inte publicerat</span>'
            )
            unpublished.append(
                f"{name} från {long_date(dated.valid_from)} är {euro(dated.value_eur)}; beloppet i kronor är "
                "ännu inte publicerat."
            )
        else:
            amount = Safe('<span class="unpublished">Ännu inte publicerat, varken i kronor eller i euro</span>')
            unpublished.append(f"{name} från {long_date(dated.valid_from)} är ännu inte publicerat, varken i kronor eller i euro.")
        source = link(dated.source_url, dated.source_title, external=True) if dated.source_url else text(dated.source_title)
        rows.append(Row([name, amount, upper_first(applies) if applies else "", long_date(dated.valid_from), source]))
    if unpublished:
        advice = ("Jämför upphandlingens värde med eurobeloppet enligt den omräkningskurs som gäller för tröskelvärdena. "
                  "Intervallen nedan anger gränsen i euro tills kronbeloppet är publicerat.")
        if len(unpublished) == 1:
            body = Safe(f"<p>{text(unpublished[0])} {text(advice)}</p>")
        else:
            body = Safe("<ul>" + "".join(f"<li>{text(m)}</li>" for m in unpublished) + f"</ul><p>{text(advice)}</p>")
        title = ("Tröskelvärdet i kronor är ännu inte publicerat" if len(unpublished) == 1
                 else "Tröskelvärden som ännu inte är publicerade i kronor")
        notices.append(Safe(
            f'<div class="admonition warning" role="note"><p class="admonition-title">{text(title)}</p>{body}</div>'
        ))
    return table(
        f"Beloppsgränser enligt lag den {long_date(day)}, exklusive moms",
        ["Gräns", "Belopp", "Gäller", "Gäller från", "Källa"],
        rows,
        css_class="amounts-table",
    ), notices


# -- the value bands --------------------------------------------------------------------------------
def _regimes(ctx: SiteContext, policy: ProcurementPolicy, page: str, day: date) -> list[dict[str, Any]]:
    found = []
    for regime in policy.regimes.values():
        tables = [t for t in policy.tables if t.regime == regime.id]
        if not tables:
            continue
        units = [_unit_name(ctx, u) for u in regime.units]
        found.append({
            "name": regime.name,
            "applies_to": regime.applies_to,
            "units": ", ".join(units),
            "tables": [_band_table(ctx, policy, t, page, day) for t in tables],
        })
    return found


def _unit_name(ctx: SiteContext, unit_id: str) -> str:
    for administration in ctx.organisation.administrations.values():
        if unit_id in administration.units:
            return administration.units[unit_id]
    return unit_id


def _band_table(ctx: SiteContext, policy: ProcurementPolicy, band_table: BandTable, page: str, day: date) -> dict[str, Any]:
    """The bands with their procedure, then for each body who decides and who signs in each band."""
    category = policy.categories.get(band_table.category)
    label = table_label(ctx, policy, band_table)
    rows = []
    for band in band_table.bands:
        procedure = band.procedure
        procedure_parts = [Safe(f"<strong>{text(procedure.label)}</strong>"), text(procedure.text)]
        if procedure.conducted_by is not None:
            procedure_parts.append(Safe(f'<span class="muted">Genomförs av {ctx.actor_link(procedure.conducted_by, page, running=True)}.</span>'))
        if band.note:
            procedure_parts.append(Safe(f'<span class="note">{text(band.note)}</span>'))
        rows.append(Row(
            [
                range_html(ctx, band, day),
                Safe("<br>\n".join(procedure_parts)),
                text("Ska dokumenteras" if procedure.documentation_required else "Krävs inte enligt lag"),
                text(_quotes(procedure)),
            ],
            id=f"intervall-{band.id}",
        ))
    per_body = []
    for body in band_table.bodies:
        body_rows = [
            Row([range_html(ctx, band, day), _makers_html(ctx, policy, band, body, page, day), _signers_html(ctx, policy, band, body, page, day)])
            for band in band_table.bands
        ]
        per_body.append(table(
            f"{ctx.body_name(body)}: vem beslutar och undertecknar, {lower_first(label)}",
            ["Värde exklusive moms", "Beslutar", "Undertecknar avtalet"],
            body_rows,
            css_class="procurement-table procurement-decisions",
            column_classes=["col-value", "col-decides", "col-signs"],
        ))
    return {
        "heading": category.name if category is not None else band_table.category,
        "description": category.description if category is not None else None,
        "bodies": ", ".join(ctx.body_name(b) for b in band_table.bodies),
        "table": table(
            f"Förfarande per värdeintervall, {lower_first(label)}",
            ["Värde exklusive moms", "Förfarande", "Dokumentation", "Offerter"],
            rows,
            css_class="procurement-table",
            column_classes=["col-value", "col-procedure", "col-doc", "col-quotes"],
        ),
        "per_body": per_body,
    }


def short_bound(value: BoundValue, upper: bool) -> tuple[str, str | None]:
    """The model's wording of a bound ('under 700 000 kr'), with an unpublished threshold shortened to
    its euro value and a separate remark ('under 216 000 euro', 'i kronor ännu inte publicerat')."""
    worded = value.as_upper() if upper else value.as_lower()
    if value.known or value.problem != "unknown":
        return worded, None
    prefix = worded[: len(worded) - len(value.figure())]
    if value.eur is not None:
        return f"{prefix}{euro(value.eur)}", "beloppet i kronor är ännu inte publicerat"
    name = value.series.title if value.series is not None else (value.bound.reference or "")
    return f"{prefix}{lower_first(name)}", "ännu inte publicerat, varken i kronor eller i euro"


def range_html(ctx: SiteContext, band: Band, day: date) -> Safe:
    lower, upper = band.bounds_on(day, ctx.model.reference)
    parts = []
    for value, is_upper in ((lower, False), (upper, True)):
        worded, remark = short_bound(value, is_upper)
        line = text(upper_first(worded) if not is_upper else worded)
        if remark:
            line = Safe(f'{line} <span class="unpublished">({text(remark)})</span>')
        parts.append(Safe(f'<span class="bound">{line}</span>'))
    return Safe("<br>\n".join(parts))


def _quotes(procedure: Any) -> str:
    if not procedure.min_quotes:
        return "Enligt förfarandet"
    if procedure.written_quotes:
        return f"Minst {count(procedure.min_quotes, 'skriftlig offert', 'skriftliga offerter')}"
    return f"Minst {count(procedure.min_quotes, 'tillfrågad leverantör', 'tillfrågade leverantörer')}"


def _makers_html(ctx: SiteContext, policy: ProcurementPolicy, band: Band, body: str, page: str, day: date) -> Safe:
    decision = band.decision_for(body)
    if decision is None:
        return Safe('<span class="muted">Inget beslut i policyn</span>')
    makers = decision_makers_for(band, body, day, ctx.model)
    if not makers:
        return Safe('<span class="muted">Ärendet finns inte i delegationsordningen</span>')
    whole = decision.decided_by is not None
    lines = []
    for maker in makers:
        who = ctx.actor_link(maker.actor, page)
        if maker.basis == "own_body":
            lines.append(Safe(f"{who} <span class=\"muted\">(beslutar själv)</span>"))
            continue
        parts = matter_link_parts(ctx, maker)
        matter = f" ({ctx.page_link(page, *parts[:2], parts[2])})" if parts else ""
        part = "" if whole or len(makers) == 1 else f": {text(part_text(maker))}"
        lines.append(Safe(f"{who}{part}{matter}"))
    mandate = mandate_for(policy, band, decision, day, ctx.model)
    if mandate.status == "unknown":
        lines.append(Safe(
            '<span class="muted">Om delegationens beloppsgräns räcker upp till intervallets övre gräns kan inte '
            "kontrolleras förrän gränsen finns i kronor.</span>"
        ))
    if decision.note:
        lines.append(Safe(f'<span class="note">{text(decision.note)}</span>'))
    return Safe("<br>\n".join(lines))


def _signers_html(ctx: SiteContext, policy: ProcurementPolicy, band: Band, body: str, page: str, day: date) -> Safe:
    """Who signs, per signing rule the band's decision makers fall under ('Anställd som beslutar: …')."""
    makers = decision_makers_for(band, body, day, ctx.model)
    rules: dict[str, tuple[SigningRule | None, list[DecisionMaker]]] = {}
    for maker in makers:
        rule, _why = signers_for(policy, maker.actor, ctx.model.organisation)
        rules.setdefault(rule.id if rule is not None else maker.actor.key, (rule, []))[1].append(maker)
    lines = []
    for rule, members in rules.values():
        signed = signing_text(ctx, rule, page)
        if len(rules) > 1 and rule is not None and rule.signed_by_decision_maker:
            signed = Safe('<span class="signing-for">Beslutar en anställd:</span> den som beslutar')
        elif len(rules) > 1:
            who = ", ".join(ctx.actor_label(m.actor) for m in members)
            signed = Safe(f'<span class="signing-for">Beslutar {text(lower_first(who))}:</span> {signed}')
        lines.append(signed)
    return Safe("<br>\n".join(lines)) if lines else Safe('<span class="muted">–</span>')


def _value_facts(policy: ProcurementPolicy) -> list[str]:
    vb = policy.value_basis
    facts = []
    if vb.excluding_vat:
        facts.append("Värdet räknas exklusive moms.")
    if vb.total_payable:
        facts.append("Det är det totala beloppet som ska betalas under hela avtalstiden som räknas.")
    extras = [w for flag, w in ((vb.includes_options, "optioner"), (vb.includes_extensions, "möjliga förlängningar")) if flag]
    if extras:
        facts.append(f"{upper_first(' och '.join(extras))} räknas med.")
    if vb.splitting_forbidden:
        facts.append("Det är förbjudet att dela upp ett inköp för att komma under en beloppsgräns.")
    return facts


def _signing_table(ctx: SiteContext, policy: ProcurementPolicy, page: str) -> Safe:
    rows = []
    for rule in policy.signing:
        applies = (text("Beslut som en anställd har fattat på delegation") if rule.employee_delegate
                   else ctx.page_link(page, ctx.actor_pages.get(f"body:{rule.body}"), ctx.body_name(rule.body or "")))
        rows.append(Row(
            [
                applies,
                text("Den som beslutar") if rule.signed_by_decision_maker else (ctx.actor_link(rule.signed_by, page) if rule.signed_by else text("–")),
                ctx.actor_link(rule.countersigned_by, page) if rule.countersigned_by else text("–"),
                ctx.actor_link(rule.substitute, page) if rule.substitute else text("–"),
            ],
            id=f"firmateckning-{rule.id}",
        ))
    return table("Vem undertecknar avtal", ["Avtalet har beslutats av", "Undertecknar", "Kontrasignerar", "Ersättare"], rows,
                 css_class="amounts-table")


def _exception(ctx: SiteContext, exception: Any, page: str) -> dict[str, Any]:
    facts = [Safe(f"<strong>Tillåter:</strong> {text(label('exception_permits', exception.permits))}")]
    if exception.legal_basis:
        facts.append(Safe(f"<strong>Lagrum:</strong> {inline_legal(ctx, exception.legal_basis)}"))
    if exception.decided_by is not None:
        facts.append(Safe(f"<strong>Beslutas av:</strong> {ctx.actor_link(exception.decided_by, page)}"))
    if exception.reported_to is not None:
        facts.append(Safe(f"<strong>Anmäls till:</strong> {ctx.actor_link(exception.reported_to, page)}"))
    return {
        "name": exception.name,
        "facts": facts,
        "conditions": [Safe(f"<strong>{text(c.title)}:</strong> {text(c.text)}") for c in exception.conditions],
        "decision": exception.decision,
        "documentation": exception.documentation,
    }


def _training(ctx: SiteContext, training: Any, page: str) -> dict[str, Any]:
    who = [ctx.actor_link(a, page) for a in training.required_for]
    facts = [
        Safe(f"<strong>Form:</strong> {text(upper_first(label('training_format', training.format)))}"
             f"{text(', obligatorisk') if training.mandatory else text(', frivillig')}"),
        Safe(f"<strong>Gäller:</strong> {', '.join(who)}{text(' och alla andra som köper in') if training.all_purchasers else ''}"),
        Safe(f"<strong>Giltighet:</strong> {text(count(training.renewal_months, 'månad', 'månader'))}, förnyas därefter"
             if training.renewal_months else "<strong>Giltighet:</strong> tills vidare"),
        Safe(f"<strong>Ansvarig:</strong> {ctx.actor_link(training.responsible, page)}"),
    ]
    if training.required_before_purchasing:
        facts.insert(2, text("Utbildningen ska vara genomförd innan du beställer eller direktupphandlar."))
    return {"name": training.name, "facts": facts, "text": training.text, "records": training.records}


def _conflict(ctx: SiteContext, policy: ProcurementPolicy, page: str) -> dict[str, Any]:
    coi = policy.conflict_of_interest
    who = [label("declaration_required_for", r) for r in coi.declaration_required_for]
    listed = ", ".join(who[:-1]) + " och " + who[-1] if len(who) > 1 else "".join(who)
    when = label("declaration_when", coi.when)
    return {
        "who": Safe(
            f"En skriftlig jävsdeklaration lämnas av {text(listed)}, {text(when)}, till "
            f"{ctx.actor_link(coi.declared_to, page, running=True)}."
        ),
        "text": coi.text,
        "basis": inline_legal(ctx, coi.legal_basis) if coi.legal_basis else None,
    }


def _contracts(ctx: SiteContext, policy: ProcurementPolicy, page: str) -> dict[str, Any]:
    cm = policy.contract_management
    attest_areas = set(cm.third_attest.areas)
    rows = [
        Row([area.name, ctx.actor_link(area.owner, page), "Ja" if area.id in attest_areas else "Nej", area.note or ""],
            id=f"avtalsomrade-{area.id}")
        for area in cm.areas
    ]
    sampling = cm.invoice_sampling
    return {
        "register": cm.register,
        "default_owner": ctx.actor_link(cm.default_owner, page, running=True),
        "responsibilities": cm.responsibilities,
        "areas": table("Avtalsområden med egen avtalsägare", ["Avtalsområde", "Avtalsägare", "Tredje attest", "Anmärkning"], rows,
                       css_class="amounts-table") if rows else None,
        "sampling": Safe(
            f"{ctx.actor_link(sampling.performed_by, page)} kontrollerar {text(label('follow_up_interval', sampling.frequency))} "
            f"minst {text(count(sampling.sample_size, 'faktura', 'fakturor'))} mot avtalen. Resultatet redovisas för "
            f"{ctx.actor_link(sampling.reported_to, page, running=True)}."
        ),
        "sampling_text": sampling.text,
        "third_attest": Safe(f"Tredje attest görs av {ctx.actor_link(cm.third_attest.performed_by, page, running=True)}."),
        "third_attest_text": cm.third_attest.text,
        "follow_up": cm.follow_up,
    }
