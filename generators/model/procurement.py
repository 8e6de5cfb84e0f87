"""The procurement policy: regimes, value bands with explicit bounds, procedures, who decides, who signs.

Bounds are kept as written (a fixed amount or a reference to dated reference data, and whether the
bound itself belongs to the band); they are resolved to kronor on a given day only when asked, from
the reference data. A kronor value nobody has published (the 2026–27 EU thresholds) stays unknown:
the resolved bound then carries the euro value, never an invented kronor figure.

Every view (checks, JSON rules, site, `decide`) asks the questions here — `band_for`,
`procedure_for`, `documentation_required`, `mandate_for`, `decision_makers_for`, `signers_for` —
so that no view re-implements them. Explanations are Swedish, for the reader of a decision.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from generators.model.common import Actor, Amount, DocumentMeta, LegalRef, SourceRef, beyond_lower, versions_in_force, within_upper
from generators.model.reference import DatedValue, ReferenceData, Series
from generators.wording.labels import LabelSet
from generators.wording.swedish import euro, kronor

if TYPE_CHECKING:
    from generators.loading.documents import SourceDocument
    from generators.model import Model
    from generators.model.delegation import DelegationOrder, Matter, Tier
    from generators.model.organisation import Organisation

Comparison = Literal["below", "at_most", "at_least", "above"]

PROCEDURE_LABELS = LabelSet("procedure_kind")  # schemas/procurement.schema.json
COMPARISON_LABELS = LabelSet("reference_comparison")  # schemas/reference.schema.json


# -- numbers ----------------------------------------------------------------------------------
def to_decimal(value: float | Decimal) -> Decimal:
    """Exact decimal of a YAML number (0.3 × 57 300 = 17 190, without binary-float noise)."""
    return value if isinstance(value, Decimal) else Decimal(str(value))


def comparison_of(value: DatedValue) -> Comparison | None:
    """How the law states the limit (below / at_most / at_least / above), read from the value's data.

    The reference model does not carry `comparison` yet; it is read from the loaded, schema-checked
    document behind the value's SourceRef (no YAML is read again).
    """
    node: Any = value.source.document.data
    for step in value.source.path:
        node = node[step]
    found = node.get("comparison") if isinstance(node, dict) else None
    return found


# -- bounds -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Bound:
    """A band's lower or upper bound as written: a fixed amount, a reference, or open (upper only)."""

    amount: Amount | None
    reference: str | None
    inclusive: bool | None  # None only for an open bound
    open: bool
    source: SourceRef

    @classmethod
    def parse(cls, data: dict[str, Any], source: SourceRef) -> Bound:
        if data.get("open"):
            return cls(None, None, None, True, source)
        amount = Amount.parse(data["amount"], source.at("amount")) if "amount" in data else None
        return cls(amount, data.get("reference"), bool(data["inclusive"]), False, source)

    def same_as(self, other: Bound) -> bool:
        """Written the same way (same reference, or same amount in the same unit)."""
        if self.open or other.open:
            return self.open and other.open
        if self.reference is not None or other.reference is not None:
            return self.reference == other.reference
        assert self.amount is not None and other.amount is not None
        return (self.amount.amount, self.amount.unit) == (other.amount.amount, other.amount.unit)


@dataclass(frozen=True, slots=True)
class BoundValue:
    """A bound resolved on one day."""

    bound: Bound
    day: date
    sek: Decimal | None  # None when open or when the kronor value is unknown that day
    eur: Decimal | None  # the euro value the law states, where it has one (EU thresholds)
    dated: DatedValue | None  # the reference value used, for its source and comparison
    series: Series | None
    # Why `sek` is None for a closed bound: "unknown" (not published), "missing" (no value that
    # day, or no such series), "unit" (an amount in a unit that cannot be converted that day).
    problem: str | None = None

    @property
    def open(self) -> bool:
        return self.bound.open

    @property
    def inclusive(self) -> bool | None:
        return self.bound.inclusive

    @property
    def known(self) -> bool:
        return self.open or self.sek is not None

    def figure(self) -> str:
        """The amount in words: '700 000 kr', or the euro value with the reason kronor are missing."""
        if self.sek is not None:
            return kronor(self.sek)
        name = self.series.title if self.series is not None else (self.bound.reference or "beloppet")
        if self.problem == "unknown":
            if self.eur is not None:
                return f"{euro(self.eur)} ({name}; beloppet i kronor är ännu inte publicerat)"
            return f"{name} (beloppet är ännu inte publicerat, varken i kronor eller i euro)"
        if self.bound.reference is not None:
            return f"{name} (inget värde i referensdata {self.day.isoformat()})"
        assert self.bound.amount is not None
        return f"{self.bound.amount.amount:g} {self.bound.amount.unit} (kan inte räknas om till kronor {self.day.isoformat()})"

    def as_lower(self) -> str:
        return ("från och med " if self.inclusive else "över ") + self.figure()

    def as_upper(self) -> str:
        if self.open:
            return "utan övre gräns"
        return ("till och med " if self.inclusive else "under ") + self.figure()


