"""procurement.json: the procurement policy — regimes, value bands with their bounds in kronor for each
period between changes of the reference values, procedures, who decides (resolved against the
delegationsordningar: the matter and its amount limit), who signs, the legal exceptions, the
mandatory training, conflict-of-interest declarations and contract management.

Every answer comes from the procurement model (`generators/model/procurement.py`): bounds are
resolved with `Band.bounds_on`, mandates with `mandate_for` and `decision_makers_for`, signing with
`signers_for`. A kronor amount nobody has published (the 2026–27 EU thresholds) is `null` with
`unknown: true` and the euro value, never a guess.

Published versions: adopted and not expired on the as-of date (in force, or adopted and to come).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from generators.model.procurement import (
    COMPARISON_LABELS,
    PROCEDURE_LABELS,
    Band,
    BandDecision,
    BandTable,
    Bound,
    BoundValue,
    ProcurementPolicy,
    comparison_of,
    decision_makers_for,
    mandate_dates,
    mandate_for,
)
from generators.outputs.rules.common import (
    RulesContext,
    actor_json,
    body_json,
    document_json,
    index_entry,
    is_published,
    legal_ref_json,
)
from generators.outputs.rules.registry import Rendered, RulesFile
from generators.wording.labels import label

MANDATE_STATUS_LABELS = {
    "covered": "mandatet täcker intervallet",
    "not_covered": "beloppsgränsen når inte intervallets övre gräns",
    "gap_below": "mandatet börjar över intervallets nedre gräns",
    "unknown": "kan inte kontrolleras: ett belopp är inte publicerat i kronor",
    "no_matter": "ärendet finns inte i någon delegationsordning som gäller",
    "wrong_body": "ärendet hör till ett annat organs delegationsordning",
    "not_delegate": "den angivna beslutsfattaren är inte delegat i ärendet",
}


def _periods(days: list[date], valid_to: date | None) -> list[tuple[date, date | None]]:
    """[(from, to)] for consecutive check days; the last runs to the policy's end (None: until further notice)."""
    return [(day, days[i + 1] - timedelta(days=1) if i + 1 < len(days) else valid_to) for i, day in enumerate(days)]


def _written_bound(bound: Bound) -> dict[str, Any]:
    return {
        "amount": None if bound.amount is None else {"amount": bound.amount.amount, "unit": bound.amount.unit},
        "reference": bound.reference,
        "inclusive": bound.inclusive,
        "open": bound.open,
    }


def _resolved_bound(value: BoundValue, upper: bool) -> dict[str, Any]:
    dated = value.dated
    comparison = comparison_of(dated) if dated is not None else None
    return {
        "sek": value.sek,
        "eur": value.eur,
        "inclusive": value.inclusive,
        "open": value.open,
        "unknown": not value.known,
        "reference_valid_from": dated.valid_from if dated is not None else None,
        "comparison": comparison,
        "comparison_label": COMPARISON_LABELS.get(comparison) if comparison else None,
        "label": value.as_upper() if upper else value.as_lower(),
    }


def _procedure(ctx: RulesContext, band: Band) -> dict[str, Any]:
    p = band.procedure
    return {
        "kind": p.kind,
        "label": PROCEDURE_LABELS.get(p.kind, p.kind),
        "documentation_required": p.documentation_required,
        "min_quotes": p.min_quotes,
        "written_quotes": p.written_quotes,
        "conducted_by": actor_json(ctx, p.conducted_by),
        "text": p.text,
    }


def _mandate(ctx: RulesContext, policy: ProcurementPolicy, band: Band, decision: BandDecision, start: date, end: date | None) -> dict[str, Any]:
    model = ctx.model
    mandate = mandate_for(policy, band, decision, start, model)
    order, matter = mandate.order, mandate.matter
    limit = mandate.limit_amount
    makers = decision_makers_for(band, decision.body, start, model)
    return {
        "from": start,
        "to": end,
        "status": mandate.status,
        "status_label": MANDATE_STATUS_LABELS[mandate.status],
        "explanation": mandate.explanation,
        "delegation": None
        if order is None or matter is None
        else {
            "document_id": order.meta.id,
            "document_version": order.meta.version,
            "source_file": order.source.file,
            "matter_id": matter.id,
            "matter_number": matter.number,
            "matter_title": matter.title,
        },
        "unlimited": mandate.unlimited,
        "limit": None if limit is None else {"amount": limit.amount, "unit": limit.unit, "sek": mandate.limit_sek},
        "decision_makers": [
            {
                "actor": actor_json(ctx, maker.actor),
                "basis": maker.basis,
                "above_sek": maker.above_sek,
                "up_to_sek": maker.up_to_sek,
                "explanation": maker.explanation,
            }
            for maker in makers
        ],
    }


