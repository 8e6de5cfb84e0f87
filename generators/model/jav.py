"""The riktlinjer mot jäv och otillåten påverkan: which positions declare interests and bisysslor, for
which mandates, how often and to whom.

The law gives only a duty to inform about bisysslor on request (LOA 7 c §, for employees); a general
declaration duty is the organisation's own choice, stated here as data and checked only where stated.
The declarations themselves are personal data and never in the repository.

`mandate_holders` finds, once, the positions the other documents give a mandate the guidelines name
(procurement, beslutsattest, hiring, myndighetsutövning); `declaration_for` the group that covers a
position.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generators.model.attest import attest_model
from generators.model.common import Actor, DocumentMeta, LegalRef, SourceRef

if TYPE_CHECKING:
    from generators.model import Model
    from generators.model.organisation import Organisation

KIND = "jav"
# The matter kinds of the delegationsordningar that carry each mandate (the structure of the documents).
MATTER_KINDS_OF_MANDATE = {"upphandling": ("upphandling",), "anstallning": ("personal",), "myndighetsutovning": ("myndighetsutovning",)}


@dataclass(frozen=True, slots=True)
class Declaration:
    id: str
    paragraph: str
    declarants: tuple[Actor, ...]
    what: str
    to: Actor
    renew_every_months: int | None
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Provision:
    """A paragraph of the guidelines in their own words (gifts, recusal)."""

    paragraph: str
    text: str


@dataclass(frozen=True, slots=True)
class Guidelines:
    meta: DocumentMeta
    mandates: tuple[str, ...]
    declarations: tuple[Declaration, ...]
    gift_limit_sek: int | None
    source: SourceRef
    gifts: Provision | None = None
    recusal: Provision | None = None
    legal_basis: tuple[LegalRef, ...] = ()

    def cite(self, paragraph: str) -> str:
        return f"Lokal regel: {self.meta.title} {paragraph}"


def covers(org: Organisation, declaration: Declaration, position: str) -> bool:
    return any(position in org.positions_of(actor) for actor in declaration.declarants if actor.kind in ("position", "role_type"))


def declaration_for(org: Organisation, guidelines: Guidelines, position: str) -> list[Declaration]:
    """The declaration groups covering a position, those naming it directly first."""
    direct = [d for d in guidelines.declarations if any(a.kind == "position" and a.id == position for a in d.declarants)]
    return direct + [d for d in guidelines.declarations if d not in direct and covers(org, d, position)]


def mandate_holders(model: Model, mandate: str) -> dict[str, SourceRef]:
    """Position → where the documents first give it the mandate (delegation matters, attest lists)."""
    org = model.organisation
    found: dict[str, SourceRef] = {}
    if org is None:
        return found
    if mandate == "attest":
        for forteckning in attest_model(model).forteckningar:
            for ansvar in forteckning.ansvar:
                for actor, where in ((ansvar.decider, "decider"), (ansvar.substitute, "substitute")):
                    if actor is not None and actor.kind == "position":
                        found.setdefault(actor.id, ansvar.source.at(where))
        return found
    kinds = MATTER_KINDS_OF_MANDATE.get(mandate, ())
    for order in model.delegations:
        for matter in order.matters:
            if matter.kind not in kinds:
                continue
            for actor in matter.all_delegates():
                for position in org.positions_of(actor) if actor.kind in ("position", "role_type") else ():
                    found.setdefault(position, matter.source)
    return found


def build(model: Model, documents: list[Any]) -> None:
    """The kind's model builder (registered in generators/kinds/jav.py)."""
    found = []
    for document in documents:
        raw = document.data
        root = SourceRef(document, ())
        declarations = []
        for i, d in enumerate(raw["declarations"]):
            src = root.at("declarations", i)
            declarations.append(Declaration(d["id"], d["paragraph"], tuple(Actor.parse(a, src.at("declarants", j)) for j, a in enumerate(d["declarants"])),
                                            d["what"], Actor.parse(d["to"], src.at("to")), d.get("renew_every_months"), src))
        gifts = raw.get("gifts") or {}
        recusal = raw.get("recusal") or {}
        found.append(Guidelines(DocumentMeta.parse(raw["document"], root.at("document")), tuple(raw["mandates"]), tuple(declarations),
                                gifts.get("limit_sek"), root,
                                Provision(gifts["paragraph"], gifts["text"]) if gifts else None,
                                Provision(recusal["paragraph"], recusal["text"]) if recusal else None,
                                tuple(LegalRef.parse(x, root.at("legal_basis", i)) for i, x in enumerate(raw.get("legal_basis") or []))))
    model.kind_data[KIND] = found


def guidelines(model: Model) -> list[Guidelines]:
    found = model.of(KIND)
    if found is None:
        found = []
        model.kind_data[KIND] = found
    assert isinstance(found, list)
    return found
