"""Each side of a diff seen as entities with facets: what a reviewer compares, in Swedish.

An entity is something with a stable id in a document (a matter, an approval cell, a routing rule,
a value band, a dated reference value, a position). Its facets are the properties a decision turns
on, each with a comparable key and a Swedish text; two sides are compared facet by facet, so a
change of wording in the YAML that does not change the model does not show, and an entity that
moved within or between files is still the same entity.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from generators.decide.text import join, kronor, lower_first, number
from generators.loading.documents import SourceDocument, schema_store
from generators.model import Model
from generators.model.common import Actor, Amount, DocumentMeta, LegalRef
from generators.model.delegation import DelegationOrder, Matter
from generators.model.matter_kinds import MATTER_KINDS
from generators.wording.labels import label
from generators.wording.limits import duration_text, in_units, strict_word

# Change categories: the sub-headings of a document's part of the report.
DELEGATE = "Omdelegerade ärenden (delegat eller ersättare ändrad)"
AMOUNT = "Höjda och sänkta beloppsgränser"
MATTER = "Andra ändringar i ärenden"
PROVISIONS = "Allmänna bestämmelser"
FURTHER = "Vidaredelegation"
CELL = "Ändrade celler i beslutstabellen"
ZONE = "Zoner och resenärskategorier"
TRAVEL_RULE = "Övriga reseregler"
ROUTE = "Ändrad handläggning av rapporter"
FUNCTION = "Visselblåsarfunktioner, kanaler och tidsfrister"
BAND = "Ändrade värdeintervall"
BAND_DECISION = "Ändrade beslutsrader i värdeintervallen"
SIGNING = "Firmateckning"
REGIME = "Regelverk och kategorier"
VALUES = "Värden"
CONTENT = "Innehåll"
ORGANISATION = "Organisation"
METADATA = "Metadata"


@dataclass(frozen=True)
class Facet:
    label: str
    key: Any  # compared
    text: str  # shown
    category: str
    amount: tuple[Amount, Decimal | None] | None = None  # for "höjd" / "sänkt"


@dataclass
class Entity:
    kind: str  # "Ärende", "Cell", … (for "Nytt ärende" headings)
    id: str
    title: str
    facets: list[Facet] = field(default_factory=list)
    default_category: str = MATTER
    removed_note: str | None = None  # e.g. that a removed matter is marked retired
    # Part of what the adopting body decided. False for what the administration keeps up itself
    # (positions, role types, förvaltningar and external parties in the organisation): changing
    # those inside a version in force rewrites no decision (`history.py`).
    decided: bool = True


@dataclass
class Side:
    """One revision's model and the day amounts are shown in kronor for."""

    model: Model
    day: date

    def actor(self, actor: Actor | None) -> str:
        if actor is None:
            return "ingen"
        org = self.model.organisation
        return org.label(actor) if org is not None and org.exists(actor) else actor.key

    def amount(self, amount: Amount | None) -> tuple[str, Decimal | None]:
        if amount is None:
            return "ingen", None
        per = f" {label('per', amount.per)}" if amount.per else ""
        vat = " exklusive moms" if amount.excluding_vat else ""
        if amount.unit == "sek":
            return f"{kronor(amount.amount)}{per}{vat}", Decimal(str(amount.amount))
        series = self.model.reference.get(amount.unit)
        own = in_units(amount.amount, lower_first(series.title), series.definite) if series else f"{number(amount.amount)} {amount.unit}"
        value = series.value_on(self.day) if series else None
        if value is None or value.unknown or value.value is None:
            return f"{own} (kronbelopp okänt {self.day.year}){per}{vat}", None
        sek = Decimal(str(amount.amount)) * Decimal(str(value.value))
        return f"{own} ({kronor(sek)} {self.day.year}){per}{vat}", sek

    def legal(self, refs: tuple[LegalRef, ...]) -> str:
        short = {sfs: s.short for sfs, s in self.model.reference.statutes.items()}
        return "; ".join(ref.label(short) for ref in refs) or "inget"


def yes_no(value: bool | None) -> str:
    return "ja" if value else "nej"


