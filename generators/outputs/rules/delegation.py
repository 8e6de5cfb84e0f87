"""delegation.json: every body's delegationsordning, resolved, plus a flat decision table.

Published versions: adopted (`antagen`) and not expired on the as-of date, i.e. the version in force
and adopted versions still to come. Drafts and expired or repealed versions are not rules anyone
may act on.

The decision table answers "who may decide matter M for amount A (kronor) on date D" by lookup:
take the rows with `matter_id` M whose `valid_from` ≤ D ≤ `valid_to` (null = open), read
`sek_by_year[str(D.year)]` (a missing year means the amount cannot be converted that year, so the
table cannot answer), and keep the row where (`above` is null or A > `above`, or A = `above` when
`above.inclusive`) and (`up_to` is null or A < `up_to`, or A = `up_to` when `up_to.inclusive`: false for
a limit "under" the amount). `grant` says whether the row comes from the delegationsordning itself or from a
decision on vidaredelegation.
"""

from __future__ import annotations

from typing import Any

from generators.model.common import Amount, DocumentMeta
from generators.model.delegation import (
    OPEN_INTERVALS,
    Condition,
    Countersigning,
    DelegationOrder,
    Duration,
    FurtherDelegation,
    Matter,
    MatterReporting,
    SubstitutionRule,
    further_delegation_bounds,
)
from generators.model.matter_kinds import MATTER_KINDS
from generators.outputs.rules.common import (
    RulesContext,
    actor_json,
    actor_label,
    actor_positions,
    amount_json,
    body_json,
    document_json,
    index_entry,
    is_published,
    legal_ref_json,
    raw_at,
    sek,
    unit_value_by_year,
    validity_years,
)
from generators.outputs.rules.registry import Rendered, RulesFile
from generators.wording.labels import label
from generators.wording.limits import comparison_of as limit_comparison
from generators.wording.limits import duration_text


def _substitution(ctx: RulesContext, rule: SubstitutionRule | None) -> dict[str, Any] | None:
    if rule is None:
        return None
    text = actor_label(ctx, rule.actor) if rule.rule == "actor" and rule.actor else label("substitution_rule", rule.rule)
    return {"rule": rule.rule, "label": text, "actor": actor_json(ctx, rule.actor)}


def _provisions(ctx: RulesContext, order: DelegationOrder) -> dict[str, Any]:
    p = order.provisions
    return {
        "on_absence": _substitution(ctx, p.on_absence),
        "on_conflict_of_interest": _substitution(ctx, p.on_conflict_of_interest),
        "superior_may_decide": p.superior_may_decide,
        "body_may_take_over": p.body_may_take_over,
        "reporting": {
            "interval": p.reporting_interval,
            "interval_label": label("reporting_interval", p.reporting_interval),
            "how": p.reporting_how,
            "unreported_recorded_as": p.unreported_recorded_as,
        },
        "further_delegation_reported_to": actor_json(ctx, p.further_delegation_reported_to),
        "notes": list(p.notes),
    }


def _reporting(ctx: RulesContext, order: DelegationOrder, reporting: MatterReporting | None) -> dict[str, Any] | None:
    """A matter's reporting with the document's default interval filled in (and said so)."""
    if reporting is None:
        return None
    interval = reporting.interval
    interval_from = "matter" if interval is not None else None
    if interval is None and reporting.reported:
        interval, interval_from = order.provisions.reporting_interval, "document"
    return {
        "reported": reporting.reported,
        "interval": interval,
        "interval_label": label("reporting_interval", interval) if interval else None,
        "interval_from": interval_from,
        "recorded_as": reporting.recorded_as,
        "via": actor_json(ctx, reporting.via),
        # löpande / skyndsamt: the document names no day by which the report is due
        "fixed_deadline": interval is not None and interval not in OPEN_INTERVALS if reporting.reported else None,
    }


def _countersigning(ctx: RulesContext, countersigning: Countersigning | None) -> dict[str, Any] | None:
    if countersigning is None:
        return None
    return {
        "by": [actor_json(ctx, a) for a in countersigning.by],
        "or_appointed_by_delegate": countersigning.or_appointed_by_delegate,
    }


def _duration(duration: Duration | None) -> dict[str, Any] | None:
    if duration is None:
        return None
    return {"amount": duration.amount, "unit": duration.unit, "label": duration_text(duration.amount, duration.unit)}


