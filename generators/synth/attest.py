"""The synthetic city's attestreglemente and one attestförteckning per styrelse and nämnd.

The reglemente states the same general rules as the example's (two in conjunction, own and superior's
costs, the direktör's costs to the kommunstyrelse's ordförande, a substitute per ansvar, system
matching, an annual list, a third step for consultancy and security services and from 500 000 kr).
Each nämnd's list has the förvaltningschef's own costs (attested by the stadsdirektör), the
förvaltning's management, every avdelning and every enhet, and each enhet's kostnadsställen, so a
region-size tree (20 bodies, 2 500 matters per body) has about 2 000 ansvar. Every row passes the
attest checks AT101–AT108: the third step always has an independent attestant.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generators.synth.files import SynthFile, SynthRequest
from generators.synth.plan import DIRECTOR, KF, KS, WEB, BodyPlan, CityPlan, document_meta

STAFF = {"role_type": "medarbetare"}
THIRD_CATEGORIES = ("konsulttjanster", "sakerhetstjanster")
OWN_COSTS = ["personalkostnader", "representation"]


def p(pid: str) -> dict[str, str]:
    """A position as an actor reference."""
    return {"position": pid}


def _rule(paragraph: str, text: str, **extra: Any) -> dict[str, Any]:
    return {"paragraph": paragraph, "text": text, **extra}


def reglemente_document() -> dict[str, Any]:
    meta = document_meta(
        "attestreglemente", "attestreglemente", "Reglemente för attest av ekonomiska transaktioner i Älvhamns stad", KF, "2025-11-20",
        "§ 204", "KS 2025/522", "ekonomidirektor", "2027-11-30",
        "Reglementet anger i vilka steg stadens fakturor attesteras, av vem, med vilka beloppsgränser och när ett tredje steg "
        "hos avtalscontrollern krävs. Varje nämnd antar varje år en attestförteckning.",
    )
    return {
        "document": meta,
        "steps": {
            "receipt": _rule("3 §", "Mottagningsattesten intygar att varan eller tjänsten har levererats enligt beställningen."),
            "review": _rule("4 §", "Granskningsattesten intygar att fakturan är formellt riktig: belopp, kontering och moms."),
            "decision": _rule("5 §", "Beslutsattesten godkänner transaktionen inom beloppsgränsen för attestantens nivå."),
        },
        "rules": {
            "two_in_conjunction": _rule("6 §", "Varje transaktion attesteras av minst två personer i förening."),
            "own_costs": _rule("7 §", "Ingen får beslutsattestera kostnader som avser den egna personen."),
            "superior_costs": _rule("7 §", "Ingen får beslutsattestera kostnader som avser en chef ovanför sig i linjen."),
            "director_costs": _rule("8 §", "Stadsdirektörens egna kostnader beslutsattesteras av kommunstyrelsens ordförande, och vid "
                                           "ordförandens frånvaro av kommunstyrelsens förste vice ordförande.",
                                    director={"position": DIRECTOR}, attested_by={"seat": "ordforande", "body": KS},
                                    substitute={"seat": "forste_vice_ordforande", "body": KS}),
            "substitute_per_code": _rule("9 §", "För varje ansvar finns en beslutsattestant och en ersättare."),
            "substitute_only_when_absent": _rule("9 §", "Ersättaren beslutsattesterar endast när den ordinarie är frånvarande."),
            "system_matching": _rule("10 §", "En faktura som har matchats mot beställning och godsmottagning behöver ingen mottagningsattest."),
            "annual_list": _rule("12 §", "Varje nämnd antar en attestförteckning för varje räkenskapsår, senast när året börjar."),
        },
        "categories": [
            {"id": "konsulttjanster", "name": "Konsulttjänster", "accounts": ["4660", "4661"]},
            {"id": "sakerhetstjanster", "name": "Bevakning och säkerhetstjänster", "accounts": ["4634"]},
            {"id": "lokalhyra", "name": "Hyra av lokaler", "accounts": ["5010"]},
            {"id": "personalkostnader", "name": "Egna personalkostnader", "accounts": ["7010", "7290"]},
            {"id": "representation", "name": "Representation", "accounts": ["6071"]},
            {"id": "material_och_tjanster", "name": "Förbrukningsmaterial och övriga tjänster", "accounts": ["5460"]},
        ],
        "third_step": _rule("11 §", "Fakturor för konsult- och säkerhetstjänster och alla fakturor från 500 000 kronor attesteras i ett "
                                    "tredje steg av avtalscontrollern; när avtalscontrollern inte är oberoende tar kanslichefen steget.",
                            attestant={"position": "avtalscontroller"}, substitute={"position": "kanslichef"},
                            categories=list(THIRD_CATEGORIES), from_amount=500000),
        "amount_levels": [
            {"id": "enhet", "name": "Enhetsnivå", "up_to": 250000},
            {"id": "avdelning", "name": "Avdelningsnivå", "up_to": 400000},
            {"id": "forvaltning", "name": "Förvaltningsnivå", "up_to": 2000000},
            {"id": "forvaltningschef", "name": "Förvaltningschef utan beloppsgräns"},
        ],
    }


def _row(code: str, name: str, decider: dict[str, str], substitute: dict[str, str], level: str, kind: str = "ansvar",
         **extra: Any) -> dict[str, Any]:
    return {"code": code, "kind": kind, "name": name, "receiver": STAFF, "reviewer": STAFF,
            "decider": decider, "substitute": substitute, "level": level, **extra}


def _ks_rows() -> list[dict[str, Any]]:
    """The stadsledningskontor's ansvar, each with an independent third-step attestant."""
    return [
        _row("1000", "Stadsdirektörens egna kostnader", {"seat": "ordforande", "body": KS}, {"seat": "forste_vice_ordforande", "body": KS},
             "enhet", costs_of=[p(DIRECTOR)], categories=OWN_COSTS),
        _row("1010", "Stadsledningskontorets ledning", p(DIRECTOR), p("ekonomidirektor"), "avdelning",
             categories=["material_och_tjanster", "lokalhyra", "representation"]),
        _row("1100", "Ekonomiavdelningen", p("ekonomidirektor"), p("upphandlingschef"), "forvaltning"),
        _row("1110", "Upphandlingsenheten", p("upphandlingschef"), p("ekonomidirektor"), "avdelning"),
        _row("1200", "HR-avdelningen", p("hr_direktor"), p("lonechef"), "avdelning"),
        _row("1210", "Löneenheten", p("lonechef"), p("hr_direktor"), "enhet"),
        _row("1300", "Kansliavdelningen", p("kanslichef"), p("kommunikationschef"), "avdelning"),
        _row("1400", "Kommunikationsavdelningen", p("kommunikationschef"), p("kanslichef"), "avdelning"),
        _row("1500", "IT-avdelningen", p("it_chef"), p("ekonomidirektor"), "forvaltning"),
        _row("1600", "Säkerhet och beredskap", p("sakerhetschef"), p("kanslichef"), "forvaltning"),
    ]


