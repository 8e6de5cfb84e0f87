"""En rolltyp omfattar minst en befattning.

## Vad kontrolleras

Att varje rolltyp (till exempel "enhetschef inom socialförvaltningen") motsvarar minst en befattning,
antingen genom sina nivåer och sin förvaltning eller genom en uttrycklig lista.

## Varför

En regel som ger "enhetschef inom socialförvaltningen" en delegation gäller var och en av de
befattningarna. En rolltyp utan befattningar gör regeln tom: ingen får besluta.

## Lagrum

Ingen; en förutsättning för att regler som nämner en rolltyp ska betyda något.

## Exempel som godkänns

```yaml
role_types:
  - {id: enhetschef_soc, title: Enhetschef inom socialförvaltningen, levels: [enhetschef], administration: socialforvaltningen}
```

## Exempel som underkänns

```yaml
role_types:
  - {id: enhetschef_soc, title: Enhetschef inom socialförvaltningen, levels: [enhetschef], administration: kultur_och_fritidsforvaltningen_gammal}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("O305", "role-type-not-empty", "error", "Varje rolltyp omfattar minst en befattning.", needs=("organisation",))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for role_type in org.role_types.values():
        if not [p for p in org.positions_of_role_type(role_type.id) if p in org.positions]:
            yield RULE.at(role_type.source, f"Rolltypen {role_type.title} omfattar ingen befattning. En regel som nämner den skulle inte ge någon rätt att besluta.")