def _decision(ctx: RulesContext, policy: ProcurementPolicy, band: Band, decision: BandDecision,
              periods: list[tuple[date, date | None]]) -> dict[str, Any]:
    return {
        "id": decision.id,
        "body": body_json(ctx, decision.body),
        "basis": decision.basis,
        "matter": decision.matter,
        "decided_by": actor_json(ctx, decision.decided_by),
        "note": decision.note,
        "mandate_by_period": [_mandate(ctx, policy, band, decision, start, end) for start, end in periods],
    }


def _band(ctx: RulesContext, policy: ProcurementPolicy, band: Band, bound_periods: list[tuple[date, date | None]],
          mandate_periods: list[tuple[date, date | None]]) -> dict[str, Any]:
    reference = ctx.reference
    bounds = []
    for start, end in bound_periods:
        lower, upper = band.bounds_on(start, reference)
        bounds.append({"from": start, "to": end, "lower": _resolved_bound(lower, False), "upper": _resolved_bound(upper, True),
                       "label": f"{lower.as_lower()} {upper.as_upper()}"})
    return {
        "id": band.id,
        "index": band.index,
        "lower": _written_bound(band.lower),
        "upper": _written_bound(band.upper),
        "bounds_by_period": bounds,
        "procedure": _procedure(ctx, band),
        "note": band.note,
        "decisions": [_decision(ctx, policy, band, d, mandate_periods) for d in band.decisions],
    }


def _table(ctx: RulesContext, policy: ProcurementPolicy, table: BandTable, bound_periods: list[tuple[date, date | None]],
           mandate_periods: list[tuple[date, date | None]]) -> dict[str, Any]:
    return {
        "id": table.id,
        "regime": table.regime,
        "category": table.category,
        "bodies": [body_json(ctx, b) for b in table.bodies],
        "bands": [_band(ctx, policy, band, bound_periods, mandate_periods) for band in table.bands],
    }


def _reference_link(ctx: RulesContext, series_id: str) -> dict[str, Any]:
    series = ctx.reference.get(series_id)
    return {"id": series_id, "title": series.title if series is not None else None,
            "source_file": series.source.file if series is not None else None}


def _regimes(ctx: RulesContext, policy: ProcurementPolicy) -> list[dict[str, Any]]:
    org = ctx.organisation
    unit_names = {unit: (name, a.id) for a in (org.administrations.values() if org else ()) for unit, name in a.units.items()}
    return [
        {
            "id": r.id,
            "name": r.name,
            "sfs": r.sfs,
            "applies_to": r.applies_to,
            "units": [{"id": u, "name": unit_names.get(u, (None, None))[0], "administration": unit_names.get(u, (None, None))[1]}
                      for u in r.units],
            "categories": list(r.categories),
            "direct_procurement_limit": _reference_link(ctx, r.direct_procurement_limit),
            "documentation_threshold": _reference_link(ctx, r.documentation_threshold),
            "eu_thresholds": [{"category": c, "reference": _reference_link(ctx, ref)} for c, (ref, _) in r.eu_thresholds.items()],
        }
        for r in policy.regimes.values()
    ]


def _signing(ctx: RulesContext, policy: ProcurementPolicy) -> list[dict[str, Any]]:
    return [
        {
            "id": s.id,
            "title": s.title,
            "applies_to": {"employee_delegate": s.employee_delegate, "body": body_json(ctx, s.body) if s.body else None},
            "signed_by_decision_maker": s.signed_by_decision_maker,
            "signed_by": actor_json(ctx, s.signed_by),
            "countersigned_by": actor_json(ctx, s.countersigned_by),
            "substitute": actor_json(ctx, s.substitute),
            "text": s.text,
        }
        for s in policy.signing
    ]


