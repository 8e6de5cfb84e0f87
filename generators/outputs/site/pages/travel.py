"""Resor: the rese- och mötespolicy as a page (the version in force, and each adopted version to come).

The approval table is a matrix: traveller categories as rows, destination zones as columns; each cell
names who approves, on which basis (arbetsledning, a delegation linked to its matter on the
delegationsordning's page, a rule fullmäktige adopted, the body's own decision) and who decides when
the approver travels. Zones are listed with their countries (Swedish names) as they stand on the
page's date, computed by the travel model (`zone_members`); the policy's other rules follow as prose.
Nothing here decides who approves: every answer is the model's (`approval_for`, `resolve_for_position`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from datetime import date
from typing import Any

from generators.model.common import Actor
from generators.model.organisation import LEVEL_LABELS, SEAT_LABELS
from generators.model.travel import Approval, TravellerCategory, TravelPolicy, Zone
from generators.outputs.site import documents
from generators.outputs.site.context import GeneratedPage, SiteContext, StartEntry, Versions
from generators.outputs.site.escape import Safe, link, text
from generators.outputs.site.legal import legal_basis
from generators.outputs.site.render import render, slug
from generators.outputs.site.swedish import amount_text, genitive, long_date, lower_first, number

SECTION = "Resor"
FOLDER = "resor"
NAV_ORDER = 20
# Zones with more countries than this are listed in a fold-out list, so the page stays readable.
FOLD_AFTER = 40
# What each basis in the matrix means, shown above it for the bases the policy uses.
BASIS_LEGEND = (
    ("line_management", "Arbetsledning",
     "chefen godkänner resan som en del av arbetsledningen. Det är inte ett beslut på delegation och anmäls inte."),
    ("delegation", "Delegation",
     ("resan är ett ärende i en delegationsordning. Beslutet fattas på nämndens eller styrelsens vägnar och anmäls "
     "enligt delegationsordningen; länken går till ärendet.")),
    ("regulation", "Regel antagen av fullmäktige",
     ("den som godkänner gör det enligt en regel som fullmäktige har antagit, till exempel bestämmelserna om ersättning "
     "till förtroendevalda.")),
    ("own_body", "Organets eget beslut", "organet beslutar själv om resan, på ett sammanträde."),
)
from generators.wording.countries import country_name
from generators.wording.labels import label


# -- versions and paths ---------------------------------------------------------------------------
def published(ctx: SiteContext) -> list[tuple[Any, Versions]]:
    return documents.published(ctx, ctx.model.travel)


def page_day(ctx: SiteContext, policy: TravelPolicy) -> date:
    """The day a page shows zones and amounts for: the build's date, or a later version's first day."""
    return max(ctx.as_of, policy.meta.valid_from)


def plan(ctx: SiteContext) -> None:
    docs = published(ctx)
    main = documents.plan_document(ctx, docs, FOLDER, "resor")
    if main is None:
        return
    ctx.start_entries.append(StartEntry(
        "Vem godkänner min tjänsteresa?",
        "Det beror på vem du är och vart du ska resa. I rese- och mötespolicyns beslutstabell letar du upp "
        "din grupp och resmålets zon; där står vem som godkänner resan och på vilken grund. Resor utanför "
        "EU/EES godkänns aldrig av närmaste chef.",
        ((main, "Rese- och mötespolicyn: vem godkänner", MATRIX_ANCHOR), (main, "Zonerna och deras länder", ZONES_ANCHOR)),
        order=140,
    ))


MATRIX_ANCHOR = slug("Vem godkänner resan?")
ZONES_ANCHOR = slug("Zoner")
RULES_ANCHOR = slug("Övriga regler")
SCOPE_ANCHOR = slug("Vem policyn gäller")
LEGAL_ANCHOR = slug("Lagrum")


def pages(ctx: SiteContext) -> Iterator[GeneratedPage]:
    yield from documents.version_pages(ctx, published(ctx), SECTION, NAV_ORDER,
                                       lambda document, versions, path: _page(ctx, document, versions, path))


# -- the page ---------------------------------------------------------------------------------------
def _page(ctx: SiteContext, policy: TravelPolicy, versions: Versions, page: str) -> str:
    day = page_day(ctx, policy)
    later = policy.meta.valid_from > ctx.as_of
    employees = [c for c in policy.categories if c.kind == "employee"]
    elected = [c for c in policy.categories if c.kind == "elected"]
    matrices = []
    if employees:
        matrices.append({"heading": "Anställda", "table": _matrix(ctx, policy, employees, page, day, "Anställdas tjänsteresor: vem godkänner", "anstallda")})
    if elected:
        matrices.append({"heading": "Förtroendevalda", "table": _matrix(ctx, policy, elected, page, day, "Förtroendevaldas resor i uppdraget: vem godkänner", "fortroendevalda")})
    return render(
        "travel.md.j2",
        title=f"{policy.meta.title} från {long_date(policy.meta.valid_from)}" if later else policy.meta.title,
        site_name=ctx.site_title,
        as_of=long_date(day),
        meta_box=documents.metadata_box(ctx, policy, page),
        notices=[n.html() for n in documents.notices(ctx, policy, page, versions.current, versions.upcoming)],
        summary=documents.summary_html(policy.meta),
        scope=policy.scope_text,
        scope_who=_scope_who(ctx, policy),
        matrices=matrices,
        legend=[(label, explanation) for basis, label, explanation in BASIS_LEGEND if any(a.basis == basis for a in policy.approvals)],
        zones=[_zone(ctx, policy, zone, day) for zone in policy.zones],
        zone_changes=_zone_changes(ctx, policy, day),
        rules=_rules(ctx, policy, page, day),
        legal=legal_basis(ctx, policy.legal_basis) if policy.legal_basis else None,
        anchors={
            "matrix": MATRIX_ANCHOR, "zones": ZONES_ANCHOR, "rules": RULES_ANCHOR, "scope": SCOPE_ANCHOR, "legal": LEGAL_ANCHOR,
        },
    )


def _scope_who(ctx: SiteContext, policy: TravelPolicy) -> str:
    if policy.scope_employees and policy.scope_elected:
        return "Policyn gäller både anställda och förtroendevalda."
    if policy.scope_employees:
        return f"Policyn gäller {ctx.organisation.words.genitive} anställda."
    return "Policyn gäller förtroendevalda."


# -- the matrix -----------------------------------------------------------------------------------
def zone_anchor(zone: Zone) -> str:
    """The id the zone's heading gets on the page (its slug, as the table of contents makes it)."""
    return slug(zone.name)


