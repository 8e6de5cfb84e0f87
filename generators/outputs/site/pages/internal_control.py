"""The governance health page "Intern kontroll": the egenvärdering's answers per area as pie charts (inline
SVG drawn here, no script) with a table beside each chart, every statement with its answer and reason,
what is overdue, and each styrelse's and nämnd's internkontrollplan for the year with its controls.

Colour is never the only signal (WCAG 1.4.1): each chart carries text labels and the same counts stand
in a table beside it; the colours have at least 3:1 contrast against white (WCAG 1.4.11). The page says
which answers are computed from the documents and which the owner declared.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

from generators.model.common import version_in_force
from generators.model.egenvardering import ANSWERS, Answer, Egenvardering, answer_of, declared_is_old, egenvardering_on, overdue
from generators.model.internkontroll import Plan, internkontroll_model
from generators.outputs.site.context import GeneratedPage, SiteContext, StartEntry
from generators.outputs.site.escape import Safe, join, link, text
from generators.outputs.site.swedish import long_date
from generators.outputs.site.tables import Row, table
from generators.wording.labels import label

PATH = "intern-kontroll.md"
TITLE = "Intern kontroll"
NAV_ORDER = 35
# Answer → fill colour, each at least 3:1 against white.
COLOURS = {"helt": "#2e7d32", "delvis": "#a15c00", "inte_alls": "#c62828", "ej_besvarat": "#616161"}
# Shown inside the slices beside the colour, so the chart reads without it.
SYMBOLS = {"helt": "✓", "delvis": "½", "inte_alls": "✗", "ej_besvarat": "?"}
# Slices narrower than this carry no text of their own (it would not fit).
_LABELLED_SHARE = 0.15
_OVERDUE_LABELS = {"review": "Översyn", "plan": "Internkontrollplan", "attest": "Attestförteckning", "contract": "Avtal"}


def plan(ctx: SiteContext) -> None:
    if egenvardering_on(ctx.model, ctx.as_of) is not None:
        ctx.named_pages["intern-kontroll"] = PATH
        ctx.start_entries.append(StartEntry(
            "Hur fungerar den interna kontrollen?",
            "Egenvärderingen för uppföljning och kontroll, styrelsens och nämndernas internkontrollplaner och det som är "
            "försenat. Svaren som räknas fram ur styrdokumenten visar vad dokumenten säger, inte om kontrollerna fungerar i praktiken.",
            ((PATH, "Intern kontroll: sammanfattning"), (PATH, "Försenat och på väg att löpa ut", "forsenat-och-pa-vag-att-lopa-ut")),
            order=470,
        ))


def pages(ctx: SiteContext) -> Iterator[GeneratedPage]:
    ev = egenvardering_on(ctx.model, ctx.as_of)
    if ev is None:
        return
    yield GeneratedPage(path=PATH, title=TITLE, content=_content(ctx, ev), nav=(TITLE,), nav_order=(NAV_ORDER,), order=(PATH,))


def _answer_label(value: str) -> str:
    return label("self_assessment_answer", value)


def pie(title: str, counts: dict[str, int]) -> Safe:
    """An inline SVG pie of the answers with a text label on each slice and a legend in words."""
    total = sum(counts.values())
    size, r, cx, cy = 120, 54, 60, 60
    summary = ", ".join(f"{counts[a]} {_answer_label(a)}" for a in ANSWERS if counts[a])
    parts = [(f'<svg class="ik-pie" role="img" aria-label="{text(title)}: {text(summary or "inga påståenden")}" '
             f'viewBox="0 0 {size} {size}" width="{size}" height="{size}" xmlns="http://www.w3.org/2000/svg">')]
    start = -math.pi / 2
    for answer in ANSWERS:
        n = counts[answer]
        if not n:
            continue
        share = n / total
        colour = COLOURS[answer]
        if share >= 1:
            parts.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{colour}" stroke="#ffffff" stroke-width="1"/>')
            mid = start + math.pi
        else:
            end = start + 2 * math.pi * share
            x1, y1 = cx + r * math.cos(start), cy + r * math.sin(start)
            x2, y2 = cx + r * math.cos(end), cy + r * math.sin(end)
            large = 1 if share > 0.5 else 0
            parts.append(f'<path d="M{cx},{cy} L{x1:.2f},{y1:.2f} A{r},{r} 0 {large} 1 {x2:.2f},{y2:.2f} Z" fill="{colour}" '
                         f'stroke="#ffffff" stroke-width="1"/>')
            mid = (start + end) / 2
            start = end
        if share < _LABELLED_SHARE:
            continue  # too narrow for its label: the aria-label and the table beside give the count
        lx, ly = cx + r * 0.6 * math.cos(mid), cy + r * 0.6 * math.sin(mid)
        parts.append(f'<text x="{lx:.2f}" y="{ly:.2f}" text-anchor="middle" dominant-baseline="central" fill="#ffffff" '
                     f'font-size="12" font-weight="bold">{text(SYMBOLS[answer])} {n}</text>')
    if total == 0:
        parts.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="none" stroke="#616161" stroke-width="2"/>')
    parts.append("</svg>")
    return Safe("".join(parts))


def _counts_table(caption: str, counts: dict[str, int]) -> Safe:
    rows = [Row([f"{SYMBOLS[a]} {_answer_label(a)}", str(counts[a])]) for a in ANSWERS]
    return table(caption, ["Svar", "Antal påståenden"], rows)


def _chart(title: str, counts: dict[str, int]) -> str:
    return f'<div class="ik-chart">\n{pie(title, counts)}\n{_counts_table(title, counts)}\n</div>'


def _how(answer: Answer) -> Safe:
    if answer.computed:
        return text(f"Framräknat ur styrdokumenten (regel {', '.join(answer.decided_by)})")
    return text("Ägarens svar")


def _reason(ctx: SiteContext, ev: Egenvardering, statement_id: str, answer: Answer) -> Safe:
    s = next(s for s in ev.statements if s.id == statement_id)
    parts: list[object] = []
    if answer.computed:
        parts.append(" ".join(answer.reasons))
        if s.disputed is not None:
            why = f" {s.disputed.reason}" if s.disputed.reason else ""
            parts.append(f"Ifrågasatt {long_date(s.disputed.date)}: {s.disputed.evidence}.{why}")
    elif s.declared is not None:
        parts.append(f"Underlag: {s.declared.evidence} ({long_date(s.declared.date)}).")
        if declared_is_old(s.declared, ctx.as_of):
            parts.append("Svaret är mer än ett år gammalt.")
    else:
        parts.append("Ingen har besvarat påståendet.")
    return join((text(p) for p in parts), " ")


def _plan_section(ctx: SiteContext, plan: Plan) -> list[str]:
    out = [f"Planen antogs {long_date(plan.meta.adopted_by.date)} ({text(plan.meta.adopted_by.paragraph)}, "
           f"{text(plan.meta.adopted_by.diarienummer)}). Risker med ett riskvärde över {plan.threshold} ska ha en kontroll."
           if plan.meta.adopted_by is not None else f"Planen är inte antagen (status: {text(label('document_status', plan.meta.status))}).", ""]
    risk_rows = [Row([r.description, str(r.likelihood), str(r.consequence), str(r.score),
                      ", ".join(c.id for c in plan.controls_for(r.id)) or ("saknas" if r.score > plan.threshold else "ingen (under tröskeln)")])
                 for r in plan.risks]
    out += [table(f"Riskbedömning {plan.year}", ["Risk", "Sannolikhet", "Konsekvens", "Riskvärde", "Kontroll"], risk_rows), ""]
    control_rows = []
    for c in plan.controls:
        method = f"Automatisk kontroll {c.automatic}" if c.automatic else f"Manuell: {c.manual}"
        control_rows.append(Row([c.activity, ctx.actor_link(c.owner, PATH), method, label("control_frequency", c.frequency),
                                 long_date(c.report), ", ".join(c.risks)], id=f"kontroll-{plan.body}-{c.id}"))
    out += [table(f"Kontrollaktiviteter {plan.year}", ["Kontroll", "Ansvarig", "Metod", "Frekvens", "Rapporteras till nämnden", "Risker"],
                  control_rows), ""]
    return out


def _body_sections(ctx: SiteContext) -> list[str]:
    org = ctx.organisation
    ik = internkontroll_model(ctx.model)
    year = ctx.as_of.year
    items = overdue(ctx.model, ctx.as_of)
    out: list[str] = []
    for body in (b for b in org.bodies.values() if b.kind in ("styrelse", "namnd")):
        out += [f"### {text(body.name)}", ""]
        order = version_in_force([o for o in ctx.model.delegations if o.body == body.id], ctx.as_of)
        plan_ = ik.plan_for(body.id, year)
        status = [
            Row(["Delegationsordning", "finns" if order else "saknas",
                 "" if order is None else ("översynen har passerat" if order.meta.review_by < ctx.as_of else f"ses över senast {long_date(order.meta.review_by)}")]),
            Row([f"Internkontrollplan {year}", "saknas" if plan_ is None else label("document_status", plan_.meta.status),
                 "" if plan_ is None else f"{len(plan_.risks)} risker, {len(plan_.controls)} kontroller"
                 + (f", {len(plan_.uncontrolled())} risker över tröskeln utan kontroll" if plan_.uncontrolled() else "")]),
        ]
        out += [table(f"Läget för {body.name}", ["Dokument", "Läge", "Anmärkning"], status), ""]
        mine = [o for o in items if o.body == body.id]
        if mine:
            out += [table(f"Försenat för {body.name}", ["Vad", "Senast", "Regel"],
                          [Row([o.what, long_date(o.due), o.decided_by]) for o in mine]), ""]
        if plan_ is not None:
            out += _plan_section(ctx, plan_)
        else:
            out += [f"{text(body.name)} har ingen internkontrollplan för {year}.", ""]
    return out


def _content(ctx: SiteContext, ev: Egenvardering) -> str:
    words = ctx.organisation.words
    answers = {s.id: answer_of(ctx.model, s, ctx.as_of) for s in ev.statements}
    total = dict.fromkeys(ANSWERS, 0)
    for a in answers.values():
        total[a.value] += 1
    computed = sum(1 for a in answers.values() if a.computed)
    fw = ev.framework
    out: list[str] = [
        f"# {TITLE}", "",
        (f"Sidan samlar {text(words.genitive)} egenvärdering för uppföljning och kontroll, styrelsens och nämndernas "
        f"internkontrollplaner för {ctx.as_of.year} och det som är försenat, per {long_date(ctx.as_of)}."), "",
        (f"**{computed} av {len(answers)} svar är framräknade ur styrdokumenten** och kan inte skrivas över; de visar vad "
        f"dokumenten säger, inte om kontrollerna fungerar i praktiken. Övriga svar har ägaren lämnat med underlag och datum."), "",
        (f"Områdena kommer från {link(fw.url, f'{fw.publisher}: {fw.title}', external=True)} (publicerad {long_date(fw.published)}). "
        f"{text(fw.note)}"), "",
        "Samma uppgifter finns som data i `internal-control.json` under JSON-reglerna.", "",
        "## Sammanfattning", "",
        _chart("Alla påståenden", total), "",
        "## Påståenden per område", "",
    ]
    for area in ev.areas:
        statements = [s for s in ev.statements if s.area == area.id]
        counts = dict.fromkeys(ANSWERS, 0)
        for s in statements:
            counts[answers[s.id].value] += 1
        out += [f"### {text(area.title)}", "", _chart(area.title, counts), ""]
        rows = [Row([s.text, f"{SYMBOLS[answers[s.id].value]} {_answer_label(answers[s.id].value)}", _how(answers[s.id]),
                     _reason(ctx, ev, s.id, answers[s.id])], id=f"pastaende-{s.id}") for s in statements]
        out += [table(f"Påståenden: {area.title}", ["Påstående", "Svar", "Hur svaret har tagits fram", "Skäl och underlag"], rows), ""]
    items = overdue(ctx.model, ctx.as_of)
    out += ["## Försenat och på väg att löpa ut", ""]
    if items:
        org = ctx.organisation
        rows_: Sequence[Row] = [Row([o.what, _OVERDUE_LABELS[o.kind], org.bodies[o.body].name if o.body in org.bodies else "hela organisationen",
                                     long_date(o.due), o.decided_by]) for o in items]
        out += [table("Försenat", ["Vad", "Sort", "Organ", "Senast", "Regel"], rows_), ""]
    else:
        out += ["Inget är försenat.", ""]
    out += ["## Styrelse och nämnder", ""] + _body_sections(ctx)
    return "\n".join(str(part) for part in out) + "\n"