def _condition(ctx: RulesContext, condition: Condition) -> dict[str, Any]:
    return {
        "kind": condition.kind,
        "kind_label": label("condition", condition.kind),
        "with": actor_json(ctx, condition.with_actor),
        "text": condition.text,
    }


def _matter(ctx: RulesContext, order: DelegationOrder, matter: Matter, section_numbers: dict[str, str]) -> dict[str, Any]:
    meta = order.meta
    kind = MATTER_KINDS.get(matter.kind)
    return {
        "id": matter.id,
        "number": matter.number,
        "title": matter.title,
        "kind": matter.kind,
        "kind_label": kind.label if kind is not None else matter.kind,
        "section": {"id": matter.section_id, "number": section_numbers.get(matter.section_id), "title": matter.section_title},
        "delegates": [actor_json(ctx, a) for a in matter.delegates],
        "substitute": actor_json(ctx, matter.substitute),
        "further_delegation": matter.further_delegation,
        "legal_basis": [legal_ref_json(ctx, ref) for ref in matter.legal_basis],
        "limit": amount_json(ctx, matter.limit, meta),
        "limit_comparison": _comparison(matter.limit, upper=True),
        "tiers": [
            {
                "index": index,
                "above": amount_json(ctx, tier.above, meta),
                "above_comparison": _comparison(tier.above, upper=False),
                "up_to": amount_json(ctx, tier.up_to, meta),
                "up_to_comparison": _comparison(tier.up_to, upper=True),
                "delegates": [actor_json(ctx, a) for a in tier.delegates],
                "substitute": actor_json(ctx, tier.substitute),
            }
            for index, tier in enumerate(matter.tiers)
        ],
        "conditions": [_condition(ctx, c) for c in matter.conditions],
        "reporting": _reporting(ctx, order, matter.reporting),
        "countersigning": _countersigning(ctx, matter.countersigning),
        "duration": _duration(matter.duration),
        "execution_only": matter.execution_only,
        "note": matter.note,
    }


# -- the decision table -------------------------------------------------------------------------
def _comparison(amount: Amount | None, *, upper: bool) -> str | None:
    """How a limit holds, the default written out: at_most / below for an upper limit, above / at_least for a lower one."""
    if amount is None:
        return None
    return limit_comparison(amount.upper_inclusive if upper else amount.lower_inclusive, upper=upper)


def _bound(amount: Amount | None, *, upper: bool) -> dict[str, Any] | None:
    if amount is None:
        return None
    return {"amount": amount.amount, "unit": amount.unit, "inclusive": amount.upper_inclusive if upper else amount.lower_inclusive}


def _bounds_by_year(ctx: RulesContext, meta: DocumentMeta, above: Amount | None, up_to: Amount | None) -> dict[str, Any]:
    """{year: {above, up_to}} in kronor, for the years every bound of the row converts."""
    units = {a.unit for a in (above, up_to) if a is not None}
    years = validity_years(ctx, meta, units)
    per_unit = {unit: unit_value_by_year(ctx, unit, meta, years) for unit in units}
    out: dict[str, Any] = {}
    for year in years:
        if any(year not in per_unit[unit] for unit in units):
            continue
        out[str(year)] = {
            "above": sek(above.amount, per_unit[above.unit][year]) if above is not None else None,
            "up_to": sek(up_to.amount, per_unit[up_to.unit][year]) if up_to is not None else None,
        }
    return out


def _row(
    ctx: RulesContext,
    order: DelegationOrder,
    matter: Matter,
    *,
    row_id: str,
    tier: int | None,
    grant: str,
    further_delegation_id: str | None,
    granted_by: str | None,
    delegates: list[Any],
    substitute: Any,
    above: Amount | None,
    up_to: Amount | None,
    valid_from: Any,
) -> dict[str, Any]:
    meta = order.meta
    single = delegates[0] if len(delegates) == 1 else None
    per = next((a.per for a in (above, up_to) if a is not None and a.per), None)
    vat = next((a.excluding_vat for a in (above, up_to) if a is not None and a.excluding_vat is not None), None)
    return {
        "id": row_id,
        "document_id": meta.id,
        "document_version": meta.version,
        "valid_from": valid_from,
        "valid_to": meta.valid_to,
        "in_force_on_as_of": meta.in_force_on(ctx.as_of),
        "body": order.body,
        "matter_id": matter.id,
        "matter_number": matter.number,
        "matter_kind": matter.kind,
        "tier": tier,
        "grant": grant,
        "further_delegation_id": further_delegation_id,
        "granted_by_key": granted_by,
        # One delegate in any model that passes D403. A joint delegation (several) is kept visible
        # as such, with no single delegate_key, rather than turned into one person's mandate.
        "delegate_key": single.key if single is not None else None,
        "delegate": actor_json(ctx, single),
        "delegate_positions": actor_positions(ctx, single) if single is not None else [],
        "joint_delegate_keys": [a.key for a in delegates] if single is None else [],
        "substitute_key": substitute.key if substitute is not None else None,
        "above": _bound(above, upper=False),
        "up_to": _bound(up_to, upper=True),
        "per": per,
        "excluding_vat": vat,
        "sek_by_year": _bounds_by_year(ctx, meta, above, up_to),
        "conditions": sorted({c.kind for c in matter.conditions}),
        "execution_only": matter.execution_only,
    }


