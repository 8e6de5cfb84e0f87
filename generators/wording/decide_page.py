"""The "Vem beslutar?" page's own words: its headings, labels, choices and messages.

The answers' sentences are the decision tables' (`generators.decide.text.SENTENCES`, published in
decisions.json under `wording`); what the page adds around them is written here, once, and reaches
the page's script as a data block (`#vb-ord`, `generators/outputs/site/pages/decide.py`), so the
script (`site/assets/vem-beslutar.js`) writes no Swedish of its own. A `{name}` is a slot the script
fills; `ready` has its date filled in when the page is built.

Two words stand in for `decide`'s: where the command line names an option (`ange --amount`,
`(--value)`), the page names the field to fill in (`option.amount`, `option.value`).
"""

from __future__ import annotations

PAGE_WORDS: dict[str, str] = {
    # the answer's heading, by its status (generators.decide.answers)
    "status.answered": "Svar",
    "status.not_found": "Finns inte",
    "status.not_in_force": "Inget gäller den dagen",
    "status.other_body": "Hör till ett annat organ",
    "status.needs_amount": "Svaret beror på beloppet",
    "status.unknown_value": "Beloppet kan inte räknas om till kronor den dagen",
    "status.retired": "Ärendet har upphört",
    "status.undetermined": "Kan inte avgöras",
    "status.not_allowed": "Inte tillåtet enligt lag",
    "steps": "Så här gör du",
    "explanation": "Så kommer svaret till:",
    # in place of decide's command-line options
    "option.amount": "ange ett belopp",
    "option.value": "",
    # the page's state
    "ready": "Svaren bygger på styrdokumenten som de gäller {as_of} och på antagna versioner som börjar gälla senare.",
    "failed": "Beslutstabellerna kunde inte hämtas ({error}). Ladda om sidan. Om felet finns kvar hittar du svaren i "
              "delegationsordningarna och på rollernas sidor.",
    "unknown_error": "okänt fel",
    "lookup_failed": "Svaret kunde inte slås upp. Ladda om sidan och försök igen.",
    # a field left out or filled in wrongly
    "error.body": "Välj nämnd eller styrelse.",
    "error.matter": "Välj ett ärende, eller välj en ärendetyp och sedan Alla ärenden av typen.",
    "error.amount": "Skriv beloppet i kronor med siffror, till exempel 30 000 eller 1 250,50.",
    "error.traveller": "Välj vem som ska resa.",
    "error.country": "Välj land.",
    "error.concerned": "Välj vem rapporten gäller.",
    "error.value": "Skriv det uppskattade värdet i kronor med siffror, till exempel 650 000.",
    "error.date": "Ange ett datum.",
    # shared by the facts of several questions
    "for_whom": "För {who}: ",
    "not_stated": "anges inte",
    # delegation: the choices
    "delegation.choose_body": "Välj nämnd eller styrelse",
    "delegation.loading": "Ärendena hämtas …",
    "delegation.all_kinds": "Alla ärendetyper",
    "delegation.body_first": "Välj först nämnd eller styrelse",
    "delegation.choose_matter": "Välj ett ärende",
    "delegation.all_of_kind": "Alla ärenden av typen {kind}",
    "delegation.retired_group": "Upphörda ärenden",
    "delegation.retired_option": "{matter} (upphört {retired_on})",
    # delegation: the facts
    "delegation.row.matters": "Ärenden",
    "delegation.row.retired_on": "Upphörde",
    "delegation.row.replaced_by": "Ersätts av",
    "delegation.row.decides": "Beslutar",
    "delegation.row.tier": "Beloppsgräns",
    "delegation.row.tiers": "Beloppsgränser",
    "delegation.row.substitute": "Ersättare vid frånvaro eller jäv",
    "delegation.row.further": "Får också besluta genom vidaredelegation",
    "delegation.row.belongs_to": "Hör till",
    "delegation.row.matter": "Ärende",
    "delegation.row.order": "Delegationsordning",
    "delegation.row.legal_basis": "Lagrum",
    "delegation.decides": "beslutar",
    "delegation.decides_self": "beslutar själv",
    "delegation.delegated": "(på delegation)",
    "delegation.not_delegated": "(ärendet är inte delegerat)",
    "delegation.substitute.matter": "(enligt ärendet)",
    "delegation.substitute.general": "(enligt de allmänna bestämmelserna)",
    "delegation.version": ", version ",
    # travel
    "travel.choose_traveller": "Välj befattning eller uppdrag",
    "travel.group.positions": "Anställda: befattningar",
    "travel.group.role_types": "Anställda: grupper av befattningar",
    "travel.group.politicians": "Förtroendevalda",
    "travel.choose_country": "Välj land",
    "travel.country_option": "{name} ({code})",
    "travel.row.traveller": "Resenär",
    "travel.row.approver": "Godkänner",
    "travel.row.named_approver": "Policyn anger",
    "travel.row.own_trip": "Egen resa",
    "travel.row.zone": "Zon",
    "travel.row.category": "Resenärskategori",
    "travel.row.basis": "Grund",
    "travel.no_answer": "inget entydigt svar",
    "travel.own_trip": "Den som annars godkänner är själv resenären.",
    "travel.matter": "ärende {number} {title} i {document} version {version}",
    # whistleblowing
    "whistleblowing.choose": "Välj vem rapporten gäller",
    "whistleblowing.group.position": "Befattningar",
    "whistleblowing.group.role_type": "Grupper av befattningar",
    "whistleblowing.group.category": "Andra personer",
    "whistleblowing.group.external": "Externa parter",
    "whistleblowing.group.function": "Funktioner",
    "whistleblowing.row.concerned": "Rapporten gäller",
    "whistleblowing.row.handler": "Handläggs av",
    "whistleblowing.row.handover": "Slutsatserna lämnas till",
    "whistleblowing.row.stepping_aside": "Deltar inte på grund av jäv",
    "whistleblowing.row.independent": "Oberoende handläggning",
    "whistleblowing.row.route": "Regel i reglementet",
    "whistleblowing.handover": ", som lämnar slutsatserna till ",
    "whistleblowing.independent": "Ja, ingen som handlägger är jävig.",
    "whistleblowing.not_independent": "Nej, se förklaringen.",
    # procurement
    "procurement.value_help": "Till exempel 650 000. {basis}",
    "procurement.row.procedure": "Förfarande",
    "procurement.row.documentation": "Dokumentation",
    "procurement.row.direct": "Direktupphandling",
    "procurement.row.decides": "Beslutar",
    "procurement.row.signing": "Undertecknar avtalet",
    "procurement.row.interval": "Värdeintervall",
    "procurement.row.regime": "Lag och kategori",
    "procurement.row.body": "Nämnd eller styrelse",
    "procurement.written_quotes": "minst {count} skriftliga offerter",
    "procurement.quotes": "minst {count} leverantörer att jämföra",
    "procurement.conducted_by": ", genomförs med stöd av ",
    "procurement.documentation": "Krävs enligt policyn",
    "procurement.no_documentation": "Krävs inte enligt policyn",
    "procurement.law_documentation": "lagens dokumentationsplikt gäller",
    "procurement.no_law_documentation": "lagens dokumentationsplikt gäller inte",
    "procurement.candidates": " (beror på ett tröskelvärde som inte är publicerat i kronor)",
    "procurement.direct_allowed": "Tillåten enligt lagen (under direktupphandlingsgränsen)",
    "procurement.direct_not_allowed": "Inte tillåten på grund av lågt värde (värdet når direktupphandlingsgränsen)",
    "procurement.according_to": " enligt ",
    "procurement.matter": "ärende {number}",
    "procurement.countersigned_by": ", kontrasigneras av ",
}


def page_words(as_of: str) -> dict[str, str]:
    """The words for a page built on `as_of` (a date in words: '1 december 2026')."""
    return {**PAGE_WORDS, "ready": PAGE_WORDS["ready"].format(as_of=as_of)}