def resolve_bound(bound: Bound, day: date, reference: ReferenceData) -> BoundValue:
    """The bound on `day`: kronor from the reference value in force, or unknown with the euro value."""
    if bound.open:
        return BoundValue(bound, day, None, None, None, None)
    if bound.reference is not None:
        series = reference.get(bound.reference)
        dated = series.value_on(day) if series is not None else None
        if dated is None:
            return BoundValue(bound, day, None, None, None, series, "missing")
        eur = to_decimal(dated.value_eur) if dated.value_eur is not None else None
        if dated.unknown or dated.value is None:
            return BoundValue(bound, day, None, eur, dated, series, "unknown")
        return BoundValue(bound, day, to_decimal(dated.value), eur, dated, series)
    assert bound.amount is not None
    converted = reference.to_sek(bound.amount.amount, bound.amount.unit, day)
    if converted is None:
        series = reference.get(bound.amount.unit)
        dated = series.value_on(day) if series is not None else None
        problem = "unknown" if dated is not None and dated.unknown else "unit"
        return BoundValue(bound, day, None, None, dated, series, problem)
    return BoundValue(bound, day, to_decimal(converted), None, None, None)


def bound_sek(bound: Bound, day: date, reference: ReferenceData) -> tuple[Decimal | None, bool | None]:
    """(kronor or None when open or unknown, inclusive) — the short form of `resolve_bound`."""
    resolved = resolve_bound(bound, day, reference)
    return resolved.sek, resolved.inclusive


def compare_bounds(a: BoundValue, b: BoundValue) -> int | None:
    """-1, 0, 1 comparing the amounts of two closed bounds; None when that cannot be known.

    Two bounds written as the same reference are equal on any day, even when the value is not
    published in kronor (the 2026 EU threshold equals itself).
    """
    if a.open or b.open:
        return None
    if a.bound.same_as(b.bound) and a.bound.reference is not None:
        return 0
    if a.sek is None or b.sek is None:
        return None
    return (a.sek > b.sek) - (a.sek < b.sek)


# -- the policy's parts -----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Category:
    id: str
    name: str
    description: str | None
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Regime:
    id: str
    name: str
    sfs: str
    applies_to: str
    units: tuple[str, ...]
    categories: tuple[str, ...]
    direct_procurement_limit: str
    documentation_threshold: str
    eu_thresholds: dict[str, tuple[str, SourceRef]]  # category → (reference id, where written)
    source: SourceRef


@dataclass(frozen=True, slots=True)
class ValueBasis:
    excluding_vat: bool
    total_payable: bool
    includes_options: bool
    includes_extensions: bool
    aggregation: str
    splitting_forbidden: bool
    text: str
    legal_basis: tuple[LegalRef, ...]
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Procedure:
    kind: str
    documentation_required: bool
    min_quotes: int | None
    written_quotes: bool | None
    conducted_by: Actor | None
    text: str
    source: SourceRef

    @property
    def label(self) -> str:
        return PROCEDURE_LABELS.get(self.kind, self.kind)


@dataclass(frozen=True, slots=True)
class BandDecision:
    id: str
    body: str
    basis: str  # delegation | own_body
    matter: str | None
    decided_by: Actor | None
    note: str | None
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Band:
    id: str
    table: str
    index: int
    lower: Bound
    upper: Bound
    procedure: Procedure
    decisions: tuple[BandDecision, ...]
    note: str | None
    source: SourceRef

    def bounds_on(self, day: date, reference: ReferenceData) -> tuple[BoundValue, BoundValue]:
        return resolve_bound(self.lower, day, reference), resolve_bound(self.upper, day, reference)

    def describe(self, day: date, reference: ReferenceData) -> str:
        lower, upper = self.bounds_on(day, reference)
        return f"{lower.as_lower()} {upper.as_upper()}"

    def contains(self, value: Decimal | float, day: date, reference: ReferenceData) -> bool | None:
        """Does the value belong to the band on `day`? None only when an unknown bound decides it."""
        amount = to_decimal(value)
        lower, upper = self.bounds_on(day, reference)
        above_lower = None if lower.sek is None else amount > lower.sek or (amount == lower.sek and bool(lower.inclusive))
        below_upper = True if upper.open else None if upper.sek is None else (
            amount < upper.sek or (amount == upper.sek and bool(upper.inclusive)))
        if above_lower is False or below_upper is False:
            return False
        if above_lower is None or below_upper is None:
            return None
        return True

    def decision_for(self, body: str) -> BandDecision | None:
        return next((d for d in self.decisions if d.body == body), None)


@dataclass(frozen=True, slots=True)
class BandTable:
    id: str
    regime: str
    category: str
    bodies: tuple[str, ...]
    bands: tuple[Band, ...]
    source: SourceRef


@dataclass(frozen=True, slots=True)
class SigningRule:
    id: str
    title: str
    employee_delegate: bool  # applies to decisions employees took on delegation
    body: str | None  # applies to decisions of this body (with its utskott and presidium)
    signed_by_decision_maker: bool
    signed_by: Actor | None
    countersigned_by: Actor | None
    substitute: Actor | None
    text: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class TextRule:
    id: str
    title: str
    text: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class LegalException:
    id: str
    name: str
    permits: str
    legal_basis: tuple[LegalRef, ...]
    conditions: tuple[TextRule, ...]
    decision: str
    decided_by: Actor | None
    matter: str | None
    documentation: str
    reported_to: Actor | None
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Training:
    id: str
    name: str
    format: str
    mandatory: bool
    renewal_months: int
    required_for: tuple[Actor, ...]
    all_purchasers: bool
    required_before_purchasing: bool
    responsible: Actor
    records: str | None
    text: str
    source: SourceRef
    # The organisation's own rule that every manager takes it (a local choice, never assumed).
    all_managers: bool = False


