"""internkontroll.json: the reglemente för intern kontroll and every adopted internkontrollplan.

Each reglemente carries only the dates it states (`adoption_latest`, `reporting_latest` are null when
it states none: the law sets no date). Each plan gives its risks with score and whether a control meets
them, and its controls with owner (a position, never a person), method (an automatic check by rule code,
or a manual review in words), frequency and the meeting it reports to, with the deadlines its
reglemente sets for that year.
"""

from __future__ import annotations

from typing import Any

from generators.model.internkontroll import (
    DayOfYear,
    LocalRule,
    Plan,
    Reglemente,
    adoption_deadline,
    internkontroll_model,
    report_deadline,
)
from generators.outputs.rules.common import RulesContext, actor_json, body_json, index_entry
from generators.outputs.rules.registry import Rendered, RulesFile
from generators.wording.labels import label


def _day(rule: LocalRule | None, day: DayOfYear | None) -> dict[str, Any] | None:
    if rule is None or day is None:
        return None
    return {"paragraph": rule.paragraph, "text": rule.text, "year": day.year, "year_label": label("plan_year_offset", day.year),
            "month": day.month, "day": day.day}


def _adoption(ctx: RulesContext, plan: Plan | Reglemente) -> dict[str, Any] | None:
    adopted = plan.meta.adopted_by
    if adopted is None:
        return None
    return {"body": body_json(ctx, adopted.body), "date": adopted.date, "paragraph": adopted.paragraph, "diarienummer": adopted.diarienummer}


def _reglemente(ctx: RulesContext, r: Reglemente) -> dict[str, Any]:
    return {
        "id": r.meta.id, "title": r.meta.title, "version": r.meta.version, "valid_from": r.meta.valid_from, "valid_to": r.meta.valid_to,
        "adopted_by": _adoption(ctx, r),
        "plans": {"paragraph": r.plans.paragraph, "text": r.plans.text, "body_kinds": list(r.body_kinds)},
        "adoption_latest": _day(r.adoption, r.adoption.latest if r.adoption else None),
        "reporting_latest": _day(r.reporting, r.reporting.latest if r.reporting else None),
    }


def _plan(ctx: RulesContext, plan: Plan) -> dict[str, Any]:
    reglemente = internkontroll_model(ctx.model).reglemente_for_year(plan.year)
    return {
        "id": plan.meta.id, "title": plan.meta.title, "version": plan.meta.version, "status": plan.meta.status,
        "body": body_json(ctx, plan.body), "year": plan.year, "threshold": plan.threshold,
        "adopted_by": _adoption(ctx, plan),
        "reglemente": reglemente.meta.id if reglemente else None,
        "adoption_deadline": adoption_deadline(reglemente, plan.year) if reglemente else None,
        "report_deadline": report_deadline(reglemente, plan.year) if reglemente else None,
        "risks": [{"id": r.id, "description": r.description, "likelihood": r.likelihood, "consequence": r.consequence, "score": r.score,
                   "above_threshold": r.score > plan.threshold, "controls": [c.id for c in plan.controls_for(r.id)]} for r in plan.risks],
        "controls": [{"id": c.id, "risks": list(c.risks), "activity": c.activity, "owner": actor_json(ctx, c.owner),
                      "method": "automatic" if c.automatic else "manual", "code": c.automatic, "manual": c.manual,
                      "frequency": c.frequency, "frequency_label": label("control_frequency", c.frequency), "report": c.report}
                     for c in plan.controls],
        "source_file": plan.meta.source.file,
    }


def render(ctx: RulesContext) -> Rendered | None:
    ik = internkontroll_model(ctx.model)
    reglementen = [r for r in ik.reglementen if r.meta.status == "antagen"]
    plans = sorted((p for p in ik.plans if p.meta.status == "antagen"), key=lambda p: (p.year, p.meta.source.file))
    if not reglementen and not plans:
        return None
    documents = [index_entry(r.meta, ctx.as_of) for r in reglementen] + [index_entry(p.meta, ctx.as_of) for p in plans]
    data = {**ctx.header(), "reglementen": [_reglemente(ctx, r) for r in reglementen], "plans": [_plan(ctx, p) for p in plans]}
    return Rendered(data, documents)


RULES_FILE = RulesFile(name="internkontroll", render=render)
