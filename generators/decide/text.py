"""Swedish wording for the decision tables and the answers (standard library only).

Numbers, kronor and running-text helpers come from `generators.wording.swedish`, the one home the
site, the JSON rules and `decide` share (re-exported here); this module adds the answer sentences.

Every sentence of an answer is a template in `SENTENCES` with named slots (`{amount}`, `{day}` …).
`decide` fills them here (`say`), and decisions.json publishes them under `wording` together with
how an amount in kronor is written (`KRONOR_FORMAT`), so the site's "Vem beslutar?" page fills the
very same templates and writes no Swedish of its own. A template never holds a brace of its own:
`{name}` is always a slot.
"""

from __future__ import annotations

from generators.wording.swedish import KRONOR_FORMAT, NBSP, join, kronor, lower_first, number, sentence, upper_first

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: `decide` starts fast
    from typing import Any

# The answers' sentences by key; the key's first part is the question (or `document`, `list`, `option`).
SENTENCES: dict[str, str] = {
    # running text shared by every question
    "list.and": "och",
    "list.or": "eller",
    "document": "{title}, version {version}{adopted}, {validity}.",
    "document.adopted": " ({adopted})",
    "document.valid_from": "gäller från {valid_from}",
    "document.valid_between": "gäller från {valid_from} till och med {valid_to}",
    "depends_on_position": ", beroende på befattning",
    # where `decide` names a command-line option (the page puts its own words in these slots)
    "option.amount": "ange --amount",
    "option.value": " (--value)",
    # LOU (2016:1145) where it regulates a direct procurement's verdict: direct procurement (19 a kap.),
    # the other procedures and their grounds (6 kap.), the exceptions from the law (3 kap.)
    "citation.lou_direct_procurement": "LOU 19 a kap., 6 kap., 3 kap.",
    # delegation
    "delegation.not_found": "Ärendet '{matter}' finns inte i någon delegationsordning.",
    "delegation.not_found.hint": "Kontrollera ärendets id; ärendena finns i delegationsordningarna för {bodies}",
    "delegation.not_in_force": "Ingen delegationsordning med ärendet '{matter}' gäller {day}.",
    "delegation.not_in_force.span": "{title} version {version} ({valid_from}–{valid_to})",
    "delegation.not_in_force.hint": "Ärendet finns i {spans}",
    "delegation.other_body": "Ärende {number} ({title}) hör till {body}s delegationsordning, inte till {asked}s.",
    "delegation.not_allowed.reason": "Ärende {number} gäller direktupphandling och ger ingen beslutanderätt för {amount}: på eller "
                                     "över gränsen krävs ett annonserat förfarande (LOU 6 kap.) eller ett undantag, till exempel "
                                     "direktupphandling på annan grund (LOU 6 kap. 12–19 §§) eller ett kontrakt som är undantaget "
                                     "från lagen (LOU 3 kap.)",
    "delegation.unknown_value": "Vem som beslutar om ärende {number} {day} kan inte avgöras: ett belopp i kronor är inte känt.",
    "delegation.needs_amount": "Vem som beslutar om ärende {number} {title} beror på beloppet; {option}.",
    "delegation.undetermined.area": "Ingen av dem som beslutar i ärende {number} var och en inom sitt område ({members}) "
                                    "hör till förvaltningen {area}.",
    "delegation.undetermined": "Beloppsnivåerna i ärende {number} ger inget entydigt svar för {amount}.",
    "delegation.for_amount": " om {amount}",
    "delegation.execution": "Ärende {number} ({title}) i {body}s delegationsordning är ren verkställighet och ingen delegering; "
                            "ingen delegat anges, {day}.",
    "delegation.delegated": "{who} beslutar i ärende {number} ({title}){amount}, {body}s delegationsordning, {day}.",
    "delegation.not_delegated": "{body_name} beslutar själv i ärende {number} ({title}){amount}: beloppet ligger över delegationen, {day}.",
    "delegation.retired": "Ärendet '{matter}' har upphört {retired_on}.",
    "delegation.retired.replaced": "Ärendet '{matter}' har upphört {retired_on}; det ersätts av '{replaced}'.",
    "delegation.retired.reason": "Skäl: {reason}",
    "delegation.retired.version": "Upphörde enligt version {version} av {document}",
    "delegation.matter": "Ärende {number} {title}, avsnitt {section}",
    "delegation.execution_only": "Raden är ren verkställighet och ingen delegering; den finns med för tydlighetens skull.",
    "delegation.legal_basis": "Lagrum: {references}",
    "delegation.value_unknown": "Ett belopp kan inte räknas om till kronor den dagen",
    "delegation.tier.delegated": "Nivån {tier}: {who} beslutar",
    "delegation.tier.not_delegated": "Nivån {tier}: ärendet är inte delegerat; {who} beslutar själv",
    "delegation.no_limit": "Ärendet har ingen beloppsgräns: {who} beslutar",
    "delegation.amount_applies": "Beloppet {amount} {applies}",
    "delegation.note": "Anmärkning: {note}",
    "delegation.by_kind.ask": "Ange ett ärende (--matter) eller ett organ och en ärendetyp (--body och --matter-kind).",
    "delegation.by_kind.no_order": "Organet '{body}' har ingen delegationsordning.",
    "delegation.by_kind.bodies": "Organ med delegationsordning: {bodies}",
    "delegation.by_kind.none": "{body_name} har inga ärenden av typen {kind} {day}.",
    "delegation.by_kind.kinds": "Ärendetyper i delegationsordningen: {kinds}",
    "delegation.by_kind": "{count} ärenden av typen {kind} i {body}s delegationsordning {day}: {answers}.",
    "delegation.by_kind.line": "Ärende {number}: {line}",
    # travel
    "travel.missing": "Det finns ingen rese- och mötespolicy.",
    "travel.not_in_force": "Ingen rese- och mötespolicy gäller {day}.",
    "travel.seat": "{seat} i {body}",
    "travel.unknown_traveller": "Resenären '{who}' finns inte i organisationen.",
    "travel.unknown_traveller.hint": "Ange en befattning eller rolltyp (--traveller) eller ett organ (--body, med --seat för en post).",
    "travel.unknown_country": "Landkoden '{country}' hör inte till någon zon i resepolicyn {day}.",
    "travel.unknown_country.hint": "Ange landet som en kod enligt ISO 3166-1 alfa-2, till exempel US, GB eller NO.",
    "travel.no_category": "{traveller} hör inte till någon resenärskategori i resepolicyn.",
    "travel.approves": "{approver} godkänner en resa för {traveller} till {place} ({zone}) {day}.",
    "travel.undetermined": "Resepolicyn ger inget entydigt svar för {traveller} till {place} {day}.",
    "travel.approved_by": "En resa för {traveller} till {place} ({zone}) {day} godkänns av {approvers}{depends}.",
    "travel.approver": "den som godkänner resan",
    "travel.zone": "{place} hör till zonen {zone} {day}",
    "travel.excluded": "{place} räknas inte till {zone}: zonen undantar {place}",
    "travel.overlap": "Observera: {place} ligger i flera zoner ({zones}); den första används",
    "travel.category": "{who} hör till resenärskategorin {category}",
    "travel.category.all": "{who} hör alla till resenärskategorin {category}",
    "travel.for": "För {who}: {line}",
    "travel.recused": "{who} sitter själv i {approver} och deltar inte i beslutet om sin egen resa (jäv, KL 6 kap. 28 § 1)",
    "travel.recused.if_member": "Den som reser och själv sitter i {approver} deltar inte i beslutet om sin egen resa (jäv, KL 6 kap. 28 § 1)",
    # whistleblowing
    "whistleblowing.missing": "Det finns inget reglemente för visselblåsning.",
    "whistleblowing.not_in_force": "Inget reglemente för visselblåsning gäller {day}.",
    "whistleblowing.unknown": "'{concerns}' är ingen befattning, rolltyp, kategori, extern part eller funktion.",
    "whistleblowing.categories": "Kategorier: {categories}",
    "whistleblowing.handles": "{handler} handlägger en rapport om {concerned} ({day}).",
    "whistleblowing.handles.handover": "{handler} handlägger en rapport om {concerned} och lämnar slutsatserna till {handover} ({day}).",
    "whistleblowing.no_handler": "Reglementet anger inte vem som handlägger en rapport om {concerned}.",
    "whistleblowing.handled_by": "En rapport om {concerned} handläggs av {handlers}{depends} ({day}).",
    # procurement
    "procurement.missing": "Det finns ingen upphandlingspolicy.",
    "procurement.not_in_force": "Ingen upphandlingspolicy gäller {day}.",
    "procurement.no_table": "Upphandlingspolicyn har inga värdeintervall för '{category}' enligt '{regime}'.",
    "procurement.table": "{category} ({regime})",
    "procurement.tables": "Det finns värdeintervall för {tables}",
    "procurement.other_body": "Värdeintervallen för {category} enligt {regime} gäller inte för '{body}'.",
    "procurement.bodies": "De gäller för {bodies}",
    "procurement.ask_value": "Ange det uppskattade värdet i kronor exklusive moms{option}.",
    "procurement.no_interval": "Inget värdeintervall rymmer {value}.",
    "procurement.purchase": "Ett köp för {value} exklusive moms ({category}, {regime}) i {body}",
    "procurement.candidates": "{purchase}: {options} (tröskelvärdet i kronor är inte publicerat); beslutar: {deciders} ({day}).",
    "procurement.answered": "{purchase}: {procedure}; beslutar: {deciders} ({day}).",
    "procurement.no_decider": "{purchase}: {procedure}; vem som beslutar kan inte avgöras {day}.",
    "procurement.no_procedure": "{purchase}: förfarandet kan inte avgöras {day}.",
    "procurement.documented": "{procedure}, som ska dokumenteras",
    "procurement.undocumented": "{procedure}, utan krav på dokumentation",
    "procurement.interval": "Värdet {value} ligger i intervallet {interval} för {category} enligt {regime}",
    "procurement.documentation_required": "Dokumentation krävs enligt policyn.",
    "procurement.documentation_not_required": "Dokumentation krävs inte enligt policyn (under dokumentationsgränsen).",
    "procurement.value_basis": "Värdet räknas så här: {basis}",
    # the law's verdict at or above the direktupphandlingsgräns
    "direct_procurement.not_allowed": "Direktupphandling på grund av lågt värde är inte tillåten. Annonserad upphandling krävs "
                                      "om inte ett undantag gäller ({citation}).",
    "direct_procurement.not_allowed.amount": "Direktupphandling på grund av lågt värde är inte tillåten för {amount}. Annonserad "
                                             "upphandling krävs om inte ett undantag gäller ({citation}).",
}