@dataclass(frozen=True, slots=True)
class ConflictOfInterest:
    id: str
    declaration_required_for: tuple[str, ...]
    when: str
    declared_to: Actor
    legal_basis: tuple[LegalRef, ...]
    text: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class ContractArea:
    id: str
    name: str
    owner: Actor
    note: str | None
    source: SourceRef


@dataclass(frozen=True, slots=True)
class InvoiceSampling:
    id: str
    performed_by: Actor
    frequency: str
    sample_size: int
    reported_to: Actor
    text: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class ThirdAttest:
    id: str
    performed_by: Actor
    areas: tuple[str, ...]
    text: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class ContractManagement:
    register: str
    default_owner: Actor
    responsibilities: str
    areas: tuple[ContractArea, ...]
    invoice_sampling: InvoiceSampling
    third_attest: ThirdAttest
    follow_up: str | None
    source: SourceRef


# -- what a question about the policy answers -------------------------------------------------
@dataclass(frozen=True)
class Mandate:
    """Who decides in a band for one body on one day, and whether the delegation covers the band.

    status:
      covered      — own_body, or the delegation's amount limits cover the whole band;
      not_covered  — the limit is lower than the band's upper bound (or the band is open and the
                     delegate's mandate has a limit);
      gap_below    — the named delegate's mandate starts above the band's lower bound and nobody
                     may step in (the superior rule does not apply);
      unknown      — an amount cannot be converted to kronor that day (unpublished value);
      no_matter    — the matter is not in any delegationsordning in force that day;
      wrong_body   — the matter belongs to another body's delegationsordning;
      not_delegate — `decided_by` is not a delegate of the matter.
    """

    decision: BandDecision
    band: Band
    day: date
    status: str
    order: DelegationOrder | None = None
    matter: Matter | None = None
    # The tiers (or the matter itself, as tier None) whose delegates decide inside the band.
    tiers: tuple[Tier | None, ...] = ()
    limit_sek: Decimal | None = None  # the decided_by delegate's (or the matter's) upper limit
    limit_amount: Amount | None = None
    unlimited: bool = False
    upper: BoundValue | None = None
    explanation: str = ""
    unknown_units: tuple[str, ...] = ()


@dataclass(frozen=True)
class DecisionMaker:
    """One actor who may decide in (a part of) a band, with the legal ground for it."""

    actor: Actor
    basis: str  # delegation | own_body
    decision: BandDecision
    order: DelegationOrder | None
    matter: Matter | None
    above_sek: Decimal | None  # the part of the band this actor decides: over this amount …
    up_to_sek: Decimal | None  # … up to and including this amount (None: no upper limit)
    explanation: str
    above_inclusive: bool = False  # "från och med" above_sek (a lower limit `at_least`)
    up_to_inclusive: bool = True  # False: "under" up_to_sek (an upper limit `below`)

    def decides(self, value: Decimal) -> bool:
        """Does the value fall in the part of the band this actor decides?"""
        return ((self.above_sek is None or beyond_lower(value, self.above_sek, self.above_inclusive))
                and (self.up_to_sek is None or within_upper(value, self.up_to_sek, self.up_to_inclusive)))


