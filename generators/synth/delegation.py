"""One delegationsordning per body: fixed anchor matters that other documents refer to, plus composed
matters in the example's proportions.

Anchors (the travel policy and the procurement policy point at them by id):
- `<abbr>-allmant-bradskande`: brådskande ärenden, the ordförande with the vice ordförande as substitute;
- `<abbr>-upphandling-direktupphandling` and `<abbr>-upphandling-tilldelning`: tiered procurement matters;
- `<abbr>-resor-utanfor-eu-fortroendevalda` and `<abbr>-resor-utanfor-eu-forvaltningschef` (in the
  kommunstyrelse: trips for employees, for the stadsdirektör and courses for förtroendevalda);
- in the kommunstyrelse also the hiring of förvaltningschefer and the whistleblowing follow-up matters.

The proportions (share of matters with tiers, limits, conditions, substitutes, notes, ren verkställighet,
vidaredelegation, and how decisions are reported) were measured on the example's delegationsordningar;
see `SHARES`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from random import Random
from typing import Any

from generators.checks.delegation.d422_execution_only_appealable import title_reads_as_judgement
from generators.synth.catalogue import AMOUNT_SCALES, FAMILY_BY_KEY, GENERAL_FAMILIES, GENERAL_THEMES, KIND_QUALIFIERS, Family, citation, law, local
from generators.synth.files import SynthFile, SynthRequest
from generators.synth.plan import DIRECTOR, KS, BodyPlan, CityPlan, DivisionPlan, document_meta

# Shares measured on the example (251 matters in five delegationsordningar, 2026 versions):
# tiers 9.6 %, limit 3.2 %, conditions 25.9 %, substitute 6.0 %, note 19.5 %, execution_only 6.0 %,
# further_delegation true 8.8 %, reporting: reported without interval 51 %, not reported 19.5 %,
# monthly 18 %, next meeting 11 %; legal basis 1 reference 79 %, 2: 17 %, 3: 4 %.
# The probabilities below apply to the matters that can have the property, so the totals come out
# close to those shares (tests/synth checks the totals).
SHARES = {
    "tiers": 0.44,  # of matters whose family has an amount scale
    "limit": 0.16,
    "conditions": 0.33,
    "second_condition": 0.12,
    "note": 0.12,
    "execution_only": 0.8,  # of matters whose family may be ren verkställighet
    "further_delegation": 0.3,  # of matters delegated to the förvaltningschef
    "further_decision": 0.55,  # of matters open to vidaredelegation that have a decision on it
    "not_reported": 0.75,  # of matters whose family says how it is recorded instead
    "extra_legal_ref": 0.1,
    "substitute": 0.025,
    "cite": 0.35,
    "domain": 0.45,  # of composed matters: the body's own domain rather than the general themes
    "monthly": 0.6,  # of individual decisions: listed monthly rather than at the next meeting
}
MIN_MATTERS = 12

_LADDER = ("staff", "enh", "avd", "head", "top")
_NOTES = {
    "myndighetsutovning": (
        "Beslutet ska innehålla en överklagandehänvisning.",
        "Beslut som går den enskilde emot ska motiveras och kommuniceras innan det fattas.",
        "Omfattar även beslut om ändring och upphörande av insatsen.",
    ),
    "personal": (
        "Beslutanderätten gäller inom ramen för fastställd bemanningsplan.",
        "Närmaste chef avser chefen för den befattning som ska tillsättas.",
    ),
    "ekonomi": ("Beloppet avser varje enskilt beslut; beslut i samma ärende räknas samman.",),
    "upphandling": ("Avtal får inte ingås förrän avtalsspärren har löpt ut.",
                    "Värdet avser hela avtalstiden inklusive optioner och förlängningar."),
    "avtal": ("Värdet avser hela avtalstiden inklusive optioner och förlängningar.",),
}
_GENERIC_NOTE = "Ärenden som berör flera nämnder eller stadens gemensamma intressen lämnas till nämnden för beslut."
_PROVISION_NOTES = (
    ("Delegering innebär att delegaten fattar beslut på {body_gen} vägnar. Beslutet gäller som {body_gen} eget och kan bara "
    "överklagas på samma sätt som ett beslut av {body}."),
    ("En delegat som är jävig enligt 6 kap. 28–32 §§ kommunallagen får inte fatta beslut i ärendet. Ärendet lämnas då till "
    "närmast överordnad chef, eller till vice ordföranden när delegaten är ordföranden."),
    ("Ren verkställighet, det vill säga åtgärder utan självständigt beslutsutrymme, är inte delegering och anmäls inte. Rader "
    "som markerats som ren verkställighet finns med enbart för tydlighetens skull."),
    ("Beslutanderätten är knuten till befattningen, inte till person. Den som tillfälligt uppehåller en befattning har samma "
    "beslutanderätt."),
    ("{head_title} får vidaredelegera beslutanderätt där det anges (KL 7 kap. 6 §). Beslut som fattas efter vidaredelegation "
    "anmäls till {head_running}, som anmäler dem vidare till {body}."),
)


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def _upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _amount(value: float, unit: str, per: str, vat: bool | None) -> dict[str, Any]:
    amount: dict[str, Any] = {"amount": int(value) if float(value).is_integer() else value, "unit": unit, "per": per}
    if vat is not None:
        amount["excluding_vat"] = vat
    return amount


@dataclass
class _Delegate:
    actor: dict[str, str]
    slot: str
    substitute: dict[str, str] | None = None


class OrderWriter:
    """Writes one body's delegationsordning. Every choice comes from `rng`, so a seed gives one tree."""

    def __init__(self, plan: CityPlan, body: BodyPlan, index: int, rng: Random) -> None:
        self.plan, self.body, self.index, self.rng = plan, body, index, rng
        self.used_titles: set[str] = set()
        self.pools: dict[tuple[str, str], list[tuple[str, tuple[dict[str, str], ...]]]] = {}
        self.used_ids: dict[str, int] = {}
        self.further: list[dict[str, Any]] = []
        self.monthly_default = body.domain is not None and body.domain.social_services
        self.top = body.top_kind

    # -- placeholders and actors ---------------------------------------------------------------------------
    def fill(self, text: str, division: DivisionPlan, admin: str | None = None) -> str:
        b = self.body
        return text.format(body=b.running, body_gen=b.genitive, admin=admin or b.admin_running, division=division.name)

    def actor(self, slot: str, division: DivisionPlan, unit: int) -> _Delegate:
        b = self.body
        chief, staff = division.units[unit % len(division.units)][:2]
        if slot == "head":
            return _Delegate({"position": b.head}, slot)
        if slot == "avd":
            return _Delegate({"position": division.chief}, slot)
        if slot == "enh":
            return _Delegate({"position": chief}, slot)
        if slot == "staff":
            return _Delegate({"position": staff if self.rng.random() < 0.75 else self.rng.choice(division.staff)}, slot)
        if slot == "role_enh":
            return _Delegate({"role_type": b.role_enhetschef}, slot)
        if slot == "role_chef":
            return _Delegate({"role_type": b.role_chef}, slot)
        if slot in ("au", "top") and (slot == "au" or self.top == "au"):
            return _Delegate({"body": b.arbetsutskott}, "au")
        if slot in ("pres", "top"):
            return _Delegate({"body": b.presidium}, "pres")
        if slot == "chair":
            return _Delegate({"seat": "ordforande", "body": b.id}, slot, {"seat": b.vice_seat, "body": b.id})
        if slot == "relative":
            return _Delegate({"relative": "narmaste_chef"}, slot)
        if slot.startswith("pos:"):
            position = slot[4:]
            if position in b.positions:
                return _Delegate({"position": position}, slot)
            return _Delegate({"position": b.head}, "head")
        raise ValueError(f"unknown delegate slot {slot}")

    def weighted(self, options: tuple[tuple[str, int], ...]) -> str:
        total = sum(weight for _, weight in options)
        pick = self.rng.random() * total
        for value, weight in options:
            pick -= weight
            if pick < 0:
                return value
        return options[-1][0]

    # -- ids and titles -----------------------------------------------------------------------------------
    def matter_id(self, section: str, key: str) -> str:
        base = f"{self.body.abbr}-{section}-{key.replace('_', '-')}"
        count = self.used_ids.get(base, 0) + 1
        self.used_ids[base] = count
        return base if count == 1 else f"{base}-{count}"

    def titles(self, family: Family, division: DivisionPlan) -> list[tuple[str, tuple[dict[str, str], ...]]]:
        """Every title of 60–120 characters the family can give in this division, in a seeded random order.

        A title is verb + object + one qualifier: the family's own (\"efter utredning av …\") or a scope
        (\"inom enheten för …\"); a third of them end with the citation of the legal basis.
        """
        key = (family.key, division.name)
        pool = self.pools.get(key)
        if pool is None:
            pool = []
            areas = [division.name] + [unit[2] for unit in division.units]
            scopes = [f" inom {area}" for area in areas]
            for verb in family.verbs:
                for obj, refs in family.objects:
                    # An object written "inom {admin}" is the same decision for the whole förvaltning, one
                    # avdelning or one enhet; any other object takes the scope as a qualifier.
                    places = [self.body.admin_running, *areas] if "{admin}" in obj else [self.body.admin_running]
                    for place in places:
                        text = self.fill(f"{verb} {obj}" if verb else obj, division, admin=place)
                        qualifiers = [self.fill(q, division) for q in family.qualifiers + KIND_QUALIFIERS.get(family.kind, ())]
                        if "inom" not in text:
                            qualifiers += [scope for scope in scopes if scope not in qualifiers]
                        cited = citation(refs[0]) if family.citable else None
                        for qualifier in qualifiers:
                            title = _upper(text + qualifier)
                            if cited and self.rng.random() < SHARES["cite"] and len(title) + len(cited) + 8 <= 120:
                                title += f" enligt {cited}"
                            if len(title) < 60 and "inom" not in title:
                                title += f" inom {self.body.admin_running}"
                            if 60 <= len(title) <= 120:
                                pool.append((title, refs))
            self.rng.shuffle(pool)
            self.pools[key] = pool
        return pool

    def title(self, family: Family, division: DivisionPlan, unique: bool = True) -> tuple[str, tuple[dict[str, str], ...]] | None:
        """A title not yet used in this document; None when the family has none left (unless not `unique`)."""
        pool = self.titles(family, division)
        while pool:
            title, refs = pool.pop()
            if title not in self.used_titles:
                self.used_titles.add(title)
                return title, refs
        if unique:
            return None
        # Used up: repeat one (the same kind of decision for another case), never an empty title.
        obj, refs = family.objects[0]
        title = _upper(self.fill(f"{family.verbs[0]} {obj}" if family.verbs[0] else obj, division))
        if len(title) < 60 and "inom" not in title:
            title += f" inom {self.body.admin_running}"
        if len(title) < 60:
            title += f" för {self.body.genitive} verksamhet"
        return title[:120].rstrip(" ,"), refs

    # -- one matter ---------------------------------------------------------------------------------------
    def matter(self, family: Family, section: str, division: DivisionPlan, title: str, refs: tuple[dict[str, str], ...]) -> dict[str, Any]:
        rng, b = self.rng, self.body
        unit = rng.randrange(len(division.units))
        shape = "single"
        if family.amounts:
            roll = rng.random()
            shape = "tiers" if roll < SHARES["tiers"] else "limit" if roll < SHARES["tiers"] + SHARES["limit"] else "single"
        slot = self.weighted(family.slots)
        # Last in the test, so the random stream is the same whatever the title: a unit's name ("enheten
        # för ekonomiskt bistånd") can make the title read as a prövning, which is never ren verkställighet (D422).
        execution_only = (bool(family.execution_only) and shape == "single" and rng.random() < SHARES["execution_only"]
                          and not title_reads_as_judgement(title))
        matter: dict[str, Any] = {"id": self.matter_id(section, family.key), "number": "", "title": title, "kind": family.kind}
        delegates: list[dict[str, str]] = []
        if shape == "tiers":
            matter["tiers"] = self.tiers(family, slot, division, unit)
            delegates = [tier["delegate"] for tier in matter["tiers"]]
        else:
            chosen = self.actor(slot, division, unit)
            matter["delegate"] = chosen.actor
            delegates = [chosen.actor]
            if shape == "limit":
                unit_name, per, vat, _, limits = AMOUNT_SCALES[family.amounts or "ekonomi"]
                matter["limit"] = _amount(rng.choice(limits), unit_name, per, vat)
            substitute = chosen.substitute
            if substitute is None and chosen.slot in ("staff", "enh", "avd") and rng.random() < SHARES["substitute"] * 3:
                substitute = {"position": self.superior(chosen.actor["position"])}
            if substitute is not None:
                matter["substitute"] = substitute
        further = (not execution_only and delegates == [{"position": b.head}] and rng.random() < SHARES["further_delegation"])
        matter["further_delegation"] = further
        if execution_only:
            matter["execution_only"] = True
        legal = list(refs)
        if rng.random() < SHARES["extra_legal_ref"] and len(legal) < 3:
            legal.append(law("KL", "7", "5") if all("body" not in d and "seat" not in d for d in delegates) else law("KL", "6", "37"))
        matter["legal_basis"] = legal
        if not execution_only and rng.random() < SHARES["conditions"]:
            conditions = self.conditions(family, delegates, division)
            if conditions:
                matter["conditions"] = conditions
        matter["reporting"] = self.reporting(family, delegates, execution_only)
        if execution_only:
            matter["note"] = family.execution_only
        elif rng.random() < SHARES["note"]:
            pool = family.notes + _NOTES.get(family.kind, ()) + (_GENERIC_NOTE,)
            matter["note"] = rng.choice(pool)
        if further and rng.random() < SHARES["further_decision"]:
            self.further_decision(matter, division)
        return matter

    def superior(self, position: str) -> str:
        return self.plan.superior.get(position) or self.body.head

    def tiers(self, family: Family, slot: str, division: DivisionPlan, unit: int) -> list[dict[str, Any]]:
        rng = self.rng
        unit_name, per, vat, boundaries, _ = AMOUNT_SCALES[family.amounts or "ekonomi"]
        bounds = rng.choice(boundaries)
        count = len(bounds) + 1
        base = {"staff": 0, "enh": 1, "role_enh": 1, "avd": 2, "head": 3}.get(slot, 2)
        start = min(base, len(_LADDER) - count)
        tiers = []
        for index in range(count):
            level = _LADDER[start + index]
            tier: dict[str, Any] = {}
            if index > 0:
                tier["above"] = _amount(bounds[index - 1], unit_name, per, vat)
            if index < count - 1:
                tier["up_to"] = _amount(bounds[index], unit_name, per, vat)
            tier["delegate"] = self.actor(level, division, unit).actor
            tiers.append(tier)
        return tiers

    def conditions(self, family: Family, delegates: list[dict[str, str]], division: DivisionPlan) -> list[dict[str, Any]]:
        rng, b = self.rng, self.body
        options: list[tuple[str, str | None, str]] = list(family.conditions)
        if family.kind in ("ekonomi", "avtal", "upphandling"):
            options.append(("within_budget", None, "Inom verksamhetens budget."))
        if family.kind == "myndighetsutovning":
            options.append(("other", None, "Beslutet fattas efter att den enskilde har fått tillfälle att yttra sig över utredningen."))
        options.append(("after_consulting", "head", f"Efter samråd med {_lower(b.head_title)}."))
        options.append(("after_consulting", "avd", f"Efter samråd med {_lower(self.plan.titles[division.chief])}."))
        chosen: list[dict[str, Any]] = []
        count = 2 if rng.random() < SHARES["second_condition"] else 1
        for kind, with_slot, text in rng.sample(options, min(count, len(options))):
            condition: dict[str, Any] = {"kind": kind}
            if with_slot is not None:
                with_id = b.head if with_slot == "head" else division.chief if with_slot == "avd" else with_slot[4:]
                if {"position": with_id} in delegates:
                    continue  # nobody consults themselves (D417)
                condition["with"] = {"position": with_id}
            condition["text"] = text
            chosen.append(condition)
        return chosen

    def reporting(self, family: Family, delegates: list[dict[str, str]], execution_only: bool) -> dict[str, Any]:
        if execution_only:
            return {"reported": False, "recorded_as": family.recorded_as or "Åtgärden dokumenteras i verksamhetssystemet."}
        if any("body" in d or "seat" in d for d in delegates):
            return {"reported": True, "interval": "next_meeting"}
        if family.recorded_as and self.rng.random() < SHARES["not_reported"]:
            return {"reported": False, "recorded_as": family.recorded_as}
        if family.monthly and self.rng.random() < SHARES["monthly"]:
            return {"reported": True, "interval": "monthly"}
        return {"reported": True}

    def further_decision(self, matter: dict[str, Any], division: DivisionPlan) -> None:
        rng, b = self.rng, self.body
        number = len(self.further) + 1
        decision: dict[str, Any] = {
            "id": f"{b.abbr}-vd-2026-{number:02d}",
            "matter": matter["id"],
            "by": {"position": b.head},
            "to": {"position": division.chief},
        }
        limit = matter.get("limit")
        if limit is not None and rng.random() < 0.5 and limit["amount"] > 1:
            decision["limit"] = {**limit, "amount": max(1, int(limit["amount"]) // 2)}
        month, day = 1 + number % 3, 5 + number % 20
        decision["decided"] = f"2026-{month:02d}-{day:02d}"
        decision["reference"] = f"{b.diarie} 2026/{10 + number * 7}"
        if rng.random() < 0.6:
            decision["note"] = f"Gäller ärenden inom {division.name}."
        self.further.append(decision)

    # -- anchors ------------------------------------------------------------------------------------------
    def anchors(self) -> dict[str, list[dict[str, Any]]]:
        b = self.body
        chair = {"seat": "ordforande", "body": b.id}
        vice = {"seat": b.vice_seat, "body": b.id}
        reglemente = local("Rese- och mötespolicy, antagen av kommunfullmäktige")
        top = b.top
        pbb = ("prisbasbelopp", "contract", True)
        sek = ("sek", "contract", True)
        found: dict[str, list[dict[str, Any]]] = {
            "allmant": [{
                "id": f"{b.abbr}-allmant-bradskande", "number": "",
                "title": f"Beslut i ärenden som är så brådskande att {b.genitive} avgörande inte kan avvaktas",
                "kind": "bradskande", "delegate": chair, "substitute": vice, "further_delegation": False,
                "legal_basis": [law("KL", "6", "39")], "reporting": {"reported": True, "interval": "next_meeting"},
                "note": f"Beslutet ska anmälas vid {b.genitive} nästa sammanträde.",
            }],
            "upphandling": [
                {"id": f"{b.abbr}-upphandling-direktupphandling", "number": "",
                 "title": f"Direktupphandling och tecknande av avtal för {b.admin_running}s egen verksamhet" if b.id == KS
                 else f"Direktupphandling och tecknande av avtal inom {b.genitive} verksamhet",
                 "kind": "upphandling",
                 "tiers": [
                     {"up_to": _amount(3, *pbb), "delegate": {"role_type": b.role_chef}},
                     {"above": _amount(3, *pbb), "up_to": _amount(8, *pbb), "delegate": {"position": b.head}},
                     {"above": _amount(8, *pbb), "delegate": top},
                 ],
                 "further_delegation": False,
                 "legal_basis": [law("LOU", "19 a", "1"), local("Riktlinjer för direktupphandling, antagna av kommunstyrelsen")],
                 "conditions": [
                     {"kind": "within_budget", "text": "Inom verksamhetens budget."},
                     {"kind": "other", "text": "Den som beslutar ska ha genomgått stadens webbutbildning för certifierade beställare. "
                                               "Direktupphandling värd 100 000 kronor eller mer dokumenteras enligt 19 a kap. LOU."},
                 ],
                 "reporting": {"reported": True},
                 "note": "Direktupphandling får bara användas upp till direktupphandlingsgränsen."},
                {"id": f"{b.abbr}-upphandling-tilldelning", "number": "",
                 "title": "Tilldelningsbeslut och beslut att teckna avtal i upphandling av stadsgemensamma avtal" if b.id == KS
                 else "Tilldelningsbeslut och avtal i upphandling över direktupphandlingsgränsen för nämndens verksamhet",
                 "kind": "upphandling",
                 "tiers": ([
                     {"up_to": _amount(700000, *sek), "delegate": {"position": "upphandlingschef"}},
                     {"above": _amount(700000, *sek), "up_to": _amount(5000000, *sek), "delegate": {"position": DIRECTOR}},
                     {"above": _amount(5000000, *sek), "delegate": {"body": b.arbetsutskott}},
                 ] if b.id == KS else [
                     {"up_to": _amount(5000000, *sek), "delegate": {"position": b.head}},
                     {"above": _amount(5000000, *sek), "delegate": top},
                 ]),
                 "further_delegation": False,
                 "legal_basis": [law("LOU", "12", "12")],
                 "conditions": [{"kind": "after_consulting", "with": {"position": "upphandlingschef"}, "text": "Efter samråd med upphandlingschefen."}]
                 if b.id != KS else [],
                 "reporting": {"reported": True},
                 "note": "Avtal får inte ingås förrän avtalsspärren har löpt ut."},
            ],
            "resor": [],
        }
        if not found["upphandling"][1]["conditions"]:
            del found["upphandling"][1]["conditions"]
        if b.domain is not None and b.domain.utility:
            found["upphandling"][1]["title"] = "Tilldelningsbeslut och avtal i upphandling enligt LOU över direktupphandlingsgränsen, utom vatten och avlopp"
            found["upphandling"].append(
                {"id": f"{b.abbr}-upphandling-va-luf", "number": "",
                 "title": "Upphandling, tilldelningsbeslut och tecknande av avtal enligt LUF för verksamheten inom vatten och avlopp",
                 "kind": "upphandling",
                 "tiers": [
                     {"up_to": _amount(8, *pbb), "delegate": {"position": b.divisions[0].chief}},
                     {"above": _amount(8, *pbb), "up_to": _amount(5000000, *sek), "delegate": {"position": b.head}},
                     {"above": _amount(5000000, *sek), "delegate": {"body": b.arbetsutskott}},
                 ],
                 "further_delegation": False,
                 "legal_basis": [law("LUF", "1", "1"), law("LUF", "19 a", "1")],
                 "conditions": [
                     {"kind": "within_budget", "text": "Inom va-verksamhetens budget och investeringsplan."},
                     {"kind": "after_consulting", "with": {"position": "upphandlingschef"},
                      "text": "Efter samråd med upphandlingschefen när värdet överstiger direktupphandlingsgränsen enligt LUF."},
                 ],
                 "reporting": {"reported": True}})
        if b.id == KS:
            found["resor"] = [
                {"id": "ks-resor-utanfor-eu-anstallda", "number": "", "title": "Tjänsteresa utanför EU/EES för anställd i stadens förvaltningar, utom förvaltningscheferna",
                 "kind": "tjansteresa", "delegate": {"position": DIRECTOR}, "further_delegation": False,
                 "legal_basis": [reglemente, local("Kommunstyrelsens reglemente: styrelsen är stadens personalorgan")],
                 "reporting": {"reported": True},
                 "note": "Gäller anställda i samtliga förvaltningar utom förvaltningscheferna, vars resor beslutas av ordföranden i "
                         "den nämnd som förvaltningen betjänar, och stadsdirektören."},
                {"id": "ks-resor-utanfor-eu-fortroendevalda", "number": "",
                 "title": "Tjänsteresa utanför EU/EES för förtroendevald i kommunstyrelsen", "kind": "tjansteresa",
                 "delegate": {"body": b.arbetsutskott}, "further_delegation": False, "legal_basis": [reglemente],
                 "reporting": {"reported": True, "interval": "next_meeting"}, "note": "Den som ansökan gäller deltar inte i beslutet (jäv)."},
                {"id": "ks-resor-utanfor-eu-stadsdirektor", "number": "", "title": "Tjänsteresa utanför EU/EES för stadsdirektören när resan inte kan ersättas av ett digitalt möte",
                 "kind": "tjansteresa", "delegate": chair, "substitute": vice, "further_delegation": False, "legal_basis": [reglemente],
                 "reporting": {"reported": True, "interval": "next_meeting"}},
                {"id": "ks-resor-kurser-fortroendevalda", "number": "",
                 "title": "Förtroendevaldas deltagande i kurser, konferenser och studieresor inom Sverige och EU/EES",
                 "kind": "tjansteresa", "delegate": chair, "substitute": vice, "further_delegation": False,
                 "legal_basis": [reglemente, local("Bestämmelser om ersättning till förtroendevalda, antagna av kommunfullmäktige")],
                 "conditions": [{"kind": "within_budget", "text": "Inom kommunstyrelsens budget för förtroendevalda."}],
                 "reporting": {"reported": True, "interval": "next_meeting"},
                 "note": "Ordförandens eget deltagande beslutas av förste vice ordföranden."},
            ]
            found["personal"] = [
                {"id": "ks-personal-anstallning-forvaltningschef", "number": "", "title": "Anställning av förvaltningschef för nämndernas förvaltningar efter samråd med nämndens presidium",
                 "kind": "personal", "delegate": {"body": b.arbetsutskott}, "further_delegation": False,
                 "legal_basis": [law("KL", "6", "37"), local("Kommunstyrelsens reglemente: styrelsen är anställningsmyndighet för förvaltningscheferna")],
                 "conditions": [{"kind": "after_consulting", "with": {"position": DIRECTOR},
                                 "text": "Efter samråd med stadsdirektören och presidiet i den nämnd som förvaltningen betjänar."}],
                 "reporting": {"reported": True, "interval": "next_meeting"}},
                {"id": "ks-personal-villkor-stadsdirektor", "number": "", "title": "Lön och övriga anställningsvillkor för stadsdirektören, inklusive lönerevision och förmåner",
                 "kind": "personal", "delegate": {"body": b.presidium}, "further_delegation": False,
                 "legal_basis": [law("KL", "6", "37"), local("Lönepolicy, antagen av kommunstyrelsen")],
                 "conditions": [{"kind": "after_consulting", "with": {"position": "hr_direktor"}, "text": "Efter samråd med HR-direktören."}],
                 "reporting": {"reported": True, "interval": "next_meeting"}},
            ]
            found["visselblasning"] = [
                {"id": "ks-visselblasning-atgarder", "number": "",
                 "title": "Beslut om åtgärder efter avslutad utredning av rapport om missförhållanden som inte rör stadsdirektören",
                 "kind": "ovrigt", "delegate": {"position": DIRECTOR}, "further_delegation": False,
                 "legal_basis": [law("VBL", "5"), local("Visselblåsarreglemente, antaget av kommunfullmäktige")],
                 "conditions": [{"kind": "after_consulting", "with": {"position": "hr_direktor"},
                                 "text": "Efter samråd med HR-direktören när åtgärden avser anställd."}],
                 "reporting": {"reported": True}, "note": "Är stadsdirektören jävig i ärendet beslutar kommunstyrelsens presidium."},
                {"id": "ks-visselblasning-atgarder-stadsdirektor", "number": "",
                 "title": "Beslut om åtgärder och polisanmälan efter rapport om missförhållanden som rör stadsdirektören",
                 "kind": "ovrigt", "delegate": {"body": b.presidium}, "further_delegation": False,
                 "legal_basis": [law("VBL", "5"), local("Visselblåsarreglemente, antaget av kommunfullmäktige")],
                 "reporting": {"reported": True, "interval": "next_meeting"}},
            ]
        else:
            found["resor"] = [
                {"id": f"{b.abbr}-resor-utanfor-eu-fortroendevalda", "number": "",
                 "title": f"Tjänsteresa utanför EU/EES för förtroendevald i {b.running}", "kind": "tjansteresa",
                 "delegate": top, "further_delegation": False, "legal_basis": [reglemente],
                 "reporting": {"reported": True, "interval": "next_meeting"}, "note": "Den som ansökan gäller deltar inte i beslutet (jäv)."},
                {"id": f"{b.abbr}-resor-utanfor-eu-forvaltningschef", "number": "",
                 "title": f"Tjänsteresa utanför EU/EES för {_lower(b.head_title)} som chef för {b.admin_running}", "kind": "tjansteresa",
                 "delegate": chair, "substitute": vice, "further_delegation": False, "legal_basis": [reglemente],
                 "reporting": {"reported": True, "interval": "next_meeting"}},
            ]
        return found

    # -- the document -------------------------------------------------------------------------------------
    def document(self, matters_per_body: int) -> dict[str, Any]:
        b, rng = self.body, self.rng
        sections: dict[str, list[dict[str, Any]]] = {slug: [] for slug, _ in GENERAL_THEMES}
        titles = dict(GENERAL_THEMES)
        for slug, title, _, _ in b.themes:
            sections[slug] = []
            titles[slug] = title
        sections["visselblasning"] = []
        titles["visselblasning"] = "Rapporter om missförhållanden (visselblåsning)"
        for slug, anchors in self.anchors().items():
            sections[slug].extend(anchors)
            self.used_titles.update(m["title"] for m in anchors)
        composed = max(matters_per_body - sum(len(v) for v in sections.values()), 0)
        domain_families = [(slug, division, FAMILY_BY_KEY[key]) for slug, _, division, keys in b.themes for key in keys]
        for _ in range(composed):
            use_domain = bool(domain_families) and rng.random() < SHARES["domain"]
            for attempt in range(12):
                # A family whose titles are used up gives way to another one; when the body's own domain is
                # used up, the general themes take over.
                if use_domain and attempt < 6:
                    slug, division_index, family = rng.choice(domain_families)
                    # Its own avdelning first; a large förvaltning also decides it in the others.
                    division = b.divisions[division_index] if attempt < 3 else rng.choice(b.divisions)
                else:
                    family = rng.choice(GENERAL_FAMILIES)
                    slug = family.theme
                    division = rng.choice(b.divisions)
                found = self.title(family, division, unique=True)
                if found is not None:
                    break
            if found is None:
                # The random picks hit used-up families: take the first family, in order, that has a title left.
                everything = [(f.theme, f, d) for f in GENERAL_FAMILIES for d in b.divisions]
                everything += [(slug, FAMILY_BY_KEY[key], d) for slug, _, _, keys in b.themes for key in keys for d in b.divisions]
                start = rng.randrange(len(everything))
                # The loop variables are the result when the loop breaks; hence used after it.
                for slug, family, division in everything[start:] + everything[:start]:  # noqa: B007
                    found = self.title(family, division, unique=True)
                    if found is not None:
                        break
                else:
                    slug, family, division = everything[start]
                    found = self.title(family, division, unique=False)
            assert found is not None
            sections[slug].append(self.matter(family, slug, division, *found))
        order = [slug for slug, _ in GENERAL_THEMES[:-1]] + [slug for slug, *_ in b.themes] + [GENERAL_THEMES[-1][0], "visselblasning"]
        out_sections: list[dict[str, Any]] = []
        for slug in order:
            matters = sections[slug]
            if not matters:
                continue
            number = len(out_sections) + 1
            for position, matter in enumerate(matters, start=1):
                matter["number"] = f"{number}.{position}"
            section: dict[str, Any] = {"id": f"{b.abbr}-{slug}", "number": str(number), "title": titles[slug]}
            if slug == "upphandling":
                section["description"] = (
                    "Beloppen avser kontraktets uppskattade värde exklusive moms för hela avtalstiden inklusive options- och "
                    "förlängningsklausuler (5 kap. LOU). Det är förbjudet att dela upp ett köp för att komma under en beloppsgräns.")
            section["matters"] = matters
            out_sections.append(section)
        day = 8 + self.index % 15
        head_running = _lower(b.head_title)
        summary = (f"Anger vilka beslut {b.running} har uppdragit åt arbetsutskottet, presidiet, ordföranden och anställda inom "
                   f"{b.admin_running} att fatta på {b.genitive} vägnar, med beloppsgränser, villkor och hur besluten anmäls.")
        title = f"{_upper(b.genitive)} delegationsordning" if not b.is_district else f"Delegationsordning för {b.running}"
        notes = [n.format(body=b.running, body_gen=b.genitive, head_title=b.head_title, head_running=head_running) for n in _PROVISION_NOTES]
        document: dict[str, Any] = {
            "document": document_meta(f"{b.abbr}-delegationsordning", "delegationsordning", title, b.id, f"2025-12-{day:02d}",
                                      f"§ {140 + self.index * 3}", f"{b.diarie} 2025/{200 + self.index * 11}", b.head,
                                      f"2027-{3 + self.index % 9:02d}-{28 if self.index % 2 else 30}", summary),
            "body": b.id,
            "general_provisions": {
                "on_absence": {"rule": "superior"},
                "on_conflict_of_interest": {"rule": "superior"},
                "superior_may_decide": True,
                "body_may_take_over": True,
                "reporting": {
                    "interval": "monthly" if self.monthly_default else "next_meeting",
                    "how": (f"Delegationsbeslut anmäls genom en delegationslista ur ärendehanteringssystemet som läggs fram vid "
                            f"{b.genitive} {'första sammanträde efter månadens utgång' if self.monthly_default else 'nästa sammanträde'}. "
                            "Listan anger ärende, beslut, datum, delegat och diarienummer."),
                    "unreported_recorded_as": (
                        f"Beslut som inte anmäls till {b.running} men som kan överklagas enligt 13 kap. kommunallagen protokollförs "
                        "särskilt i ett delegationsbeslutsprotokoll som justeras och tillkännages på stadens digitala anslagstavla "
                        "(KL 6 kap. 40 §)."),
                },
                "further_delegation_reported_to": {"position": b.head},
                "notes": notes,
            },
            "sections": out_sections,
        }
        if self.further:
            document["further_delegations"] = self.further
        return document


def delegation_documents(plan: CityPlan, matters_per_body: int, seed: int) -> list[tuple[str, dict[str, Any]]]:
    """(file name, document) for every body, in the bodies' order."""
    out = []
    for index, body in enumerate(plan.bodies):
        writer = OrderWriter(plan, body, index, Random(f"synth:{seed}:{body.id}"))
        out.append((body.id.replace("_", "-"), writer.document(matters_per_body)))
    return out


def delegation_files(request: SynthRequest) -> Iterator[SynthFile]:
    """The kind's synth generator (registered in generators/kinds/delegation.py): one order per body."""
    for name, document in delegation_documents(request.plan, request.matters_per_body, request.seed):
        yield SynthFile(f"delegation/{name}.yaml", document, "../../schemas/delegation.schema.json", [f"{document['document']['title']} 2026."])

