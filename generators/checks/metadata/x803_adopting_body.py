"""Dokumentet är antaget av ett organ som får anta den sortens dokument.

## Vad kontrolleras

Att organet i `adopted_by.body` finns i organisationen och att dokumenttypen står i organets lista
`adopts` (organisationens egna regler i reglementena). En policy eller ett reglemente som fullmäktige ska
anta kan alltså inte ersättas av ett dokument som en nämnd har antagit.

## Varför

Fullmäktige beslutar i ärenden av principiell beskaffenhet eller annars av större vikt. En
upphandlingspolicy eller ett reglemente för visselblåsning som en nämnd antagit i fullmäktiges ställe
saknar verkan.

## Lagrum

KL 5 kap. 1 § (fullmäktiges beslutanderätt), 6 kap. 37 § (nämndens delegation).

## Exempel som godkänns

```yaml
document: {kind: upphandlingspolicy, adopted_by: {body: kommunfullmaktige, ...}, ...}
```

## Exempel som underkänns

```yaml
document: {kind: upphandlingspolicy, adopted_by: {body: samhallsbyggnadsnamnden, ...}, ...}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("X803", "adopting-body", "error", "Dokumentet är antaget av ett organ som får anta det.", needs=("organisation",))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for document in model.governed_documents():
        meta = document.meta
        adoption = meta.adopted_by
        if adoption is None:
            continue
        body = org.bodies.get(adoption.body)
        if body is None:
            yield RULE.at(adoption.source.at("body"), f"{meta.title} är antagen av '{adoption.body}', som inte finns bland organen i {org.source.file}.")
            continue
        if meta.kind not in body.adopts:
            allowed = [b.name for b in org.bodies.values() if meta.kind in b.adopts]
            who = ", ".join(allowed) if allowed else "inget organ (lägg till dokumenttypen under adopts för rätt organ)"
            yield RULE.at(
                adoption.source.at("body"),
                f"{meta.title} ({meta.kind}) är antagen av {body.name}, men enligt {org.source.file} ({body.source.location().line}) får "
                f"{body.name} inte anta den sortens dokument. Får anta: {who}.",
            )
