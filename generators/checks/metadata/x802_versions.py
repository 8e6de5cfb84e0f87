"""Versioner av samma dokument har giltighetstider som inte överlappar.

## Vad kontrolleras

Att `valid_to` inte ligger före `valid_from`; att två antagna versioner med samma dokument-id aldrig
gäller samma dag; att en version som följer en annan säger vilken den ersätter (`supersedes`) och att
den äldre versionen har ett `valid_to` dagen innan den nya börjar gälla; och att varje antaget
dokument har en version i kraft eller på väg.

## Varför

En ny delegationsordning antas ofta i november och börjar gälla 1 januari. Om den gamla inte har ett
slutdatum gäller båda samtidigt, och det går inte att avgöra vem som hade mandat för ett beslut.

## Lagrum

Ingen; en förutsättning för att avgöra vilken regel som gällde en viss dag.

## Exempel som godkänns

```yaml
# styrelsen.yaml
document: {id: delegation-styrelsen, version: "2026:1", valid_from: "2026-01-01", valid_to: "2026-12-31", ...}
```

```yaml
# styrelsen.2027.yaml
document: {id: delegation-styrelsen, version: "2027:1", valid_from: "2027-01-01", supersedes: "2026:1", ...}
```

## Exempel som underkänns

```yaml
# styrelsen.yaml (saknar valid_to)
document: {id: delegation-styrelsen, version: "2026:1", valid_from: "2026-01-01", ...}
```

```yaml
# styrelsen.2027.yaml
document: {id: delegation-styrelsen, version: "2027:1", valid_from: "2027-01-01", ...}
```
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import timedelta

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("X802", "document-versions", "error", "Versioner av ett dokument överlappar inte i tid.")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    by_id: dict[str, list] = {}
    for document in model.governed_documents():
        meta = document.meta
        if meta.valid_to is not None and meta.valid_to < meta.valid_from:
            yield RULE.at(meta.source.at("valid_to"), f"{meta.title}: valid_to ({meta.valid_to}) ligger före valid_from ({meta.valid_from}).")
        if meta.status == "antagen":
            by_id.setdefault(meta.id, []).append(meta)
    for versions in by_id.values():
        versions.sort(key=lambda m: m.valid_from)
        for older, newer in itertools.pairwise(versions):
            if older.version == newer.version:
                yield RULE.at(newer.source.at("version"), f"{newer.title}: två antagna versioner har samma versionsbeteckning {newer.version} (se {older.source.file}).")
            if older.valid_to is None or older.valid_to >= newer.valid_from:
                expected = (newer.valid_from - timedelta(days=1)).isoformat()
                yield RULE.at(
                    older.source.at("valid_to") if older.valid_to else older.source.at("valid_from"),
                    f"{older.title} version {older.version} gäller fortfarande när version {newer.version} börjar gälla {newer.valid_from} "
                    f"({newer.source.file}). Sätt valid_to: \"{expected}\" i den äldre versionen.",
                )
            if newer.supersedes != older.version:
                yield RULE.at(newer.source, f"{newer.title} version {newer.version} följer på version {older.version} ({older.source.file}) men anger inte supersedes: \"{older.version}\".")