def cost_centres_per_unit(matters_per_body: int) -> int:
    """Kostnadsställen under each enhet: none in small trees, four at region size (about 2 000 ansvar)."""
    return min(4, matters_per_body // 500)


def _body_rows(body: BodyPlan, number: int, per_unit: int) -> list[dict[str, Any]]:
    base = (number + 2) * 1000
    first_chief = body.divisions[0].chief if body.divisions else "ekonomidirektor"
    rows = [
        _row(str(base), f"{body.head_title}s egna kostnader", p(DIRECTOR), p("ekonomidirektor"), "enhet",
             costs_of=[p(body.head)], categories=OWN_COSTS),
        _row(str(base + 10), f"{body.administration_name}, ledning och administration", p(body.head), p(first_chief), "forvaltningschef"),
    ]
    for d, division in enumerate(body.divisions, start=1):
        division_code = base + 100 * d
        rows.append(_row(str(division_code), division.name[:1].upper() + division.name[1:], p(division.chief), p(body.head), "forvaltning"))
        for u, (chief, _specialist, unit) in enumerate(division.units, start=1):
            if chief == division.chief:
                continue
            unit_code = f"{division_code + u}"
            rows.append(_row(unit_code, unit[:1].upper() + unit[1:], p(chief), p(division.chief), "avdelning"))
            for c in range(1, per_unit + 1):
                rows.append(_row(f"{unit_code}-{c:02d}", f"{unit[:1].upper() + unit[1:]}, kostnadsställe {c}", p(chief), p(division.chief),
                                 "enhet", kind="kostnadsstalle", categories=["material_och_tjanster", "lokalhyra"]))
    return rows


def forteckning_document(plan: CityPlan, body: BodyPlan, number: int, per_unit: int) -> dict[str, Any]:
    slug = body.id.replace("_", "-")
    meta = document_meta(f"attestforteckning-{slug}", "attestforteckning", f"Attestförteckning för {body.name.lower()} 2026", body.id,
                         "2025-12-10", "§ 180", f"{body.abbr} 2025/301", body.head if body.id != KS else "ekonomidirektor", "2026-12-31",
                         f"Beslutsattestanter, ersättare och beloppsgränser per ansvar för {body.name.lower()} 2026.")
    meta["valid_to"] = "2026-12-31"
    meta["adopted_by"].pop("protocol_url", None)
    meta["adopted_by"]["protocol_url"] = f"{WEB}/kommun-och-politik/protokoll/{slug}/2025-12-10"
    rows = _ks_rows() if body.id == KS else _body_rows(body, number, per_unit)
    return {"document": meta, "body": body.id, "period": {"from": "2026-01-01", "to": "2026-12-31"}, "ansvar": rows}


def attest_files(request: SynthRequest) -> Iterator[SynthFile]:
    """The kind's synth generator (registered as `Kind.synth` in generators/kinds/attest.py)."""
    yield SynthFile("attestreglemente.yaml", reglemente_document(), "../schemas/attestreglemente.schema.json",
                    ["Reglemente för attest i Älvhamns stad (lokala regler, inte lag)."])
    per_unit = cost_centres_per_unit(request.matters_per_body)
    for number, body in enumerate(request.plan.bodies):
        yield SynthFile(f"attest/{body.id.replace('_', '-')}.yaml", forteckning_document(request.plan, body, number, per_unit),
                        "../../schemas/attestforteckning.schema.json", [f"Attestförteckning för {body.name.lower()} 2026."])
