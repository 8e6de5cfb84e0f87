"""Writes Ekbacka kommun's example avtalsregister (policies/avtalsregister.yaml and its test fixture).

The register is an extract of the contract database: the contracts below are written out by hand as
rows (supplier, subject, value, dates); this script only formats them and derives what follows from
the organisation's rules: the organisation numbers' check digits, and who signed on which mandate
(the delegationsordningar's procurement matters and the procurement policy's signing rules). Run it
again after changing a row: `python -m tests.contracts.make_example_register`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

HEADER = """\
# Avtalsregister för Ekbacka kommun: uttag ur kommunens avtalsdatabas.
# Varje avtal har en avtalsägare och en avtalsförvaltare (befattningar), uppgift om hur det
# anskaffades och vem som undertecknade det på vilket mandat. Värdet är det uppskattade värdet
# exklusive moms för hela avtalstiden med optioner och förlängningar (LOU 5 kap.).
# Enskilda firmors organisationsnummer är personnummer och förs inte in här; de finns bara i
# avtalsdatabasen (se README, "Avtalsregistret").
# Filen skrivs av tests/contracts/make_example_register.py från raderna där.

id: avtalsregister
title: Avtalsregister för Ekbacka kommun
owner: {position: upphandlingschef}
extracted: "2026-11-02"
aggregation_unit: organisation
notice_months: 6
description: >-
  Kommunen är en upphandlande myndighet: direktupphandlingar av samma slag räknas samman för hela
  kommunen under räkenskapsåret, oavsett vilken nämnd som köper. Avtalsägaren ansvarar för att
  avtalet följs upp och att det förlängs, sägs upp eller upphandlas på nytt i tid.

grounds:
  - id: direktupphandling
    kind: low_value_direct
    name: Direktupphandling av lågt värde
    legal_basis:
      - {sfs: "2016:1145", chapter: "19 a"}
    text: >-
      Kontraktets värde understiger direktupphandlingsgränsen. Direktupphandlingar av samma slag
      under räkenskapsåret räknas samman. Från dokumentationsgränsen dokumenteras skälen.
  - id: synnerlig-bradska
    kind: other_direct
    name: Direktupphandling vid synnerlig brådska
    documentation_required: true
    legal_basis:
      - {sfs: "2016:1145", chapter: "19 a"}
      - {sfs: "2016:1145", chapter: "6", section: "15"}
    text: >-
      Direktupphandling får användas när förutsättningarna för förhandlat förfarande utan
      föregående annonsering är uppfyllda, till exempel vid synnerlig brådska som kommunen inte
      har kunnat förutse.
  - id: annonserad-upphandling
    kind: procedure
    name: Annonserad upphandling under tröskelvärdet
    legal_basis:
      - {sfs: "2016:1145", chapter: "19"}
  - id: eu-upphandling
    kind: procedure
    name: Upphandling över EU:s tröskelvärde
    legal_basis:
      - {sfs: "2016:1145", chapter: "6"}
  - id: luf-upphandling
    kind: procedure
    name: Upphandling enligt LUF
    legal_basis:
      - {sfs: "2016:1146"}
  - id: avrop-ramavtal
    kind: call_off
    name: Avrop från ramavtal
    legal_basis:
      - {sfs: "2016:1145", chapter: "7"}
  - id: hyra-av-fastighet
    kind: exception
    name: Förvärv eller hyra av fastighet
    documentation_required: true
    legal_basis:
      - {sfs: "2016:1145", chapter: "3"}
    text: >-
      Lagen gäller inte förvärv eller hyra av befintliga byggnader eller annan fast egendom.
      Undantaget och skälen för det dokumenteras i ärendet.

categories:
  - {id: bevakning, name: Bevakning och säkerhetstjänster, cpv: "79710000", procurement_category: varor_och_tjanster}
  - {id: bemanning, name: Bemanning och inhyrd personal, cpv: "79620000", procurement_category: varor_och_tjanster}
  - {id: konsulttjanster, name: Konsulttjänster inom ledning och ekonomi, cpv: "79400000", procurement_category: varor_och_tjanster}
  - {id: tekniska-utredningar, name: Tekniska utredningar och konsulttjänster inom samhällsbyggnad, cpv: "71300000", procurement_category: varor_och_tjanster}
  - {id: juridik, name: Juridiska tjänster, cpv: "79100000", procurement_category: varor_och_tjanster}
  - {id: it-tjanster, name: IT-tjänster och drift, cpv: "72000000", procurement_category: varor_och_tjanster}
  - {id: licenser, name: Programvara och licenser, cpv: "48000000", procurement_category: varor_och_tjanster}
  - {id: kopt-vard, name: Köpt vård och placeringar, cpv: "85000000", procurement_category: sociala_och_andra_sarskilda_tjanster}
  - {id: tolk, name: Tolk- och översättningstjänster, cpv: "79540000", procurement_category: varor_och_tjanster}
  - {id: utbildning, name: Utbildning och kompetensutveckling, cpv: "80500000", procurement_category: varor_och_tjanster}
  - {id: livsmedel, name: Livsmedel, cpv: "15000000", procurement_category: varor_och_tjanster}
  - {id: fordon, name: Fordon och leasing, cpv: "34100000", procurement_category: varor_och_tjanster}
  - {id: stad, name: Städtjänster, cpv: "90910000", procurement_category: varor_och_tjanster}
  - {id: drift-utemiljo, name: Snöröjning och skötsel av utemiljö, cpv: "90620000", procurement_category: varor_och_tjanster}
  - {id: skolskjuts, name: Skolskjuts och persontransporter, cpv: "60130000", procurement_category: varor_och_tjanster}
  - {id: forbrukning, name: Kontorsmaterial och förbrukning, cpv: "30190000", procurement_category: varor_och_tjanster}
  - {id: trycksaker, name: Tryck och kommunikation, cpv: "79800000", procurement_category: varor_och_tjanster}
  - {id: energi, name: El och energi, cpv: "65300000", procurement_category: varor_och_tjanster}
  - {id: telefoni, name: Telefoni och nätverk, cpv: "64200000", procurement_category: varor_och_tjanster}
  - {id: halsa-och-vard, name: Hälso- och sjukvårdstjänster, cpv: "85100000", procurement_category: sociala_och_andra_sarskilda_tjanster}
  - {id: kultur, name: Kultur och evenemang, cpv: "92300000", procurement_category: varor_och_tjanster}
  - {id: lokaler, name: Hyra av lokaler, cpv: "70130000", procurement_category: varor_och_tjanster}
  - {id: byggentreprenad, name: Bygg- och anläggningsentreprenader, cpv: "45000000", procurement_category: byggentreprenad}
  - {id: va-entreprenader, name: Entreprenader inom vatten och avlopp, cpv: "45232400", procurement_category: byggentreprenad}