def _matrix(ctx: SiteContext, policy: TravelPolicy, categories: list[TravellerCategory], page: str, day: date,
            caption: str, key: str) -> Safe:
    """Categories as rows, zones as columns. Neighbouring zones with the same answer share one cell
    (colspan), and every cell names its column headers (`headers`), so the matrix reads the same
    with a screen reader as on screen."""
    column_ids = {zone.id: f"{key}-{zone.id}" for zone in policy.zones}
    names = {zone.id: zone.name for zone in policy.zones}
    head = [f'<th scope="col" class="col-traveller" id="{key}-resenar">Resenär</th>']
    head += [
        f'<th scope="col" class="col-zone" id="{text(column_ids[z.id])}">{link(f"#{zone_anchor(z)}", z.name)}</th>'
        for z in policy.zones
    ]
    body = []
    for category in categories:
        row_id = f"{key}-{category.id}"
        cells: list[tuple[Safe, list[str]]] = []
        for zone in policy.zones:
            approval = policy.approval_for(category.id, zone.id)
            content = (approval_cell(ctx, policy, category, approval, page, day) if approval
                       else Safe('<span class="muted">Saknas i policyn</span>'))
            if cells and cells[-1][0] == content:
                cells[-1][1].append(zone.id)
            else:
                cells.append((content, [zone.id]))
        html = [f'<th scope="row" id="{text(row_id)}">{_category_cell(ctx, category)}</th>']
        for content, zones in cells:
            span = f' colspan="{len(zones)}"' if len(zones) > 1 else ""
            headers = " ".join([row_id] + [column_ids[z] for z in zones])
            label = ", ".join(names[z] for z in zones)  # shown above the cell when rows stack (narrow screens)
            html.append(f'<td{span} headers="{text(headers)}" data-zones="{text(" ".join(zones))}" data-label="{text(label)}">{content}</td>')
        body.append(f'<tr id="kategori-{text(category.id)}">' + "\n".join(html) + "</tr>")
    return Safe(
        f'<div class="travel-matrix">\n<table>\n<caption>{text(caption)}</caption>\n'
        f'<thead><tr>{"".join(head)}</tr></thead>\n<tbody>\n' + "\n".join(body) + "\n</tbody>\n</table>\n</div>"
    )


def _category_cell(ctx: SiteContext, category: TravellerCategory) -> Safe:
    parts = [Safe(f"<strong>{text(category.name)}</strong>")]
    if category.description:
        parts.append(Safe(f'<span class="muted">{text(category.description)}</span>'))
    return Safe("<br>\n".join(parts))


