"""The synthetic city's organisation: bodies, förvaltningar, positions and role types.

`CityPlan` holds what the documents need to refer to each other (ids, titles, who reports to whom)
and `organisation_document()` writes it as `policies/organisation.yaml` data. The central staff of the
stadsledningskontor have the same roles as Ekbacka's kommunledningsförvaltning (the whistleblowing
function, procurement, HR), so the city-wide policies work the same way; every nämnd gets a
förvaltning of three avdelningar with two enheter each.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generators.synth.catalogue import AREAS, DOMAINS, Domain, Unit, district_domain

CITY_ID = "alvhamn"
CITY_NAME = "Älvhamns stad"
WEB = "https://www.alvhamn.se"
MAIL_DOMAIN = "alvhamn.se"
KS = "kommunstyrelsen"
KF = "kommunfullmaktige"
HEAD_OFFICE = "stadsledningskontoret"
DIRECTOR = "stadsdirektor"

Actor = dict[str, str]

# Kommunstyrelsen's own themes (besides the general ones every body has).
KS_THEMES: tuple[tuple[str, str, int, tuple[str, ...]], ...] = (
    ("mark", "Mark och fastigheter", 1, ("mark",)),
    ("sakerhet", "Säkerhet och beredskap", 0, ("sakerhet",)),
)


@dataclass
class DivisionPlan:
    """Who decides inside one avdelning: its chief, its specialists, its enheter's chiefs and staff."""

    name: str  # running text: "avdelningen för barn och unga"
    chief: str
    staff: list[str]
    units: list[tuple[str, str, str]]  # (enhetschef, the enhet's specialist, the enhet in running text)


@dataclass
class BodyPlan:
    """One delegating body (the kommunstyrelse or a nämnd) and its förvaltning."""

    id: str
    name: str
    abbr: str
    administration: str
    administration_name: str
    head: str
    head_title: str
    arbetsutskott: str
    presidium: str
    vice_seat: str  # vice_ordforande, or forste_vice_ordforande in the kommunstyrelse
    divisions: list[DivisionPlan]
    themes: tuple[tuple[str, str, int, tuple[str, ...]], ...]
    description: str
    domain: Domain | None = None
    positions: set[str] = field(default_factory=set)  # every position of its förvaltning
    # Which political body decides the largest amounts and trips abroad for förtroendevalda: every
    # other nämnd uses its presidium, the rest (and the kommunstyrelse) their arbetsutskott.
    top_kind: str = "au"

    @property
    def top(self) -> Actor:
        return {"body": self.presidium if self.top_kind == "pres" else self.arbetsutskott}

    @property
    def diarie(self) -> str:
        return "KS" if self.id == KS else self.abbr.upper()

    @property
    def role_chef(self) -> str:
        return f"chef_{self.abbr}"

    @property
    def role_enhetschef(self) -> str:
        return f"enhetschef_{self.abbr}"

    @property
    def running(self) -> str:
        """The body's name in running text: 'socialnämnden', 'stadsdelsnämnden Norr'."""
        return self.name[:1].lower() + self.name[1:]

    @property
    def genitive(self) -> str:
        """'socialnämndens', 'stadsdelsnämndens' (in its own documents a district nämnd is 'stadsdelsnämnden')."""
        if self.is_district:
            return "stadsdelsnämndens"
        return self.running + "s"

    @property
    def is_district(self) -> bool:
        return self.domain is not None and self.domain.key.startswith("stadsdel_")

    @property
    def admin_running(self) -> str:
        return self.administration_name[:1].lower() + self.administration_name[1:]


@dataclass
class CityPlan:
    bodies: list[BodyPlan]  # the kommunstyrelse first, then the nämnder
    positions: list[dict[str, Any]]
    administrations: list[dict[str, Any]]
    role_types: list[dict[str, Any]]
    titles: dict[str, str]  # position id → title
    superior: dict[str, str | None] = field(default_factory=dict)  # position id → the position it reports to

    @property
    def ks(self) -> BodyPlan:
        return self.bodies[0]

    @property
    def nämnder(self) -> list[BodyPlan]:
        return self.bodies[1:]


