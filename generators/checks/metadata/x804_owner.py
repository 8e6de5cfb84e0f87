"""Dokumentägaren är en befattning som finns.

## Vad kontrolleras

Att varje styrdokuments ägare (`document.owner`) är en befattning som finns i organisationen.

## Varför

Ägaren ansvarar för att dokumentet ses över och är den som ändringar granskas av (CODEOWNERS
genereras från ägarna). En ägare som inte finns betyder att ingen ansvarar.

## Lagrum

Ingen; organisationens egna regler för styrdokument.

## Exempel som godkänns

```yaml
document: {owner: {position: kanslichef}, ...}
```

## Exempel som underkänns

```yaml
document: {owner: {body: styrelsen}, ...}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("X804", "document-owner", "error", "Dokumentägaren är en befattning som finns.", needs=("organisation",))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for document in model.governed_documents():
        owner = document.meta.owner
        where = owner.source or document.meta.source
        if owner.kind != "position":
            yield RULE.at(where, f"{document.meta.title}: dokumentägaren ska vara en befattning ({{position: ...}}), inte {org.label(owner)}.")
        elif not org.exists(owner):
            yield RULE.at(where, f"{document.meta.title}: dokumentägaren: {org.missing_reason(owner)}.")