def _contract_management(ctx: RulesContext, policy: ProcurementPolicy) -> dict[str, Any]:
    cm = policy.contract_management
    sampling, attest = cm.invoice_sampling, cm.third_attest
    return {
        "register": cm.register,
        "default_owner": actor_json(ctx, cm.default_owner),
        "owner_responsibilities": cm.responsibilities,
        "areas": [{"id": a.id, "name": a.name, "owner": actor_json(ctx, a.owner), "note": a.note,
                   "third_attest": a.id in attest.areas} for a in cm.areas],
        "invoice_sampling": {
            "id": sampling.id,
            "performed_by": actor_json(ctx, sampling.performed_by),
            "frequency": sampling.frequency,
            "frequency_label": label("follow_up_interval", sampling.frequency),
            "sample_size": sampling.sample_size,
            "reported_to": actor_json(ctx, sampling.reported_to),
            "text": sampling.text,
        },
        "third_attest": {"id": attest.id, "performed_by": actor_json(ctx, attest.performed_by), "areas": list(attest.areas),
                         "text": attest.text},
        "follow_up": cm.follow_up,
    }


def _policy(ctx: RulesContext, policy: ProcurementPolicy) -> dict[str, Any]:
    model = ctx.model
    bound_periods = _periods(policy.bound_dates(model.reference), policy.meta.valid_to)
    mandate_periods = _periods(mandate_dates(policy, model), policy.meta.valid_to)
    vb = policy.value_basis
    coi = policy.conflict_of_interest
    return {
        "document": document_json(ctx, policy.meta),
        "scope": policy.scope,
        "principles": [{"id": p.id, "title": p.title, "text": p.text} for p in policy.principles],
        "legal_basis": [legal_ref_json(ctx, ref) for ref in policy.legal_basis],
        "categories": [{"id": c.id, "name": c.name, "description": c.description} for c in policy.categories.values()],
        "regimes": _regimes(ctx, policy),
        "value_basis": {
            "excluding_vat": vb.excluding_vat,
            "total_payable": vb.total_payable,
            "includes_options": vb.includes_options,
            "includes_extensions": vb.includes_extensions,
            "aggregation": vb.aggregation,
            "splitting_forbidden": vb.splitting_forbidden,
            "text": vb.text,
            "legal_basis": [legal_ref_json(ctx, ref) for ref in vb.legal_basis],
        },
        "bound_periods": [{"from": start, "to": end} for start, end in bound_periods],
        "mandate_periods": [{"from": start, "to": end} for start, end in mandate_periods],
        "tables": [_table(ctx, policy, t, bound_periods, mandate_periods) for t in policy.tables],
        "signing": _signing(ctx, policy),
        "exceptions": [
            {
                "id": e.id,
                "name": e.name,
                "permits": e.permits,
                "permits_label": label("exception_permits", e.permits),
                "legal_basis": [legal_ref_json(ctx, ref) for ref in e.legal_basis],
                "conditions": [{"id": c.id, "title": c.title, "text": c.text} for c in e.conditions],
                "decision": e.decision,
                "decided_by": actor_json(ctx, e.decided_by),
                "matter": e.matter,
                "documentation": e.documentation,
                "reported_to": actor_json(ctx, e.reported_to),
            }
            for e in policy.exceptions
        ],
        "training": [
            {
                "id": t.id,
                "name": t.name,
                "format": t.format,
                "format_label": label("training_format", t.format),
                "mandatory": t.mandatory,
                "renewal_months": t.renewal_months,
                "required_for": [actor_json(ctx, a) for a in t.required_for],
                "required_for_positions": sorted({p for a in t.required_for for p in (ctx.organisation.positions_of(a) if ctx.organisation else [])}),
                "all_purchasers": t.all_purchasers,
                "required_before_purchasing": t.required_before_purchasing,
                "responsible": actor_json(ctx, t.responsible),
                "records": t.records,
                "text": t.text,
            }
            for t in policy.training
        ],
        "conflict_of_interest": {
            "id": coi.id,
            "declaration_required_for": list(coi.declaration_required_for),
            "declaration_required_for_labels": [label("declaration_required_for", r) for r in coi.declaration_required_for],
            "when": coi.when,
            "declared_to": actor_json(ctx, coi.declared_to),
            "legal_basis": [legal_ref_json(ctx, ref) for ref in coi.legal_basis],
            "text": coi.text,
        },
        "contract_management": _contract_management(ctx, policy),
    }


def render(ctx: RulesContext) -> Rendered | None:
    policies = sorted((p for p in ctx.model.procurement if is_published(p.meta, ctx.as_of)),
                      key=lambda p: (p.meta.id, p.meta.valid_from, p.meta.version))
    if not policies:
        return None
    data = {**ctx.header(), "documents": [_policy(ctx, p) for p in policies]}
    return Rendered(data, [index_entry(p.meta, ctx.as_of) for p in policies])


RULES_FILE = RulesFile(name="procurement", render=render)