def _upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _position(pid: str, title: str, level: str, administration: str, unit: str | None, reports_to: Actor,
              description: str | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": pid, "title": title, "level": level, "administration": administration}
    if unit:
        entry["unit"] = unit
    entry["reports_to"] = reports_to
    if description:
        entry["description"] = description
    return entry


# The stadsledningskontor: the same central roles as the example's kommunledningsförvaltning.
_CENTRAL_UNITS = (
    ("kansliavdelningen", "Kansliavdelningen"),
    ("ekonomiavdelningen", "Ekonomiavdelningen"),
    ("upphandlingsenheten", "Upphandlingsenheten"),
    ("hr_avdelningen", "HR-avdelningen"),
    ("lonenheten", "Löneenheten"),
    ("kommunikationsavdelningen", "Kommunikationsavdelningen"),
    ("it_avdelningen", "IT-avdelningen"),
    ("sakerhet_och_beredskap", "Enheten för säkerhet och beredskap"),
)
# (id, title, level, unit, reports to, description)
_CENTRAL_POSITIONS = (
    (DIRECTOR, "Stadsdirektör", "direktor", None, None,
     "Kommunstyrelsens direktör enligt KL 7 kap. 1 § och chef för stadsledningskontoret."),
    ("ekonomidirektor", "Ekonomidirektör", "avdelningschef", "ekonomiavdelningen", DIRECTOR, None),
    ("hr_direktor", "HR-direktör", "avdelningschef", "hr_avdelningen", DIRECTOR, None),
    ("kanslichef", "Kanslichef", "avdelningschef", "kansliavdelningen", DIRECTOR, None),
    ("kommunikationschef", "Kommunikationschef", "avdelningschef", "kommunikationsavdelningen", DIRECTOR, None),
    ("it_chef", "IT-chef", "avdelningschef", "it_avdelningen", DIRECTOR, None),
    ("sakerhetschef", "Säkerhetschef", "enhetschef", "sakerhet_och_beredskap", DIRECTOR, None),
    ("stadsjurist", "Stadsjurist", "specialist", "kansliavdelningen", "kanslichef", None),
    ("registrator", "Registrator", "medarbetare", "kansliavdelningen", "kanslichef", None),
    ("namndsekreterare", "Nämndsekreterare", "specialist", "kansliavdelningen", "kanslichef", None),
    ("stadsarkivarie", "Stadsarkivarie", "specialist", "kansliavdelningen", "kanslichef", None),
    ("dataskyddsombud", "Dataskyddsombud", "specialist", "kansliavdelningen", "kanslichef",
     "Stadens gemensamma dataskyddsombud för kommunstyrelsen och samtliga nämnder."),
    ("upphandlingschef", "Upphandlingschef", "enhetschef", "upphandlingsenheten", "ekonomidirektor", None),
    ("upphandlare", "Upphandlare", "specialist", "upphandlingsenheten", "upphandlingschef", None),
    ("avtalscontroller", "Avtalscontroller", "specialist", "upphandlingsenheten", "upphandlingschef", None),
    ("redovisningschef", "Redovisningschef", "specialist", "ekonomiavdelningen", "ekonomidirektor", None),
    ("samordnare_statsbidrag", "Samordnare för statsbidrag", "specialist", "ekonomiavdelningen", "ekonomidirektor", None),
    ("lonechef", "Lönechef", "enhetschef", "lonenheten", "hr_direktor", None),
    ("hr_specialist", "HR-specialist", "specialist", "hr_avdelningen", "hr_direktor", None),
)


def _ks_plan() -> BodyPlan:
    divisions = [
        DivisionPlan("kansliavdelningen", "kanslichef", ["stadsjurist", "namndsekreterare", "stadsarkivarie"],
                     [("sakerhetschef", "registrator", "enheten för säkerhet och beredskap")]),
        DivisionPlan("ekonomiavdelningen", "ekonomidirektor", ["redovisningschef", "samordnare_statsbidrag"],
                     [("upphandlingschef", "upphandlare", "upphandlingsenheten"), ("upphandlingschef", "avtalscontroller", "upphandlingsenheten")]),
        DivisionPlan("HR-avdelningen", "hr_direktor", ["hr_specialist"], [("lonechef", "hr_specialist", "löneenheten")]),
    ]
    return BodyPlan(
        KS, "Kommunstyrelsen", "ks", HEAD_OFFICE, "Stadsledningskontoret", DIRECTOR, "Stadsdirektör",
        "ks_arbetsutskott", "ks_presidium", "forste_vice_ordforande", divisions, KS_THEMES,
        "Leder och samordnar förvaltningen av stadens angelägenheter och har uppsikt över nämnderna. Stadens "
        "anställningsmyndighet för stadsdirektören och förvaltningscheferna och upphandlingsorgan för stadsgemensamma ramavtal.",
        positions={p[0] for p in _CENTRAL_POSITIONS},
    )


def domains_for(count: int) -> list[Domain]:
    """The nämnder of a city with `count` delegating bodies (the kommunstyrelse is one of them)."""
    wanted = max(count - 1, 0)
    chosen = list(DOMAINS[:wanted])
    chosen += [district_domain(i) for i in range(wanted - len(chosen))]
    return chosen


def units_per_division(matters_per_body: int) -> int:
    """Larger delegationsordningar belong to larger förvaltningar: two enheter per avdelning, one more
    for every 400 matters (at most ten)."""
    return max(2, min(10, 2 + matters_per_body // 400))


def _units(division_units: tuple[Unit, ...], count: int) -> list[Unit]:
    """The catalogue's enheter, then the same kinds of enheter in more areas of the city."""
    found = list(division_units)
    area = 0
    while len(found) < count:
        base = division_units[len(found) % len(division_units)]
        name = AREAS[area % len(AREAS)] + ("" if area < len(AREAS) else f" {area // len(AREAS) + 1}")
        slug = name.replace(" ", "_").replace("ä", "a").replace("ö", "o").replace("å", "a")
        found.append(Unit(f"{base.slug}_{slug}", f"{base.descriptor} {name}", f"{base.staff} {name}",
                          f"{base.chief} {name}" if base.chief else None))
        if len(found) % len(division_units) == 0:
            area += 1
    return found


def build_plan(count: int, matters_per_body: int = 0) -> CityPlan:
    ks = _ks_plan()
    titles = {p[0]: p[1] for p in _CENTRAL_POSITIONS}
    positions = [
        _position(pid, title, level, HEAD_OFFICE, unit, {"body": KS} if boss is None else {"position": boss}, description)
        for pid, title, level, unit, boss, description in _CENTRAL_POSITIONS
    ]
    administrations: list[dict[str, Any]] = [{
        "id": HEAD_OFFICE, "name": "Stadsledningskontoret", "serves": [KS, "krisledningsnamnden"], "head": DIRECTOR,
        "units": [{"id": uid, "name": name} for uid, name in _CENTRAL_UNITS],
    }]
    role_types: list[dict[str, Any]] = [
        {"id": "forvaltningschef", "title": "Förvaltningschef", "levels": ["forvaltningschef"]},
        {"id": "chef", "title": "Chef med personal-, budget- och arbetsmiljöansvar",
         "levels": ["direktor", "forvaltningschef", "avdelningschef", "enhetschef"]},
        {"id": "medarbetare", "title": "Medarbetare och specialist", "levels": ["specialist", "medarbetare"]},
        {"id": ks.role_chef, "title": "Chef inom stadsledningskontoret", "levels": ["direktor", "avdelningschef", "enhetschef"],
         "administration": HEAD_OFFICE},
        {"id": ks.role_enhetschef, "title": "Enhetschef inom stadsledningskontoret", "levels": ["enhetschef"],
         "administration": HEAD_OFFICE},
    ]
    bodies = [ks]
    for domain in domains_for(count):
        plan, own_positions, units = _nämnd(domain, titles, units_per_division(matters_per_body))
        plan.top_kind = "pres" if len(bodies) % 2 else "au"
        bodies.append(plan)
        positions.extend(own_positions)
        administrations.append({"id": domain.administration, "name": domain.administration_name, "serves": [domain.body],
                                "head": domain.head, "units": units})
        role_types.append({"id": plan.role_chef, "title": f"Chef inom {plan.admin_running}",
                           "levels": ["forvaltningschef", "avdelningschef", "enhetschef"], "administration": domain.administration})
        role_types.append({"id": plan.role_enhetschef, "title": f"Enhetschef inom {plan.admin_running}",
                           "levels": ["enhetschef"], "administration": domain.administration})
        if domain.key == "utbildning":
            rektorer = [unit[0] for unit in plan.divisions[0].units]
            role_types.append({"id": "rektor", "title": "Rektor", "members": rektorer})
    superior = {p["id"]: p["reports_to"].get("position") for p in positions}
    return CityPlan(bodies, positions, administrations, role_types, titles, superior)


def _nämnd(domain: Domain, titles: dict[str, str], unit_count: int) -> tuple[BodyPlan, list[dict[str, Any]], list[dict[str, str]]]:
    a, admin = domain.abbr, domain.administration
    positions = [_position(domain.head, domain.head_title, "forvaltningschef", admin, None, {"position": DIRECTOR},
                           f"Förvaltningschef för {domain.administration_name.lower()[:1] + domain.administration_name[1:]}.")]
    units: list[dict[str, str]] = []
    divisions: list[DivisionPlan] = []
    for number, division in enumerate(domain.divisions):
        div_unit = f"{a}_{division.slug}"
        units.append({"id": div_unit, "name": f"Avdelningen för {division.descriptor}"})
        chief = f"{a}_avdelningschef_{division.slug}"
        staff = f"{a}_specialist_{division.slug}"
        positions.append(_position(chief, f"Avdelningschef {division.descriptor}", "avdelningschef", admin, div_unit, {"position": domain.head}))
        positions.append(_position(staff, division.staff, "specialist", admin, div_unit, {"position": chief}))
        if number == 0:
            positions.append(_position(f"{a}_namndadministrator", "Nämndadministratör", "medarbetare", admin, div_unit,
                                       {"position": domain.head}))
        unit_pairs = []
        for unit in _units(division.units, unit_count):
            uid = f"{a}_{unit.slug}"
            units.append({"id": uid, "name": f"Enheten för {unit.descriptor}"})
            unit_chief = f"{a}_enhetschef_{unit.slug}"
            unit_staff = f"{a}_handlaggare_{unit.slug}"
            positions.append(_position(unit_chief, unit.chief or f"Enhetschef {unit.descriptor}", "enhetschef", admin, uid, {"position": chief}))
            positions.append(_position(unit_staff, unit.staff, "specialist", admin, uid, {"position": unit_chief}))
            unit_pairs.append((unit_chief, unit_staff, f"enheten för {unit.descriptor}"))
        divisions.append(DivisionPlan(f"avdelningen för {division.descriptor}", chief, [staff], unit_pairs))
    for p in positions:
        titles[p["id"]] = p["title"]
    plan = BodyPlan(
        domain.body, domain.name, a, admin, domain.administration_name, domain.head, domain.head_title,
        f"{a}_arbetsutskott", f"{a}_presidium", "vice_ordforande", divisions, domain.themes, domain.description,
        domain=domain, positions={p["id"] for p in positions},
    )
    return plan, positions, units


def document_meta(doc_id: str, kind: str, title: str, adopted_by: str, date: str, paragraph: str, diarie: str,
                  owner: str, review_by: str, summary: str, supersedes: str | None = None) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "id": doc_id, "kind": kind, "title": title, "status": "antagen", "version": "2026:1",
        "adopted_by": {"body": adopted_by, "date": date, "paragraph": paragraph, "diarienummer": diarie,
                       "protocol_url": f"{WEB}/kommun-och-politik/protokoll/{adopted_by.replace('_', '-')}/{date}"},
        "valid_from": "2026-01-01",
    }
    if supersedes:
        meta["supersedes"] = supersedes
    meta.update({"owner": {"position": owner}, "review_by": review_by, "summary": summary})
    return meta


def organisation_document(plan: CityPlan) -> dict[str, Any]:
    count = len(plan.bodies)
    bodies: list[dict[str, Any]] = [
        {"id": KF, "name": "Kommunfullmäktige", "kind": "fullmaktige",
         "adopts": ["organisation", "upphandlingspolicy", "visselblasningsreglemente", "resepolicy"],
         "seats": {"ordforande": 1, "forste_vice_ordforande": 1, "andre_vice_ordforande": 1, "ledamot": 81, "ersattare": 45},
         "description": "Stadens högsta beslutande organ. Antar reglementen, stadsövergripande policyer och organisationen samt väljer nämnder och revisorer."},
    ]
    for body in plan.bodies:
        is_ks = body.id == KS
        seats = ({"ordforande": 1, "forste_vice_ordforande": 1, "andre_vice_ordforande": 1, "ledamot": 15, "ersattare": 15}
                 if is_ks else {"ordforande": 1, "vice_ordforande": 1, "ledamot": 11, "ersattare": 11})
        bodies.append({"id": body.id, "name": body.name, "kind": "styrelse" if is_ks else "namnd", "administration": body.administration,
                       "adopts": ["delegationsordning"], "seats": seats, "description": body.description})
        bodies.append({"id": body.arbetsutskott, "name": f"Arbetsutskottet i {body.running}" if body.is_district else f"{_upper(body.genitive)} arbetsutskott",
                       "kind": "utskott", "parent": body.id, "administration": body.administration,
                       "seats": {"ordforande": 1, "vice_ordforande": 1, "ledamot": 5 if is_ks else 3, "ersattare": 5 if is_ks else 3},
                       "description": f"Bereder {body.genitive} ärenden och beslutar i ärenden som {body.running} har delegerat."})
        presidium_seats = ({"ordforande": 1, "forste_vice_ordforande": 1, "andre_vice_ordforande": 1, "ledamot": 3}
                           if is_ks else {"ordforande": 1, "vice_ordforande": 1, "ledamot": 2})
        bodies.append({"id": body.presidium, "name": f"Presidiet i {body.running}" if body.is_district else f"{_upper(body.genitive)} presidium",
                       "kind": "presidium", "parent": body.id, "administration": body.administration, "seats": presidium_seats,
                       "description": f"{_upper(body.genitive)} ordförande och vice ordförande."})
    bodies.append({"id": "revisionen", "name": "Stadsrevisionen", "kind": "revision", "parent": KF,
                   "seats": {"ordforande": 1, "vice_ordforande": 1, "ledamot": 7},
                   "description": "Granskar verksamheten i styrelsen och nämnderna på fullmäktiges uppdrag, med hjälp av sakkunniga biträden."})
    bodies.append({"id": "krisledningsnamnden", "name": "Krisledningsnämnden", "kind": "krisledningsnamnd", "administration": HEAD_OFFICE,
                   "seats": {"ordforande": 1, "vice_ordforande": 1, "ledamot": 5, "ersattare": 5},
                   "description": "Träder i verksamhet vid extraordinära händelser enligt lagen (2006:544) om kommuners och regioners "
                                  "åtgärder inför och vid extraordinära händelser i fredstid och höjd beredskap."})
    workers = 2000 + 1450 * count
    return {
        "document": document_meta(
            "organisation", "organisation", f"{CITY_NAME}s politiska organisation och förvaltningsorganisation", KF, "2025-11-20",
            "§ 201", "KS 2025/518", "kanslichef", "2027-06-30",
            "Beskriver stadens organ och deras befogenheter, förvaltningarna och vilka organ de betjänar, befattningarna med deras "
            "linjeorganisation upp till stadsdirektören samt de externa parter som stadens styrdokument hänvisar till.",
        ),
        "municipality": {
            "id": CITY_ID, "name": CITY_NAME, "kind": "kommun", "organisation_number": "212000-1579", "website": f"{WEB}/",
            "workers": [
                {"year": 2025, "count": workers - 120, "source": "Personalsystemet, antal anställda 1 januari"},
                {"year": 2026, "count": workers, "source": "Personalsystemet, antal anställda 1 januari"},
            ],
        },
        "bodies": bodies,
        "administrations": plan.administrations,
        "positions": plan.positions,
        "role_types": plan.role_types,
        "externals": [
            {"id": "extern_mottagare", "name": "Rapportkanalen Väst AB", "kind": "extern_mottagare",
             "description": "Extern mottagare av rapporter om missförhållanden enligt lag (2021:890). Tar emot rapporter skriftligt och "
                            "muntligt, bekräftar mottagandet och lämnar över till stadens visselblåsarfunktion eller, när rapporten rör "
                            "stadens högsta tjänstepersoner, till Sjöviks kommuns visselblåsarfunktion.",
             "contact": f"Webbformulär och telefon enligt stadens webbplats, {WEB}/visselblasning"},
            {"id": "revisionsbitradet", "name": "Granskningsbyrån Kustrevision AB", "kind": "revisionsbitrade",
             "description": "Revisorernas sakkunniga biträde enligt KL 12 kap. 8 §, upphandlat av revisorerna."},
            {"id": "sjoviks_kommun", "name": "Sjöviks kommuns visselblåsarfunktion", "kind": "annan_kommun",
             "description": "Grannkommunens visselblåsarfunktion som enligt avtal om avtalssamverkan (KL 9 kap. 37 §) utreder rapporter "
                            "som rör stadsdirektören, förvaltningscheferna och stadens egen visselblåsarfunktion.",
             "contact": f"Enligt samverkansavtalet; kontaktvägar publiceras på {WEB}/visselblasning"},
        ],
    }
