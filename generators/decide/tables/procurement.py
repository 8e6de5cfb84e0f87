"""The procurement decision table: for an estimated value, the procedure, documentation, who decides
and who signs — for every regime and category, body and period.

Every answer is computed by the procurement model's own queries: `band_for` (which value band, with
the bounds resolved from the reference data that day), the band's procedure, `documentation_required`
(the law's documentation duty for a direct procurement), `decision_makers_for` (the delegates, or the
body itself, who decide in the band, from the delegationsordning in force) and `signers_for` (who
signs the contract). The value axis is cut at every amount any of them compares with (band bounds,
the delegates' amount limits, the documentation threshold); each piece is asked once, at its own
value (a bound itself, or a value between two bounds), and neighbouring pieces with the same answer
are merged. So an interval in the table is exactly a stretch of values the model answers alike.

Periods split the policy's validity where a bound's reference value, a delegationsordning or an
annual series changes (`mandate_dates`).
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

from generators.decide.tables.common import Period, document_info, included, periods, unit_value
from generators.decide.tables.delegation import actor_json
from generators.decide.text import LOU_DIRECT_PROCUREMENT_CITATION, direct_procurement_not_allowed, join, kronor, lower_first, sentence
from generators.model import Model
from generators.model.common import Actor
from generators.model.delegation import Matter
from generators.model.organisation import Organisation
from generators.model.procurement import (
    PROCEDURE_LABELS,
    Band,
    BandTable,
    ProcurementPolicy,
    comparison_of,
    decision_makers_for,
    mandate_dates,
    meets,
    signers_for,
    to_decimal,
)


def _procedure_json(org: Organisation, band: Band) -> dict[str, Any]:
    procedure = band.procedure
    return {
        "kind": procedure.kind,
        "label": procedure.label,
        "documentation_required": procedure.documentation_required,
        "min_quotes": procedure.min_quotes,
        "written_quotes": procedure.written_quotes,
        "conducted_by": actor_json(org, procedure.conducted_by) if procedure.conducted_by else None,
        "text": procedure.text,
    }


def _signing_json(org: Organisation, policy: ProcurementPolicy, actor: Actor) -> dict[str, Any]:
    rule, text = signers_for(policy, actor, org)
    if rule is None:
        return {"rule": None, "signed_by": None, "countersigned_by": None, "substitute": None, "text": sentence(text)}
    signed_by = actor_json(org, actor) if rule.signed_by_decision_maker else actor_json(org, rule.signed_by) if rule.signed_by else None
    return {
        "rule": rule.id,
        "signed_by": signed_by,
        "countersigned_by": actor_json(org, rule.countersigned_by) if rule.countersigned_by else None,
        "substitute": actor_json(org, rule.substitute) if rule.substitute else None,
        "text": sentence(text),
    }


Makers = dict[str, list[Any]]  # band id → decision_makers_for(band, body, day), asked once per band, body and day


class _MattersOnceADay:
    """The model as `decision_makers_for` sees it, with `matters_by_id(day)` built once per day.

    The model builds that index on every call (every matter of every delegationsordning); the table
    asks about the same few days hundreds of times, which for a city of 50 000 matters is most of
    the build. The model itself is not touched."""

    def __init__(self, model: Model) -> None:
        self._model = model
        self._by_day: dict[date | None, Any] = {}

    def matters_by_id(self, day: date | None = None) -> Any:
        if day not in self._by_day:
            self._by_day[day] = self._model.matters_by_id(day)
        return self._by_day[day]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._model, name)


def _makers(model: Model, table: BandTable, body: str, day: date) -> Makers:
    return {band.id: decision_makers_for(band, body, day, model) for band in table.bands}


def _answer_at(model: Model, org: Organisation, policy: ProcurementPolicy, table: BandTable, body: str, value: Decimal,
               day: date, known_makers: Makers) -> dict[str, Any]:
    reference = model.reference
    band, _why = policy.band_for(table.regime, table.category, value, day, reference)
    required_by_law, _ = policy.documentation_required(value, day, reference, table.regime)
    direct = _direct_procurement(policy, table.regime, value, day, model)
    if band is not None:
        return _band_answer(model, org, policy, band, body, value, day, known_makers, required_by_law, direct)[0]
    undecided = [b for b in table.bands if b.contains(value, day, reference) is None]
    if not undecided:
        return {"status": "undetermined", "band": None, "band_label": None, "procedure": None, "candidates": [],
                "documentation_required": None, "documentation_required_by_law": required_by_law,
                "direct_procurement_allowed": direct[0], "decided_by": [],
                "lines": [sentence("Beloppet hör inte till något värdeintervall")], "steps": []}
    return _undecided_answer(model, org, policy, undecided, body, value, day, known_makers, required_by_law, direct)


LOU_SFS = "2016:1145"  # the statute LOU_DIRECT_PROCUREMENT_CITATION cites


def _direct_procurement(policy: ProcurementPolicy, regime_id: str, value: Decimal, day: date,
                        model: Model) -> tuple[bool | None, str | None]:
    """Does the law allow direct procurement on account of low value (the regime's direktupphandlingsgräns)?
    With the sentence that says it is not allowed, or None when it is allowed or the limit is unknown."""
    regime = policy.regimes.get(regime_id)
    if regime is None:
        return None, None
    # The law's limit for the regime's statute, as the reference data names it (what the delegation
    # answers use too); the policy's own reference only where the reference data marks none.
    law = model.reference.legal_limit("direct_procurement", regime.sfs)
    dated = model.reference.value_on(law.id if law is not None else regime.direct_procurement_limit, day)
    if dated is None or dated.value is None:
        return None, None
    allowed = meets(value, to_decimal(dated.value), comparison_of(dated) or "below")
    # The chapters cited are LOU's; another regime (LUF) is named instead of guessing its chapters.
    citation = LOU_DIRECT_PROCUREMENT_CITATION if regime.sfs == LOU_SFS else regime.name
    return allowed, None if allowed else direct_procurement_not_allowed(citation=citation)


def _band_answer(model: Model, org: Organisation, policy: ProcurementPolicy, band: Band, body: str, value: Decimal, day: date,
                 known_makers: Makers, required_by_law: bool | None,
                 direct: tuple[bool | None, str | None]) -> tuple[dict[str, Any], list[Actor]]:
    """The answer for a value known to lie in `band`, and the decision makers it names."""
    reference = model.reference
    decision = band.decision_for(body)
    makers = known_makers[band.id]
    law_lines = [direct[1]] if direct[1] and band.procedure.kind != "direktupphandling" else []
    if decision is not None and decision.decided_by is None:
        unknown = sorted({reason for m in makers for reason in _unknown_reasons(model, m.matter, day)})
        if unknown:
            lines = [sentence(f"Policyns värdeintervall: {lower_first(band.procedure.label)}, {band.describe(day, reference)}"),
                     *law_lines,
                     sentence(f"Vem som beslutar beror på beloppsgränserna i ärende {makers[0].matter.number} ({makers[0].matter.title}), "
                              "som inte kan räknas om till kronor den dagen"), *unknown]
            return {"status": "unknown_value", "band": band.id, "band_label": band.describe(day, reference),
                    "procedure": _procedure_json(org, band), "candidates": [], "documentation_required": band.procedure.documentation_required,
                    "documentation_required_by_law": required_by_law, "direct_procurement_allowed": direct[0],
                    "decided_by": [], "lines": lines, "steps": []}, []
        makers = [m for m in makers if m.decides(value)]
    decided_by = [_maker_json(org, policy, maker) for maker in makers]
    lines = [sentence(f"Policyns värdeintervall: {lower_first(band.procedure.label)}, {band.describe(day, reference)}"),
             *law_lines, sentence(band.procedure.text)]
    steps = [*law_lines, *_steps(org, policy, band, [m.actor for m in makers])] if decided_by else []
    if not decided_by:
        lines.append(sentence(f"Policyn anger inte vem som beslutar i intervallet för {lower_first(org.label(Actor('body', body)))}"))
    return {
        "status": "answered" if decided_by else "undetermined",
        "band": band.id,
        "band_label": band.describe(day, reference),
        "procedure": _procedure_json(org, band),
        "candidates": [],
        "documentation_required": band.procedure.documentation_required,
        "documentation_required_by_law": required_by_law,
        "direct_procurement_allowed": direct[0],
        "decided_by": decided_by,
        "lines": lines,
        "steps": steps,
    }, [m.actor for m in makers]


def _maker_json(org: Organisation, policy: ProcurementPolicy, maker: Any) -> dict[str, Any]:
    return {
        "actor": actor_json(org, maker.actor),
        "basis": maker.basis,
        "matter": maker.matter.id if maker.matter else None,
        "matter_number": maker.matter.number if maker.matter else None,
        "document_version": maker.order.meta.version if maker.order else None,
        "text": sentence(maker.explanation),
        "signing": _signing_json(org, policy, maker.actor),
    }


def _undecided_answer(model: Model, org: Organisation, policy: ProcurementPolicy, undecided: list[Band], body: str, value: Decimal,
                      day: date, known_makers: Makers, required_by_law: bool | None,
                      direct: tuple[bool | None, str | None]) -> dict[str, Any]:
    """A value whose band turns on a bound not published in kronor (an EU threshold).

    The answer only depends on that bound where the candidate bands answer differently. Where every
    candidate names the same decision makers and signers, who decides is settled and answered; the
    procedure stays open between the candidates, and the law's own verdict (no direct procurement
    above the direktupphandlingsgräns, which is known) is stated. Otherwise the answer stays
    undetermined, with what the law does settle."""
    reference = model.reference
    options = " eller ".join(f"{lower_first(b.procedure.label)} ({b.describe(day, reference)})" for b in undecided)
    which = sentence(f"Det går inte att avgöra vilket värdeintervall beloppet hör till: {options}. En gräns är inte publicerad i "
                     "kronor; jämför värdet med eurobeloppet enligt den omräkningskurs som gäller för tröskelvärdena")
    found = [_band_answer(model, org, policy, b, body, value, day, known_makers, required_by_law, direct) for b in undecided]
    answers = [a for a, _ in found]
    candidates = [{"band": a["band"], "band_label": a["band_label"], "procedure": a["procedure"]} for a in answers]
    documentation = {a["documentation_required"] for a in answers}
    base = {"band": None, "band_label": None, "procedure": None, "candidates": candidates,
            "documentation_required": documentation.pop() if len(documentation) == 1 else None,
            "documentation_required_by_law": required_by_law, "direct_procurement_allowed": direct[0]}
    law_lines = [direct[1]] if direct[1] else []
    # The same people on the same grounds; the explanation's wording may differ between bands.
    deciders = {json.dumps([(d["actor"], d["basis"], d["matter"], d["signing"]) for d in a["decided_by"]], sort_keys=True) for a in answers}
    if all(a["status"] == "answered" for a in answers) and len(deciders) == 1:
        decided_by = answers[0]["decided_by"]
        actors = found[0][1]
        lines = [which, *law_lines,
                 sentence("Beslutsfattare och undertecknare är desamma i " + ("båda intervallen" if len(undecided) == 2 else "alla intervallen")),
                 *[sentence(b.procedure.text) for b in undecided if b.procedure.text]]
        steps = [*law_lines, sentence("Förfarandet är " + join([lower_first(b.procedure.label) for b in undecided], "eller")
                                      + " beroende på om värdet når tröskelvärdet i kronor"),
                 *[s for s in _steps(org, policy, undecided[0], actors) if s != sentence(undecided[0].procedure.text)]]
        return {"status": "answered", **base, "decided_by": decided_by, "lines": lines, "steps": steps}
    return {"status": "undetermined", **base, "decided_by": [], "lines": [which, *law_lines], "steps": []}


def _steps(org: Organisation, policy: ProcurementPolicy, band: Band, deciders: list[Actor]) -> list[str]:
    """'Så här gör du' for a purchase in the band: the policy's own words for the procedure, who
    decides, and who signs the contract. Finished sentences; decide and the Vem beslutar? page show
    them as they stand."""
    found = [sentence(band.procedure.text)] if band.procedure.text else []
    if band.procedure.conducted_by is not None and not band.procedure.text:
        found.append(sentence(f"Genomför upphandlingen med stöd av {org.running_label(band.procedure.conducted_by)}"))
    found.append(sentence(f"Beslutet fattas av {join([org.running_label(a) for a in deciders], 'eller')}"))
    signers = []
    for actor in deciders:
        rule, _ = signers_for(policy, actor, org)
        if rule is None:
            continue
        signer = actor if rule.signed_by_decision_maker else rule.signed_by
        if signer is None:
            continue
        text = f"Avtalet undertecknas av {org.running_label(signer)}"
        if rule.countersigned_by is not None:
            text += f" och kontrasigneras av {org.running_label(rule.countersigned_by)}"
        if sentence(text) not in signers:
            signers.append(sentence(text))
    return found + signers


def _unknown_reasons(model: Model, matter: Matter | None, day: date) -> list[str]:
    """Why the matter's amount limits cannot be converted to kronor on `day` (none when they can)."""
    if matter is None:
        return []
    amounts = [matter.limit, *[a for t in matter.tiers for a in (t.above, t.up_to)]]
    units = sorted({a.unit for a in amounts if a is not None and a.unit != "sek"})
    period = Period(day, day)
    return [value.reason for value in (unit_value(model.reference, u, period) for u in units) if value.reason]