# Betalningar som inte är inköp och därför inte har något avtal här. Kontona används bara för dem.
exempt_payments:
  - id: myndighetsavgifter
    kind: authority_fee
    name: Myndighetsavgifter
    legal_basis:
      - {sfs: "1992:191"}
    text: >-
      Avgifter som en statlig myndighet tar ut med stöd av lag eller förordning, till exempel för
      lagfart, fordonsregister, tillstånd och tillsyn. Avgiften bestäms av myndigheten och är inget
      köp som kan upphandlas.
    accounts: ["6950", "6951"]
  - id: offentliga-organ
    kind: public_body
    name: Ersättningar till andra offentliga organ
    legal_basis:
      - {sfs: "2016:1145", chapter: "3"}
      - {sfs: "2017:725", chapter: "9"}
    text: >-
      Medlemsavgiften till räddningstjänstförbundet och ersättningar till grannkommunen och regionen
      enligt samverkansavtal mellan myndigheterna. Samverkan mellan upphandlande myndigheter som
      uppfyller villkoren i LOU 3 kap. är undantagen från lagen.
    accounts: ["4590"]
    suppliers:
      - {name: Räddningstjänstförbundet Ekbacka–Åsby, orgnr: "222000-1230"}
      - {name: Åsby kommun, orgnr: "212000-2221"}
      - {name: Region Mellanland, orgnr: "232100-4562"}
  - id: bidrag
    kind: grant
    name: Bidrag till föreningar och studieförbund
    legal_basis:
      - {sfs: "2016:1145", chapter: "1"}
    text: >-
      Bidrag enligt nämndernas bidragsregler. Kommunen får ingen motprestation, så bidraget är inget
      kontrakt enligt LOU.
    accounts: ["4910", "4911"]
  - id: valfrihetssystem
    kind: choice_system
    name: Ersättning till utförare i valfrihetssystemet för hemtjänst
    legal_basis:
      - {sfs: "2008:962"}
    text: >-
      Utförarna är godkända enligt lagen om valfrihetssystem och har kontrakt enligt den lagen, inte
      enligt LOU. Socialförvaltningen för registret över godkända utförare.
    accounts: ["4571"]