def _decision_rows(ctx: RulesContext, order: DelegationOrder) -> list[dict[str, Any]]:
    meta = order.meta
    prefix = f"{meta.id}@{meta.version}"
    rows: list[dict[str, Any]] = []
    for matter in order.matters:
        common: dict[str, Any] = {"grant": "delegation", "further_delegation_id": None, "granted_by": None, "valid_from": meta.valid_from}
        if matter.tiers:
            for index, tier in enumerate(matter.tiers):
                rows.append(
                    _row(ctx, order, matter, row_id=f"{prefix}/{matter.id}/{index}", tier=index, delegates=list(tier.delegates),
                         substitute=tier.substitute, above=tier.above, up_to=tier.up_to, **common)
                )
        else:
            rows.append(
                _row(ctx, order, matter, row_id=f"{prefix}/{matter.id}", tier=None, delegates=list(matter.delegates),
                     substitute=matter.substitute, above=None, up_to=matter.limit, **common)
            )
    matters = {m.id: m for m in order.matters}
    for further in order.further_delegations:
        granted = matters.get(further.matter)
        if granted is None:  # D411 reports it; a row for an unknown matter would answer nothing
            continue
        above, up_to = further_delegation_bounds(granted, further)
        rows.append(
            _row(ctx, order, granted, row_id=f"{prefix}/{granted.id}/vd/{further.id}", tier=None, grant="further_delegation",
                 further_delegation_id=further.id, granted_by=further.by.key, delegates=[further.to], substitute=None,
                 above=above, up_to=up_to, valid_from=max(meta.valid_from, further.decided))
        )
    return rows


def _further_delegation(ctx: RulesContext, order: DelegationOrder, further: FurtherDelegation) -> dict[str, Any]:
    return {
        "id": further.id,
        "matter": further.matter,
        "by": actor_json(ctx, further.by),
        "to": actor_json(ctx, further.to),
        "limit": amount_json(ctx, further.limit, order.meta),
        "limit_comparison": _comparison(further.limit, upper=True),
        "decided": further.decided,
        "reference": further.reference,
        "note": further.note,
    }


def _order(ctx: RulesContext, order: DelegationOrder) -> dict[str, Any]:
    section_numbers = {sid: number for sid, number, _ in order.sections}
    return {
        "document": document_json(ctx, order.meta),
        "body": body_json(ctx, order.body),
        "general_provisions": _provisions(ctx, order),
        "sections": [
            {
                "id": sid,
                "number": number,
                "title": title,
                "description": raw_at(order.source, "sections", index, "description"),
                "matters": [m.id for m in order.matters if m.section_id == sid],
            }
            for index, (sid, number, title) in enumerate(order.sections)
        ],
        "matters": [_matter(ctx, order, m, section_numbers) for m in order.matters],
        "further_delegations": [_further_delegation(ctx, order, f) for f in order.further_delegations],
    }


def published_orders(ctx: RulesContext) -> list[DelegationOrder]:
    orders = [o for o in ctx.model.delegations if is_published(o.meta, ctx.as_of)]
    return sorted(orders, key=lambda o: (o.body, o.meta.id, o.meta.valid_from, o.meta.version))


def render(ctx: RulesContext) -> Rendered | None:
    orders = published_orders(ctx)
    data = {
        **ctx.header(),
        "documents": [_order(ctx, o) for o in orders],
        "decision_table": [row for o in orders for row in _decision_rows(ctx, o)],
    }
    return Rendered(data, [index_entry(o.meta, ctx.as_of) for o in orders])


RULES_FILE = RulesFile(name="delegation", render=render)