def matter_reference(ctx: SiteContext, matter_id: str | None, day: date) -> tuple[str | None, str, str | None]:
    """(page, 'ärende 7.2 i styrelsens delegationsordning', anchor) for a delegated approval."""
    found = ctx.model.matters_by_id(day).get(matter_id or "")
    if found is None:
        return None, f"ärende {matter_id}", None
    order, matter = found
    owner = genitive(lower_first(ctx.body_name(order.body)))
    return ctx.document_page(order), f"ärende {matter.number} i {owner} delegationsordning", matter.id


def basis_html(ctx: SiteContext, approval: Approval, page: str, day: date) -> Safe:
    """'Arbetsledning', 'Delegation: ärende 7.2 i styrelsens delegationsordning' (linked) …"""
    if approval.basis == "line_management":
        return text("Arbetsledning")
    if approval.basis == "delegation":
        target, label, anchor = matter_reference(ctx, approval.matter, day)
        return Safe(f"Delegation: {ctx.page_link(page, target, label, anchor)}")
    if approval.basis == "regulation":
        rule = approval.regulation.local or approval.regulation.label() if approval.regulation else None
        return text(f"Regel antagen av fullmäktige: {rule}" if rule else "Regel antagen av fullmäktige")
    if approval.basis == "own_body":
        return text("Organets eget beslut")
    return text(approval.basis)


def approval_cell(ctx: SiteContext, policy: TravelPolicy, category: TravellerCategory, approval: Approval, page: str, day: date) -> Safe:
    approver = ctx.actor_link(approval.approver, page)
    # A relative approver ("närmaste chef") for a category of one position: name who that is.
    if approval.approver.kind == "relative" and category.kind == "employee":
        members = category.member_positions(ctx.organisation)
        if len(members) == 1:
            resolved = policy.resolve_for_position(ctx.organisation, approval, members[0])
            if resolved.actor is not None:
                approver = Safe(f"{approver} ({ctx.actor_link(resolved.actor, page, running=True)})")
    parts = [
        Safe(f'<span class="approver">{approver}</span>'),
        Safe(f'<span class="basis">{basis_html(ctx, approval, page, day)}</span>'),
    ]
    if approval.own_trip_approver is not None:
        parts.append(Safe(f'<span class="own-trip">{own_trip_text(ctx, approval.approver, approval.own_trip_approver, page)}</span>'))
    if approval.note:
        parts.append(Safe(f'<span class="note">{text(approval.note)}</span>'))
    return Safe("\n".join(parts))


def own_trip_text(ctx: SiteContext, approver: Actor, own: Actor, page: str) -> Safe:
    """'När ordföranden själv reser beslutar förste vice ordföranden.' (two seats of one body: the
    body is named once, in the link)."""
    if approver.kind == "seat" and own.kind == "seat" and approver.body == own.body:
        first = SEAT_LABELS.get(approver.id, approver.id) + "n"
        second = SEAT_LABELS.get(own.id, own.id) + "n"
        return Safe(f"När {text(first)} själv reser beslutar {ctx.page_link(page, ctx.actor_page(own), second)}.")
    return Safe(
        f"När {ctx.actor_link(approver, page, running=True)} själv reser beslutar {ctx.actor_link(own, page, running=True)}."
    )


# -- zones ------------------------------------------------------------------------------------------
_SWEDISH_LAST = {"å": "z\u0001", "ä": "z\u0002", "æ": "z\u0002", "ö": "z\u0003", "ø": "z\u0003"}


def swedish_sort_key(name: str) -> str:
    """Swedish alphabetical order: å, ä, ö after z; other accents sort as their base letter (é as e)."""
    out = []
    for char in name.lower():
        if char in _SWEDISH_LAST:
            out.append(_SWEDISH_LAST[char])
        elif char == "ü":
            out.append("y")
        else:
            out.append(unicodedata.normalize("NFD", char)[0])
    return "".join(out)


def country_names(codes: frozenset[str] | set[str]) -> list[str]:
    return sorted((country_name(c) for c in codes), key=swedish_sort_key)