contracts:
"""

# Per body: the diarie prefix, the delegation matters, the chef who signs small purchases, the
# förvaltningschef, the body whose arbetsutskott or presidium decides large ones.
BODIES = {
    "kommunstyrelsen": ("KS", "ks", "ekonomidirektor", "kommundirektor"),
    "socialnamnden": ("SN", "soc", "enhetschef_vuxen", "socialchef"),
    "barn_och_utbildningsnamnden": ("BUN", "bun", "administrativ_chef_utbildning", "utbildningschef"),
    "samhallsbyggnadsnamnden": ("SBN", "sbn", "gatuchef", "samhallsbyggnadschef"),
    "kultur_och_fritidsnamnden": ("KFN", "kfn", "fritidschef", "kultur_och_fritidschef"),
}


@dataclass
class Row:
    body: str
    category: str
    subject: str
    supplier: str
    ground: str
    value: int
    procured: str
    start: str
    end: str
    owner: str
    manager: str
    options: list[tuple[str, bool]] = field(default_factory=list)
    status: str = "active"
    signer: str | None = None  # the position that signed (small purchases: the chef who bought)
    procedure: str | None = None
    orgnr: str | None = None
    vat: tuple[str, str] | None = None
    framework: str | None = None
    notice: int | None = None
    note: str | None = None


def luhn_digit(nine: str) -> str:
    total = 0
    for i, ch in enumerate(nine):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return str((10 - total % 10) % 10)


def orgnr_for(name: str, prefix: str = "559") -> str:
    """A stable, check-digit-correct organisation number for a fictional company."""
    digest = int(hashlib.sha256(name.encode()).hexdigest(), 16)
    nine = prefix + f"{digest % 10 ** (9 - len(prefix)):0{9 - len(prefix)}d}"
    return f"{nine[:6]}-{nine[6:]}{luhn_digit(nine)}"


R = Row
ROWS: list[Row] = [
    # --- kommunstyrelsen ---------------------------------------------------------------------
    R("kommunstyrelsen", "bevakning", "Bevakning, larmcentral och väktarutryckning för kommunens fastigheter",
      "Norrskydd Bevakning AB", "eu-upphandling", 9400000, "2024-03-12", "2024-09-01", "2027-08-31", "sakerhetschef", "avtalscontroller",
      options=[("2028-08-31", False)], procedure="oppet", notice=6,
      note="Ersätter de tidigare bevakningsavtalen, som granskades efter överprissättning. Fakturorna attesteras i tre steg."),
    R("kommunstyrelsen", "bevakning", "Passerkontroll och lås- och larmservice i kommunhuset",
      "Ekbacka Lås & Larm AB", "annonserad-upphandling", 1450000, "2025-04-02", "2025-06-01", "2028-05-31", "sakerhetschef", "avtalscontroller",
      options=[("2029-05-31", False)], procedure="forenklat"),
    R("kommunstyrelsen", "bemanning", "Bemanning av sjuksköterskor och undersköterskor vid sjukfrånvaro",
      "Vårdkraft Bemanning Norr AB", "avrop-ramavtal", 2800000, "2025-09-15", "2025-10-01", "2027-09-30", "hr_direktor", "hr_specialist",
      framework="Ramavtal Bemanning vård 2024 (Inköpscentral Norr)"),
    R("kommunstyrelsen", "konsulttjanster", "Stöd vid införande av nytt ekonomisystem",
      "Lindqvist & Berg Ekonomikonsult AB", "annonserad-upphandling", 1200000, "2026-02-10", "2026-03-01", "2027-08-31",
      "ekonomidirektor", "redovisningschef", signer="kommundirektor", procedure="forenklat"),
    R("kommunstyrelsen", "konsulttjanster", "Granskning av kommunens internkontroll av inköp och avtal",
      "Revisionsgruppen Mitt AB", "direktupphandling", 295000, "2026-03-04", "2026-03-15", "2026-12-31", "ekonomidirektor", "avtalscontroller",
      signer="kommundirektor"),
    R("kommunstyrelsen", "juridik", "Juridisk rådgivning i upphandlings- och avtalsfrågor",
      "Advokatfirman Sälg & Co KB", "avrop-ramavtal", 900000, "2024-01-20", "2024-02-01", "2027-01-31", "kommunjurist", "kommunjurist",
      framework="Ramavtal Juridiska tjänster 2023 (Inköpscentral Norr)"),
    R("kommunstyrelsen", "it-tjanster", "Drift och förvaltning av kommunens servermiljö",
      "Nordlogik IT-drift AB", "eu-upphandling", 14500000, "2023-05-30", "2023-10-01", "2027-09-30", "it_chef", "it_chef",
      options=[("2028-09-30", False), ("2029-09-30", False)], procedure="oppet"),
    R("kommunstyrelsen", "it-tjanster", "Säkerhetskopiering och återläsning som tjänst",
      "Datavalvet Sverige AB", "direktupphandling", 420000, "2025-11-20", "2026-01-01", "2028-12-31", "it_chef", "it_chef"),
    R("kommunstyrelsen", "licenser", "Licenser för ärende- och dokumenthanteringssystem",
      "Diariet Systemhus AB", "avrop-ramavtal", 2100000, "2022-04-04", "2022-05-01", "2027-04-30", "kanslichef", "registrator",
      framework="Ramavtal Programvaror och tjänster 2021 (Kammarkollegiet)"),
    R("kommunstyrelsen", "licenser", "Licenser för e-tjänsteplattform",
      "Formflöde AB", "direktupphandling", 260000, "2026-01-19", "2026-02-01", "2028-01-31", "it_chef", "it_chef", signer="kommundirektor"),
    R("kommunstyrelsen", "telefoni", "Mobiltelefoni och mobilt bredband",
      "Telenät Mobil Sverige AB", "avrop-ramavtal", 3200000, "2024-08-26", "2024-10-01", "2028-09-30", "it_chef", "it_chef",
      framework="Ramavtal Mobila operatörstjänster 2023 (Kammarkollegiet)"),
    R("kommunstyrelsen", "energi", "Leverans av el till kommunens anläggningar",
      "Kraftbolaget Norr AB", "eu-upphandling", 38000000, "2024-09-17", "2025-01-01", "2027-12-31", "ekonomidirektor", "redovisningschef",
      options=[("2029-12-31", False)], procedure="oppet"),
    R("kommunstyrelsen", "trycksaker", "Tryck och distribution av kommuninformationen Ekbackabladet",
      "Tryckeriet i Ekbacka AB", "direktupphandling", 180000, "2025-02-11", "2025-03-01", "2027-02-28", "kommunikationschef", "kommunikationschef"),
    R("kommunstyrelsen", "trycksaker", "Annonsering av lediga tjänster och kungörelser",
      "Mediahuset Norr AB", "direktupphandling", 95000, "2026-04-08", "2026-05-01", "2027-04-30", "kommunikationschef", "kommunikationschef",
      signer="kommunikationschef"),
    R("kommunstyrelsen", "utbildning", "Webbutbildning för certifierade beställare",
      "Kunskapsportalen AB", "direktupphandling", 150000, "2025-01-14", "2025-02-01", "2027-01-31", "upphandlingschef", "upphandlare"),
    R("kommunstyrelsen", "utbildning", "Utbildning i jäv, mandat och roll för chefer",
      "Förvaltningsakademin i Norr AB", "direktupphandling", 120000, "2026-02-16", "2026-03-01", "2026-12-31", "kanslichef", "kanslichef",
      signer="ekonomidirektor"),
    R("kommunstyrelsen", "forbrukning", "Kontorsmaterial och papper",
      "Kontorsvaruhuset Sverige AB", "avrop-ramavtal", 1100000, "2023-03-01", "2023-04-01", "2027-03-31", "upphandlingschef", "upphandlare",
      framework="Ramavtal Kontorsmaterial 2022 (Inköpscentral Norr)"),
    R("kommunstyrelsen", "lokaler", "Hyra av lokaler för kommunens servicecenter, Storgatan 14",
      "Fastighets AB Ekbacka Centrum", "hyra-av-fastighet", 2400000, "2024-10-07", "2025-01-01", "2029-12-31", "kommundirektor", "ekonomidirektor",
      note="Hyresavtal för befintlig byggnad; undantaget och skälen är dokumenterade i ärendet."),
    R("kommunstyrelsen", "lokaler", "Hyra av arkivlokal i Industriområdet Norr",
      "Norrhamn Fastigheter AB", "hyra-av-fastighet", 640000, "2026-05-12", "2026-07-01", "2031-06-30", "kanslichef", "kommunarkivarie",
      signer="ordforande_ks"),
    R("kommunstyrelsen", "fordon", "Leasing av personbilar för hemtjänst och förvaltningar",
      "Bilpoolen Leasing Sverige AB", "avrop-ramavtal", 4600000, "2025-03-24", "2025-05-01", "2029-04-30", "ekonomidirektor", "upphandlare",
      framework="Ramavtal Fordon 2024 (Inköpscentral Norr)"),
    R("kommunstyrelsen", "it-tjanster", "Plattform för digitala möten och nämndadministration",
      "Mötesrum Nordic ApS", "annonserad-upphandling", 560000, "2025-08-19", "2025-09-01", "2028-08-31", "kanslichef", "namndsekreterare",
      vat=("DK", "DK29403571"), procedure="forenklat", note="Dansk leverantör; identifieras med momsregistreringsnummer."),
    R("kommunstyrelsen", "konsulttjanster", "Lönekartläggning och analys av lönestruktur",
      "Lönestrategi i Sverige AB", "direktupphandling", 85000, "2026-06-02", "2026-06-15", "2026-12-31", "hr_direktor", "lonechef",
      signer="hr_direktor"),
    R("kommunstyrelsen", "bevakning", "Väktare vid evenemang och vid krisledningsnämndens sammanträden",
      "Norrskydd Bevakning AB", "synnerlig-bradska", 380000, "2026-08-04", "2026-08-05", "2026-10-31", "sakerhetschef", "avtalscontroller",
      status="ended", signer="kommundirektor",
      note="Upphandlat när den tidigare leverantören plötsligt gick i konkurs; löpte tills det ordinarie avtalet utökades."),
    R("kommunstyrelsen", "konsulttjanster", "Konsultstöd i budgetprocessen 2022",
      "Lindqvist & Berg Ekonomikonsult AB", "direktupphandling", 240000, "2022-03-01", "2022-03-15", "2022-12-31", "ekonomidirektor",
      "redovisningschef", status="ended"),
    # --- socialnämnden -------------------------------------------------------------------------
    R("socialnamnden", "kopt-vard", "Platser på HVB för ungdomar 13–17 år",
      "Tallbacken Behandlingshem AB", "avrop-ramavtal", 6200000, "2024-12-02", "2025-01-01", "2026-12-31", "avdelningschef_ifo",
      "enhetschef_barn_och_unga", framework="Ramavtal HVB barn och unga 2023 (Inköpscentral Norr)",
      note="Ramavtalet upphandlas på nytt av inköpscentralen under 2026."),
    R("socialnamnden", "kopt-vard", "Familjehemskonsulentstöd och konsulentstödda familjehem",
      "Familjeomsorg Norr AB", "avrop-ramavtal", 3800000, "2025-02-17", "2025-03-01", "2027-02-28", "avdelningschef_ifo",
      "enhetschef_barn_och_unga", framework="Ramavtal Familjehemsvård 2024 (Inköpscentral Norr)"),
    R("socialnamnden", "kopt-vard", "Skyddat boende för våldsutsatta vuxna",
      "Stiftelsen Tryggt Hem", "annonserad-upphandling", 2900000, "2026-01-27", "2026-03-01", "2028-02-29", "avdelningschef_ifo",
      "enhetschef_vuxen", signer="socialchef", procedure="forenklat", orgnr=None),
    R("socialnamnden", "kopt-vard", "Korttidsboende enligt LSS för barn och unga",
      "Solrosen Omsorg AB", "annonserad-upphandling", 4300000, "2023-09-12", "2024-01-01", "2027-12-31", "avdelningschef_lss",
      "enhetschef_lss", options=[("2029-12-31", False)], procedure="forenklat"),
    R("socialnamnden", "bemanning", "Inhyrda socialsekreterare vid vakanser",
      "Socionomkraft AB", "avrop-ramavtal", 1900000, "2025-06-09", "2025-07-01", "2027-06-30", "avdelningschef_ifo", "enhetschef_barn_och_unga",
      framework="Ramavtal Bemanning socionomer 2024 (Inköpscentral Norr)"),
    R("socialnamnden", "tolk", "Tolktjänster på plats och på distans",
      "Språkbron Tolkförmedling AB", "avrop-ramavtal", 1350000, "2024-04-15", "2024-05-01", "2027-04-30", "avdelningschef_ifo",
      "enhetschef_ekonomiskt_bistand", framework="Ramavtal Tolkförmedling 2023 (Kammarkollegiet)"),
    R("socialnamnden", "it-tjanster", "Verksamhetssystem för individ- och familjeomsorg, drift och support",
      "Omsorgsdata Nordic AS", "eu-upphandling", 5600000, "2022-10-18", "2023-01-01", "2027-12-31", "socialchef", "avdelningschef_ifo",
      options=[("2029-12-31", False)], vat=("NO", "NO912345674MVA"), procedure="oppet",
      note="Norsk leverantör; identifieras med momsregistreringsnummer."),
    R("socialnamnden", "utbildning", "Handledning för socialsekreterare inom barn och unga",
      "Handledarhuset Norr AB", "direktupphandling", 140000, "2026-02-03", "2026-02-15", "2027-02-14", "enhetschef_barn_och_unga",
      "enhetschef_barn_och_unga", signer="enhetschef_barn_och_unga"),
    R("socialnamnden", "utbildning", "Utbildning i motiverande samtal för hemtjänsten",
      "Samtalsakademin AB", "direktupphandling", 65000, "2026-04-21", "2026-05-01", "2026-12-31", "avdelningschef_aldreomsorg",
      "enhetschef_hemtjanst_norr", signer="enhetschef_hemtjanst_norr"),
    R("socialnamnden", "livsmedel", "Matdistribution till hemtjänstens brukare",
      "Ekbacka Matleveranser AB", "annonserad-upphandling", 2200000, "2025-10-14", "2026-01-01", "2028-12-31", "avdelningschef_aldreomsorg",
      "enhetschef_hemtjanst_syd", options=[("2030-12-31", False)], procedure="forenklat"),
    R("socialnamnden", "lokaler", "Hyra av lokaler för daglig verksamhet enligt LSS, Verkstadsgatan 3",
      "Fastighets AB Norrbro", "hyra-av-fastighet", 900000, "2026-03-17", "2026-05-01", "2031-04-30", "avdelningschef_lss", "enhetschef_lss",
      signer="ordforande_sn", note="Hyresavtal för befintlig byggnad; undantaget från LOU 3 kap. är dokumenterat i ärendet SN 2026/41."),
    R("socialnamnden", "konsulttjanster", "Utredning av hemtjänstens planering och schemaläggning",
      "Omsorgsanalys i Sverige AB", "direktupphandling", 210000, "2026-05-05", "2026-05-15", "2026-11-30", "avdelningschef_aldreomsorg",
      "avdelningschef_aldreomsorg", status="ended", signer="socialchef"),
    R("socialnamnden", "fordon", "Larmservice och trygghetslarm för hemtjänsten",
      "Trygglarm Norden AB", "annonserad-upphandling", 1650000, "2022-08-30", "2022-11-01", "2026-10-31", "avdelningschef_aldreomsorg",
      "enhetschef_hemtjanst_norr", options=[("2027-10-31", True)], procedure="forenklat"),
    # --- barn- och utbildningsnämnden ----------------------------------------------------------
    R("barn_och_utbildningsnamnden", "skolskjuts", "Skolskjuts med buss och taxi",
      "Ekbacka Buss & Taxi AB", "eu-upphandling", 18500000, "2022-11-08", "2023-07-01", "2027-06-30", "administrativ_chef_utbildning",
      "skolskjutshandlaggare", options=[("2028-06-30", True), ("2029-06-30", False)], procedure="oppet"),
    R("barn_och_utbildningsnamnden", "livsmedel", "Livsmedel till skolor och förskolor",
      "Norrlandsgrossisten AB", "eu-upphandling", 24000000, "2023-01-24", "2023-05-01", "2027-04-30", "administrativ_chef_utbildning",
      "administrativ_chef_utbildning", options=[("2028-04-30", True)], procedure="oppet"),
    R("barn_och_utbildningsnamnden", "licenser", "Digitala läromedel för grundskolan",
      "Läromedelsportalen AB", "avrop-ramavtal", 1250000, "2025-05-20", "2025-08-01", "2028-07-31", "utbildningschef", "rektor_ekbackaskolan",
      framework="Ramavtal Digitala läromedel 2024 (Inköpscentral Norr)"),
    R("barn_och_utbildningsnamnden", "utbildning", "Fortbildning i läs- och skrivutveckling för lärare",
      "Lärande i Norr AB", "direktupphandling", 160000, "2026-03-10", "2026-04-01", "2027-03-31", "utbildningschef", "rektor_norrangsskolan",
      signer="administrativ_chef_utbildning"),
    R("barn_och_utbildningsnamnden", "stad", "Städning av förskolor och skolor",
      "Rent & Fint Lokalvård AB", "eu-upphandling", 11200000, "2024-02-06", "2024-07-01", "2028-06-30", "administrativ_chef_utbildning",
      "forskolechef", options=[("2030-06-30", False)], procedure="oppet"),
    R("barn_och_utbildningsnamnden", "halsa-och-vard", "Skolpsykologtjänster vid vakans",
      "Elevhälsopartner AB", "direktupphandling", 290000, "2026-01-12", "2026-01-15", "2026-12-31", "elevhalsochef", "elevhalsochef",
      signer="utbildningschef"),
    R("barn_och_utbildningsnamnden", "lokaler", "Hyra av paviljong för förskolan Lönnen",
      "Modulbygg Uthyrning AB", "annonserad-upphandling", 1900000, "2025-04-29", "2025-08-01", "2028-07-31", "forskolechef",
      "administrativ_chef_utbildning", procedure="forenklat",
      note="Paviljongen hyrs med tjänster (montage, service); det är ett tjänstekontrakt och upphandlades därför."),
    # --- samhällsbyggnadsnämnden ---------------------------------------------------------------
    R("samhallsbyggnadsnamnden", "drift-utemiljo", "Vinterväghållning av kommunala gator, område Norr",
      "Åkeri Granlund AB", "annonserad-upphandling", 1800000, "2023-08-22", "2023-10-15", "2027-04-30", "gatuchef", "trafikingenjor",
      options=[("2028-04-30", False)], procedure="forenklat", notice=3),
    R("samhallsbyggnadsnamnden", "drift-utemiljo", "Vinterväghållning av kommunala gator, område Syd",
      "Snö & Mark i Ekbacka AB", "annonserad-upphandling", 1650000, "2023-08-22", "2023-10-15", "2027-04-30", "gatuchef", "trafikingenjor",
      options=[("2028-04-30", False)], procedure="forenklat", notice=3),
    R("samhallsbyggnadsnamnden", "drift-utemiljo", "Skötsel av parker och lekplatser",
      "Grönytan Entreprenad AB", "annonserad-upphandling", 2400000, "2026-02-24", "2026-04-01", "2029-03-31", "gatuchef", "gatuchef",
      signer="samhallsbyggnadschef", procedure="forenklat"),
    R("samhallsbyggnadsnamnden", "va-entreprenader", "Relining av spillvattenledningar i Ekbacka tätort",
      "Rörteknik Norr AB", "luf-upphandling", 6800000, "2025-05-13", "2025-08-01", "2027-07-31", "va_chef", "va_ingenjor",
      options=[("2028-07-31", False)], procedure="oppet", note="Upphandlat enligt LUF (verksamheten vatten och avlopp)."),
    R("samhallsbyggnadsnamnden", "va-entreprenader", "Akuta ledningsreparationer, jour dygnet runt",
      "Anläggarna i Ekbacka AB", "luf-upphandling", 3100000, "2024-02-20", "2024-04-01", "2027-03-31", "va_chef", "va_ingenjor",
      procedure="forenklat"),
    R("samhallsbyggnadsnamnden", "byggentreprenad", "Ombyggnad av omklädningsrum i Ekbackahallen",
      "Byggmästarna i Norr AB", "annonserad-upphandling", 4200000, "2026-04-14", "2026-06-01", "2027-02-28", "samhallsbyggnadschef", "planchef",
      signer="samhallsbyggnadschef", procedure="forenklat"),
    R("samhallsbyggnadsnamnden", "tekniska-utredningar", "Geoteknisk undersökning för detaljplan Södra Ängen",
      "Geokonsult Mitt AB", "direktupphandling", 310000, "2026-03-24", "2026-04-01", "2026-09-30", "planchef", "planchef",
      status="ended", signer="samhallsbyggnadschef"),
    R("samhallsbyggnadsnamnden", "tekniska-utredningar", "Bullerutredning för detaljplan Kvarnbacken",
      "Akustikbyrån Norr AB", "direktupphandling", 120000, "2026-06-16", "2026-07-01", "2027-01-31", "planchef", "planchef",
      signer="gatuchef"),
    R("samhallsbyggnadsnamnden", "fordon", "Leasing av arbetsfordon för gatuenheten",
      "Nyttofordon Norr AB", "avrop-ramavtal", 1400000, "2024-05-07", "2024-06-01", "2028-05-31", "gatuchef", "gatuchef",
      framework="Ramavtal Fordon 2024 (Inköpscentral Norr)"),
    R("samhallsbyggnadsnamnden", "it-tjanster", "Digital bygglovsprocess, licens och support",
      "Byggflöde Digital GmbH", "annonserad-upphandling", 980000, "2025-09-02", "2025-10-01", "2028-09-30", "bygglovschef", "bygglovshandlaggare",
      vat=("DE", "DE812345678"), procedure="forenklat", note="Tysk leverantör; identifieras med momsregistreringsnummer."),
    # --- kultur- och fritidsnämnden ------------------------------------------------------------
    R("kultur_och_fritidsnamnden", "kultur", "Sommarscenen i Stadsparken 2026, ljud, ljus och scen",
      "Scenteknik i Norr AB", "direktupphandling", 240000, "2026-03-31", "2026-06-01", "2026-08-31", "kulturchef", "kulturchef",
      status="ended", signer="kultur_och_fritidschef"),
    R("kultur_och_fritidsnamnden", "licenser", "Bibliotekssystem och e-medier",
      "Bokvalvet Systems AB", "avrop-ramavtal", 1700000, "2024-11-12", "2025-01-01", "2028-12-31", "bibliotekschef", "bibliotekschef",
      framework="Ramavtal Biblioteksmedier 2024 (Inköpscentral Norr)"),
    R("kultur_och_fritidsnamnden", "stad", "Städning av Ekbackahallen och simhallen",
      "Rent & Fint Lokalvård AB", "annonserad-upphandling", 2600000, "2023-04-18", "2023-07-01", "2027-06-30", "fritidschef", "fritidschef",
      options=[("2028-06-30", True)], procedure="forenklat"),
    R("kultur_och_fritidsnamnden", "bevakning", "Ordningsvakter vid simhallen under sommarlovet",
      "Trygg Entré Vakt AB", "direktupphandling", 110000, "2026-05-19", "2026-06-15", "2026-08-15", "fritidschef", "fritidschef",
      status="ended", signer="fritidschef"),
    R("kultur_och_fritidsnamnden", "utbildning", "Ledarutbildning för föreningslivet",
      "Idrottsutbildarna i Norr AB", "direktupphandling", 75000, "2026-09-08", "2026-10-01", "2027-05-31", "fritidschef", "foreningskonsulent",
      signer="fritidschef"),
]

# Smaller direct procurements and call-offs, year by year: a register of a kommun this size holds
# many of them. (category, subject, supplier, value, owner, manager, body)
SMALL = [
    ("forbrukning", "Hygienartiklar och skyddsutrustning", "Vårdhandeln Norr AB", 95000, "avdelningschef_aldreomsorg", "enhetschef_sarskilt_boende", "socialnamnden"),
    ("forbrukning", "Möbler till nya kontorsplatser", "Kontorsinredning Mitt AB", 140000, "ekonomidirektor", "upphandlare", "kommunstyrelsen"),
    ("utbildning", "Brandskyddsutbildning för personal", "Brandkunskap Norr AB", 45000, "sakerhetschef", "sakerhetschef", "kommunstyrelsen"),
    ("utbildning", "Utbildning i arbetsmiljö för chefer", "Arbetsmiljöakademin AB", 88000, "hr_direktor", "hr_specialist", "kommunstyrelsen"),
    ("trycksaker", "Tryck av valsedlar och informationsmaterial", "Tryckeriet i Ekbacka AB", 60000, "kanslichef", "namndsekreterare", "kommunstyrelsen"),
    ("konsulttjanster", "Processledning av medborgardialog", "Dialogbyrån AB", 70000, "kommunikationschef", "kommunikationschef", "kommunstyrelsen"),
    ("it-tjanster", "Penetrationstest av externa webbtjänster", "Säkerhetslabbet Sverige AB", 120000, "it_chef", "it_chef", "kommunstyrelsen"),
    ("tolk", "Översättning av informationsmaterial till lätt svenska och andra språk", "Textverkstaden Norr AB", 55000, "kommunikationschef", "kommunikationschef", "kommunstyrelsen"),
    ("kultur", "Konstnärlig utsmyckning av entrén till kommunhuset", "Ateljé Nordljus AB", 90000, "kulturchef", "kulturchef", "kultur_och_fritidsnamnden"),
    ("kultur", "Författarbesök och skrivarverkstäder på biblioteket", "Litteraturhuset i Norr AB", 40000, "bibliotekschef", "bibliotekschef", "kultur_och_fritidsnamnden"),
    ("drift-utemiljo", "Trädbesiktning och beskärning", "Arboristerna i Ekbacka AB", 85000, "gatuchef", "gatuchef", "samhallsbyggnadsnamnden"),
    ("tekniska-utredningar", "Naturvärdesinventering", "Ekologigruppen Norr AB", 110000, "planchef", "planchef", "samhallsbyggnadsnamnden"),
    ("utbildning", "Utbildning i lågaffektivt bemötande", "Bemötandecentrum AB", 72000, "avdelningschef_lss", "enhetschef_lss", "socialnamnden"),
    ("utbildning", "Utbildning i programmering för lärare", "Kodskolan i Sverige AB", 58000, "utbildningschef", "rektor_ekbackaskolan", "barn_och_utbildningsnamnden"),
    ("forbrukning", "Lekmaterial till förskolorna", "Leksaksgrossisten Norr AB", 98000, "forskolechef", "forskolechef", "barn_och_utbildningsnamnden"),
    ("fordon", "Reparation och service av fritidsgårdens minibuss", "Verkstaden i Ekbacka AB", 35000, "fritidschef", "fritidschef", "kultur_och_fritidsnamnden"),
]

SIGNING = {"kommunstyrelsen": "ks", "socialnamnden": "sn", "barn_och_utbildningsnamnden": "bun",
           "samhallsbyggnadsnamnden": "sbn", "kultur_och_fritidsnamnden": "kfn"}

CHEFS = {  # who buys for a manager: a chef of the right role type in the administration
    "kommunstyrelsen": {"sakerhetschef", "hr_direktor", "ekonomidirektor", "it_chef", "kanslichef", "kommunikationschef"},
    "socialnamnden": {"avdelningschef_ifo", "avdelningschef_aldreomsorg", "avdelningschef_lss", "enhetschef_barn_och_unga",
                      "enhetschef_vuxen", "enhetschef_hemtjanst_norr", "enhetschef_hemtjanst_syd", "enhetschef_sarskilt_boende",
                      "enhetschef_lss", "enhetschef_ekonomiskt_bistand"},
    "barn_och_utbildningsnamnden": {"utbildningschef", "forskolechef", "elevhalsochef", "administrativ_chef_utbildning"},
    "samhallsbyggnadsnamnden": {"samhallsbyggnadschef", "gatuchef", "planchef", "bygglovschef", "miljochef", "va_chef"},
    "kultur_och_fritidsnamnden": {"kultur_och_fritidschef", "bibliotekschef", "fritidschef", "kulturchef"},
}


def small_rows() -> list[Row]:
    rows: list[Row] = []
    for year in (2022, 2023, 2024, 2025):
        for i, (category, subject, supplier, value, owner, manager, body) in enumerate(SMALL):
            if (i + year) % 2 and year < 2025:
                continue
            month = 1 + (i * 3 + year) % 11
            day = f"{year}-{month:02d}-{10 + i % 15:02d}"
            end = f"{year}-12-31" if month < 10 else f"{year + 1}-06-30"
            rows.append(Row(body, category, f"{subject} {year}", supplier, "direktupphandling", value + (year - 2022) * 5000, day, day, end,
                            owner, manager, status="ended"))
    for i, (category, subject, supplier, value, owner, manager, body) in enumerate(SMALL):
        month = 1 + (i * 5) % 9
        day = f"2026-{month:02d}-{6 + i:02d}"
        if category == "utbildning":
            continue  # the year's training is bought on the larger contracts above
        chefs = [p for p in (owner, manager) if p in CHEFS[body] and (body != "socialnamnden" or p.startswith("enhetschef"))]
        signer = chefs[0] if chefs else None
        rows.append(Row(body, category, f"{subject} 2026", supplier, "direktupphandling", value + 20000, day, day, "2027-03-31",
                        owner, manager, signer=signer or BODIES[body][2]))
    return rows


def signing(row: Row) -> tuple[str, str]:
    """(signer actor, mandate) for the row, following the delegationsordning in force in 2026."""
    prefix = BODIES[row.body][1]
    if row.signer == "ordforande_ks":
        return "{seat: ordforande, body: kommunstyrelsen}", "{signing_rule: firmateckning-ks}"
    if row.signer == "ordforande_sn":
        return "{seat: ordforande, body: socialnamnden}", "{signing_rule: firmateckning-sn}"
    signer = row.signer or BODIES[row.body][3]
    if row.value > 5000000 and row.ground in ("eu-upphandling", "annonserad-upphandling", "luf-upphandling"):
        # Above 5 000 000 kr the arbetsutskott or presidium decides: the ordförande signs under the body's rule.
        return f"{{seat: ordforande, body: {row.body}}}", f"{{signing_rule: firmateckning-{SIGNING[row.body]}}}"
    if row.ground in ("direktupphandling", "synnerlig-bradska"):
        return f"{{position: {signer}}}", f"{{matter: {prefix}-upphandling-direktupphandling}}"
    if row.ground == "avrop-ramavtal":
        return f"{{position: {signer}}}", f"{{matter: {prefix}-upphandling-avrop}}"
    if row.ground == "luf-upphandling":
        return f"{{position: {signer}}}", "{matter: sbn-upphandling-va-luf}"
    if row.ground == "hyra-av-fastighet":
        return f"{{position: {signer}}}", "{matter: ks-avtal-ovriga-avtal}"
    if prefix in ("ks", "soc", "sbn"):
        return f"{{position: {signer}}}", f"{{matter: {prefix}-upphandling-tilldelning}}"
    return "{position: kommundirektor}", "{matter: ks-upphandling-tilldelning}"


def q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render(rows: list[Row]) -> str:
    out = [HEADER]
    counters: dict[tuple[str, str], int] = {}
    rows = sorted(rows, key=lambda r: (r.procured, r.subject))
    for row in rows:
        prefix = BODIES[row.body][0]
        year = row.procured[:4]
        counters[(prefix, year)] = counters.get((prefix, year), 0) + 1
        number = counters[(prefix, year)]
        contract_id = f"AVT-{prefix}-{year}-{number:03d}"
        diarienummer = f"{prefix} {int(year) - (1 if row.procured[5:7] < '03' else 0)}/{(number * 37) % 400 + 10}"
        out.append(f"  - id: {contract_id}\n")
        out.append(f"    subject: {q(row.subject)}\n")
        out.append(f"    category: {row.category}\n")
        out.append(f"    body: {row.body}\n")
        if row.ground == "luf-upphandling":
            out.append("    regime: luf\n")
        if row.vat:
            out.append(f"    supplier: {{name: {q(row.supplier)}, vat: {q(row.vat[1])}, country: {row.vat[0]}}}\n")
        else:
            prefix_digits = "802" if row.supplier.startswith("Stiftelsen") else "969" if row.supplier.endswith(" KB") else "559"
            out.append(f"    supplier: {{name: {q(row.supplier)}, orgnr: {q(orgnr_for(row.supplier, prefix_digits))}}}\n")
        parts = [f"ground: {row.ground}"]
        if row.procedure:
            parts.append(f"procedure: {row.procedure}")
        parts.append(f"date: {q(row.procured)}")
        parts.append(f"diarienummer: {q(diarienummer)}")
        documented = row.ground in ("synnerlig-bradska", "hyra-av-fastighet") or (row.ground == "direktupphandling" and row.value >= 100000)
        if documented:
            parts.append(f"documentation: {q(diarienummer + ', dokumentation av direktupphandlingen' if row.ground == 'direktupphandling' else diarienummer + ', skälen för undantaget')}")
        if row.framework:
            parts.append(f"framework: {q(row.framework)}")
        out.append("    procurement: {" + ", ".join(parts) + "}\n")
        term = [f"start: {q(row.start)}", f"end: {q(row.end)}"]
        if row.notice is not None:
            term.append(f"notice_months: {row.notice}")
        if row.options:
            opts = ", ".join(f"{{extends_to: {q(d)}" + (", exercised: true}" if used else "}") for d, used in row.options)
            term.append(f"options: [{opts}]")
        out.append("    term: {" + ", ".join(term) + "}\n")
        out.append(f"    value_sek: {row.value}\n")
        out.append(f"    owner: {{position: {row.owner}}}\n")
        out.append(f"    manager: {{position: {row.manager}}}\n")
        by, mandate = signing(row)
        out.append(f"    signed: {{by: {by}, on: {q(row.procured)}, mandate: {mandate}}}\n")
        out.append(f"    status: {row.status}\n")
        if row.note:
            out.append(f"    note: {q(row.note)}\n")
    return "".join(out)


def main() -> None:
    text = render(ROWS + small_rows())
    (ROOT / "policies" / "avtalsregister.yaml").write_text(
        "# yaml-language-server: $schema=../schemas/contracts.schema.json\n" + text, encoding="utf-8")
    (ROOT / "tests" / "fixtures" / "kommun" / "policies" / "avtalsregister.yaml").write_text(
        "# yaml-language-server: $schema=../../../../schemas/contracts.schema.json\n" + text, encoding="utf-8")


if __name__ == "__main__":
    main()