@dataclass
class ProcurementPolicy:
    meta: DocumentMeta
    scope: str
    principles: tuple[TextRule, ...]
    legal_basis: tuple[LegalRef, ...]
    categories: dict[str, Category]
    regimes: dict[str, Regime]
    value_basis: ValueBasis
    tables: list[BandTable]
    signing: list[SigningRule]
    exceptions: list[LegalException]
    training: list[Training]
    conflict_of_interest: ConflictOfInterest
    contract_management: ContractManagement
    source: SourceRef
    # Ids written twice in one list (regimes, categories): (kind, id, the second place).
    duplicates: list[tuple[str, str, SourceRef]] = field(default_factory=list)

    @property
    def file(self) -> str:
        return self.source.file

    # -- structure --------------------------------------------------------------------------
    def bands(self) -> list[Band]:
        return [band for table in self.tables for band in table.bands]

    def table_for(self, regime: str, category: str) -> BandTable | None:
        return next((t for t in self.tables if t.regime == regime and t.category == category), None)

    def regime_for_unit(self, unit: str | None) -> Regime | None:
        """The regime for purchases of a unit: the one naming the unit, else the one naming none."""
        named = [r for r in self.regimes.values() if unit is not None and unit in r.units]
        if named:
            return named[0]
        return next((r for r in self.regimes.values() if not r.units), None)

    def reference_ids(self) -> list[str]:
        """Every reference series the policy's bounds and regimes use, in a stable order."""
        found: set[str] = set()
        for regime in self.regimes.values():
            found |= {regime.direct_procurement_limit, regime.documentation_threshold}
            found |= {ref for ref, _ in regime.eu_thresholds.values()}
        for band in self.bands():
            for bound in (band.lower, band.upper):
                if bound.reference is not None:
                    found.add(bound.reference)
                elif bound.amount is not None and bound.amount.unit != "sek":
                    found.add(bound.amount.unit)
        return sorted(found)

    def bound_dates(self, reference: ReferenceData) -> list[date]:
        """The days the bands must be checked on: the start and each change of the values they use."""
        return reference.split_points(self.reference_ids(), self.meta.valid_from, self.meta.valid_to)

    # -- questions --------------------------------------------------------------------------
    def band_for(self, regime: str, category: str, value_sek: Decimal | float, day: date,
                 reference: ReferenceData) -> tuple[Band | None, str]:
        """The band a purchase of `value_sek` kronor (excl. moms) belongs to on `day`, and why."""
        table = self.table_for(regime, category)
        regime_name = self.regimes[regime].name if regime in self.regimes else regime
        category_name = self.categories[category].name if category in self.categories else category
        if table is None:
            return None, f"{self.meta.title} har inga värdeintervall för {category_name.lower()} enligt {regime_name}."
        if not self.meta.in_force_on(day):
            return None, f"{self.meta.title} (version {self.meta.version}) gäller inte {day.isoformat()}."
        value = kronor(value_sek)
        undecided: list[Band] = []
        for band in table.bands:
            inside = band.contains(value_sek, day, reference)
            if inside is None:
                undecided.append(band)
            elif inside:
                return band, (
                    f"{value} exklusive moms hör till intervallet {in_text(band.procedure.label)} ({band.id}, "
                    f"{band.describe(day, reference)}) för {category_name.lower()} enligt {regime_name}, "
                    f"enligt {self.meta.title} (version {self.meta.version}), {day.isoformat()}."
                )
        if undecided:
            options = " eller ".join(f"{in_text(b.procedure.label)} ({b.id}, {b.describe(day, reference)})" for b in undecided)
            return None, (
                f"Det går inte att avgöra vilket intervall {value} hör till {day.isoformat()}: {options}. En gräns är inte "
                "publicerad i kronor; jämför värdet med eurobeloppet enligt den omräkningskurs som gäller för tröskelvärdena."
            )
        return None, f"{value} hör inte till något intervall för {category_name.lower()} enligt {regime_name} {day.isoformat()}."

    def procedure_for(self, regime: str, category: str, value_sek: Decimal | float, day: date,
                      reference: ReferenceData) -> tuple[Procedure | None, str]:
        band, why = self.band_for(regime, category, value_sek, day, reference)
        if band is None:
            return None, why
        procedure = band.procedure
        extra = []
        if procedure.min_quotes:
            extra.append(f"minst {procedure.min_quotes} {'skriftliga offerter' if procedure.written_quotes else 'tillfrågade leverantörer'}")
        extra.append("dokumentation krävs" if procedure.documentation_required else "ingen dokumentation krävs enligt policyn")
        return procedure, f"{why} Förfarande: {procedure.label} ({', '.join(extra)})."

    def documentation_required(self, value_sek: Decimal | float, day: date, reference: ReferenceData,
                               regime: str = "lou") -> tuple[bool | None, str]:
        """Does the law require a direct procurement of this value to be documented on `day`?"""
        found = self.regimes.get(regime)
        if found is None:
            return None, f"Regelverket '{regime}' finns inte i {self.meta.title}."
        series = reference.get(found.documentation_threshold)
        dated = series.value_on(day) if series is not None else None
        if series is None or dated is None or dated.value is None:
            return None, f"Gränsen för dokumentationsplikt ({found.documentation_threshold}) är inte känd {day.isoformat()}."
        limit = to_decimal(dated.value)
        amount = to_decimal(value_sek)
        required = meets(amount, limit, comparison_of(dated) or "at_least")
        verdict = "ska" if required else "behöver inte enligt lag"
        return required, (
            f"En direktupphandling värd {kronor(amount)} {verdict} dokumenteras: dokumentationsplikten gäller när värdet "
            f"{COMPARISON_LABELS.get(comparison_of(dated) or 'at_least')} {kronor(limit)} ({dated.source_title}, "
            f"gäller från {dated.valid_from.isoformat()})."
        )

    def mandate_for(self, band: Band, decision: BandDecision, day: date, model: Model) -> Mandate:
        return mandate_for(self, band, decision, day, model)

    def decision_makers_for(self, band: Band, body: str, day: date, model: Model) -> list[DecisionMaker]:
        return decision_makers_for(band, body, day, model)

    def signers_for(self, actor: Actor, organisation: Organisation | None) -> tuple[SigningRule | None, str]:
        return signers_for(self, actor, organisation)


def meets(value: Decimal, limit: Decimal, comparison: str) -> bool:
    """Does `value` satisfy the law's comparison with `limit`?"""
    return {
        "below": value < limit,
        "at_most": value <= limit,
        "at_least": value >= limit,
        "above": value > limit,
    }[comparison]


# -- mandates: the band against the delegationsordning ----------------------------------------
def _amount_sek(amount: Amount | None, day: date, reference: ReferenceData) -> Decimal | None:
    if amount is None:
        return None
    converted = reference.to_sek(amount.amount, amount.unit, day)
    return None if converted is None else to_decimal(converted)


def _describe_amount(amount: Amount, sek: Decimal | None) -> str:
    if amount.unit == "sek":
        return kronor(amount.amount)
    number = f"{amount.amount:g}".replace(".", ",")
    return f"{number} {amount.unit}" + (f" ({kronor(sek)})" if sek is not None else "")


