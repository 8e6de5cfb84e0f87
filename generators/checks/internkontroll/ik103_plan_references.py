"""Internkontrollplanens hänvisningar och riskvärden stämmer.

## Vad kontrolleras

- Planens organ (`body`) finns i organisationen och är en styrelse eller nämnd.
- Planåret (`year`) är året då planen börjar gälla (`document.valid_from`).
- Varje risk och varje kontrollaktivitet har ett eget id i planen, och varje risk som en kontroll
  nämner finns i planens riskbedömning.
- Riskvärdet är sannolikheten gånger konsekvensen.
- Ett organ har bara en antagen plan per år.

Att den ansvariga befattningen finns kontrolleras av X807.

## Varför

En kontroll som hänvisar till en risk som inte finns möter ingen risk, och ett riskvärde som inte
stämmer med bedömningen flyttar risken över eller under tröskeln utan att någon har bedömt den.

## Lagrum

Kommunallagen (2017:725) 6 kap. 6 §.

## Exempel som godkänns

```yaml
risks: [{id: jav-vid-upphandling, description: "…", likelihood: 3, consequence: 5, score: 15}]
controls: [{id: jav-deklarationer, risks: [jav-vid-upphandling], activity: "…"}]
```

## Exempel som underkänns

```yaml
risks: [{id: jav-vid-upphandling, description: "…", likelihood: 3, consequence: 5, score: 12}]   # 3 × 5 är 15
controls: [{id: jav-deklarationer, risks: [jav-upphandling], activity: "…"}]                   # ingen sådan risk
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.internkontroll import internkontroll_model

RULE = Rule("IK103", "plan-references", "error", "Internkontrollplanens hänvisningar och riskvärden stämmer.",
            needs=("internkontroll", "organisation"))

_PLAN_BODY_KINDS = ("styrelse", "namnd", "krisledningsnamnd")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    ik = internkontroll_model(model)
    adopted: dict[tuple[str, int], str] = {}
    for plan in ik.plans:
        body = org.bodies.get(plan.body) if org is not None else None
        if org is not None and body is None:
            yield RULE.at(plan.source.at("body"), f"Planen gäller organet '{plan.body}', som inte finns bland organen i {org.source.file}.")
        elif body is not None and body.kind not in _PLAN_BODY_KINDS:
            yield RULE.at(plan.source.at("body"), f"Planen gäller {body.name}, men en internkontrollplan antas av en styrelse eller nämnd, "
                                                  f"som ansvarar för den interna kontrollen (KL 6 kap. 6 §).")
        if plan.meta.valid_from.year != plan.year:
            yield RULE.at(plan.source.at("year"), f"Planåret är {plan.year}, men planen börjar gälla {plan.meta.valid_from.isoformat()}. "
                                                  f"Ange samma år.")
        risk_ids: dict[str, int] = {}
        for risk in plan.risks:
            if risk.id in risk_ids:
                yield RULE.at(risk.source.at("id"), f"Risken '{risk.id}' finns redan på rad {risk_ids[risk.id]} i planen. Varje risk behöver ett eget id.")
                continue
            risk_ids[risk.id] = risk.source.at("id").location().line
            if risk.score != risk.computed_score:
                yield RULE.at(risk.source.at("score"), f"Riskvärdet för '{risk.id}' är {risk.score}, men sannolikheten {risk.likelihood} gånger "
                                                       f"konsekvensen {risk.consequence} är {risk.computed_score}.")
        control_ids: dict[str, int] = {}
        for control in plan.controls:
            if control.id in control_ids:
                yield RULE.at(control.source.at("id"), f"Kontrollen '{control.id}' finns redan på rad {control_ids[control.id]} i planen. "
                                                       f"Varje kontroll behöver ett eget id.")
            control_ids.setdefault(control.id, control.source.at("id").location().line)
            for i, risk_id in enumerate(control.risks):
                if risk_id not in risk_ids:
                    yield RULE.at(control.source.at("risks", i), f"Kontrollen '{control.id}' nämner risken '{risk_id}', som inte finns i planens "
                                                                 f"riskbedömning. Rätta id:t eller lägg till risken under risks.")
        if plan.meta.status == "antagen":
            key = (plan.body, plan.year)
            if key in adopted:
                yield RULE.at(plan.source.at("body"), f"Organet har redan en antagen plan för {plan.year} ({adopted[key]}). "
                                                      f"Upphäv den ena eller slå ihop planerna.")
            adopted.setdefault(key, plan.source.file)
