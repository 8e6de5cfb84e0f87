"""The avtalsregister: every contract with its supplier, how it was procured, its term, value, owner and signer.

The register's own queries live here, once: the supplier identity (`check_orgnr`, `is_personnummer`),
the current end date and the notice deadline (`Contract.current_end`, `notice_deadline`), the limit
for low-value direct procurement in force (`direct_limit`, read from the reference series that the
procurement policy's regime names), the direct procurements that count together in a räkenskapsår
(`aggregation_groups`), who owns what (`contracts_of_owner`, `find_by_supplier`) and whether the
signer had a mandate (`signer_mandate`, with the delegation and procurement models' own queries).
Checks, `contracts.json`, `decide contract` and the site ask these; none re-implements them.

A sole trader's organisation number is a personnummer. It may stand in an imported register (the
contract system holds it), but it is never published: `Supplier.published_id` leaves it out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from generators.model.common import Actor, LegalRef, SourceRef, check_orgnr, is_personnummer, luhn_ok, version_in_force
from generators.wording.labels import LabelSet

__all__ = ["check_orgnr", "is_personnummer", "luhn_ok"]

if TYPE_CHECKING:
    from generators.model import Model
    from generators.model.procurement import ProcurementPolicy
    from generators.model.reference import DatedValue

GROUND_KIND_LABELS = LabelSet("procurement_ground_kind")  # schemas/contracts.schema.json
PROCEDURE_LABELS = LabelSet("contract_procedure")  # schemas/contracts.schema.json
EXEMPT_KIND_LABELS = LabelSet("exempt_payment_kind")  # schemas/contracts.schema.json
STATUS_LABELS = LabelSet("contract_status")  # schemas/contracts.schema.json

@dataclass(frozen=True, slots=True)
class Supplier:
    name: str
    orgnr: str | None
    vat: str | None
    foreign_id: str | None
    country: str | None
    source: SourceRef

    @property
    def sole_trader(self) -> bool:
        return self.orgnr is not None and is_personnummer(self.orgnr)

    @property
    def published_id(self) -> str | None:
        """The identifier that may be published: never a sole trader's personnummer."""
        if self.orgnr is not None:
            return None if self.sole_trader else self.orgnr
        return self.vat or self.foreign_id

    @property
    def id_kind(self) -> str:
        if self.orgnr is not None:
            return "enskild_firma" if self.sole_trader else "orgnr"
        return "vat" if self.vat else "foreign_id"

    def matches(self, identifier: str) -> bool:
        wanted = re.sub(r"[\s-]", "", identifier).upper()
        return any(x is not None and re.sub(r"[\s-]", "", x).upper() == wanted for x in (self.orgnr, self.vat, self.foreign_id))


# -- the register's parts ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Ground:
    id: str
    kind: str
    name: str
    documentation_required: bool
    legal_basis: tuple[LegalRef, ...]
    text: str | None
    source: SourceRef


@dataclass(frozen=True, slots=True)
class ContractCategory:
    id: str
    name: str
    cpv: str | None
    procurement_category: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class ExemptPayment:
    """Payments that are no purchase and have no contract (myndighetsavgifter, public bodies, bidrag,
    LOV): an invoice belongs here by its account or its supplier."""

    id: str
    kind: str  # authority_fee | public_body | grant | choice_system
    name: str
    legal_basis: tuple[LegalRef, ...]
    text: str | None
    accounts: frozenset[str]
    suppliers: tuple[tuple[str, str], ...]  # (name, orgnr)
    source: SourceRef

    def covers(self, account: str | None, supplier: str) -> bool:
        wanted = _identity(supplier)
        return (account is not None and account in self.accounts) or any(_identity(orgnr) == wanted for _, orgnr in self.suppliers)


def _identity(identifier: str) -> str:
    return re.sub(r"[\s-]", "", identifier).upper()


