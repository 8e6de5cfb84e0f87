"""Organisationen och minst en delegationsordning finns.

## Vad kontrolleras

Att `policies/organisation.yaml` finns och att det finns minst en delegationsordning under
`policies/delegation/`, samt referensdata för prisbasbeloppet.

## Varför

Alla andra dokument hänvisar till organisationen. Utan den kan ingen hänvisning kontrolleras, och en
kontroll som inte har något att kontrollera får inte se ut som en godkänd kontroll.

## Lagrum

Ingen.

## Exempel som godkänns

```text
policies/organisation.yaml
policies/delegation/styrelsen.yaml
```

## Exempel som underkänns

```text
policies/delegation/styrelsen.yaml   (organisation.yaml saknas)
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("X805", "required-documents", "error", "Organisationen och delegationsordningar finns.")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    failed = model.failed_kinds
    if model.organisation is None and "organisation" not in failed:
        yield Diagnostic(f"{model.policies_display}/organisation.yaml", 1, 1, RULE.code, "Organisationsfilen saknas. Alla styrdokument hänvisar till den; skapa policies/organisation.yaml.")
    if not model.delegations and "delegation" not in failed:
        yield Diagnostic(f"{model.policies_display}/delegation", 1, 1, RULE.code, "Det finns ingen delegationsordning under policies/delegation/.")
    if "prisbasbelopp" not in model.reference.series and "reference" not in failed:
        yield Diagnostic(f"{model.policies_display}/reference", 1, 1, RULE.code, "Referensdata för prisbasbeloppet saknas (policies/reference/prisbasbelopp.yaml).")