def _zone(ctx: SiteContext, policy: TravelPolicy, zone: Zone, day: date) -> dict[str, Any]:
    members = policy.zone_members(zone.id, day, ctx.model.reference)
    names = country_names(members)
    outside = policy.zones_outside_eu_ees(day, ctx.model.reference).get(zone.id, frozenset())
    if zone.rest:
        lead = "Alla länder och områden som inte hör till någon annan zon."
    elif outside and outside == members:
        lead = "Länder och områden utanför EU/EES."
    elif outside:
        lead = f"Utanför EU/EES ligger {', '.join(country_names(outside))}."
    else:
        lead = None
    listed = ", ".join(names)
    if len(names) > FOLD_AFTER:
        countries = Safe(
            f'<details class="zone-countries"><summary>Visa alla {len(names)} länder och områden</summary>'
            f"<p>{text(listed)}</p></details>"
        )
    else:
        countries = Safe(f'<p class="zone-countries"><strong>Länder och områden:</strong> {text(listed)}.</p>') if names else Safe(
            '<p class="muted">Zonen har inga länder den här dagen.</p>'
        )
    return {
        "anchor": zone_anchor(zone),
        "name": zone.name,
        "description": zone.description,
        "lead": lead,
        "countries": countries,
        "count": len(names),
    }


def _zone_changes(ctx: SiteContext, policy: TravelPolicy, day: date) -> list[str]:
    """Changes of the zones after the page's date, while the policy is valid (EU/EES membership …)."""
    reference = ctx.model.reference
    changes = []
    previous = day
    for change in policy.check_dates(reference):
        if change <= day:
            continue
        for zone in policy.zones:
            before = policy.zone_members(zone.id, previous, reference)
            after = policy.zone_members(zone.id, change, reference)
            added, removed = after - before, before - after
            parts = []
            if added:
                parts.append(f"tillkommer {', '.join(country_names(added))}")
            if removed:
                parts.append(f"utgår {', '.join(country_names(removed))}")
            if parts:
                changes.append(f"Från {long_date(change)} i zonen {zone.name}: {'; '.join(parts)}.")
        previous = change
    return changes


# -- the other rules --------------------------------------------------------------------------------
def _rules(ctx: SiteContext, policy: TravelPolicy, page: str, day: date) -> list[dict[str, Any]]:
    r = policy.rules
    reference = ctx.model.reference
    sections: list[dict[str, Any]] = []
    purpose_facts = []
    if r.purpose.stated_in:
        purpose_facts.append(Safe(f"<strong>Syftet anges i:</strong> {text(r.purpose.stated_in)}"))
    sections.append({"heading": "Syfte", "facts": purpose_facts, "text": r.purpose.text, "bullets": []})
    outside = r.outside_eu_ees
    if outside is not None:
        levels = [LEVEL_LABELS.get(level, level) for level in LEVEL_LABELS if level in outside.employee_approver_levels]
        facts = [text(f"Bland de anställda får bara den som är {' eller '.join(levels)} godkänna en sådan resa.")] if levels else []
        sections.append({"heading": "Resor utanför EU/EES", "facts": facts, "text": outside.text, "bullets": []})
    sections.append({
        "heading": "Digitala möten först" if r.meetings.digital_first else "Möten",
        "facts": [], "text": r.meetings.text, "bullets": [],
    })
    climate = []
    limits = []
    if r.climate.train_below_km is not None:
        limits.append(f"resvägen en väg är kortare än {number(r.climate.train_below_km)} km")
    if r.climate.train_below_hours is not None:
        limits.append(f"tågresan tar kortare tid än {number(r.climate.train_below_hours)} timmar")
    if limits:
        climate.append(Safe(f"<strong>Tåg i första hand när:</strong> {text(' eller '.join(limits))}"))
    if r.climate.exceptions_decided_by is not None:
        climate.append(Safe(f"<strong>Undantag beslutas av:</strong> {ctx.actor_link(r.climate.exceptions_decided_by, page)}"))
    sections.append({"heading": "Tåg före flyg", "facts": climate, "text": r.climate.text, "bullets": []})
    sections.append({"heading": "Bokning", "facts": [], "text": r.booking.text, "bullets": []})
    costs = []
    for cost in r.costs:
        limit = Safe(f" <em>Gräns: {text(amount_text(cost.limit, reference, day))}.</em>") if cost.limit is not None else Safe("")
        costs.append(Safe(f"<strong>{text(cost.title)}:</strong> {text(cost.text)}{limit}"))
    if costs:
        sections.append({"heading": "Kostnader", "facts": [], "text": None, "bullets": costs})
    if r.follow_up is not None:
        interval = label("follow_up_interval", r.follow_up.interval)
        sections.append({
            "heading": "Uppföljning",
            "facts": [Safe(f"<strong>Redovisas {text(interval)} till:</strong> {ctx.actor_link(r.follow_up.reported_to, page)}")],
            "text": r.follow_up.text,
            "bullets": [],
        })
    if r.other:
        sections.append({"heading": "Övrigt", "facts": [], "text": None, "bullets": [text(o.text) for o in r.other]})
    for section in sections:
        section["anchor"] = slug(section["heading"])
    return sections