def _matter_label(order: DelegationOrder, matter: Matter, where: bool = True) -> str:
    """'ärende 5.4 (id) i <title> (file:line)' for policy owners; for the answers staff read
    (`where=False`), which name no file and no internal id: 'ärende 5.4 (<matter title>) i <title>'."""
    if not where:
        return f"ärende {matter.number} ({matter.title}) i {order.meta.title}"
    line = matter.source.location().line
    return f"ärende {matter.number} ({matter.id}) i {order.meta.title} ({order.source.file}:{line})"


def find_matter(model: Model, matter_id: str, day: date) -> tuple[DelegationOrder, Matter] | None:
    return model.matters_by_id(day).get(matter_id)


def _tier_spans(matter: Matter, day: date, reference: ReferenceData) -> list[tuple[Tier | None, Decimal | None, Decimal | None, bool]]:
    """(tier, above, up_to, known) for each tier — or the matter itself (tier None) when untiered."""
    spans: list[tuple[Tier | None, Decimal | None, Decimal | None, bool]] = []
    if matter.tiers:
        for tier in matter.tiers:
            above = _amount_sek(tier.above, day, reference)
            up_to = _amount_sek(tier.up_to, day, reference)
            known = (tier.above is None or above is not None) and (tier.up_to is None or up_to is not None)
            spans.append((tier, above, up_to, known))
    else:
        up_to = _amount_sek(matter.limit, day, reference)
        spans.append((None, None, up_to, matter.limit is None or up_to is not None))
    return spans


def _span_inclusive(span: tuple[Tier | None, Decimal | None, Decimal | None, bool], matter: Matter) -> tuple[bool, bool]:
    """(does the span include its lower amount, does it include its upper amount), as the limits are written."""
    tier = span[0]
    above = tier.above if tier is not None else None
    up_to = tier.up_to if tier is not None else matter.limit
    return (above.lower_inclusive if above is not None else False, up_to.upper_inclusive if up_to is not None else True)


def _units(matter: Matter) -> tuple[str, ...]:
    amounts = [matter.limit] + [a for t in matter.tiers for a in (t.above, t.up_to)]
    return tuple(sorted({a.unit for a in amounts if a is not None and a.unit != "sek"}))


