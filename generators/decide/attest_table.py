"""The attest kind's decision table: the attestreglemente's rules, every förteckning row and the line of
command, in the shape `generators.decide.attest.chain` reads.

The same data is published as attest.json (`generators/outputs/rules/attest.py` adds only the file
header), so an invoice system reading attest.json and `decide attest` compute the same chain.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from generators.decide.tables.common import included
from generators.model import Model
from generators.model.attest import ANSVAR_KIND_LABELS, Attestforteckning, Attestreglemente, attest_model
from generators.model.common import Actor, DocumentMeta
from generators.model.organisation import Organisation
from generators.wording.labels import ATTEST_RULES, ATTEST_STEPS


def _actor(org: Organisation, actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"kind": actor.kind, "id": actor.id, "key": actor.key, "label": org.label(actor), "body": actor.body}


def _document(meta: DocumentMeta) -> dict[str, Any]:
    return {"id": meta.id, "title": meta.title, "version": meta.version, "status": meta.status,
            "valid_from": meta.valid_from.isoformat(), "valid_to": meta.valid_to.isoformat() if meta.valid_to else None,
            "file": meta.source.file}


def _reglemente(org: Organisation, reglemente: Attestreglemente) -> dict[str, Any]:
    director = reglemente.director
    third = reglemente.third_step
    return {
        "document": _document(reglemente.meta),
        "steps": {key: {"label": ATTEST_STEPS[key], "paragraph": step.paragraph, "text": step.text, "cite": step.cite(reglemente)}
                  for key, step in sorted(reglemente.steps.items())},
        "rules": {key: {"label": ATTEST_RULES[key], "paragraph": rule.paragraph, "text": rule.text, "cite": rule.cite(reglemente)}
                  for key, rule in sorted(reglemente.rules.items())},
        "director_costs": None if director is None else {
            "label": ATTEST_RULES["director_costs"], "paragraph": director.rule.paragraph, "text": director.rule.text,
            "cite": director.rule.cite(reglemente), "director": _actor(org, director.director),
            "attested_by": _actor(org, director.attested_by), "substitute": _actor(org, director.substitute),
        },
        "categories": [{"id": c.id, "name": c.name, "accounts": list(c.accounts)} for c in reglemente.categories.values()],
        "third_step": None if third is None else {
            "paragraph": third.rule.paragraph, "text": third.rule.text, "cite": third.rule.cite(reglemente),
            "attestant": _actor(org, third.attestant), "substitute": _actor(org, third.substitute),
            "categories": list(third.categories), "from_amount": third.from_amount,
        },
        "amount_levels": [{"id": lv.id, "name": lv.name, "up_to": lv.up_to} for lv in reglemente.levels.values()],
    }


def _list(org: Organisation, forteckning: Attestforteckning) -> dict[str, Any]:
    body = org.bodies.get(forteckning.body)
    return {
        "document": _document(forteckning.meta),
        "body": {"id": forteckning.body, "name": body.name if body is not None else forteckning.body},
        "period": {"from": forteckning.period_from.isoformat(), "to": forteckning.period_to.isoformat()},
        "ansvar": [{
            "code": a.code, "kind": a.kind, "kind_label": ANSVAR_KIND_LABELS[a.kind], "name": a.name,
            "receiver": _actor(org, a.receiver), "reviewer": _actor(org, a.reviewer),
            "decider": _actor(org, a.decider), "substitute": _actor(org, a.substitute),
            "level": a.level, "above_level": _actor(org, a.above_level),
            "costs_of": [_actor(org, c) for c in a.costs_of],
            "categories": list(a.categories) if a.categories is not None else None,
            "note": a.note,
        } for a in forteckning.ansvar],
    }


def published_documents(model: Model, versions: str, as_of: date) -> tuple[list[Attestreglemente], list[Attestforteckning]]:
    """The reglemente versions and förteckningar the table holds, in a stable order."""
    attest = attest_model(model)
    reglementen = sorted((r for r in attest.reglementen if included(r.meta, versions, as_of)), key=lambda r: (r.meta.id, r.meta.valid_from))
    lists = sorted((f for f in attest.forteckningar if included(f.meta, versions, as_of)),
                   key=lambda f: (f.body, f.period_from, f.meta.valid_from))
    return reglementen, lists


def build(model: Model, versions: str, as_of: date) -> dict[str, Any] | None:
    org = model.organisation
    reglementen, lists = published_documents(model, versions, as_of)
    if not reglementen or org is None:
        return None
    # Every position's line upward: `--for` may name anyone, and the third step's independence is
    # decided on the line of the attestants actually asked.
    line = {pid: {"title": p.title, "superiors": org.superiors(pid)} for pid, p in sorted(org.positions.items())}
    return {"reglementen": [_reglemente(org, r) for r in reglementen], "lists": [_list(org, f) for f in lists], "line_of_command": line}