@dataclass(frozen=True, slots=True)
class Option:
    extends_to: date
    exercised: bool
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Procurement:
    ground: str
    procedure: str | None
    day: date
    diarienummer: str | None
    documentation: str | None
    framework: str | None
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Signature:
    by: Actor
    on: date
    matter: str | None
    signing_rule: str | None
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Contract:
    id: str
    subject: str
    category: str
    body: str
    regime: str
    supplier: Supplier
    procurement: Procurement
    start: date
    end: date
    notice_months: int | None
    options: tuple[Option, ...]
    value_sek: int
    owner: Actor | None
    manager: Actor
    signed: Signature
    status: str
    note: str | None
    source: SourceRef

    def current_end(self) -> date:
        """The end date with the options already used."""
        return max([self.end, *(o.extends_to for o in self.options if o.exercised)])

    def open_options(self) -> tuple[Option, ...]:
        end = self.current_end()
        return tuple(o for o in self.options if not o.exercised and o.extends_to > end)

    def in_force_on(self, day: date) -> bool:
        return self.status == "active" and self.start <= day <= self.current_end()


@dataclass(frozen=True, slots=True)
class RegisterMeta:
    id: str
    title: str
    owner: Actor
    extracted: date
    aggregation_unit: str
    notice_months: int
    description: str | None
    source: SourceRef


@dataclass
class ContractRegister:
    meta: RegisterMeta
    grounds: dict[str, Ground]
    categories: dict[str, ContractCategory]
    contracts: list[Contract]
    source: SourceRef
    duplicates: list[tuple[str, str, SourceRef]]  # (what, id, the second place)
    exempt_payments: dict[str, ExemptPayment] = field(default_factory=dict)

    @property
    def file(self) -> str:
        return self.source.file

    def ground_of(self, contract: Contract) -> Ground | None:
        return self.grounds.get(contract.procurement.ground)

    def notice_months_of(self, contract: Contract) -> int:
        return contract.notice_months if contract.notice_months is not None else self.meta.notice_months


@dataclass
class ContractsModel:
    registers: list[ContractRegister]

    def contracts(self) -> list[tuple[ContractRegister, Contract]]:
        return [(r, c) for r in self.registers for c in r.contracts]

    def find_by_supplier(self, identifier: str) -> list[tuple[ContractRegister, Contract]]:
        return [(r, c) for r, c in self.contracts() if c.supplier.matches(identifier)]

    def exemption_for(self, account: str | None, supplier: str) -> ExemptPayment | None:
        """The register's category of payments that need no contract that an invoice belongs to, by its
        account or its supplier (the first register and category that covers it)."""
        return next((e for r in self.registers for e in r.exempt_payments.values() if e.covers(account, supplier)), None)

    def call_offs_under(self, framework: str) -> list[tuple[ContractRegister, Contract]]:
        """The registered call-offs (avrop) under the ramavtal a reference names, as the register writes
        the ramavtal (case and spacing aside)."""
        wanted = " ".join(framework.split()).casefold()
        return [(r, c) for r, c in self.contracts()
                if c.procurement.framework is not None and " ".join(c.procurement.framework.split()).casefold() == wanted
                and (g := r.ground_of(c)) is not None and g.kind == "call_off"]

    def contracts_of_owner(self, position: str) -> list[tuple[ContractRegister, Contract]]:
        return [(r, c) for r, c in self.contracts() if c.owner is not None and c.owner.kind == "position" and c.owner.id == position]


