"""The attestreglemente (adopted by fullmäktige) and each nämnd's attestförteckning.

The reglemente holds the organisation's own attest rules as data: a rule that is not written in it does
not apply, and no check or answer assumes it. The förteckningar list, per ansvar (kostnadsställe or
project), who receives, reviews and decides, the substitute and the amount level; attestants are
positions, never persons.

`chain_for` answers "who attests this invoice" once; the checks, `attest.json`, `decide attest` and the
site all use it, so an invoice system gets the same answer from every view.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from generators.model.common import Actor, DocumentMeta, SourceRef
from generators.wording.labels import LabelSet

if TYPE_CHECKING:
    from generators.model import Model
    from generators.model.organisation import Organisation

ANSVAR_KIND_LABELS = LabelSet("ansvar_kind")  # schemas/attestforteckning.schema.json


@dataclass(frozen=True, slots=True)
class LocalRule:
    """A rule the reglemente states: its paragraph and its text."""

    key: str
    paragraph: str
    text: str
    source: SourceRef

    def cite(self, reglemente: Attestreglemente) -> str:
        """`Lokal regel: Reglemente för attest … 7 §`."""
        return f"Lokal regel: {reglemente.meta.title} {self.paragraph}"


@dataclass(frozen=True, slots=True)
class DirectorRule:
    rule: LocalRule
    director: Actor
    attested_by: Actor
    substitute: Actor


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    name: str
    accounts: tuple[str, ...]
    source: SourceRef


@dataclass(frozen=True, slots=True)
class ThirdStep:
    rule: LocalRule
    attestant: Actor
    substitute: Actor
    categories: tuple[str, ...]
    from_amount: int | None
    source: SourceRef

    def applies(self, amount: float, category: str | None) -> list[str]:
        """Why the step applies to an invoice (Swedish reasons), or [] when it does not."""
        reasons = []
        if category is not None and category in self.categories:
            reasons.append(f"kategorin {category} ingår alltid i det tredje steget")
        if self.from_amount is not None and amount >= self.from_amount:
            reasons.append(f"beloppet når gränsen för det tredje steget ({self.from_amount} kr)")
        return reasons


@dataclass(frozen=True, slots=True)
class AmountLevel:
    id: str
    name: str
    up_to: int | None  # None: no limit
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Attestreglemente:
    meta: DocumentMeta
    steps: dict[str, LocalRule]
    rules: dict[str, LocalRule]
    director: DirectorRule | None
    categories: dict[str, Category]
    third_step: ThirdStep | None
    levels: dict[str, AmountLevel]
    source: SourceRef
    # Ids declared twice: (what, id, the second declaration).
    duplicates: tuple[tuple[str, str, SourceRef], ...] = ()

    def states(self, key: str) -> LocalRule | None:
        """The rule if the reglemente states it; a rule it does not state does not apply."""
        if key == "director_costs":
            return self.director.rule if self.director else None
        return self.rules.get(key)


@dataclass(frozen=True, slots=True)
class Ansvar:
    code: str
    kind: str
    name: str
    receiver: Actor
    reviewer: Actor
    decider: Actor
    substitute: Actor | None
    level: str
    above_level: Actor | None
    costs_of: tuple[Actor, ...]
    categories: tuple[str, ...] | None  # None: the ansvar may carry any category
    note: str | None
    source: SourceRef

    def carries(self, category: str) -> bool:
        return self.categories is None or category in self.categories


@dataclass(frozen=True, slots=True)
class Attestforteckning:
    meta: DocumentMeta
    body: str
    period_from: date
    period_to: date
    ansvar: tuple[Ansvar, ...]
    source: SourceRef

    def covers(self, day: date) -> bool:
        return self.period_from <= day <= self.period_to


@dataclass
class AttestModel:
    """Every version of the reglemente and every förteckning, in file order."""

    reglementen: list[Attestreglemente]
    forteckningar: list[Attestforteckning]

    def reglemente_on(self, day: date) -> Attestreglemente | None:
        in_force = [r for r in self.reglementen if r.meta.in_force_on(day)]
        return max(in_force, key=lambda r: r.meta.valid_from) if in_force else None

    def forteckningar_on(self, day: date) -> list[Attestforteckning]:
        """The adopted förteckning of each nämnd whose period covers `day` (the latest adopted if two do)."""
        best: dict[str, Attestforteckning] = {}
        for f in self.forteckningar:
            if f.meta.status == "antagen" and f.covers(day):
                current = best.get(f.body)
                if current is None or f.meta.valid_from > current.meta.valid_from:
                    best[f.body] = f
        return [best[body] for body in sorted(best)]

    def find_ansvar(self, code: str, day: date) -> tuple[Attestforteckning, Ansvar] | None:
        for f in self.forteckningar_on(day):
            for a in f.ansvar:
                if a.code == code:
                    return f, a
        return None


def _rule(key: str, data: dict[str, Any], source: SourceRef) -> LocalRule:
    return LocalRule(key, data["paragraph"], data["text"], source)


def build_reglemente(document: Any) -> Attestreglemente:
    raw = document.data
    root = SourceRef(document, ())
    steps = {k: _rule(k, v, root.at("steps", k)) for k, v in raw["steps"].items()}
    rules = {k: _rule(k, v, root.at("rules", k)) for k, v in raw["rules"].items() if k != "director_costs"}
    director = None
    if "director_costs" in raw["rules"]:
        d = raw["rules"]["director_costs"]
        src = root.at("rules", "director_costs")
        director = DirectorRule(_rule("director_costs", d, src), Actor.parse(d["director"], src.at("director")),
                                Actor.parse(d["attested_by"], src.at("attested_by")), Actor.parse(d["substitute"], src.at("substitute")))
    duplicates: list[tuple[str, str, SourceRef]] = []
    categories: dict[str, Category] = {}
    for i, c in enumerate(raw["categories"]):
        src = root.at("categories", i)
        if c["id"] in categories:
            duplicates.append(("kategorin", c["id"], src.at("id")))
            continue
        categories[c["id"]] = Category(c["id"], c["name"], tuple(c.get("accounts", ())), src)
    levels: dict[str, AmountLevel] = {}
    for i, lv in enumerate(raw["amount_levels"]):
        src = root.at("amount_levels", i)
        if lv["id"] in levels:
            duplicates.append(("beloppsnivån", lv["id"], src.at("id")))
            continue
        levels[lv["id"]] = AmountLevel(lv["id"], lv["name"], lv.get("up_to"), src)
    third = None
    if "third_step" in raw:
        t = raw["third_step"]
        src = root.at("third_step")
        third = ThirdStep(_rule("third_step", t, src), Actor.parse(t["attestant"], src.at("attestant")),
                          Actor.parse(t["substitute"], src.at("substitute")), tuple(t.get("categories", ())), t.get("from_amount"), src)
    return Attestreglemente(DocumentMeta.parse(raw["document"], root.at("document")), steps, rules, director,
                            categories, third, levels, root, tuple(duplicates))


def _actor(data: dict[str, str] | None, source: SourceRef) -> Actor | None:
    return Actor.parse(data, source) if data is not None else None


def build_forteckning(document: Any) -> Attestforteckning:
    raw = document.data
    root = SourceRef(document, ())
    rows = []
    for i, a in enumerate(raw["ansvar"]):
        src = root.at("ansvar", i)
        rows.append(Ansvar(
            a["code"], a["kind"], a["name"],
            Actor.parse(a["receiver"], src.at("receiver")), Actor.parse(a["reviewer"], src.at("reviewer")),
            Actor.parse(a["decider"], src.at("decider")), _actor(a.get("substitute"), src.at("substitute")),
            a["level"], _actor(a.get("above_level"), src.at("above_level")),
            tuple(Actor.parse(c, src.at("costs_of", j)) for j, c in enumerate(a.get("costs_of", ()))),
            tuple(a["categories"]) if "categories" in a else None, a.get("note"), src,
        ))
    period = raw["period"]
    return Attestforteckning(DocumentMeta.parse(raw["document"], root.at("document")), raw["body"],
                             date.fromisoformat(period["from"]), date.fromisoformat(period["to"]), tuple(rows), root)


def attest_model(model: Model) -> AttestModel:
    """The model's attest documents (an empty model when the policies have none)."""
    found = model.of("attest")
    if found is None:
        found = AttestModel([], [])
        model.kind_data["attest"] = found
    assert isinstance(found, AttestModel)
    return found