def mandate_for(policy: ProcurementPolicy, band: Band, decision: BandDecision, day: date, model: Model) -> Mandate:
    """Whether the decision's ground (own body, or a delegation) covers the whole band on `day`.

    Only what the answer needs is converted to kronor: a mandate without an upper limit covers any
    band without knowing a single amount; a limit is compared with the band's upper bound only when
    both are known that day; otherwise the answer is "unknown", never a guess.
    """
    reference = model.reference
    lower, upper = band.bounds_on(day, reference)
    org = model.organisation
    body_name = org.label(Actor("body", decision.body)) if org is not None else decision.body
    if decision.basis == "own_body":
        return Mandate(decision, band, day, "covered", upper=upper, unlimited=True,
                       explanation=f"{body_name} beslutar själv i intervallet; ingen delegation behövs.")
    assert decision.matter is not None
    found = find_matter(model, decision.matter, day)
    if found is None:
        anywhere = [o for o in model.delegations if any(m.id == decision.matter for m in o.matters)]
        where = f" Ärendet finns i {', '.join(o.source.file for o in anywhere)}, som inte gäller den dagen." if anywhere else ""
        return Mandate(decision, band, day, "no_matter", upper=upper,
                       explanation=f"Ärendet '{decision.matter}' finns inte i någon delegationsordning som gäller {day.isoformat()}.{where}")
    order, matter = found
    label = _matter_label(order, matter)
    if order.body != decision.body:
        owner = org.label(Actor("body", order.body)) if org is not None else order.body
        return Mandate(decision, band, day, "wrong_body", order, matter, upper=upper,
                       explanation=f"{label} hör till {owner}s delegationsordning, inte till {in_text(body_name)}s.")
    spans = _tier_spans(matter, day, reference)

    def delegates_of(span: tuple[Tier | None, Decimal | None, Decimal | None, bool]) -> tuple[Actor, ...]:
        return span[0].delegates if span[0] is not None else matter.delegates

    if decision.decided_by is not None:
        own = [s for s in spans if any(a.same_as(decision.decided_by) for a in delegates_of(s))]
        who = org.label(decision.decided_by) if org is not None else decision.decided_by.id
        if not own:
            return Mandate(decision, band, day, "not_delegate", order, matter, upper=upper,
                           explanation=f"{who} är inte delegat i {label}.")
    else:
        own = spans
        who = "delegaterna"
    tiers = tuple(s[0] for s in own)
    units = _units(matter)
    # The span reaching highest: a tier without up_to (or an untiered matter without limit) is unlimited.
    unlimited_spans = [s for s in own if (s[0].up_to is None if s[0] is not None else matter.limit is None)]
    unlimited = bool(unlimited_spans)
    if unlimited:
        top = unlimited_spans[0]
        limit_amount = None
    else:
        known_tops = [s for s in own if s[2] is not None]
        if len(known_tops) < len(own):
            return Mandate(decision, band, day, "unknown", order, matter, tiers, upper=upper, unknown_units=units,
                           explanation=f"Beloppsgränsen för {in_text(who)} i {label} kan inte räknas om till kronor {day.isoformat()}.")
        top = max(own, key=lambda s: s[2] or Decimal(0))
        limit_amount = top[0].up_to if top[0] is not None else matter.limit
    limit_text = "ingen övre beloppsgräns" if unlimited else f"beloppsgränsen {_describe_amount(limit_amount, top[2])}" if limit_amount else ""
    # The upper end: an open band needs a mandate without limit; otherwise the limit (inclusive,
    # "upp till och med") must reach the band's upper bound.
    if not unlimited:
        if upper.open:
            return Mandate(decision, band, day, "not_covered", order, matter, tiers, top[2], limit_amount, False, upper,
                           f"Intervallet saknar övre gräns, men {in_text(who)} har {limit_text} i {label}. Det översta intervallet "
                           "kräver att organet beslutar själv eller en delegation utan beloppsgräns.")
        if upper.sek is None:
            return Mandate(decision, band, day, "unknown", order, matter, tiers, top[2], limit_amount, False, upper,
                           f"Intervallet går {upper.as_upper()}; det kan inte jämföras med {limit_text} i {label}.",
                           tuple(sorted({*units, *([upper.bound.reference] if upper.bound.reference else [])})))
        top_inclusive = _span_inclusive(top, matter)[1]
        if top[2] is not None and (top[2] < upper.sek or (top[2] == upper.sek and bool(upper.inclusive) and not top_inclusive)):
            return Mandate(decision, band, day, "not_covered", order, matter, tiers, top[2], limit_amount, False, upper,
                           f"Intervallet går {upper.as_upper()}, men {in_text(who)} har {limit_text} i {label}.")
    # The lower end, when one delegate is named for the whole band: their mandate must start at or
    # below the band's lower bound, or they must stand above those who decide the lower part and
    # the delegationsordning let a superior decide in their place.
    if decision.decided_by is not None and not any(s[0] is None or s[0].above is None for s in own):
        if lower.sek is None or any(s[1] is None for s in own):
            return Mandate(decision, band, day, "unknown", order, matter, tiers, top[2], limit_amount, unlimited, upper,
                           f"Var mandatet för {in_text(who)} i {label} börjar kan inte jämföras med intervallets nedre gräns {day.isoformat()}.",
                           units)
        starts = min(s[1] for s in own if s[1] is not None)
        # A mandate "från och med" the band's lower bound (`at_least`) holds the bound itself.
        holds_start = any(s[1] == starts and _span_inclusive(s, matter)[0] for s in own)
        if not (starts < lower.sek or (starts == lower.sek and (not lower.inclusive or holds_start))):
            below = [s for s in spans if s not in own and (s[1] is None or s[1] < starts)]
            others = [a for s in below for a in delegates_of(s)]
            steps_in = bool(org is not None and order.provisions.superior_may_decide and others
                            and all(_stands_above(org, decision.decided_by, a) for a in others))
            if not steps_in:
                return Mandate(decision, band, day, "gap_below", order, matter, tiers, top[2], limit_amount, unlimited, upper,
                               f"Intervallet börjar {lower.as_lower()}, men mandatet för {in_text(who)} i {label} börjar först över "
                               f"{kronor(starts)}, och de som beslutar under det beloppet står inte under {in_text(who)} i linjen "
                               "(eller så får en överordnad inte besluta i deras ställe enligt delegationsordningen).")
    return Mandate(decision, band, day, "covered", order, matter, tiers, top[2], limit_amount, unlimited, upper,
                   f"{who[:1].upper() + who[1:]} beslutar med stöd av {label} ({limit_text}).")


