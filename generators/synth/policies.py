"""The city-wide policies: travel, whistleblowing, procurement and the personal-data allowlist.

They follow the example's structure and wording, scaled to the city's bodies: one traveller category
per förvaltningschef and per political body family, one approval per category and zone, one
procurement decision per body and value band, one signing rule per body. Every cross-reference points
at something that exists: travel approvals and procurement decisions made on delegation name the
anchor matters of `delegation.py`, whose delegates are the approvers and deciders named here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generators.synth.files import SynthFile, SynthRequest
from generators.synth.plan import DIRECTOR, KF, KS, MAIL_DOMAIN, WEB, BodyPlan, CityPlan, document_meta, organisation_document

PHONE = "031-719 20 00"
_ELECTED_RULE = {"local": "Bestämmelser om ersättning till förtroendevalda, antagna av kommunfullmäktige"}


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def _chair(body: str) -> dict[str, str]:
    return {"seat": "ordforande", "body": body}


# -- travel ----------------------------------------------------------------------------------------------
ZONES = [
    {"id": "sverige", "name": "Sverige", "include": {"countries": ["SE"]}},
    {"id": "norden_utom_sverige", "name": "Övriga Norden",
     "description": "Danmark, Finland, Norge, Island och Åland. Färöarna och Grönland ligger utanför EU/EES och hör därför till övriga världen.",
     "include": {"groups": ["norden"]}, "exclude": {"countries": ["SE", "FO", "GL"]}},
    {"id": "eu_ees_utom_norden", "name": "Övriga EU/EES", "description": "EU:s medlemsstater och Liechtenstein, utom de nordiska länderna.",
     "include": {"groups": ["eu-ees"]}, "exclude": {"groups": ["norden"]}},
    {"id": "varlden", "name": "Övriga världen",
     "description": "Alla länder utanför EU/EES, till exempel Storbritannien, Schweiz, USA samt Färöarna och Grönland.", "rest": True},
]
_ZONE_SUFFIX = {"sverige": "sverige", "norden_utom_sverige": "norden", "eu_ees_utom_norden": "eu-ees", "varlden": "varlden"}
_IN_EU = ("sverige", "norden_utom_sverige", "eu_ees_utom_norden")


def _approval(category: str, zone: str, approver: dict[str, str], basis: str, **extra: Any) -> dict[str, Any]:
    row: dict[str, Any] = {"id": f"{category}-{_ZONE_SUFFIX[zone]}", "category": category, "zone": zone, "approver": approver, "basis": basis}
    row.update(extra)
    return row


def travel_document(plan: CityPlan) -> dict[str, Any]:
    categories: list[dict[str, Any]] = [
        {"id": "anstallda-medarbetare", "name": "Medarbetare och specialister", "kind": "employee", "levels": ["medarbetare", "specialist"]},
        {"id": "anstallda-chefer", "name": "Enhetschefer och avdelningschefer", "kind": "employee", "levels": ["enhetschef", "avdelningschef"]},
    ]
    approvals: list[dict[str, Any]] = []
    nearest = {"relative": "narmaste_chef"}
    for category in ("anstallda-medarbetare", "anstallda-chefer"):
        approvals += [_approval(category, zone, nearest, "line_management") for zone in _IN_EU]
        approvals.append(_approval(category, "varlden", {"position": DIRECTOR}, "delegation", matter="ks-resor-utanfor-eu-anstallda"))
    for body in plan.nämnder:
        category = f"anstallda-{body.abbr}-forvaltningschef"
        categories.append({"id": category, "name": body.head_title, "kind": "employee", "positions": [body.head]})
        approvals += [_approval(category, zone, nearest, "line_management") for zone in _IN_EU]
        approvals.append(_approval(category, "varlden", _chair(body.id), "delegation", matter=f"{body.abbr}-resor-utanfor-eu-forvaltningschef"))
    categories.append({"id": "anstallda-stadsdirektor", "name": "Stadsdirektören", "kind": "employee", "levels": ["direktor"]})
    approvals.append(_approval("anstallda-stadsdirektor", "sverige", _chair(KS), "line_management",
                               note="Kommunstyrelsens ordförande utövar arbetsledningen över stadsdirektören på styrelsens vägnar."))
    approvals += [_approval("anstallda-stadsdirektor", zone, _chair(KS), "line_management") for zone in _IN_EU[1:]]
    approvals.append(_approval("anstallda-stadsdirektor", "varlden", _chair(KS), "delegation", matter="ks-resor-utanfor-eu-stadsdirektor"))

    categories.append({"id": "fortroendevalda-kf", "name": "Förtroendevalda i kommunfullmäktige", "kind": "elected", "bodies": [KF]})
    for zone in _IN_EU:
        approvals.append(_approval("fortroendevalda-kf", zone, _chair(KF), "regulation", regulation=_ELECTED_RULE,
                                   own_trip_approver={"seat": "forste_vice_ordforande", "body": KF}))
    approvals.append(_approval("fortroendevalda-kf", "varlden", {"body": KF}, "own_body"))
    for body in plan.bodies:
        category = f"fortroendevalda-{body.abbr}"
        categories.append({"id": category, "name": f"Förtroendevalda i {body.running}, dess arbetsutskott och presidium", "kind": "elected",
                           "bodies": [body.id, body.arbetsutskott, body.presidium]})
        own = {"seat": body.vice_seat, "body": body.id}
        for zone in _IN_EU:
            if body.id == KS:
                approvals.append(_approval(category, zone, _chair(KS), "delegation", matter="ks-resor-kurser-fortroendevalda", own_trip_approver=own))
            else:
                approvals.append(_approval(category, zone, _chair(body.id), "regulation", regulation=_ELECTED_RULE, own_trip_approver=own))
        approvals.append(_approval(category, "varlden", body.top, "delegation", matter=f"{body.abbr}-resor-utanfor-eu-fortroendevalda"))
    categories.append({"id": "fortroendevalda-krisledning", "name": "Förtroendevalda i krisledningsnämnden", "kind": "elected",
                       "bodies": ["krisledningsnamnden"]})
    for zone in _IN_EU:
        approvals.append(_approval("fortroendevalda-krisledning", zone, _chair("krisledningsnamnden"), "regulation", regulation=_ELECTED_RULE,
                                   own_trip_approver={"seat": "vice_ordforande", "body": "krisledningsnamnden"}))
    approvals.append(_approval("fortroendevalda-krisledning", "varlden", {"body": "krisledningsnamnden"}, "own_body"))
    categories.append({"id": "revisorer", "name": "Stadens revisorer", "kind": "elected", "bodies": ["revisionen"]})
    revision_rule = {"local": "Reglemente för revisorerna, antaget av kommunfullmäktige"}
    for zone in _IN_EU:
        approvals.append(_approval("revisorer", zone, _chair("revisionen"), "regulation", regulation=revision_rule,
                                   own_trip_approver={"seat": "vice_ordforande", "body": "revisionen"}))
    approvals.append(_approval("revisorer", "varlden", {"body": "revisionen"}, "own_body"))
    return {
        "document": document_meta(
            "resepolicy", "resepolicy", "Rese- och mötespolicy för Älvhamns stad", KF, "2025-10-16", "§ 97", "KS 2025/301",
            "hr_direktor", "2027-12-31",
            "Policyn gäller alla resor och möten i tjänsten och i förtroendeuppdraget. Digitala möten prövas först, tåg väljs framför "
            "flyg på kortare sträckor och varje resa ska ha ett angivet syfte och godkännas innan den bokas. Resor utanför EU/EES "
            "beslutas aldrig av närmaste chef utan av stadsdirektören eller på politisk nivå.",
            supersedes="2020:1",
        ),
        "scope": {"employees": True, "elected": True,
                  "text": "Policyn gäller tjänsteresor för stadens anställda och resor i uppdraget för förtroendevalda, till exempel "
                          "möten, kurser, konferenser, mässor och studieresor. Resor mellan bostaden och den ordinarie arbetsplatsen "
                          "omfattas inte."},
        "zones": ZONES,
        "traveller_categories": categories,
        "approvals": approvals,
        "rules": {
            "purpose": {"id": "syfte", "required": True, "stated_in": "Reseansökan i stadens e-tjänst för resor, som sparas tillsammans med beslutet.",
                        "text": "Varje resa ska ha ett syfte som har direkt nytta för stadens verksamhet eller uppdrag. Syftet, programmet "
                                "och den beräknade kostnaden anges i reseansökan innan resan godkänns."},
            "meetings": {"id": "digitalt-forst", "digital_first": True,
                         "text": "Innan en resa planeras ska det prövas om mötet kan hållas digitalt."},
            "climate": {"id": "tag-fore-flyg", "train_below_km": 500, "train_below_hours": 5, "exceptions_decided_by": {"relative": "narmaste_chef"},
                        "text": "Tåg eller annat kollektivt färdsätt väljs när resvägen en väg är kortare än 500 kilometer eller när "
                                "tågresan tar kortare tid än fem timmar."},
            "booking": {"id": "bokning", "via_procured_agency": True, "after_approval": True,
                        "text": f"Resor och logi bokas genom den resebyrå som staden har upphandlat avtal med och först när resan är "
                                f"godkänd. Frågor om bokning besvaras av resor@{MAIL_DOMAIN}."},
            "costs": [
                {"id": "flyg", "title": "Flyg", "text": "Flyg bokas i ekonomiklass med biljett som går att ändra endast när det behövs."},
                {"id": "tag", "title": "Tåg", "text": "Tåg bokas i andra klass."},
                {"id": "logi", "title": "Logi", "limit": {"amount": 1900, "unit": "sek", "per": "case", "excluding_vat": False},
                 "text": "Priset per natt får inte överstiga 1 900 kronor inklusive moms utan särskilt godkännande av den som godkänner resan."},
                {"id": "traktamente", "title": "Traktamente", "text": "Traktamente och kostnadsersättning betalas enligt kollektivavtalet och Skatteverkets regler."},
            ],
            "follow_up": {"id": "uppfoljning", "reported_to": {"body": KS}, "interval": "yearly",
                          "text": "Ekonomiavdelningen redovisar varje år till kommunstyrelsen alla resor utanför EU/EES med syfte, kostnad "
                                  "och beslutsfattare."},
        },
        "legal_basis": [{"sfs": "2017:725", "chapter": "6", "section": "37"}, {"sfs": "2017:725", "chapter": "7", "section": "5"}, _ELECTED_RULE],
    }


# -- whistleblowing -------------------------------------------------------------------------------------
def whistleblowing_document(plan: CityPlan) -> dict[str, Any]:
    external = {"external": "extern_mottagare"}
    neighbour = {"external": "sjoviks_kommun"}
    function = {"function": "visselblasarfunktionen"}
    director = {"position": DIRECTOR}

    def route(rid: str, concerns: dict[str, Any], handler: dict[str, str], handover: dict[str, str] | None, note: str) -> dict[str, Any]:
        entry: dict[str, Any] = {"id": rid, "concerns": concerns, "handler": handler}
        if handover is not None:
            entry["handover_to"] = handover
        entry["note"] = note
        return entry

    routes = [
        route("om-stadsdirektor", {"position": DIRECTOR}, neighbour, {"body": "ks_presidium"},
              "Stadsdirektören leder alla anställda. Rapporten utreds av Sjöviks kommuns visselblåsarfunktion och slutsatserna lämnas "
              "till kommunstyrelsens presidium, som företräder arbetsgivaren i frågor om stadsdirektören."),
        route("om-forvaltningschefer", {"role_type": "forvaltningschef"}, neighbour, director,
              "Rapporter om förvaltningscheferna utreds utanför stadens egen organisation. Slutsatserna lämnas till stadsdirektören som närmaste chef."),
        route("om-hr-direktor", {"position": "hr_direktor"}, function, director,
              "HR-specialisten är underställd HR-direktören och deltar inte. Kanslichefen och stadsjuristen utreder."),
        route("om-kanslichef", {"position": "kanslichef"}, neighbour, director,
              "Kanslichefen ingår i funktionen och stadsjuristen är underställd kanslichefen. Funktionen är därför inte beslutsför."),
        route("om-stadsjurist", {"position": "stadsjurist"}, neighbour, director,
              "Stadsjuristen ingår i funktionen och arbetar på samma avdelning som kanslichefen, som är stadsjuristens chef."),
        route("om-hr-specialist", {"position": "hr_specialist"}, function, director,
              "HR-specialisten deltar inte i ärendet. Kanslichefen och stadsjuristen återstår, vilket räcker för att funktionen ska vara beslutsför."),
        route("om-kansliavdelningen", {"unit": "kansliavdelningen"}, external, director,
              "Medarbetarna på kansliavdelningen arbetar nära funktionens ledamöter. Rapporter om dem utreds av den externa mottagaren."),
        route("om-funktionen", function, neighbour, {"body": "ks_presidium"}, "Rapporter om hur funktionen som helhet sköter sitt uppdrag."),
        route("om-extern-mottagare", external, function, director,
              "Mottagaren utreder aldrig en rapport om sig själv utan lämnar den oförändrad till funktionen."),
        route("om-fortroendevalda", {"category": "fortroendevald"}, external, {"body": "revisionen"},
              "Förtroendevalda är inte anställda och står utanför linjeorganisationen. Slutsatserna lämnas till revisorerna."),
        route("om-revisorer", {"category": "revisor"}, external, _chair(KF),
              "Revisorerna kan inte granska sig själva. Slutsatserna lämnas till fullmäktiges ordförande."),
        route("om-revisionsbitradet", {"external": "revisionsbitradet"}, external, {"body": "revisionen"},
              "Slutsatserna lämnas till revisorerna, som har upphandlat sitt sakkunniga biträde."),
        route("om-leverantorer-och-konsulter", {"category": "leverantor_eller_konsult"}, function, {"position": "upphandlingschef"},
              "Gäller rapporten ett avtal lämnas slutsatserna till upphandlingschefen."),
        route("om-okand-person", {"category": "okand_person"}, function, None,
              "Visar utredningen vem rapporten gäller och gäller en annan regel för den personen, lämnas ärendet över enligt den regeln."),
        route("om-ovriga", {"default": True}, function, None, "Alla anställda och andra som ingen annan regel gäller."),
    ]
    return {
        "document": document_meta(
            "visselblasningsreglemente", "visselblasningsreglemente", "Reglemente för visselblåsning i Älvhamns stad", KF, "2025-10-16",
            "§ 98", "KS 2025/305", "kanslichef", "2027-12-31",
            "Reglementet beskriver hur den som arbetar för staden kan rapportera missförhållanden utan att riskera repressalier, vilka "
            "kanaler som finns, hur rapporterna tas emot och följs upp och vem som handlägger en rapport beroende på vem den gäller.",
            supersedes="2022:1",
        ),
        "scope": {"municipality": True, "companies": [],
                  "text": "Reglementet gäller kommunstyrelsen, samtliga nämnder och deras förvaltningar. Stadens bolag har egna rapporteringskanaler."},
        "legal_basis": [{"sfs": "2021:890"}, {"sfs": "2021:949"}, {"sfs": "2009:400", "chapter": "32", "section": "3 b"},
                        {"sfs": "2009:400", "chapter": "17", "section": "3 b"}, {"sfs": "1990:782"}],
        "reportable": "Missförhållanden i ett arbetsrelaterat sammanhang som det finns ett allmänintresse av att de kommer fram, till "
                      "exempel mutor, jäv, bedrägeri, förskingring, allvarliga brister i upphandling och missbruk av statsbidrag.",
        "reporters": [
            {"id": "arbetstagare", "category": "arbetstagare", "text": "Den som är anställd i staden, oavsett anställningsform."},
            {"id": "arbetssokande", "category": "arbetssokande", "text": "Den som söker arbete, uppdrag, praktik eller volontärplats i staden."},
            {"id": "tidigare-arbetstagare", "category": "tidigare_arbetstagare",
             "text": "Den som har slutat sin anställning eller sitt uppdrag, om uppgifterna kom fram under den tiden."},
            {"id": "volontarer", "category": "volontar", "text": "Den som utför volontärarbete i stadens verksamhet."},
            {"id": "praktikanter", "category": "praktikant", "text": "Den som gör praktik i stadens verksamhet."},
            {"id": "inhyrd-personal", "category": "inhyrd_personal", "text": "Den som i övrigt arbetar under stadens kontroll och ledning."},
            {"id": "konsulter", "category": "egenforetagare", "text": "Egenföretagare, konsulter och andra uppdragstagare som utför uppdrag åt staden."},
        ],
        "intake": {"receiver": external,
                   "text": "Alla rapporter i stadens interna kanaler tas emot av den externa mottagaren Rapportkanalen Väst AB, som "
                           "bekräftar mottagandet och lämnar över rapporten till den som ska handlägga den enligt reglerna nedan. "
                           f"Funktionsbrevlådan visselblasning@{MAIL_DOMAIN} är till för frågor om reglementet."},
        "channels": [
            {"id": "webbformular", "name": "Skriftlig rapport via webbformulär", "form": "written", "arrangement": "external_receiver",
             "operated_by": external, "url": f"{WEB}/visselblasning", "anonymous": True,
             "text": "Rapporten lämnas i ett krypterat webbformulär som nås dygnet runt. Den som rapporterar kan vara anonym."},
            {"id": "telefon", "name": "Muntlig rapport per telefon", "form": "oral", "arrangement": "external_receiver",
             "operated_by": external, "phone": PHONE, "anonymous": True,
             "text": "Rapporten lämnas muntligt till en handläggare hos den externa mottagaren vardagar 8–17."},
            {"id": "fysiskt-mote", "name": "Fysiskt möte på begäran", "form": "meeting", "arrangement": "external_receiver",
             "operated_by": external, "within_days": 14, "anonymous": False,
             "text": "Den som vill rapportera vid ett fysiskt möte begär det via webbformuläret eller telefonen. Mötet hålls inom 14 dagar."},
        ],
        "external_channels": {
            "text": "Den som vill rapportera kan i stället, eller också, rapportera till en behörig myndighet genom myndighetens externa "
                    "rapporteringskanal. Man behöver inte ha rapporterat internt först.",
            "authorities": [
                {"id": "arbetsmiljoverket", "name": "Arbetsmiljöverket", "area": "Missförhållanden i arbetsmiljön.", "url": "https://www.av.se/"},
                {"id": "imy", "name": "Integritetsskyddsmyndigheten (IMY)", "area": "Skydd av personuppgifter.", "url": "https://www.imy.se/"},
                {"id": "konkurrensverket", "name": "Konkurrensverket", "area": "Offentlig upphandling och konkurrens.",
                 "url": "https://www.konkurrensverket.se/"},
            ],
            "full_list": "https://lagen.nu/2021:949",
        },
        "functions": [{
            "id": "visselblasarfunktionen", "name": "Älvhamns stads visselblåsarfunktion",
            "members": [{"position": "kanslichef"}, {"position": "stadsjurist"}, {"position": "hr_specialist"}],
            "quorum": 2, "fallback": neighbour,
            "independence": "Funktionen är oberoende och självständig. Den beslutar själv om att inleda, avgränsa och avsluta en utredning "
                            "och behöver inte arbetsgivarens eller någon chefs godkännande.",
            "conflict_of_interest": "En ledamot som rapporten gäller, eller som är underställd den som rapporten gäller, eller som på annat "
                                    "sätt är jävig deltar inte i ärendet. Funktionen får handlägga ärendet bara om minst två ledamöter utan "
                                    "jäv återstår; annars lämnas ärendet över till Sjöviks kommuns visselblåsarfunktion.",
            "may_engage": "Funktionen får anlita extern utredare och juridisk expertis inom ramen för kommunstyrelsens budget.",
        }],
        "routing": {
            "several_concerned": "Gäller en rapport flera personer handläggs den enligt den regel som gäller för den person som står högst "
                                 "i linjeorganisationen; gäller den både anställda och förtroendevalda handläggs den enligt regeln för "
                                 "förtroendevalda.",
            "routes": routes,
        },
        "deadlines": {
            "receipt_confirmation": {
                "id": "bekraftelse", "days": 7, "reference": "visselblasning-bekraftelse",
                "exceptions": [
                    {"id": "avbojt", "kind": "reporter_declined", "text": "Den som rapporterat har avböjt att få en bekräftelse."},
                    {"id": "rojer-identitet", "kind": "would_reveal_identity",
                     "text": "Det finns anledning att anta att en bekräftelse skulle röja identiteten hos den som rapporterat."},
                ],
                "text": "Den externa mottagaren bekräftar skriftligen att rapporten har tagits emot inom sju dagar, utom i lagens undantagsfall.",
            },
            "feedback": {"id": "aterkoppling", "months": 3, "counted_from": "confirmation_or_day_7", "reference": "visselblasning-aterkoppling",
                         "text": "Den som rapporterat får skälig återkoppling inom tre månader från bekräftelsen, eller från den sjunde dagen "
                                 "efter att rapporten togs emot när ingen bekräftelse skickats."},
        },
        "personal_data": {
            "id": "personuppgifter", "controller": {"body": KS},
            "retention": {"years": 2, "counted_from": "case_closed", "reference": "visselblasning-personuppgifter",
                          "text": "Personuppgifter behandlas aldrig längre än två år efter att uppföljningsärendet avslutades."},
            "text": "Kommunstyrelsen är personuppgiftsansvarig för behandlingen i uppföljningsärenden. Den externa mottagaren och Sjöviks "
                    "kommun är personuppgiftsbiträden enligt skriftliga biträdesavtal.",
        },
        "archiving": {"id": "arkivering", "legal_basis": [{"sfs": "1990:782"}, {"sfs": "2009:400"}],
                      "text": "Handlingar i uppföljningsärenden är allmänna handlingar. De registreras, bevaras och gallras enligt arkivlagen "
                              "och kommunstyrelsens dokumenthanteringsplan."},
        "confidentiality": [
            {"id": "rapportor", "protects": "reporter", "legal_basis": {"sfs": "2009:400", "chapter": "32", "section": "3 b"},
             "text": "Sekretess gäller för uppgifter som kan avslöja identiteten hos den som har rapporterat."},
            {"id": "andra-personer", "protects": "other_persons", "legal_basis": {"sfs": "2009:400", "chapter": "17", "section": "3 b"},
             "text": "Sekretess gäller också för uppgifter om identiteten hos andra personer som förekommer i ett uppföljningsärende."},
        ],
        "cooperation": [
            {"id": "hr", "with": {"position": "hr_direktor"},
             "text": "När en utredning visar behov av arbetsrättsliga åtgärder lämnar funktionen underlag till HR-direktören."},
            {"id": "upphandling", "with": {"position": "upphandlingschef"},
             "text": "Rapporter om upphandling, avtal och fakturor utreds med stöd av upphandlingschefen och avtalscontrollern."},
            {"id": "statsbidrag", "with": {"position": "samordnare_statsbidrag"},
             "text": "Rapporter om hur statsbidrag söks och används utreds med stöd av samordnaren för statsbidrag."},
        ],
        "follow_up": {"id": "redovisning", "reported_to": {"body": KS}, "interval": "yearly",
                      "text": "Funktionen redovisar varje år till kommunstyrelsen hur många rapporter som kommit in och hur de har hanterats."},
        "protection": "Den som rapporterar enligt lagen får inte hindras från att rapportera och får inte utsättas för repressalier för att "
                      "ha rapporterat. Skyddet gäller också den som bistår den som rapporterar.",
    }


# -- procurement ----------------------------------------------------------------------------------------
def _bound(reference: str | None, inclusive: bool, amount: int | None = None) -> dict[str, Any]:
    if reference is None and amount is None:
        return {"open": True}
    bound: dict[str, Any] = {"reference": reference} if reference else {"amount": {"amount": amount, "unit": "sek"}}
    bound["inclusive"] = inclusive
    return bound


def _decision(band: str, body: BodyPlan, matter: str, decided_by: dict[str, str] | None) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": f"{band}-{body.abbr}", "body": body.id, "basis": "delegation", "matter": f"{body.abbr}-upphandling-{matter}"}
    if decided_by is not None:
        entry["decided_by"] = decided_by
    return entry


def _lou_bands(prefix: str, bodies: list[BodyPlan], eu_threshold: str | None, what: str) -> list[dict[str, Any]]:
    direct_text = f"Direktupphandling med prisjämförelse hos minst två {what}; valet antecknas på beställningen."
    bands = [
        {"id": f"{prefix}-direkt", "lower": _bound(None, True, 0), "upper": _bound("dokumentationsgrans", False),
         "procedure": {"kind": "direktupphandling", "documentation_required": False, "min_quotes": 2, "written_quotes": False, "text": direct_text},
         "decisions": [_decision(f"{prefix}-direkt", b, "direktupphandling", {"role_type": b.role_chef}) for b in bodies]},
        {"id": f"{prefix}-direkt-dokumenterad", "lower": _bound("dokumentationsgrans", True), "upper": _bound("direktupphandlingsgrans", False),
         "procedure": {"kind": "direktupphandling", "documentation_required": True, "min_quotes": 3, "written_quotes": True,
                       "conducted_by": {"position": "upphandlare"},
                       "text": f"Direktupphandling med skriftliga anbud från minst tre {what}; skälen dokumenteras senast 30 dagar efter att avtalet ingicks."},
         "decisions": [_decision(f"{prefix}-direkt-dokumenterad", b, "direktupphandling", None) for b in bodies]},
    ]
    annonserad_upper = _bound(eu_threshold, False) if eu_threshold else {"open": True}
    bands.append(
        {"id": f"{prefix}-annonserad", "lower": _bound("direktupphandlingsgrans", True), "upper": annonserad_upper,
         "procedure": {"kind": "annonserad_upphandling", "documentation_required": True, "conducted_by": {"position": "upphandlare"},
                       "text": "Annonserad upphandling enligt 19 kap. LOU, genomförd av upphandlingsenheten."},
         # An open band needs a decider without an upper limit: the delegation's tiers as a whole.
         "decisions": [_decision(f"{prefix}-annonserad", b, "tilldelning", {"position": DIRECTOR if b.id == KS else b.head} if eu_threshold else None)
                       for b in bodies]})
    if eu_threshold:
        bands.append(
            {"id": f"{prefix}-eu", "lower": _bound(eu_threshold, True), "upper": {"open": True},
             "procedure": {"kind": "eu_upphandling", "documentation_required": True, "conducted_by": {"position": "upphandlare"},
                           "text": "Upphandling enligt LOU:s EU-förfaranden med annonsering i hela EU, genomförd av upphandlingsenheten."},
             "decisions": [_decision(f"{prefix}-eu", b, "tilldelning", None) for b in bodies]})
    return bands


def _luf_bands(prefix: str, body: BodyPlan, eu_threshold: str) -> list[dict[str, Any]]:
    chief = {"position": body.divisions[0].chief}
    head = {"position": body.head}

    def decision(band: str, decided_by: dict[str, str] | None) -> list[dict[str, Any]]:
        entry: dict[str, Any] = {"id": f"{band}-{body.abbr}", "body": body.id, "basis": "delegation", "matter": f"{body.abbr}-upphandling-va-luf"}
        if decided_by is not None:
            entry["decided_by"] = decided_by
        return [entry]

    return [
        {"id": f"{prefix}-direkt", "lower": _bound(None, True, 0), "upper": _bound("dokumentationsgrans", False),
         "procedure": {"kind": "direktupphandling", "documentation_required": False, "min_quotes": 2, "written_quotes": False,
                       "text": "Direktupphandling med prisjämförelse hos minst två leverantörer; valet antecknas på beställningen."},
         "decisions": decision(f"{prefix}-direkt", chief)},
        {"id": f"{prefix}-direkt-dokumenterad", "lower": _bound("dokumentationsgrans", True), "upper": _bound("direktupphandlingsgrans-luf", False),
         "procedure": {"kind": "direktupphandling", "documentation_required": True, "min_quotes": 3, "written_quotes": True,
                       "conducted_by": {"position": "upphandlare"}, "text": "Direktupphandling med skriftliga offerter från minst tre leverantörer; skälen dokumenteras."},
         "decisions": decision(f"{prefix}-direkt-dokumenterad", head)},
        {"id": f"{prefix}-annonserad", "lower": _bound("direktupphandlingsgrans-luf", True), "upper": _bound(eu_threshold, False),
         "procedure": {"kind": "annonserad_upphandling", "documentation_required": True, "conducted_by": {"position": "upphandlare"},
                       "text": "Annonserad upphandling enligt 19 kap. LUF, genomförd av upphandlingsenheten tillsammans med va-verksamheten."},
         "decisions": decision(f"{prefix}-annonserad", head)},
        {"id": f"{prefix}-eu", "lower": _bound(eu_threshold, True), "upper": {"open": True},
         "procedure": {"kind": "eu_upphandling", "documentation_required": True, "conducted_by": {"position": "upphandlare"},
                       "text": "Upphandling enligt LUF:s förfaranden med annonsering i hela EU."},
         "decisions": decision(f"{prefix}-eu", None)},
    ]


def procurement_document(plan: CityPlan) -> dict[str, Any]:
    bodies = plan.bodies
    social = [b for b in bodies if b.domain is not None and b.domain.social_services]
    builders = [b for b in bodies if b.id == KS or (b.domain is not None and b.domain.builds)]
    utilities = [b for b in bodies if b.domain is not None and b.domain.utility]
    tables = [{"id": "lou-varor-och-tjanster", "regime": "lou", "category": "varor_och_tjanster", "bodies": [b.id for b in bodies],
               "bands": _lou_bands("lou-vot", bodies, "troskelvarde-eu-kommuner", "leverantörer")}]
    if social:
        tables.append({"id": "lou-sociala-tjanster", "regime": "lou", "category": "sociala_och_andra_sarskilda_tjanster",
                       "bodies": [b.id for b in social], "bands": _lou_bands("lou-soc", social, None, "utförare")})
    tables.append({"id": "lou-byggentreprenad", "regime": "lou", "category": "byggentreprenad", "bodies": [b.id for b in builders],
                   "bands": _lou_bands("lou-bygg", builders, "troskelvarde-eu-byggentreprenad", "entreprenörer")})
    regimes: list[dict[str, Any]] = [{
        "id": "lou", "name": "Lagen (2016:1145) om offentlig upphandling (LOU)", "sfs": "2016:1145",
        "applies_to": "Alla upphandlingar i staden utom de som avser verksamheten inom vatten och avlopp." if utilities
        else "Alla upphandlingar i staden.",
        "categories": ["varor_och_tjanster", *(["sociala_och_andra_sarskilda_tjanster"] if social else []), "byggentreprenad"],
        "direct_procurement_limit": "direktupphandlingsgrans", "documentation_threshold": "dokumentationsgrans",
        "eu_thresholds": [{"category": "varor_och_tjanster", "reference": "troskelvarde-eu-kommuner"},
                          {"category": "byggentreprenad", "reference": "troskelvarde-eu-byggentreprenad"}],
    }]
    for utility in utilities:
        regimes.append({
            "id": "luf", "name": "Lagen (2016:1146) om upphandling inom försörjningssektorerna (LUF)", "sfs": "2016:1146",
            "applies_to": f"Upphandlingar som avser stadens verksamhet inom dricksvatten och avlopp, som {utility.running} ansvarar för.",
            "units": [f"{utility.abbr}_vatten_och_avlopp", f"{utility.abbr}_dricksvatten", f"{utility.abbr}_ledningsnat"],
            "categories": ["varor_och_tjanster", "byggentreprenad"],
            "direct_procurement_limit": "direktupphandlingsgrans-luf", "documentation_threshold": "dokumentationsgrans",
            "eu_thresholds": [{"category": "varor_och_tjanster", "reference": "troskelvarde-eu-luf"},
                              {"category": "byggentreprenad", "reference": "troskelvarde-eu-byggentreprenad"}],
        })
        tables.append({"id": "luf-varor-och-tjanster", "regime": "luf", "category": "varor_och_tjanster", "bodies": [utility.id],
                       "bands": _luf_bands("luf-vot", utility, "troskelvarde-eu-luf")})
        tables.append({"id": "luf-byggentreprenad", "regime": "luf", "category": "byggentreprenad", "bodies": [utility.id],
                       "bands": _luf_bands("luf-bygg", utility, "troskelvarde-eu-byggentreprenad")})
        break  # one försörjningssektor
    signing: list[dict[str, Any]] = [{
        "id": "firmateckning-delegat", "title": "Avtal som en anställd beslutat på delegation", "applies_to": {"employee_delegate": True},
        "signed_by_decision_maker": True,
        "text": "Den anställda som har fattat beslutet på delegation undertecknar avtalet. Undertecknandet är verkställighet av beslutet.",
    }]
    for body in bodies:
        title = f"Avtal som {body.running} eller dess arbetsutskott eller presidium beslutat"
        signing.append({
            "id": f"firmateckning-{body.abbr}", "title": title[:120], "applies_to": {"body": body.id},
            "signed_by": _chair(body.id), "countersigned_by": {"position": body.head}, "substitute": {"seat": body.vice_seat, "body": body.id},
            "text": f"Avtalet undertecknas av {body.genitive} ordförande och kontrasigneras av {_lower(body.head_title)}.",
        })
    areas = [
        {"id": "bevakning", "name": "Bevakning och säkerhetstjänster", "owner": {"position": "sakerhetschef"}},
        {"id": "bemanning", "name": "Bemanning och inhyrd personal", "owner": {"position": "hr_direktor"}},
        {"id": "konsulttjanster", "name": "Konsulttjänster", "owner": {"position": "ekonomidirektor"}},
        {"id": "it-tjanster", "name": "IT-tjänster och licenser", "owner": {"position": "it_chef"}},
    ]
    if social:
        areas.append({"id": "kopt-vard", "name": "Köpt vård och placeringar", "owner": {"position": social[0].divisions[1].chief}})
    for utility in utilities[:1]:
        areas.append({"id": "va-entreprenader", "name": "Entreprenader inom vatten och avlopp", "owner": {"position": utility.divisions[0].chief}})
    return {
        "document": document_meta(
            "upphandlingspolicy", "upphandlingspolicy", "Inköps- och upphandlingspolicy för Älvhamns stad", KF, "2025-09-18", "§ 84",
            "KS 2025/322", "ekonomidirektor", "2027-09-30",
            "Policyn anger hur staden köper in varor, tjänster och byggentreprenader: vilket förfarande som gäller i varje värdeintervall, "
            "vem som beslutar och vem som undertecknar avtal, att alla som köper in ska vara certifierade och att varje avtal har en avtalsägare.",
            supersedes="2021:1",
        ),
        "scope": "Policyn gäller kommunstyrelsen och samtliga nämnder och alla inköp som görs för stadens räkning, oavsett belopp.",
        "principles": [
            {"id": "grundlaggande-principer", "title": "Upphandlingsrättens grundläggande principer",
             "text": "Alla leverantörer behandlas lika och utan diskriminering, och upphandlingar genomförs öppet och proportionerligt (LOU 4 kap. 1 §)."},
            {"id": "uppdelningsforbud", "title": "Inga uppdelade inköp",
             "text": "Det är förbjudet att dela upp ett inköp för att komma under en beloppsgräns."},
        ],
        "legal_basis": [{"sfs": "2016:1145"}, {"sfs": "2016:1146"}, {"sfs": "2017:725", "chapter": "6", "section": "37"},
                        {"sfs": "2017:900", "section": "16"}],
        "categories": [
            {"id": "varor_och_tjanster", "name": "Varor och tjänster", "description": "Varor och tjänster som inte är sociala och andra särskilda tjänster."},
            {"id": "sociala_och_andra_sarskilda_tjanster", "name": "Sociala och andra särskilda tjänster",
             "description": "Tjänster enligt bilaga 2 till LOU, till exempel vård och omsorg och placeringar på hem för vård eller boende."},
            {"id": "byggentreprenad", "name": "Byggentreprenad", "description": "Utförande av bygg- och anläggningsarbeten."},
        ],
        "regimes": regimes,
        "value_basis": {
            "excluding_vat": True, "total_payable": True, "includes_options": True, "includes_extensions": True,
            "aggregation": "same_kind_fiscal_year", "splitting_forbidden": True,
            "text": "Värdet är det totala belopp exklusive moms som staden ska betala under hela avtalstiden, inklusive optioner och "
                    "möjliga förlängningar. Vid direktupphandling räknas alla direktupphandlingar av samma slag under räkenskapsåret samman.",
            "legal_basis": [{"sfs": "2016:1145", "chapter": "5"}, {"sfs": "2016:1146", "chapter": "5"}],
        },
        "band_tables": tables,
        "signing": signing,
        "exceptions": [{
            "id": "synnerlig-bradska", "name": "Synnerlig brådska", "permits": "negotiated_without_notice",
            "legal_basis": [{"sfs": "2016:1145", "chapter": "6", "section": "15"}],
            "conditions": [
                {"id": "bradska", "title": "Synnerlig brådska", "text": "Det är av synnerlig brådska omöjligt att hålla tidsfristerna för ett annonserat förfarande."},
                {"id": "oforutsett", "title": "Oförutsebart och inte stadens fel", "text": "Brådskan beror på omständigheter som staden inte har kunnat förutse."},
                {"id": "absolut-nodvandigt", "title": "Bara det absolut nödvändiga", "text": "Avtalet omfattar bara det som är absolut nödvändigt."},
            ],
            "decision": "Beslutet fattas av den som enligt styrelsens eller nämndens delegationsordning beslutar om upphandlingen i det "
                        "aktuella värdeintervallet. Kan beslutet inte avvaktas fattas det av ordföranden som ett brådskande beslut "
                        "enligt kommunallagen 6 kap. 39 §.",
            "documentation": "Skälen för att undantaget används dokumenteras i upphandlingsärendet samma dag, efter samråd med stadsjuristen.",
            "reported_to": {"body": KS},
        }],
        "training": [
            {"id": "certifierad-bestallare", "name": "Webbutbildning för certifierade beställare", "format": "web", "mandatory": True,
             "renewal_months": 24, "required_for": [{"role_type": "chef"}], "all_purchasers": True, "required_before_purchasing": True,
             "responsible": {"position": "upphandlingschef"},
             "records": "Upphandlingsenheten registrerar genomförda certifieringar.",
             "text": "Alla chefer och alla andra som gör inköp för stadens räkning ska ha genomgått webbutbildningen innan de beställer."},
            {"id": "jav-mandat-och-roll", "name": "Utbildning i jäv, mandat och roll", "format": "classroom", "mandatory": True,
             "renewal_months": 36, "required_for": [{"role_type": "chef"}], "all_purchasers": False, "required_before_purchasing": False,
             "responsible": {"position": "kanslichef"}, "records": "Kansliavdelningen för deltagarförteckning.",
             "text": "Lärarledd utbildning för chefer om jäv, delegation, attest, avtal och upphandling."},
        ],
        "conflict_of_interest": {
            "id": "javsdeklaration", "declaration_required_for": ["evaluation_group", "procurement_lead", "decision_maker"],
            "when": "before_tender_access", "declared_to": {"position": "upphandlingschef"},
            "legal_basis": [{"sfs": "2017:900", "section": "16"}, {"sfs": "2017:725", "chapter": "6", "section": "28"}],
            "text": "Alla som ingår i en utvärderingsgrupp, den som leder upphandlingen och den som fattar tilldelningsbeslutet lämnar "
                    f"en skriftlig jävsdeklaration innan anbuden lämnas ut. Frågor besvaras av upphandling@{MAIL_DOMAIN}.",
        },
        "contract_management": {
            "register": "Alla avtal registreras i stadens avtalsdatabas innan de börjar gälla, med avtalsägare, löptid och uppföljningsplan.",
            "owner": {"default": {"relative": "forvaltningschef"},
                      "responsibilities": "Varje avtal har en avtalsägare. Om inget annat har bestämts är avtalsägaren förvaltningschefen "
                                          "i den förvaltning som bär kostnaden."},
            "areas": areas,
            "invoice_sampling": {"id": "stickprov-fakturor", "performed_by": {"position": "avtalscontroller"}, "frequency": "monthly",
                                 "sample_size": 60, "reported_to": {"body": KS},
                                 "text": "Avtalscontrollern kontrollerar varje månad minst 60 slumpvis valda fakturor mot avtalens priser och villkor."},
            "third_attest": {"id": "tredje-attest", "performed_by": {"position": "avtalscontroller"},
                             "areas": ["bevakning", "bemanning", "konsulttjanster"],
                             "text": "Fakturor inom bevakning, bemanning och konsulttjänster attesteras i ett tredje steg av avtalscontrollern."},
            "follow_up": "Avtalsägaren följer upp större avtal minst en gång om året tillsammans med upphandlingsenheten.",
        },
    }


# -- personal-data allowlist ----------------------------------------------------------------------------------
def allowlist_document() -> dict[str, Any]:
    def entry(eid: str, kind: str, value: str, reason: str) -> dict[str, Any]:
        return {"id": eid, "kind": kind, "value": value, "reason": reason, "reviewed_by": {"position": "dataskyddsombud"}, "reviewed": "2025-10-01"}

    return {
        "id": "personuppgifter-undantag",
        "title": "Undantagslista för funktionsadresser och funktionsnummer",
        "description": "Uppgifter som ser ut som kontaktuppgifter men som hör till en funktion och inte pekar ut en enskild person. "
                       "Varje rad är granskad av dataskyddsombudet.",
        "owner": {"position": "dataskyddsombud"},
        "entries": [
            entry("visselblasning-epost", "email", f"visselblasning@{MAIL_DOMAIN}",
                  "Funktionsbrevlåda för frågor om reglementet för visselblåsning. Läses av kansliavdelningen."),
            entry("visselblasning-telefon", "phone", PHONE,
                  "Telefonlinjen för muntliga rapporter hos den externa mottagaren; numret går inte till en enskild person."),
            entry("resor-epost", "email", f"resor@{MAIL_DOMAIN}", "Funktionsbrevlåda för frågor om resebokning. Läses av ekonomiavdelningen."),
            entry("upphandling-epost", "email", f"upphandling@{MAIL_DOMAIN}", "Funktionsbrevlåda för upphandlingsenheten."),
        ],
    }


# -- each kind's synth generator (registered as `Kind.synth` in generators/kinds/) ----------------
def organisation_files(request: SynthRequest) -> Iterator[SynthFile]:
    yield SynthFile("organisation.yaml", organisation_document(request.plan), "../schemas/organisation.schema.json",
                    ["Älvhamns stads organisation: organ, förvaltningar, befattningar, rolltyper och externa parter.",
                     f"Syntetisk storstad för prestandamätning (generators/synth), {request.bodies} styrelse och nämnder, frö {request.seed}."])


def reference_files(request: SynthRequest) -> Iterator[SynthFile]:
    """The reference data is the example's (law is data with a source, never synthesised)."""
    for path in sorted(request.reference_dir.glob("*.yaml")):
        yield SynthFile(f"reference/{path.name}", copy_from=path)


def travel_files(request: SynthRequest) -> Iterator[SynthFile]:
    yield SynthFile("travel.yaml", travel_document(request.plan), "../schemas/travel.schema.json", ["Rese- och mötespolicy för Älvhamns stad."])


def whistleblowing_files(request: SynthRequest) -> Iterator[SynthFile]:
    yield SynthFile("whistleblowing.yaml", whistleblowing_document(request.plan), "../schemas/whistleblowing.schema.json",
                    ["Reglemente för visselblåsning i Älvhamns stad (lag 2021:890)."])


def procurement_files(request: SynthRequest) -> Iterator[SynthFile]:
    yield SynthFile("procurement.yaml", procurement_document(request.plan), "../schemas/procurement.schema.json",
                    ["Inköps- och upphandlingspolicy för Älvhamns stad."])


def allowlist_files(request: SynthRequest) -> Iterator[SynthFile]:
    yield SynthFile("personal-data-allowlist.yaml", allowlist_document(), "../schemas/personal-data-allowlist.schema.json",
                    ["Granskade funktionsadresser och funktionsnummer som får stå i publicerade styrdokument."])