def _cuts(model: Model, policy: ProcurementPolicy, table: BandTable, day: date, makers: Makers) -> list[Decimal]:
    """Every amount the answer can change at: band bounds, the delegates' limits, the documentation threshold."""
    reference = model.reference
    cuts: set[Decimal] = {Decimal(0)}
    for band in table.bands:
        lower, upper = band.bounds_on(day, reference)
        cuts.update(b.sek for b in (lower, upper) if b.sek is not None)
        for maker in makers[band.id]:
            cuts.update(v for v in (maker.above_sek, maker.up_to_sek) if v is not None)
    regime = policy.regimes.get(table.regime)
    if regime is not None:
        threshold = reference.value_on(regime.documentation_threshold, day)
        if threshold is not None and threshold.value is not None:
            cuts.add(Decimal(str(threshold.value)))
    return sorted(c for c in cuts if c >= 0)


def _intervals(model: Model, org: Organisation, policy: ProcurementPolicy, table: BandTable, body: str, day: date) -> list[dict[str, Any]]:
    makers = _makers(model, table, body, day)
    cuts = _cuts(model, policy, table, day, makers)
    pieces: list[tuple[Decimal, bool, Decimal | None, bool, dict[str, Any]]] = []
    for i, cut in enumerate(cuts):
        pieces.append((cut, True, cut, True, _answer_at(model, org, policy, table, body, cut, day, makers)))
        after = cuts[i + 1] if i + 1 < len(cuts) else None
        probe = (cut + after) / 2 if after is not None else cut + 1
        pieces.append((cut, False, after, False, _answer_at(model, org, policy, table, body, probe, day, makers)))
    merged: list[dict[str, Any]] = []
    for lower, lower_inclusive, upper, upper_inclusive, answer in pieces:
        if merged and json.dumps(merged[-1]["answer"], sort_keys=True, default=str) == json.dumps(answer, sort_keys=True, default=str):
            merged[-1]["upper"], merged[-1]["upper_inclusive"] = upper, upper_inclusive
            continue
        merged.append({"lower": lower, "lower_inclusive": lower_inclusive, "upper": upper, "upper_inclusive": upper_inclusive,
                       "answer": answer})
    for interval in merged:
        interval["label"] = _interval_label(interval)
    return merged