def build(model: Model, documents: list[Any]) -> None:
    """The kind's model builder (registered in generators/kinds/attest.py): every reglemente and
    förteckning, in file order, told apart by the document kind their schema fixes."""
    attest = AttestModel([], [])
    for document in documents:
        if document.data["document"]["kind"] == "attestreglemente":
            attest.reglementen.append(build_reglemente(document))
        else:
            attest.forteckningar.append(build_forteckning(document))
    model.kind_data["attest"] = attest


# -- the line of command -------------------------------------------------------------------------


def is_same_or_below(org: Organisation, actor: Actor, other: Actor) -> bool:
    """Is `actor` the same position as `other`, or below it in the line of command?"""
    if actor.kind != "position" or other.kind != "position":
        return actor.same_as(other)
    return actor.id == other.id or org.is_above(other.id, actor.id)


def conflict_with_costs(org: Organisation, attestant: Actor, cost_holder: Actor) -> str | None:
    """Why `attestant` may not beslutsattest the costs of `cost_holder`: "own" or "superior", or None."""
    if attestant.same_as(cost_holder):
        return "own"
    if attestant.kind == "position" and cost_holder.kind == "position" and org.is_above(cost_holder.id, attestant.id):
        return "superior"
    return None


def third_step_may_apply(reglemente: Attestreglemente, ansvar: Ansvar) -> bool:
    """Can any invoice on this ansvar reach the third step (by category or by amount within its level)?"""
    third = reglemente.third_step
    if third is None:
        return False
    if any(ansvar.carries(c) for c in third.categories):
        return True
    if third.from_amount is None:
        return False
    if ansvar.above_level is not None:  # amounts above the level go to a higher attestant: no ceiling
        return True
    level = reglemente.levels.get(ansvar.level)
    return level is not None and (level.up_to is None or level.up_to >= third.from_amount)


def independent_third(org: Organisation, reglemente: Attestreglemente, ansvar: Ansvar) -> tuple[Actor, str] | None:
    """The third-step attestant for the ansvar: the ordinary one if independent of the first two, else the
    substitute if it is; with the reason. None when neither is independent."""
    third = reglemente.third_step
    if third is None:
        return None
    first_two = [a for a in (ansvar.reviewer, ansvar.decider, ansvar.substitute) if a is not None]
    for candidate, why in ((third.attestant, "ordinarie attestant för det tredje steget"),
                           (third.substitute, "ersättare, eftersom den ordinarie står under eller är någon av de första attestanterna")):
        if not any(is_same_or_below(org, candidate, other) for other in first_two):
            return candidate, why
    return None