def actor_facet(side: Side, label: str, actor: Actor | None, category: str) -> Facet:
    return Facet(label, actor.key if actor else None, side.actor(actor), category)


def amount_facet(side: Side, label: str, amount: Amount | None, category: str = AMOUNT) -> Facet:
    text, sek = side.amount(amount)
    # "under 580 000 kr" and "upp till 580 000 kr" are different limits: the comparison is part of the value.
    strict = strict_word(amount.comparison) if amount else None
    if strict:
        text = f"{strict} {text}"
    key = (amount.amount, amount.unit, amount.per, amount.excluding_vat, strict) if amount else None
    return Facet(label, key, text, category, (amount, sek) if amount else None)


def _written(value: Any) -> str:
    """A value as it stands in the file, in one line (JSON's notation, which is YAML's flow style)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def content_entities(side: Side, document: SourceDocument) -> dict[str, Entity]:
    """A document of a kind without diff entities of its own (the jäv guidelines, the attestreglemente,
    the internkontrollplaner …) as one entity: each top-level part of its content but the metadata is a
    facet, compared as written and named by its schema title. The report then says which part changed
    and how it reads, and a version in force changed without a decision is seen like any other
    (`history.py`), instead of the kind escaping the history gate."""
    schema = schema_store()[0].by_name.get(document.schema, {})
    titles = {key: str(spec.get("title", key)) for key, spec in schema.get("properties", {}).items() if isinstance(spec, dict)}
    facets = []
    for key, value in document.data.items():
        if key == "document":
            continue
        name = titles.get(key, key)
        if isinstance(value, list) and value and all(isinstance(item, dict) and isinstance(item.get("id"), str) for item in value):
            # A list of parts with ids (declarations, steps): each part on its own, so one changed part is one line.
            facets += [Facet(f"{name}, {item['id']}", _written(item), _written(item), CONTENT) for item in value]
        else:
            facets.append(Facet(name, _written(value), _written(value), CONTENT))
    title = str(document.data["document"].get("title", document.file))
    return {"content": Entity("Dokument", "content", title, facets, default_category=CONTENT)}


def text_facet(label: str, value: Any, category: str, text: str | None = None) -> Facet:
    return Facet(label, value, text if text is not None else ("inget" if value in (None, "", ()) else str(value)), category)


# -- metadata -----------------------------------------------------------------------------------
def metadata(side: Side, meta: DocumentMeta) -> Entity:
    adopted = meta.adopted_by
    adoption = f"{side.actor(Actor('body', adopted.body))} {adopted.date.isoformat()} {adopted.paragraph}, dnr {adopted.diarienummer}" if adopted else "inte antagen"
    facets = [
        text_facet("Titel", meta.title, METADATA),
        text_facet("Status", meta.status, METADATA, {"forslag": "förslag", "antagen": "antagen", "upphavd": "upphävd"}.get(meta.status, meta.status)),
        text_facet("Version", meta.version, METADATA),
        text_facet("Antagen av", adoption, METADATA),
        text_facet("Gäller från", meta.valid_from.isoformat(), METADATA),
        text_facet("Gäller till och med", meta.valid_to.isoformat() if meta.valid_to else None, METADATA,
                   meta.valid_to.isoformat() if meta.valid_to else "tills vidare"),
        text_facet("Ersätter version", meta.supersedes, METADATA),
        actor_facet(side, "Ägare", meta.owner, METADATA),
        text_facet("Senaste dag för översyn", meta.review_by.isoformat(), METADATA),
        text_facet("Sammanfattning", meta.summary, METADATA),
        text_facet("Fil", meta.source.file, METADATA),
    ]
    return Entity("Metadata", "metadata", "Dokumentets metadata", facets, METADATA)


# -- delegation -----------------------------------------------------------------------------------
def _reporting_text(side: Side, order: DelegationOrder, matter: Matter) -> str:
    reporting = matter.reporting
    if reporting is None:
        return "inget angivet"
    if reporting.reported:
        interval = reporting.interval or order.provisions.reporting_interval
        via = f" via {side.actor(reporting.via)}" if reporting.via is not None else ""
        return f"anmäls {label('reporting_interval', interval)}{via}"
    return "anmäls inte" + (f" ({reporting.recorded_as})" if reporting.recorded_as else "")


def _countersigning_facet(side: Side, matter: Matter) -> Facet:
    signing = matter.countersigning
    if signing is None:
        return text_facet("Kontrasigneras av", None, MATTER)
    names = [side.actor(a) for a in signing.by] + (["annan som delegaten utser"] if signing.or_appointed_by_delegate else [])
    return text_facet("Kontrasigneras av", (tuple(a.key for a in signing.by), signing.or_appointed_by_delegate), MATTER,
                      join(names, "eller"))


def matter_entity(side: Side, order: DelegationOrder, matter: Matter) -> Entity:
    section_number = next((n for sid, n, _ in order.sections if sid == matter.section_id), "")
    kind = MATTER_KINDS.get(matter.kind)
    facets = [
        text_facet("Nummer", matter.number, MATTER),
        text_facet("Rubrik", matter.title, MATTER),
        text_facet("Ärendetyp", matter.kind, MATTER, kind.label if kind else matter.kind),
        text_facet("Avsnitt", matter.section_id, MATTER, f"{section_number} {matter.section_title}".strip()),
    ]
    if matter.delegates:
        facets.append(Facet("Delegat", tuple(a.key for a in matter.delegates), join([side.actor(a) for a in matter.delegates]), DELEGATE))
    facets.append(actor_facet(side, "Ersättare", matter.substitute, DELEGATE))
    facets.append(amount_facet(side, "Beloppsgräns", matter.limit))
    for i, tier in enumerate(matter.tiers, start=1):
        facets.append(amount_facet(side, f"Nivå {i}, över", tier.above))
        facets.append(amount_facet(side, f"Nivå {i}, upp till", tier.up_to))
        facets.append(Facet(f"Nivå {i}, delegat", tuple(a.key for a in tier.delegates), join([side.actor(a) for a in tier.delegates]), DELEGATE))
        facets.append(actor_facet(side, f"Nivå {i}, ersättare", tier.substitute, DELEGATE))
    conditions = [c.text or f"{label('condition', c.kind)} {side.actor(c.with_actor) if c.with_actor else ''}".strip()
                  for c in matter.conditions]
    facets += [
        text_facet("Vidaredelegation tillåten", matter.further_delegation, MATTER, yes_no(matter.further_delegation)),
        text_facet("Lagrum", tuple((r.sfs, r.chapter, r.section, r.local, r.eu, r.article) for r in matter.legal_basis), MATTER,
                   side.legal(matter.legal_basis)),
        text_facet("Villkor", tuple(conditions), MATTER, "; ".join(conditions) or "inga"),
        text_facet("Längsta tid", (matter.duration.amount, matter.duration.unit) if matter.duration else None, MATTER,
                   duration_text(matter.duration.amount, matter.duration.unit) if matter.duration else None),
        _countersigning_facet(side, matter),
        text_facet("Anmälan", _reporting_text(side, order, matter), MATTER),
        text_facet("Ren verkställighet", matter.execution_only, MATTER, yes_no(matter.execution_only)),
        text_facet("Anmärkning", matter.note, MATTER),
        actor_facet(side, "Ärendet rör", matter.concerns, DELEGATE),
        text_facet("Inte förbehållet nämnden eftersom", matter.not_reserved_because, MATTER),
    ]
    return Entity("Ärende", matter.id, f"Ärende {matter.number} {matter.title} ({matter.id})", facets, MATTER)


def provisions_entity(side: Side, order: DelegationOrder) -> Entity:
    p = order.provisions

    def rule(r: Any) -> tuple[str, str]:
        if r is None:
            return ("", "inget angivet")
        if r.rule == "actor":
            return (f"actor:{r.actor.key if r.actor else ''}", side.actor(r.actor))
        return (r.rule, label("substitution_rule", r.rule))

    absence, conflict = rule(p.on_absence), rule(p.on_conflict_of_interest)
    facets = [
        text_facet("Vid frånvaro beslutar", absence[0], PROVISIONS, absence[1]),
        text_facet("Vid jäv beslutar", conflict[0], PROVISIONS, conflict[1]),
        text_facet("Överordnad får besluta", p.superior_may_decide, PROVISIONS, yes_no(p.superior_may_decide)),
        text_facet("Nämnden får ta över ärenden", p.body_may_take_over, PROVISIONS, yes_no(p.body_may_take_over)),
        text_facet("Anmälan av delegationsbeslut", p.reporting_interval, PROVISIONS, label("reporting_interval", p.reporting_interval)),
        actor_facet(side, "Vidaredelegerade beslut anmäls till", p.further_delegation_reported_to, PROVISIONS),
    ]
    return Entity("Bestämmelse", "general_provisions", "De allmänna bestämmelserna", facets, PROVISIONS)


def delegation_entities(side: Side, order: DelegationOrder) -> dict[str, Entity]:
    found = {"general_provisions": provisions_entity(side, order)}
    for matter in order.matters:
        found[f"matter:{matter.id}"] = matter_entity(side, order, matter)
    for further in order.further_delegations:
        facets = [
            text_facet("Ärende", further.matter, FURTHER),
            actor_facet(side, "Beslutad av", further.by, FURTHER),
            actor_facet(side, "Vidaredelegerad till", further.to, FURTHER),
            amount_facet(side, "Beloppsgräns", further.limit, FURTHER),
            text_facet("Beslutsdatum", further.decided.isoformat(), FURTHER),
            text_facet("Diarienummer", further.reference, FURTHER),
        ]
        found[f"further:{further.id}"] = Entity("Vidaredelegation", further.id, f"Vidaredelegation {further.id} av ärende {further.matter}", facets, FURTHER)
    for gone in order.retired_matters:
        facets = [text_facet("Upphörde", gone.retired_on.isoformat(), MATTER), text_facet("Skäl", gone.reason, MATTER),
                  text_facet("Ersätts av", gone.replaced_by, MATTER)]
        found[f"retired:{gone.id}"] = Entity("Upphört ärende", gone.id, f"Upphört ärende {gone.id}", facets, MATTER)
    return found


# -- travel -----------------------------------------------------------------------------------------
def travel_entities(side: Side, policy: Any) -> dict[str, Entity]:
    found: dict[str, Entity] = {}
    zones = {z.id: z.name for z in policy.zones}
    categories = {c.id: c.name for c in policy.categories}
    for approval in policy.approvals:
        facets = [
            text_facet("Resenärskategori", approval.category, CELL, categories.get(approval.category, approval.category)),
            text_facet("Zon", approval.zone, CELL, zones.get(approval.zone, approval.zone)),
            actor_facet(side, "Godkänner", approval.approver, CELL),
            text_facet("Grund", approval.basis, CELL, {"line_management": "arbetsledning", "delegation": "delegation",
                                                        "regulation": "regel antagen av fullmäktige", "own_body": "organets eget beslut"}.get(approval.basis, approval.basis)),
            text_facet("Delegerat ärende", approval.matter, CELL),
            text_facet("Regel", side.legal((approval.regulation,)) if approval.regulation else None, CELL),
            actor_facet(side, "Godkänner egen resa", approval.own_trip_approver, CELL),
            text_facet("Anmärkning", approval.note, CELL),
        ]
        title = f"Cell {approval.id} ({categories.get(approval.category, approval.category)}, {zones.get(approval.zone, approval.zone)})"
        found[f"approval:{approval.id}"] = Entity("Cell", approval.id, title, facets, CELL)
    for zone in policy.zones:
        def sets(s: Any) -> tuple[str, str]:
            return (", ".join(s.groups) if s else "", ", ".join(s.countries) if s else "")
        inc, exc = sets(zone.include), sets(zone.exclude)
        facets = [text_facet("Namn", zone.name, ZONE), text_facet("Omfattar grupper", inc[0], ZONE), text_facet("Omfattar länder", inc[1], ZONE),
                  text_facet("Utom grupper", exc[0], ZONE), text_facet("Utom länder", exc[1], ZONE),
                  text_facet("Resten av världen", zone.rest, ZONE, yes_no(zone.rest))]
        found[f"zone:{zone.id}"] = Entity("Zon", zone.id, f"Zon {zone.name} ({zone.id})", facets, ZONE)
    for category in policy.categories:
        facets = [text_facet("Namn", category.name, ZONE), text_facet("Nivåer", ", ".join(category.levels), ZONE),
                  text_facet("Befattningar", ", ".join(category.positions), ZONE), text_facet("Organ", ", ".join(category.bodies), ZONE)]
        found[f"category:{category.id}"] = Entity("Resenärskategori", category.id, f"Resenärskategori {category.name} ({category.id})", facets, ZONE)
    rules = policy.rules
    for cost in rules.costs:
        facets = [text_facet("Rubrik", cost.title, TRAVEL_RULE), amount_facet(side, "Gräns", cost.limit, TRAVEL_RULE), text_facet("Text", cost.text, TRAVEL_RULE)]
        found[f"cost:{cost.id}"] = Entity("Kostnadsregel", cost.id, f"Kostnadsregel {cost.title} ({cost.id})", facets, TRAVEL_RULE)
    climate = rules.climate
    facets = [text_facet("Syfte krävs", rules.purpose.required, TRAVEL_RULE, yes_no(rules.purpose.required)),
              text_facet("Digitalt möte först", rules.meetings.digital_first, TRAVEL_RULE, yes_no(rules.meetings.digital_first)),
              text_facet("Tåg under (km)", climate.train_below_km, TRAVEL_RULE), text_facet("Tåg under (timmar)", climate.train_below_hours, TRAVEL_RULE),
              actor_facet(side, "Undantag från tåg beslutas av", climate.exceptions_decided_by, TRAVEL_RULE),
              text_facet("Bokning via upphandlad resebyrå", rules.booking.via_procured_agency, TRAVEL_RULE, yes_no(rules.booking.via_procured_agency))]
    found["rules"] = Entity("Regel", "rules", "Reglerna om syfte, möten, klimat och bokning", facets, TRAVEL_RULE)
    return found


# -- whistleblowing -----------------------------------------------------------------------------------
def _handler(side: Side, regulation: Any, handler: Any) -> tuple[str | None, str]:
    if handler is None:
        return None, "ingen"
    org = side.model.organisation
    return handler.key, regulation.handler_label(org, handler) if org is not None else handler.key


def _concerns_text(side: Side, concerns: Any) -> str:
    from generators.model.whistleblowing import CATEGORY_LABELS

    kind, value = concerns.kind, concerns.value or ""
    if kind == "default":
        return "alla som ingen annan regel gäller"
    if kind == "category":
        return CATEGORY_LABELS.get(value, value)
    org = side.model.organisation
    if kind == "unit" and org is not None:
        names = [a.units[value] for a in org.administrations.values() if value in a.units]
        return f"enheten {names[0] if names else value}"
    if kind == "function":
        return f"funktionen {value}"
    return lower_first(side.actor(Actor(kind, value))) if kind in ("position", "role_type", "external") else f"{kind}:{value}"


def whistleblowing_entities(side: Side, regulation: Any) -> dict[str, Entity]:
    found: dict[str, Entity] = {}
    for route in regulation.routes:
        concerns = _concerns_text(side, route.concerns)
        handler, handover = _handler(side, regulation, route.handler), _handler(side, regulation, route.handover_to)
        facets = [text_facet("Gäller", concerns, ROUTE), text_facet("Handläggs av", handler[0], ROUTE, handler[1]),
                  text_facet("Slutsatserna lämnas till", handover[0], ROUTE, handover[1]), text_facet("Motivering", route.note, ROUTE)]
        found[f"route:{route.id}"] = Entity("Regel", route.id, f"Regeln {route.id} ({concerns})", facets, ROUTE)
    for function in regulation.functions:
        fallback = _handler(side, regulation, function.fallback)
        facets = [text_facet("Namn", function.name, FUNCTION),
                  text_facet("Ledamöter", tuple(a.key for a in function.members), FUNCTION, join([side.actor(a) for a in function.members])),
                  text_facet("Beslutför med", function.quorum, FUNCTION), text_facet("Reserv vid jäv", fallback[0], FUNCTION, fallback[1])]
        found[f"function:{function.id}"] = Entity("Funktion", function.id, f"Funktionen {function.name} ({function.id})", facets, FUNCTION)
    for channel in regulation.channels:
        facets = [text_facet("Namn", channel.name, FUNCTION), actor_facet(side, "Drivs av", channel.operated_by, FUNCTION),
                  text_facet("Webbadress", channel.url, FUNCTION), text_facet("Telefon", channel.phone, FUNCTION)]
        found[f"channel:{channel.id}"] = Entity("Kanal", channel.id, f"Kanalen {channel.name} ({channel.id})", facets, FUNCTION)
    facets = [text_facet("Bekräftelse inom (dagar)", regulation.receipt_confirmation.days, FUNCTION),
              text_facet("Återkoppling inom (månader)", regulation.feedback.months, FUNCTION),
              actor_facet(side, "Tar emot rapporterna", regulation.intake_receiver, FUNCTION)]
    found["deadlines"] = Entity("Tidsfrist", "deadlines", "Mottagning och tidsfrister", facets, FUNCTION)
    return found


# -- procurement -------------------------------------------------------------------------------------
def _bound(side: Side, bound: Any) -> tuple[Any, str]:
    if bound.open:
        return ("open",), "ingen övre gräns"
    if bound.reference is not None:
        series = side.model.reference.get(bound.reference)
        name = series.title if series else bound.reference
        return (bound.reference, bound.inclusive), f"{name} ({'inklusive' if bound.inclusive else 'exklusive'})"
    text, _ = side.amount(bound.amount)
    return (bound.amount.amount, bound.amount.unit, bound.inclusive), f"{text} ({'inklusive' if bound.inclusive else 'exklusive'})"


def procurement_entities(side: Side, policy: Any) -> dict[str, Entity]:
    found: dict[str, Entity] = {}
    for band in policy.bands():
        lower, upper = _bound(side, band.lower), _bound(side, band.upper)
        procedure = band.procedure
        facets = [text_facet("Nedre gräns", lower[0], BAND, lower[1]), text_facet("Övre gräns", upper[0], BAND, upper[1]),
                  text_facet("Förfarande", procedure.kind, BAND, procedure.label),
                  text_facet("Dokumentation krävs", procedure.documentation_required, BAND, yes_no(procedure.documentation_required)),
                  text_facet("Minst antal offerter", procedure.min_quotes, BAND),
                  text_facet("Skriftliga offerter", procedure.written_quotes, BAND, yes_no(procedure.written_quotes) if procedure.written_quotes is not None else "inget angivet"),
                  actor_facet(side, "Genomförs av", procedure.conducted_by, BAND)]
        found[f"band:{band.id}"] = Entity("Värdeintervall", band.id, f"Värdeintervallet {band.id} ({procedure.label.lower()}, tabell {band.table})", facets, BAND)
        for decision in band.decisions:
            facets = [text_facet("Organ", decision.body, BAND_DECISION, side.actor(Actor("body", decision.body))),
                      text_facet("Grund", decision.basis, BAND_DECISION, {"delegation": "delegation", "own_body": "organets eget beslut"}.get(decision.basis, decision.basis)),
                      text_facet("Delegerat ärende", decision.matter, BAND_DECISION),
                      actor_facet(side, "Beslutar", decision.decided_by, BAND_DECISION)]
            found[f"decision:{decision.id}"] = Entity("Beslutsrad", decision.id, f"Beslutsraden {decision.id} i {band.id}", facets, BAND_DECISION)
    for rule in policy.signing:
        applies = "anställda som beslutat på delegation" if rule.employee_delegate else side.actor(Actor("body", rule.body or ""))
        facets = [text_facet("Gäller", applies, SIGNING),
                  text_facet("Den som beslutat undertecknar", rule.signed_by_decision_maker, SIGNING, yes_no(rule.signed_by_decision_maker)),
                  actor_facet(side, "Undertecknar", rule.signed_by, SIGNING), actor_facet(side, "Kontrasignerar", rule.countersigned_by, SIGNING),
                  actor_facet(side, "Ersättare", rule.substitute, SIGNING)]
        found[f"signing:{rule.id}"] = Entity("Firmateckningsregel", rule.id, f"Firmateckningsregeln {rule.id} ({rule.title})", facets, SIGNING)
    for regime in policy.regimes.values():
        thresholds = ", ".join(f"{c}: {ref}" for c, (ref, _) in sorted(regime.eu_thresholds.items()))
        facets = [text_facet("Direktupphandlingsgräns", regime.direct_procurement_limit, REGIME),
                  text_facet("Dokumentationsgräns", regime.documentation_threshold, REGIME),
                  text_facet("EU:s tröskelvärden", thresholds, REGIME), text_facet("Kategorier", ", ".join(regime.categories), REGIME),
                  text_facet("Enheter", ", ".join(regime.units) or "alla", REGIME)]
        found[f"regime:{regime.id}"] = Entity("Regelverk", regime.id, f"Regelverket {regime.name} ({regime.id})", facets, REGIME)
    return found


# -- reference data and organisation ------------------------------------------------------------------
def series_entities(side: Side, series: Any) -> dict[str, Entity]:
    found: dict[str, Entity] = {}
    for value in series.values:
        if value.unknown or value.value is None:
            shown = "okänt (inte publicerat)" if value.unknown else "inget"
        elif series.unit == "sek":
            shown = kronor(value.value)
        else:
            shown = f"{number(value.value)} {series.unit or ''}".strip()
        facets = [text_facet("Värde", (value.value, value.unknown), VALUES, shown),
                  text_facet("I euro", value.value_eur, VALUES, f"{number(value.value_eur)} euro" if value.value_eur is not None else "inget"),
                  text_facet("Länder", tuple(sorted(value.countries)), VALUES, ", ".join(sorted(value.countries)) or "inga"),
                  text_facet("Dagar", value.days, VALUES), text_facet("Månader", value.months, VALUES), text_facet("År", value.years, VALUES),
                  text_facet("Källa", value.source_title, VALUES)]
        key = value.valid_from.isoformat()
        found[key] = Entity("Värde", key, f"Från {key}", facets, VALUES)
    return found


def organisation_entities(side: Side, org: Any) -> dict[str, Entity]:
    found: dict[str, Entity] = {}
    for p in org.positions.values():
        facets = [text_facet("Benämning", p.title, ORGANISATION), text_facet("Nivå", p.level, ORGANISATION),
                  text_facet("Förvaltning", p.administration, ORGANISATION), text_facet("Enhet", p.unit, ORGANISATION),
                  actor_facet(side, "Rapporterar till", p.reports_to, ORGANISATION)]
        found[f"position:{p.id}"] = Entity("Befattning", p.id, f"Befattningen {p.title} ({p.id})", facets, ORGANISATION, decided=False)
    for b in org.bodies.values():
        seats = ", ".join(f"{s} {n}" for s, n in sorted(b.seats.items()))
        facets = [text_facet("Namn", b.name, ORGANISATION), text_facet("Sort", b.kind, ORGANISATION),
                  text_facet("Överordnat organ", b.parent, ORGANISATION), text_facet("Platser", seats, ORGANISATION)]
        found[f"body:{b.id}"] = Entity("Organ", b.id, f"Organet {b.name} ({b.id})", facets, ORGANISATION)
    for r in org.role_types.values():
        members = tuple(org.positions_of_role_type(r.id))
        facets = [text_facet("Benämning", r.title, ORGANISATION), text_facet("Befattningar", members, ORGANISATION, ", ".join(members) or "inga")]
        found[f"role_type:{r.id}"] = Entity("Rolltyp", r.id, f"Rolltypen {r.title} ({r.id})", facets, ORGANISATION, decided=False)
    for a in org.administrations.values():
        facets = [text_facet("Namn", a.name, ORGANISATION), text_facet("Förvaltningschef", a.head, ORGANISATION, side.actor(Actor("position", a.head)))]
        found[f"administration:{a.id}"] = Entity("Förvaltning", a.id, f"Förvaltningen {a.name} ({a.id})", facets, ORGANISATION, decided=False)
    for e in org.externals.values():
        facets = [text_facet("Namn", e.name, ORGANISATION), text_facet("Sort", e.kind, ORGANISATION)]
        found[f"external:{e.id}"] = Entity("Extern part", e.id, f"Den externa parten {e.name} ({e.id})", facets, ORGANISATION, decided=False)
    return found
