"""Varje nämnd har en antagen attestförteckning för perioden.

## Vad kontrolleras

Att en attestförteckning är antagen (`document.status: antagen` med `adopted_by`) senast när dess period
börjar, och att en nämnd vars förteckning har löpt ut har en antagen förteckning för den nya perioden.
Ger en varning. Kontrollen görs bara när attestreglementet kräver en förteckning varje år
(`rules.annual_list`).

## Varför

En förteckning som inte är antagen ger ingen behörighet. Attesterar någon på en förteckning som
nämnden ännu inte beslutat om, eller på förra årets, saknar attesten grund och revisorerna anmärker.

## Lagrum

Lokal regel: attestreglementets paragraf om den årliga attestförteckningen (i exemplets attestreglemente 12 §).

## Exempel som godkänns

```yaml
period: {from: "2026-01-01", to: "2026-12-31"}
document: {status: antagen, adopted_by: {body: socialnamnden, date: "2025-12-11", ...}}
```

## Exempel som underkänns

```yaml
period: {from: "2026-01-01", to: "2026-12-31"}
document: {status: antagen, adopted_by: {body: socialnamnden, date: "2026-02-19", ...}}   # antagen efter periodens början
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.attest._support import lists_with_reglemente
from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.attest import attest_model

RULE = Rule("AT107", "list-adopted", "warning", "Varje nämnd har en antagen attestförteckning för perioden.",
            needs=("attest",))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    attest = attest_model(model)
    for forteckning, reglemente in lists_with_reglemente(model):
        rule = reglemente.states("annual_list")
        if rule is None:
            continue
        meta = forteckning.meta
        period = f"{forteckning.period_from.isoformat()}–{forteckning.period_to.isoformat()}"
        if meta.status != "antagen" or meta.adopted_by is None:
            if ctx.today >= forteckning.period_from:
                yield RULE.at(meta.source.at("status"), f"Attestförteckningen för perioden {period} har börjat gälla men är inte antagen "
                              f"av nämnden ({rule.cite(reglemente)}).")
            continue
        if meta.adopted_by.date > forteckning.period_from:
            yield RULE.at(meta.adopted_by.source.at("date"), f"Attestförteckningen antogs {meta.adopted_by.date.isoformat()}, efter att "
                          f"perioden {period} började. Attester före beslutet saknar stöd i förteckningen ({rule.cite(reglemente)}).")
        if ctx.today > forteckning.period_to:
            later = [f for f in attest.forteckningar if f.body == forteckning.body and f.period_from > forteckning.period_to
                     and f.meta.status == "antagen"]
            if not later:
                yield RULE.at(forteckning.source.at("period", "to"), f"Attestförteckningens period slutade {forteckning.period_to.isoformat()} "
                              f"och nämnden har ingen antagen förteckning för perioden efter ({rule.cite(reglemente)}).")
