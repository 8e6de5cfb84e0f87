"""internal-control.json: the governance health report ("Intern kontroll") as data.

The egenvärdering in force on the as-of date, every statement with its answer (`computed` true: read
from the documents by the query `query`, decided by the rules in `decided_by`; false: declared by the
owner with evidence and date), the counts per area, each styrelse's and nämnd's plan for the as-of year,
and what is overdue. Computed answers show what the documents say, not whether the controls work in
practice. The same data is shown on the site's page "Intern kontroll".
"""

from __future__ import annotations

from generators.model.egenvardering import ANSWERS, answer_of, declared_is_old, egenvardering_on, overdue
from generators.model.internkontroll import internkontroll_model
from generators.outputs.rules.common import RulesContext, body_json, index_entry
from generators.outputs.rules.registry import Rendered, RulesFile
from generators.wording.labels import label


def render(ctx: RulesContext) -> Rendered | None:
    ev = egenvardering_on(ctx.model, ctx.as_of)
    if ev is None:
        return None
    areas = []
    for area in ev.areas:
        statements = []
        counts = dict.fromkeys(ANSWERS, 0)
        for s in (s for s in ev.statements if s.area == area.id):
            answer = answer_of(ctx.model, s, ctx.as_of)
            counts[answer.value] += 1
            statements.append({
                "id": s.id, "text": s.text, "answer": answer.value, "answer_label": label("self_assessment_answer", answer.value),
                "computed": answer.computed, "query": s.computed, "reasons": list(answer.reasons),
                "decided_by": list(answer.decided_by) if answer.computed else [],
                "declared": None if s.declared is None else {"evidence": s.declared.evidence, "date": s.declared.date,
                                                             "older_than_a_year": declared_is_old(s.declared, ctx.as_of)},
                "disputed": None if s.disputed is None else {"evidence": s.disputed.evidence, "date": s.disputed.date,
                                                             "reason": s.disputed.reason},
            })
        areas.append({"id": area.id, "title": area.title, "counts": counts, "statements": statements})
    ik = internkontroll_model(ctx.model)
    org = ctx.model.organisation
    bodies = []
    for body in (b for b in org.bodies.values() if b.kind in ("styrelse", "namnd")) if org is not None else ():
        plan = ik.plan_for(body.id, ctx.as_of.year)
        bodies.append({**body_json(ctx, body.id), "plan": None if plan is None else {
            "id": plan.meta.id, "title": plan.meta.title, "status": plan.meta.status, "year": plan.year,
            "controls": len(plan.controls), "risks": len(plan.risks), "uncontrolled_risks": [r.id for r in plan.uncontrolled()],
            "source_file": plan.meta.source.file}})
    items = [{"kind": o.kind, "body": o.body, "what": o.what, "due": o.due, "file": o.file, "decided_by": o.decided_by}
             for o in overdue(ctx.model, ctx.as_of)]
    fw = ev.framework
    data = {**ctx.header(),
            "egenvardering": {"id": ev.meta.id, "title": ev.meta.title, "version": ev.meta.version,
                              "framework": {"title": fw.title, "publisher": fw.publisher, "published": fw.published, "url": fw.url, "note": fw.note}},
            "areas": areas, "bodies": bodies, "overdue": items}
    return Rendered(data, [index_entry(ev.meta, ctx.as_of)])


RULES_FILE = RulesFile(name="internal-control", render=render)