def _interval_label(interval: dict[str, Any]) -> str:
    lower = ("från och med " if interval["lower_inclusive"] else "över ") + kronor(interval["lower"])
    if interval["upper"] is None:
        return lower + " utan övre gräns"
    return lower + (" till och med " if interval["upper_inclusive"] else " under ") + kronor(interval["upper"])


def _default_body(org: Organisation, bodies: list[str]) -> str | None:
    board = [b for b in bodies if b in org.bodies and org.bodies[b].kind in ("styrelse", "direktion")]
    return board[0] if board else (bodies[0] if bodies else None)


def _version(model: Model, org: Organisation, policy: ProcurementPolicy) -> dict[str, Any]:
    meta = policy.meta
    split = mandate_dates(policy, model)
    spans = periods(model.reference, meta.valid_from, meta.valid_to, (), split)
    tables: dict[str, Any] = {}
    all_bodies: list[str] = []
    for table in policy.tables:
        per_body = {}
        for body in table.bodies:
            if body not in all_bodies:
                all_bodies.append(body)
            per_body[body] = [{**span.json, "intervals": _intervals(model, org, policy, table, body, span.start)} for span in spans]
        tables[f"{table.regime}/{table.category}"] = {"regime": table.regime, "category": table.category, "table": table.id,
                                                      "bodies": per_body}
    default_regime = policy.regime_for_unit(None)
    regime_id = default_regime.id if default_regime else next(iter(policy.regimes), None)
    category_id = default_regime.categories[0] if default_regime and default_regime.categories else next(iter(policy.categories), None)
    return {
        "document": document_info(model, meta),
        "valid_from": meta.valid_from.isoformat(),
        "valid_to": meta.valid_to.isoformat() if meta.valid_to else None,
        "defaults": {"regime": regime_id, "category": category_id, "body": _default_body(org, all_bodies)},
        "regimes": {r.id: {"name": r.name, "categories": list(r.categories), "applies_to": r.applies_to} for r in policy.regimes.values()},
        "categories": {c.id: c.name for c in policy.categories.values()},
        "bodies": {b: org.label(Actor("body", b)) for b in all_bodies},
        "value_basis": policy.value_basis.text,
        "procedure_labels": dict(PROCEDURE_LABELS),
        "tables": tables,
    }


def build(model: Model, versions: str, as_of: date) -> dict[str, Any] | None:
    org = model.organisation
    policies = sorted((p for p in model.procurement if included(p.meta, versions, as_of)), key=lambda p: p.meta.valid_from)
    if org is None or not policies:
        return None
    memo: Any = _MattersOnceADay(model)
    return {"versions": [_version(memo, org, p) for p in policies]}