def say(key: str, **slots: object) -> str:
    """The sentence `key` with its slots filled (a slot's value is put in as it is)."""
    return SENTENCES[key].format_map(slots)


def wording() -> dict[str, Any]:
    """What decisions.json publishes under `wording`: the sentences and how an amount reads."""
    return {"sentences": dict(sorted(SENTENCES.items())), "kronor": dict(KRONOR_FORMAT)}


def and_list(items: list[str]) -> str:
    return join(items, SENTENCES["list.and"])


def or_list(items: list[str]) -> str:
    return join(items, SENTENCES["list.or"])


def document_sentence(document: dict[str, Any]) -> str:
    """'Socialnämndens delegationsordning, version 2026:1 (antagen av …), gäller från 2026-01-01.'"""
    validity = (say("document.valid_between", valid_from=document["valid_from"], valid_to=document["valid_to"]) if document["valid_to"]
                else say("document.valid_from", valid_from=document["valid_from"]))
    adopted = say("document.adopted", adopted=document["adopted"]) if document["adopted"] else ""
    return say("document", title=document["title"], version=document["version"], adopted=adopted, validity=validity)


LOU_DIRECT_PROCUREMENT_CITATION = SENTENCES["citation.lou_direct_procurement"]


def direct_procurement_not_allowed(amount: str | None = None, citation: str = LOU_DIRECT_PROCUREMENT_CITATION) -> str:
    """The law's verdict at or above the direktupphandlingsgräns: 'Direktupphandling på grund av lågt värde är
    inte tillåten. Annonserad upphandling krävs om inte ett undantag gäller (LOU 19 a kap., 6 kap., 3 kap.).'
    `amount` is the value in words where the sentence names it."""
    if amount:
        return say("direct_procurement.not_allowed.amount", amount=amount, citation=citation)
    return say("direct_procurement.not_allowed", citation=citation)


__all__ = ["LOU_DIRECT_PROCUREMENT_CITATION", "NBSP", "SENTENCES", "and_list", "direct_procurement_not_allowed", "document_sentence",
           "join", "kronor", "lower_first", "number", "or_list", "say", "sentence", "upper_first", "wording"]