# -- dates ------------------------------------------------------------------------------------------
def months_before(day: date, months: int) -> date:
    """The same day `months` months earlier (the month's last day when it has no such day)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(d, day.day))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def notice_deadline(register: ContractRegister, contract: Contract) -> date:
    """The last day to give notice or decide on an option before the current end date."""
    return months_before(contract.current_end(), register.notice_months_of(contract))


def add_months(day: date, months: int) -> date:
    return months_before(day, -months)


# -- the law's limits, through the procurement policy ---------------------------------------------
def _policy_for(model: Model, day: date) -> ProcurementPolicy | None:
    """The procurement policy in force on `day`; else the earliest one (its regimes name the reference
    series, which are dated themselves, so the limit in force on `day` still comes from the law's data)."""
    found = version_in_force(model.procurement, day)
    if found is not None:
        return found
    return model.procurement[0] if model.procurement else None


def direct_limit(model: Model, regime: str, day: date) -> tuple[DatedValue | None, str]:
    """The direct-procurement limit in force on `day` for the regime, and the series it comes from."""
    policy = _policy_for(model, day)
    if policy is None or regime not in policy.regimes:
        return None, regime
    series_id = policy.regimes[regime].direct_procurement_limit
    return model.reference.value_on(series_id, day), series_id


def documentation_limit(model: Model, regime: str, day: date) -> tuple[DatedValue | None, str]:
    policy = _policy_for(model, day)
    if policy is None or regime not in policy.regimes:
        return None, regime
    series_id = policy.regimes[regime].documentation_threshold
    return model.reference.value_on(series_id, day), series_id


def below_limit(value: Decimal | int, dated: DatedValue) -> bool:
    """Is the value within the direct-procurement limit, as the law words it (below / at most)?"""
    from generators.model.procurement import comparison_of, meets, to_decimal

    assert dated.value is not None
    return meets(Decimal(value), to_decimal(dated.value), comparison_of(dated) or "below")


def reaches_documentation(value: Decimal | int, dated: DatedValue) -> bool:
    from generators.model.procurement import comparison_of, meets, to_decimal

    assert dated.value is not None
    return meets(Decimal(value), to_decimal(dated.value), comparison_of(dated) or "at_least")


def aggregation_groups(register: ContractRegister) -> dict[tuple[str, str, int], list[Contract]]:
    """Low-value direct procurements of the same kind (register category) by the same counting unit
    (the whole organisation or each nämnd, as the register says) within one räkenskapsår (the
    calendar year), in procurement order. Call-offs and contracts on other grounds are not counted."""
    groups: dict[tuple[str, str, int], list[Contract]] = {}
    for contract in register.contracts:
        ground = register.ground_of(contract)
        if ground is None or ground.kind != "low_value_direct":
            continue
        unit = contract.body if register.meta.aggregation_unit == "body" else "organisation"
        groups.setdefault((unit, contract.category, contract.procurement.day.year), []).append(contract)
    for members in groups.values():
        members.sort(key=lambda c: (c.procurement.day, c.id))
    return groups


# -- the signer's mandate -------------------------------------------------------------------------
@dataclass(frozen=True)
class MandateAnswer:
    ok: bool | None  # None: cannot be checked that day (no delegationsordning or policy in force)
    reason: str
    where: SourceRef | None = None  # the delegation matter or signing rule relied on


def signer_mandate(model: Model, contract: Contract) -> MandateAnswer:
    """Did the signer have the mandate on the signing date?

    `matter`: the signer decided on delegation and signs the decision (the policy's rule for
    employees' decisions): the matter must be in a delegationsordning in force that day, and the signer
    must be the delegate (or the substitute) of the tier the contract's value falls in. Where that tier's
    delegate is a body, the body's signing rule in the procurement policy decides who signs.
    `signing_rule`: the contract was decided by a body and signed under the policy's rule for it.
    """
    from generators.model.procurement import find_matter, signers_for
    from generators.wording.swedish import kronor

    org = model.organisation
    signature = contract.signed
    day = signature.on
    policy = version_in_force(model.procurement, day)
    if signature.signing_rule is not None:
        if policy is None:
            return MandateAnswer(None, f"ingen upphandlingspolicy gällde {day.isoformat()}")
        rule = next((r for r in policy.signing if r.id == signature.signing_rule), None)
        if rule is None:
            return MandateAnswer(False, f"regeln för firmateckning '{signature.signing_rule}' finns inte i {policy.meta.title}")
        return _signer_under_rule(model, rule, signature.by, f"{rule.title} ({policy.meta.title})")
    matter_id = signature.matter or ""
    if not model.delegations_in_force(day):
        return MandateAnswer(None, f"ingen delegationsordning gällde {day.isoformat()}")
    found = find_matter(model, matter_id, day)
    if found is None:
        return MandateAnswer(False, f"ärendet '{matter_id}' finns inte i någon delegationsordning som gällde {day.isoformat()}")
    order, matter = found
    label = f"ärende {matter.number} ({matter.id}) i {order.meta.title}"
    value = Decimal(contract.value_sek)
    per_year = any(a is not None and a.per == "year" for a in (matter.limit, *(x for t in matter.tiers for x in (t.above, t.up_to))))
    if per_year:  # a limit per year is compared with the value per year of the whole term with options
        days = max((max([contract.end, *(o.extends_to for o in contract.options)]) - contract.start).days + 1, 1)
        value = (value * 365 / days).quantize(Decimal(1))
    if matter.tiers:
        tier = None
        for candidate in matter.tiers:
            above = model.reference.to_sek(candidate.above.amount, candidate.above.unit, day) if candidate.above else None
            up_to = model.reference.to_sek(candidate.up_to.amount, candidate.up_to.unit, day) if candidate.up_to else None
            if (candidate.above and above is None) or (candidate.up_to and up_to is None):
                return MandateAnswer(None, f"beloppsgränsen i {label} kan inte räknas om till kronor {day.isoformat()}")
            if (above is None or value > Decimal(str(above))) and (up_to is None or value <= Decimal(str(up_to))):
                tier = candidate
                break
        if tier is None:
            return MandateAnswer(False, f"värdet {kronor(value)} ryms inte i någon nivå i {label}", matter.source)
        delegates, substitute, where = tier.delegates, tier.substitute, tier.source
    else:
        if matter.limit is not None:
            limit = model.reference.to_sek(matter.limit.amount, matter.limit.unit, day)
            if limit is None:
                return MandateAnswer(None, f"beloppsgränsen i {label} kan inte räknas om till kronor {day.isoformat()}")
            if value > Decimal(str(limit)):
                return MandateAnswer(False, f"värdet {kronor(value)} överstiger gränsen {kronor(Decimal(str(limit)))} i {label}",
                                     matter.source)
        delegates, substitute, where = matter.delegates, matter.substitute, matter.source
    signer = signature.by
    for delegate in (*delegates, *((substitute,) if substitute else ())):
        if delegate.kind in ("body", "seat") and policy is not None:
            rule, _ = signers_for(policy, delegate, org)
            if rule is not None:
                answer = _signer_under_rule(model, rule, signer, f"{label}, där {org.label(delegate).lower() if org else delegate.id} "
                                            f"beslutar, och {rule.title.lower()}")
                if answer.ok:
                    return MandateAnswer(True, answer.reason, where)
            continue
        if _covers(model, delegate, signer):
            return MandateAnswer(True, f"delegat enligt {label}", where)
    who = ", ".join(org.label(d) if org else d.key for d in delegates)
    return MandateAnswer(False, f"enligt {label} beslutar {who} i den nivå där värdet {kronor(value)} ligger", where)


def _covers(model: Model, delegate: Actor, signer: Actor) -> bool:
    """Is the signer the delegate (a position of the delegate's role type counts)?"""
    if delegate.same_as(signer):
        return True
    org = model.organisation
    return org is not None and signer.kind == "position" and delegate.kind == "role_type" and signer.id in org.positions_of(delegate)


def _signer_under_rule(model: Model, rule: Any, signer: Actor, label: str) -> MandateAnswer:
    allowed = [a for a in (rule.signed_by, rule.substitute) if a is not None]
    if rule.signed_by_decision_maker:
        return MandateAnswer(True, f"undertecknar sitt eget delegationsbeslut enligt {label}", rule.source)
    if any(a.same_as(signer) for a in allowed):
        return MandateAnswer(True, f"undertecknar enligt {label}", rule.source)
    org = model.organisation
    names = " eller ".join((org.label(a) if org else a.key) for a in allowed)
    return MandateAnswer(False, f"enligt {label} undertecknar {names}", rule.source)


# -- building -----------------------------------------------------------------------------------
def _date(text: str) -> date:
    return date.fromisoformat(text)


def build_contract(data: dict[str, Any], src: SourceRef) -> Contract:
    s = data["supplier"]
    supplier = Supplier(s["name"], s.get("orgnr"), s.get("vat"), s.get("foreign_id"), s.get("country"), src.at("supplier"))
    p = data["procurement"]
    procurement = Procurement(p["ground"], p.get("procedure"), _date(p["date"]), p.get("diarienummer"), p.get("documentation"),
                              p.get("framework"), src.at("procurement"))
    t = data["term"]
    options = tuple(Option(_date(o["extends_to"]), bool(o.get("exercised", False)), src.at("term", "options", i))
                    for i, o in enumerate(t.get("options", ())))
    g = data["signed"]
    signature = Signature(Actor.parse(g["by"], src.at("signed", "by")), _date(g["on"]), g["mandate"].get("matter"),
                          g["mandate"].get("signing_rule"), src.at("signed"))
    owner = Actor.parse(data["owner"], src.at("owner")) if "owner" in data else None
    return Contract(data["id"], data["subject"], data["category"], data["body"], data.get("regime", "lou"), supplier, procurement,
                    _date(t["start"]), _date(t["end"]), t.get("notice_months"), options, int(data["value_sek"]), owner,
                    Actor.parse(data["manager"], src.at("manager")), signature, data["status"], data.get("note"), src)


def build_register(document: Any) -> ContractRegister:
    raw = document.data
    root = SourceRef(document, ())
    m = raw
    meta = RegisterMeta(m["id"], m["title"], Actor.parse(m["owner"], root.at("owner")), _date(m["extracted"]),
                        m["aggregation_unit"], int(m["notice_months"]), m.get("description"), root)
    duplicates: list[tuple[str, str, SourceRef]] = []
    grounds: dict[str, Ground] = {}
    for i, g in enumerate(raw["grounds"]):
        src = root.at("grounds", i)
        if g["id"] in grounds:
            duplicates.append(("grunden", g["id"], src.at("id")))
            continue
        grounds[g["id"]] = Ground(g["id"], g["kind"], g["name"], bool(g.get("documentation_required", False)),
                                  tuple(LegalRef.parse(x, src.at("legal_basis", j)) for j, x in enumerate(g["legal_basis"])),
                                  g.get("text"), src)
    categories: dict[str, ContractCategory] = {}
    for i, c in enumerate(raw["categories"]):
        src = root.at("categories", i)
        if c["id"] in categories:
            duplicates.append(("kategorin", c["id"], src.at("id")))
            continue
        categories[c["id"]] = ContractCategory(c["id"], c["name"], c.get("cpv"), c["procurement_category"], src)
    contracts: list[Contract] = []
    seen: set[str] = set()
    for i, c in enumerate(raw["contracts"]):
        src = root.at("contracts", i)
        if c["id"] in seen:
            duplicates.append(("avtalet", c["id"], src.at("id")))
        seen.add(c["id"])
        contracts.append(build_contract(c, src))
    exempt: dict[str, ExemptPayment] = {}
    for i, e in enumerate(raw.get("exempt_payments", ())):
        src = root.at("exempt_payments", i)
        if e["id"] in exempt or e["id"] in categories:
            duplicates.append(("kategorin", e["id"], src.at("id")))
            continue
        exempt[e["id"]] = ExemptPayment(e["id"], e["kind"], e["name"],
                                        tuple(LegalRef.parse(x, src.at("legal_basis", j)) for j, x in enumerate(e["legal_basis"])),
                                        e.get("text"), frozenset(e.get("accounts", ())),
                                        tuple((x["name"], x["orgnr"]) for x in e.get("suppliers", ())), src)
    return ContractRegister(meta, grounds, categories, contracts, root, duplicates, exempt)


def contracts_model(model: Model) -> ContractsModel:
    """The model's contract registers (an empty model when the policies have none)."""
    found = model.of("contract")
    if found is None:
        found = ContractsModel([])
        model.kind_data["contract"] = found
    assert isinstance(found, ContractsModel)
    return found


def build(model: Model, documents: list[Any]) -> None:
    """The kind's model builder (registered in generators/kinds/contracts.py)."""
    model.kind_data["contract"] = ContractsModel([build_register(d) for d in documents])
