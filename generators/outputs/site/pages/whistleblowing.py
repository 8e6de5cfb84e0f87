"""Visselblåsning: the reglemente för visselblåsning as a guide for someone who wants to report.

In plain Swedish and in the order a reporter needs it: what can be reported and by whom, how (the
channels: in writing, by phone, a meeting on request), anonymity and protection, meddelarfrihet, the
external authorities, what happens next (the deadlines, next to the law's limits from the reference
data), who investigates a report depending on whom it concerns, and personal data kept apart from
archiving. The routing table is computed by the regulation's own queries (`route_for`,
`concerned_positions`, `assess`), so it is exactly what the checks verified.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from generators.model.common import Actor
from generators.model.whistleblowing import (
    CATEGORY_LABELS,
    FEEDBACK_COUNTED_FROM_LABELS,
    FORM_LABELS,
    RETENTION_COUNTED_FROM_LABELS,
    Concerned,
    Handler,
    Route,
    WhistleblowingRegulation,
)
from generators.outputs.site import documents
from generators.outputs.site.context import GeneratedPage, SiteContext, StartEntry, Versions
from generators.outputs.site.escape import Safe, link, text
from generators.outputs.site.legal import inline_legal, legal_basis
from generators.outputs.site.render import render, slug
from generators.outputs.site.swedish import count, long_date, lower_first, upper_first
from generators.outputs.site.tables import Row, table
from generators.wording.labels import label

SECTION = "Visselblåsning"
FOLDER = "visselblasning"
NAV_ORDER = 20
# How each form reads after "Du kan rapportera …".
FORM_PHRASES = {"written": "skriftligt", "oral": "muntligt", "meeting": "vid ett möte"}

ROUTING_HEADING = "Vem utreder rapporten?"
ROUTING_ANCHOR = slug(ROUTING_HEADING)
CHANNELS_ANCHOR = slug("Så rapporterar du")
EXTERNAL_ANCHOR = slug("Rapportera till en myndighet")
NEXT_ANCHOR = slug("Vad händer sedan?")
ANCHORS = {
    "what": slug("Vad kan du rapportera?"),
    "who": slug("Vem kan rapportera?"),
    "channels": CHANNELS_ANCHOR,
    "protection": slug("Anonymitet och skydd"),
    "press": slug("Meddelarfrihet"),
    "external": EXTERNAL_ANCHOR,
    "next": NEXT_ANCHOR,
    "routing": ROUTING_ANCHOR,
    "data": slug("Personuppgifter och arkivering"),
    "follow_up": slug("Uppföljning"),
    "legal": slug("Lagrum"),
}


# -- versions and paths ---------------------------------------------------------------------------
def published(ctx: SiteContext) -> list[tuple[WhistleblowingRegulation, Versions]]:
    return documents.published(ctx, ctx.model.whistleblowing)


def page_day(ctx: SiteContext, regulation: WhistleblowingRegulation) -> date:
    return max(ctx.as_of, regulation.meta.valid_from)


def plan(ctx: SiteContext) -> None:
    docs = published(ctx)
    main = documents.plan_document(ctx, docs, FOLDER, "visselblasning")
    if main is None:
        return
    forms = _join_words([FORM_PHRASES.get(c.form, c.form) for c in docs[0][0].channels])
    ctx.start_entries.append(StartEntry(
        "Hur rapporterar jag missförhållanden?",
        (f"Du kan rapportera {forms}. " if forms else "")
        + "Du är skyddad mot repressalier, och du kan också vända dig direkt till en myndighet. Vem som utreder "
        "din rapport beror på vem den gäller.",
        ((main, "Så rapporterar du", CHANNELS_ANCHOR), (main, "Vem utreder rapporten?", ROUTING_ANCHOR),
         (main, "Rapportera till en myndighet", EXTERNAL_ANCHOR)),
        order=170,
    ))


def pages(ctx: SiteContext) -> Iterator[GeneratedPage]:
    yield from documents.version_pages(ctx, published(ctx), SECTION, NAV_ORDER,
                                       lambda document, versions, path: _page(ctx, document, versions, path))


def _join_words(words: list[str]) -> str:
    """'skriftligt, muntligt och vid ett möte' without repeats ('eller' between the last two)."""
    unique = list(dict.fromkeys(w for w in words if w))
    if len(unique) <= 1:
        return "".join(unique)
    return ", ".join(unique[:-1]) + " eller " + unique[-1]


# -- shared with the role pages -------------------------------------------------------------------
def function_anchor(regulation: WhistleblowingRegulation, function_id: str) -> str | None:
    function = regulation.function(function_id)
    return slug(function.name) if function is not None else None


def handler_html(ctx: SiteContext, regulation: WhistleblowingRegulation, handler: Handler | None, page: str,
                 regulation_page: str | None) -> Safe:
    """A function (linked to its description on the regulation's page) or an actor (linked to its page)."""
    if handler is None:
        return Safe('<span class="muted">Anges inte i reglementet</span>')
    if handler.function is not None:
        return ctx.page_link(page, regulation_page, regulation.handler_label(ctx.organisation, handler),
                             function_anchor(regulation, handler.function))
    if handler.actor is not None:
        return ctx.actor_link(handler.actor, page)
    return text("?")


def unit_name(ctx: SiteContext, unit_id: str) -> str:
    for administration in ctx.organisation.administrations.values():
        if unit_id in administration.units:
            return administration.units[unit_id]
    return unit_id


def position_titles(ctx: SiteContext, positions: list[str]) -> list[str]:
    org = ctx.organisation
    return [org.positions[p].title if p in org.positions else p for p in positions]


def concerns_html(ctx: SiteContext, regulation: WhistleblowingRegulation, route: Route, page: str) -> Safe:
    """'Direktör', 'Förvaltningschef: Socialchef, Utbildningschef …', 'Förtroendevalda' …"""
    org = ctx.organisation
    kind, value = route.concerns.kind, route.concerns.value or ""
    covered = regulation.concerned_positions(org, route)
    if kind == "position":
        return ctx.actor_link(Actor("position", value), page)
    if kind == "role_type":
        head = ctx.actor_link(Actor("role_type", value), page)
        return Safe(f"{head}<br>\n{_positions_line(ctx, covered, page)}") if covered else head
    if kind == "unit":
        head = text(f"Anställda på {lower_first(unit_name(ctx, value))}")
        return Safe(f"{head}<br>\n{_positions_line(ctx, covered, page)}") if covered else head
    if kind == "function":
        function = regulation.function(value)
        return text(f"{function.name if function else value} (funktionen som helhet)")
    if kind == "external":
        return ctx.actor_link(Actor("external", value), page)
    if kind == "category":
        return text(upper_first(CATEGORY_LABELS.get(value, value)))
    return text("Alla andra: anställda och andra som ingen rad ovan gäller")


def _positions_line(ctx: SiteContext, positions: list[str], page: str) -> Safe:
    links = [ctx.actor_link(Actor("position", p), page) for p in positions]
    return Safe(f'<span class="muted">Gäller: {", ".join(links)}</span>')


def concerned_of(route: Route) -> Concerned | None:
    """The party a route names, as `assess` takes it (None for routes over several positions)."""
    kind, value = route.concerns.kind, route.concerns.value
    if kind in ("position", "category", "external", "function") and value is not None:
        return Concerned(kind, value)
    return None


def stepping_aside(ctx: SiteContext, regulation: WhistleblowingRegulation, handler: Handler, concerned: Concerned) -> list[str]:
    """The handler's members who take no part (jäv), as the model assesses them."""
    assessment = regulation.assess(ctx.organisation, handler, concerned)
    return list(assessment.conflicted)


# -- the page ---------------------------------------------------------------------------------------
def _page(ctx: SiteContext, regulation: WhistleblowingRegulation, versions: Versions, page: str) -> str:
    day = page_day(ctx, regulation)
    later = regulation.meta.valid_from > ctx.as_of
    reference = ctx.model.reference
    receipt, feedback = regulation.receipt_confirmation, regulation.feedback
    retention = regulation.personal_data.retention
    law_days = _law(reference, receipt.reference, day, "days")
    law_months = _law(reference, feedback.reference, day, "months")
    law_years = _law(reference, retention.reference, day, "years")
    return render(
        "whistleblowing.md.j2",
        heading=f"Visselblåsning: så rapporterar du missförhållanden{' från ' + long_date(regulation.meta.valid_from) if later else ''}",
        title=regulation.meta.title,
        municipality=ctx.municipality_name or ctx.organisation.words.definite,
        site_name=ctx.site_title,
        as_of=long_date(day),
        meta_box=documents.metadata_box(ctx, regulation, page),
        notices=[n.html() for n in documents.notices(ctx, regulation, page, versions.current, versions.upcoming)],
        summary=documents.summary_html(regulation.meta),
        anchors=ANCHORS,
        reportable=regulation.reportable,
        scope=regulation.scope_text,
        reporters=[r.text for r in regulation.reporters],
        channels=[_channel(ctx, channel, regulation.intake_receiver, page) for channel in regulation.channels],
        roles=ctx.page_link(page, ctx.named_pages.get("roller"), "sidan om befattningen") if ctx.named_pages.get("roller") else text("sidan om befattningen"),
        intake=regulation.intake_text,
        intake_receiver=ctx.actor_link(regulation.intake_receiver, page),
        protection=regulation.protection,
        whistleblowing_act=_statute(ctx, "2021:890", "lagen (2021:890) om skydd för personer som rapporterar om missförhållanden"),
        confidentiality=[
            {"who": upper_first(label("confidentiality_protects", c.protects)), "text": c.text, "basis": legal_basis(ctx, (c.legal_basis,))}
            for c in regulation.confidentiality
        ],
        press_freedom=_press_freedom(ctx),
        external_text=regulation.external_channels.text,
        authorities=[
            {"name": link(a.url, a.name, external=True), "area": a.area} for a in regulation.external_channels.authorities
        ],
        full_list=(link(regulation.external_channels.full_list, "förordningen (2021:949) om skydd för personer som rapporterar om missförhållanden", external=True)
                   if regulation.external_channels.full_list else None),
        steps=_steps(ctx, regulation, page, law_days, law_months),
        deadlines=_deadlines(regulation, law_days, law_months, law_years),
        receipt_text=receipt.text,
        feedback_text=feedback.text,
        routing=_routing_table(ctx, regulation, page),
        several_concerned=regulation.several_concerned,
        functions=[_function(ctx, regulation, f.id, page) for f in regulation.functions],
        cooperation=[Safe(f"<strong>{ctx.actor_link(c.with_actor, page)}:</strong> {text(c.text)}") for c in regulation.cooperation],
        personal_data=_personal_data(ctx, regulation, page, law_years),
        archiving=regulation.archiving.text,
        archiving_basis=inline_legal(ctx, regulation.archiving.legal_basis) if regulation.archiving.legal_basis else None,
        follow_up=_follow_up(ctx, regulation, page),
        legal=legal_basis(ctx, regulation.legal_basis) if regulation.legal_basis else None,
    )


def _law(reference: Any, series_id: str, day: date, field: str) -> int | None:
    value = reference.value_on(series_id, day)
    return getattr(value, field) if value is not None else None


def _statute(ctx: SiteContext, sfs: str, label: str) -> Safe:
    """The statute's name linked to its text, when the reference data knows it; else the name alone."""
    statute = ctx.model.reference.statutes.get(sfs)
    return link(statute.url, label, external=True, css_class="statute", title=statute.name) if statute else text(label)


# The regulation's stated choice per channel (model Channel.anonymous; V611 asks for it).
ANONYMITY = {
    True: "Ja. Du behöver inte säga vem du är. Rapporten tas emot och följs upp ändå.",
    False: "Nej. Du behöver uppge vem du är. Uppgifter som kan avslöja vem du är omfattas av sekretess.",
}


def _channel(ctx: SiteContext, channel: Any, intake_receiver: Actor, page: str) -> dict[str, Any]:
    contact: list[Safe] = []
    if channel.url:
        address = channel.url.split("://", 1)[-1].rstrip("/")
        contact.append(Safe(f"<strong>Webbformulär:</strong> {link(channel.url, address, external=True)}"))
    if channel.phone:
        contact.append(Safe(f"<strong>Telefon:</strong> {text(channel.phone)}"))
    if channel.email:
        contact.append(Safe(f"<strong>E-post:</strong> {text(channel.email)}"))
    if channel.within_days:
        contact.append(Safe(f"<strong>Mötet hålls inom:</strong> {text(count(channel.within_days, 'dag', 'dagar'))} från begäran"))
    if not channel.operated_by.same_as(intake_receiver):
        contact.append(Safe(f"<strong>Tas emot av:</strong> {ctx.actor_link(channel.operated_by, page)}"))
    if channel.shared_with:
        contact.append(Safe(f"<strong>Kanalen delas med:</strong> {', '.join(ctx.actor_link(a, page) for a in channel.shared_with)}"))
    if channel.anonymous is not None:
        contact.append(Safe(f"<strong>Anonymt:</strong> {ANONYMITY[channel.anonymous]}"))
    return {
        "name": channel.name,
        "form": upper_first(FORM_LABELS.get(channel.form, channel.form)),
        "contact": contact,
        "text": channel.text,
    }


def _press_freedom(ctx: SiteContext) -> Safe:
    """Meddelarfrihet, briefly and correctly for a municipal employee (project text, not policy text)."""
    words = ctx.organisation.words
    tf = _statute(ctx, "1949:105", "tryckfrihetsförordningen")
    ygl = _statute(ctx, "1991:1469", "yttrandefrihetsgrundlagen")
    return Safe(
        f"<p>Som anställd i {text(words.definite)} har du också meddelarfrihet enligt {tf} och {ygl}. Du får lämna uppgifter "
        "till en journalist, en redaktion eller en nyhetsbyrå för att de ska publiceras, och du har rätt att "
        f"vara anonym. {text(words.definite_capitalised)} får inte efterforska vem som har lämnat uppgifterna och får inte ingripa mot dig "
        "för att du har använt meddelarfriheten.</p>"
        "<p>Meddelarfriheten har gränser: den gäller inte uppgifter som omfattas av en så kallad kvalificerad "
        "tystnadsplikt, och den ger inte rätt att lämna ut hemliga handlingar. Den gäller vid sidan av "
        "visselblåsarlagen. Du behöver inte ha rapporterat internt eller till en myndighet först.</p>"
    )


def _steps(ctx: SiteContext, regulation: WhistleblowingRegulation, page: str, law_days: int | None, law_months: int | None) -> list[Safe]:
    receipt, feedback = regulation.receipt_confirmation, regulation.feedback
    receiver = ctx.actor_link(regulation.intake_receiver, page)
    days = count(receipt.days, "dag", "dagar")
    months = count(feedback.months, "månad", "månader")
    steps = [
        Safe(f"Du lämnar din rapport i en av kanalerna ovan. Den tas emot av {receiver}."),
        Safe(f"Du får en bekräftelse på att rapporten har kommit fram inom {text(days)}"
             f"{text(_law_note(receipt.days, law_days, 'dagar'))}."
             + (" Bekräftelse skickas inte när:<ul>" + "".join(f"<li>{text(e.text)}</li>" for e in receipt.exceptions) + "</ul>"
                if receipt.exceptions else "")),
        Safe(f"Rapporten lämnas över till den som ska utreda den. Vem det är beror på vem rapporten gäller, se "
             f'<a href="#{ROUTING_ANCHOR}">{text(ROUTING_HEADING)}</a>. Den som utreder är oberoende och får inte utreda '
             "en rapport om sig själv eller om sin egen chef."),
        Safe(f"Du får återkoppling om vilka åtgärder som har vidtagits och varför inom {text(months)}"
             f"{text(_law_note(feedback.months, law_months, 'månader'))}, "
             f"{text(FEEDBACK_COUNTED_FROM_LABELS[feedback.counted_from])}. Återkopplingen lämnas i "
             "den mån sekretess inte hindrar det."),
    ]
    return steps


def _law_note(own: int, law: int | None, unit: str) -> str:
    if law is None or own == law:
        return ""
    return f" (lagen kräver senast {law} {unit})"


def _deadlines(regulation: WhistleblowingRegulation, law_days: int | None, law_months: int | None, law_years: int | None) -> Safe:
    receipt, feedback = regulation.receipt_confirmation, regulation.feedback
    retention = regulation.personal_data.retention

    def law(value: int | None, singular: str, plural: str) -> str:
        return f"högst {count(value, singular, plural)}" if value is not None else "uppgift saknas i referensdata"

    rows = [
        Row(["Bekräftelse att rapporten har tagits emot", f"inom {count(receipt.days, 'dag', 'dagar')}",
             law(law_days, "dag", "dagar"), "från att rapporten togs emot"]),
        Row(["Återkoppling till den som har rapporterat", f"inom {count(feedback.months, 'månad', 'månader')}",
             law(law_months, "månad", "månader"), FEEDBACK_COUNTED_FROM_LABELS[feedback.counted_from]]),
        Row(["Personuppgifter i uppföljningsärendet", f"högst {count(retention.years, 'år', 'år')}",
             law(law_years, "år", "år"), RETENTION_COUNTED_FROM_LABELS[retention.counted_from]]),
    ]
    return table("Frister i reglementet och lagens gränser", ["Vad", "Reglementet", "Lagen", "Räknas"], rows,
                 css_class="amounts-table")


def _routing_table(ctx: SiteContext, regulation: WhistleblowingRegulation, page: str) -> Safe:
    """'Om anmälan gäller … hanteras den av …': one row per route, the default route last."""
    routes = sorted(regulation.routes, key=lambda r: r.concerns.kind == "default")
    rows = []
    for route in routes:
        handled = [handler_html(ctx, regulation, route.handler, page, page)]
        concerned = concerned_of(route)
        if concerned is not None:
            aside = stepping_aside(ctx, regulation, route.handler, concerned)
            if aside:
                names = ", ".join(ctx.actor_link(Actor("position", p), page) for p in aside)
                handled.append(Safe(f'<span class="aside">Deltar inte (jäv): {names}</span>'))
        if route.note:
            handled.append(Safe(f'<span class="muted">{text(route.note)}</span>'))
        rows.append(Row(
            [concerns_html(ctx, regulation, route, page), Safe("<br>\n".join(handled)),
             handler_html(ctx, regulation, route.handover_to, page, page)],
            id=f"regel-{route.id}",
        ))
    return table("Om anmälan gäller … hanteras den av …", ["Anmälan gäller", "Hanteras av", "Lämnas över till"], rows,
                 css_class="routing-table", column_classes=["col-concerns", "col-handler", "col-handover"])


def _function(ctx: SiteContext, regulation: WhistleblowingRegulation, function_id: str, page: str) -> dict[str, Any]:
    function = regulation.function(function_id)
    assert function is not None
    members = regulation.function_positions(ctx.organisation, function_id)
    facts = [
        Safe(f"<strong>Ledamöter:</strong> {', '.join(ctx.actor_link(Actor('position', p), page) for p in members)}"),
        Safe(f"<strong>Beslutsför:</strong> när minst {text(count(function.quorum, 'ledamot', 'ledamöter'))} utan jäv återstår"),
        Safe(f"<strong>Annars utreder:</strong> {handler_html(ctx, regulation, function.fallback, page, page)}"),
    ]
    return {
        "name": function.name,
        "facts": facts,
        "independence": function.independence,
        "conflict": function.conflict_of_interest,
        "may_engage": function.may_engage,
    }


def _personal_data(ctx: SiteContext, regulation: WhistleblowingRegulation, page: str, law_years: int | None) -> dict[str, Any]:
    personal = regulation.personal_data
    retention = personal.retention
    years = count(retention.years, "år", "år")
    when = RETENTION_COUNTED_FROM_LABELS[retention.counted_from]
    return {
        "controller": ctx.actor_link(personal.controller, page),
        "limit": f"Personuppgifter får behandlas högst {years} {when}{_law_note(retention.years, law_years, 'år')}.",
        "retention": retention.text,
        "text": personal.text,
    }


def _follow_up(ctx: SiteContext, regulation: WhistleblowingRegulation, page: str) -> dict[str, Any] | None:
    follow = regulation.follow_up
    if follow is None:
        return None
    return {
        "to": Safe(f"Redovisas {text(label('follow_up_interval', follow.interval))} till {ctx.actor_link(follow.reported_to, page, running=True)}."),
        "text": follow.text,
    }