def in_text(label: str) -> str:
    """'Socialnämnden' → 'socialnämnden' in running text; titles like 'VA-chef' keep their capitals."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def _stands_above(org: Organisation, upper: Actor, lower: Actor) -> bool:
    """Does every position `upper` stands for stand above every position `lower` stands for?"""
    uppers = org.positions_of(upper)
    lowers = org.positions_of(lower)
    return bool(uppers and lowers) and all(org.is_above(u, low) for u in uppers for low in lowers)


def decision_makers_for(band: Band, body: str, day: date, model: Model) -> list[DecisionMaker]:
    """Who decides in the band for `body` on `day`: each delegate with the part of the band they hold."""
    decision = band.decision_for(body)
    if decision is None:
        return []
    if decision.basis == "own_body":
        return [DecisionMaker(Actor("body", body), "own_body", decision, None, None, None, None,
                              "Organet beslutar själv i intervallet.")]
    found = find_matter(model, decision.matter or "", day)
    if found is None:
        return []
    order, matter = found
    reference = model.reference
    lower, upper = band.bounds_on(day, reference)
    makers: list[DecisionMaker] = []
    for span in _tier_spans(matter, day, reference):
        tier, above, up_to, known = span
        above_inclusive, up_to_inclusive = _span_inclusive(span, matter)
        delegates = tier.delegates if tier is not None else matter.delegates
        if decision.decided_by is not None and not any(a.same_as(decision.decided_by) for a in delegates):
            continue
        if decision.decided_by is None and known and lower.sek is not None:
            # Only the tiers that reach into the band ("under" a limit does not reach the limit itself).
            if up_to is not None and (up_to < lower.sek or (up_to == lower.sek and not (lower.inclusive and up_to_inclusive))):
                continue
            if above is not None and upper.sek is not None and (
                    above > upper.sek or (above == upper.sek and not (above_inclusive and upper.inclusive))):
                continue
        for actor in delegates:
            part = ("hela intervallet" if decision.decided_by is not None else
                    f"{('från och med ' if above_inclusive else 'över ') + kronor(above) if above is not None else 'från 0 kr'} "
                    f"{('till och med ' if up_to_inclusive else 'under ') + kronor(up_to) if up_to is not None else 'utan övre gräns'}"
                    if known else "okänt belopp")
            makers.append(DecisionMaker(actor, "delegation", decision, order, matter, above, up_to,
                                        f"Med stöd av {_matter_label(order, matter, where=False)}: {part}.",
                                        above_inclusive, up_to_inclusive))
    return makers


def signers_for(policy: ProcurementPolicy, actor: Actor, organisation: Organisation | None) -> tuple[SigningRule | None, str]:
    """The signing rule for a contract a decision maker decided: employees sign their own decisions
    under the employee rule; a body's decision (or its utskott's or presidium's) under that body's rule."""
    if actor.kind in ("position", "role_type", "relative"):
        rule = next((r for r in policy.signing if r.employee_delegate), None)
        if rule is None:
            return None, "Det finns ingen regel för firmateckning av avtal som en anställd har beslutat på delegation."
        return rule, f"{rule.title}: {rule.text}"
    if actor.kind in ("body", "seat"):
        body_id = actor.id if actor.kind == "body" else actor.body or ""
        family_root = body_id
        if organisation is not None:
            body = organisation.bodies.get(body_id)
            if body is not None and body.kind in ("utskott", "presidium") and body.parent:
                family_root = body.parent
        rule = next((r for r in policy.signing if r.body == family_root), None)
        if rule is None:
            name = in_text(organisation.label(Actor("body", family_root))) if organisation is not None else family_root
            return None, f"Det finns ingen regel för firmateckning av avtal som {name} (eller dess utskott och presidium) har beslutat."
        return rule, f"{rule.title}: {rule.text}"
    return None, "Den som beslutar är varken en anställd eller ett organ; ingen regel för firmateckning gäller."


# -- the days a policy is checked on ------------------------------------------------------------
def mandate_dates(policy: ProcurementPolicy, model: Model) -> list[date]:
    """The days the mandates must be checked on: the bounds' change dates, each change of the
    delegationsordningar the decisions rely on, and each new year of an annual series they use."""
    start, end = policy.meta.valid_from, policy.meta.valid_to
    points = set(policy.bound_dates(model.reference))
    matter_ids = {d.matter for b in policy.bands() for d in b.decisions if d.matter}
    units: set[str] = set()
    for order in model.delegations:
        if order.meta.status != "antagen":
            continue
        used = [m for m in order.matters if m.id in matter_ids]
        if not used:
            continue
        for change in (order.meta.valid_from, order.meta.valid_to + timedelta(days=1) if order.meta.valid_to else None):
            if change is not None and start < change and (end is None or change <= end):
                points.add(change)
        for matter in used:
            units.update(_units(matter))
    points.update(model.reference.split_points(sorted(units), start, end))
    for unit in units:
        series = model.reference.get(unit)
        if series is not None and series.periodicity == "annual":
            last = end.year if end is not None else max(p.year for p in points)
            points.update(date(y, 1, 1) for y in range(start.year + 1, last + 1))
    return sorted(points)


# -- building -----------------------------------------------------------------------------------
def _actor(data: dict[str, Any] | None, source: SourceRef) -> Actor | None:
    return Actor.parse(data, source) if data is not None else None


def _legal(items: list[dict[str, Any]], source: SourceRef) -> tuple[LegalRef, ...]:
    return tuple(LegalRef.parse(item, source.at(i)) for i, item in enumerate(items))


def _text_rules(items: list[dict[str, Any]], source: SourceRef) -> tuple[TextRule, ...]:
    return tuple(TextRule(r["id"], r["title"], r["text"], source.at(i)) for i, r in enumerate(items))


def build_procurement_policy(document: SourceDocument) -> ProcurementPolicy:
    raw = document.data
    root = SourceRef(document, ())
    duplicates: list[tuple[str, str, SourceRef]] = []

    categories: dict[str, Category] = {}
    for i, c in enumerate(raw["categories"]):
        src = root.at("categories", i)
        if c["id"] in categories:
            duplicates.append(("category", c["id"], src))
            continue
        categories[c["id"]] = Category(c["id"], c["name"], c.get("description"), src)
    regimes: dict[str, Regime] = {}
    for i, r in enumerate(raw["regimes"]):
        src = root.at("regimes", i)
        if r["id"] in regimes:
            duplicates.append(("regime", r["id"], src))
            continue
        regimes[r["id"]] = Regime(
            r["id"], r["name"], r["sfs"], r["applies_to"], tuple(r.get("units", ())), tuple(r["categories"]),
            r["direct_procurement_limit"], r["documentation_threshold"],
            {e["category"]: (e["reference"], src.at("eu_thresholds", j)) for j, e in enumerate(r["eu_thresholds"])},
            src,
        )
    vb = raw["value_basis"]
    vb_src = root.at("value_basis")
    value_basis = ValueBasis(vb["excluding_vat"], vb["total_payable"], vb["includes_options"], vb["includes_extensions"],
                             vb["aggregation"], vb["splitting_forbidden"], vb["text"], _legal(vb["legal_basis"], vb_src.at("legal_basis")), vb_src)
    tables: list[BandTable] = []
    for t_index, t in enumerate(raw["band_tables"]):
        t_src = root.at("band_tables", t_index)
        bands = []
        for b_index, b in enumerate(t["bands"]):
            b_src = t_src.at("bands", b_index)
            p = b["procedure"]
            p_src = b_src.at("procedure")
            procedure = Procedure(p["kind"], p["documentation_required"], p.get("min_quotes"), p.get("written_quotes"),
                                  _actor(p.get("conducted_by"), p_src.at("conducted_by")), p["text"], p_src)
            decisions = tuple(
                BandDecision(d["id"], d["body"], d["basis"], d.get("matter"),
                             _actor(d.get("decided_by"), b_src.at("decisions", d_index, "decided_by")), d.get("note"),
                             b_src.at("decisions", d_index))
                for d_index, d in enumerate(b["decisions"])
            )
            bands.append(Band(b["id"], t["id"], b_index, Bound.parse(b["lower"], b_src.at("lower")), Bound.parse(b["upper"], b_src.at("upper")),
                              procedure, decisions, b.get("note"), b_src))
        tables.append(BandTable(t["id"], t["regime"], t["category"], tuple(t["bodies"]), tuple(bands), t_src))
    signing = []
    for i, s in enumerate(raw["signing"]):
        src = root.at("signing", i)
        applies = s["applies_to"]
        signing.append(SigningRule(
            s["id"], s["title"], bool(applies.get("employee_delegate", False)), applies.get("body"),
            bool(s.get("signed_by_decision_maker", False)), _actor(s.get("signed_by"), src.at("signed_by")),
            _actor(s.get("countersigned_by"), src.at("countersigned_by")), _actor(s.get("substitute"), src.at("substitute")),
            s["text"], src,
        ))
    exceptions = []
    for i, e in enumerate(raw["exceptions"]):
        src = root.at("exceptions", i)
        exceptions.append(LegalException(
            e["id"], e["name"], e["permits"], _legal(e["legal_basis"], src.at("legal_basis")),
            _text_rules(e["conditions"], src.at("conditions")), e["decision"], _actor(e.get("decided_by"), src.at("decided_by")),
            e.get("matter"), e["documentation"], _actor(e.get("reported_to"), src.at("reported_to")), src,
        ))
    training = []
    for i, tr in enumerate(raw["training"]):
        src = root.at("training", i)
        training.append(Training(
            tr["id"], tr["name"], tr["format"], tr["mandatory"], tr["renewal_months"],
            tuple(Actor.parse(a, src.at("required_for", j)) for j, a in enumerate(tr["required_for"])),
            tr["all_purchasers"], tr["required_before_purchasing"], Actor.parse(tr["responsible"], src.at("responsible")),
            tr.get("records"), tr["text"], src, tr.get("all_managers", False),
        ))
    coi = raw["conflict_of_interest"]
    coi_src = root.at("conflict_of_interest")
    conflict = ConflictOfInterest(coi["id"], tuple(coi["declaration_required_for"]), coi["when"],
                                  Actor.parse(coi["declared_to"], coi_src.at("declared_to")),
                                  _legal(coi["legal_basis"], coi_src.at("legal_basis")), coi["text"], coi_src)
    cm = raw["contract_management"]
    cm_src = root.at("contract_management")
    sampling = cm["invoice_sampling"]
    s_src = cm_src.at("invoice_sampling")
    third = cm["third_attest"]
    th_src = cm_src.at("third_attest")
    contract_management = ContractManagement(
        cm["register"],
        Actor.parse(cm["owner"]["default"], cm_src.at("owner", "default")),
        cm["owner"]["responsibilities"],
        tuple(ContractArea(a["id"], a["name"], Actor.parse(a["owner"], cm_src.at("areas", i, "owner")), a.get("note"), cm_src.at("areas", i))
              for i, a in enumerate(cm["areas"])),
        InvoiceSampling(sampling["id"], Actor.parse(sampling["performed_by"], s_src.at("performed_by")), sampling["frequency"],
                        sampling["sample_size"], Actor.parse(sampling["reported_to"], s_src.at("reported_to")), sampling["text"], s_src),
        ThirdAttest(third["id"], Actor.parse(third["performed_by"], th_src.at("performed_by")), tuple(third["areas"]), third["text"], th_src),
        cm.get("follow_up"),
        cm_src,
    )
    return ProcurementPolicy(
        meta=DocumentMeta.parse(raw["document"], root.at("document")),
        scope=raw["scope"],
        principles=_text_rules(raw["principles"], root.at("principles")),
        legal_basis=_legal(raw["legal_basis"], root.at("legal_basis")),
        categories=categories,
        regimes=regimes,
        value_basis=value_basis,
        tables=tables,
        signing=signing,
        exceptions=exceptions,
        training=training,
        conflict_of_interest=conflict,
        contract_management=contract_management,
        source=root,
        duplicates=duplicates,
    )


def build(model: Model, documents: list[SourceDocument]) -> None:
    """The kind's model builder (registered in generators/kinds/procurement.py): every version, in file order."""
    model.kind_data["procurement"] = [build_procurement_policy(document) for document in documents]
    model.procurement.sort(key=lambda p: (p.meta.id, p.meta.valid_from, p.meta.version))


def policies_in_force(model: Model, day: date) -> list[ProcurementPolicy]:
    return versions_in_force(model.procurement, day)
