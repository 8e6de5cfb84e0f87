"""Varje styrelse och nämnd har en antagen internkontrollplan för året.

## Vad kontrolleras

När reglementet för intern kontroll säger vilka organ som antar en plan varje år (`plans.body_kinds`):
att varje sådant organ i organisationen har en antagen plan för innevarande år (året för `--today`)
när sista dagen för antagandet har passerat (utan en sådan dag: när året har börjat). Varningen står
vid reglementets regel och anger organet och filen som saknas. Utan reglemente görs ingen kontroll.

## Varför

En nämnd utan plan har ingen dokumenterad riskbedömning och inga beslutade kontroller, vilket är
det första revisorerna frågar efter.

## Lagrum

Lokal regel: reglementet för intern kontroll (i exemplet 4 §), som bygger på kommunallagen
(2017:725) 6 kap. 6 §.

## Exempel som godkänns

```yaml
# internkontroll/socialnamnden-2026.yaml finns och är antagen
plans: {paragraph: "4 §", text: "…", body_kinds: [styrelse, namnd]}
```

## Exempel som underkänns

```yaml
# ingen plan för socialnämnden 2026
plans: {paragraph: "4 §", text: "…", body_kinds: [styrelse, namnd]}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.internkontroll import missing_plans

RULE = Rule("IK106", "plan-exists", "warning", "Varje styrelse och nämnd har en antagen internkontrollplan för året.",
            needs=("internkontroll", "organisation"))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    year = ctx.today.year
    for body, reglemente, deadline in missing_plans(model, org, year, ctx.today):
        when = f"senast {deadline.isoformat()}" if deadline is not None else f"före {year}"
        yield RULE.at(reglemente.plans.source.at("body_kinds"),
                      f"{body.name} har ingen antagen internkontrollplan för {year} (väntad fil: "
                      f"internkontroll/{body.id.replace('_', '-')}-{year}.yaml), och den skulle ha antagits {when} "
                      f"({reglemente.plans.cite(reglemente)}).")
