"""Nämnden antar själv sin internkontrollplan i tid.

## Vad kontrolleras

När reglementet för intern kontroll anger en sista dag för antagandet (`adoption.latest`, i
exemplet den 31 december året före planåret): att planen är antagen (`document.status: antagen`) av
organet som planen gäller (`document.adopted_by.body` är planens `body`, inte ett utskott eller
någon annan) och senast den dagen. En plan som fortfarande är ett förslag när dagen har passerat ger
också en varning. Ger varningar; utan reglemente görs ingen kontroll.

## Varför

Nämnden ansvarar för den interna kontrollen och kan inte lämna planen till ett utskott eller en
tjänsteperson. En plan som antas sent lämnar en del av året utan beslutade kontroller.

## Lagrum

Lokal regel: reglementet för intern kontroll (i exemplet 5 §). Lagen (KL 6 kap. 6 §) anger
inget datum.

## Exempel som godkänns

```yaml
body: socialnamnden
document: {status: antagen, adopted_by: {body: socialnamnden, date: "2025-12-11", paragraph: "§ 171", diarienummer: "SN 2025/301"}}
```

## Exempel som underkänns

```yaml
body: socialnamnden
document: {status: antagen, adopted_by: {body: socialnamnden_individutskott, date: "2026-02-19", paragraph: "§ 12", diarienummer: "SN 2026/12"}}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.internkontroll._support import body_name, plans_with_reglemente
from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.internkontroll import adoption_deadline

RULE = Rule("IK105", "plan-adopted", "warning", "Nämnden antar själv sin internkontrollplan i tid.", needs=("internkontroll",))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for plan, reglemente in plans_with_reglemente(model):
        rule = reglemente.adoption
        deadline = adoption_deadline(reglemente, plan.year)
        if rule is None or deadline is None:
            continue
        cite = rule.cite(reglemente)
        meta = plan.meta
        owner = body_name(model, plan.body)
        if meta.status != "antagen" or meta.adopted_by is None:
            if ctx.today > deadline:
                yield RULE.at(meta.source.at("status"), f"{meta.title} är inte antagen, och {owner} skulle ha antagit den senast "
                                                        f"{deadline.isoformat()} ({cite}).")
            continue
        adoption = meta.adopted_by
        if adoption.body != plan.body:
            yield RULE.at(adoption.source.at("body"), f"{meta.title} är antagen av {body_name(model, adoption.body)}, men planen ska antas av "
                                                      f"{owner} själv ({cite}).")
        if adoption.date > deadline:
            yield RULE.at(adoption.source.at("date"), f"{meta.title} antogs {adoption.date.isoformat()}, efter sista dagen "
                                                      f"{deadline.isoformat()} ({cite}).")
