"""Varje organ, förvaltning, befattning, rolltyp och extern part har ett eget id.

## Vad kontrolleras

Att inget id förekommer två gånger bland organen, förvaltningarna, befattningarna, rolltyperna och
de externa parterna i organisationsfilen.

## Varför

Alla styrdokument hänvisar till organisationen med id. Om två befattningar har samma id går det inte
att veta vem en delegation, ett attesträtt eller en hantering av en visselblåsning avser.

## Lagrum

Ingen; en förutsättning för att hänvisningarna ska gå att kontrollera. Delegation knyts till en
befattning, aldrig till en namngiven person (KL 7 kap. 5 §).

## Exempel som godkänns

```yaml
positions:
  - {id: socialchef, title: Socialchef, ...}
  - {id: avdelningschef_ifo, title: Avdelningschef individ- och familjeomsorg, ...}
```

## Exempel som underkänns

```yaml
positions:
  - {id: socialchef, title: Socialchef, ...}
  - {id: socialchef, title: Biträdande socialchef, ...}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("O301", "unique-organisation-ids", "error", "Id:n i organisationen är unika.", needs=("organisation",))

_KIND_LABELS = {"body": "organ", "administration": "förvaltning", "position": "befattning", "role_type": "rolltyp", "external": "extern part"}


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    tables: dict[str, Mapping[str, Any]] = {"body": org.bodies, "administration": org.administrations, "position": org.positions,
              "role_type": org.role_types, "external": org.externals}
    for kind, entity_id, source in org.duplicates:
        first = tables[kind][entity_id].source.location()
        yield RULE.at(source.at("id"), f"Id:t '{entity_id}' används redan för en annan {_KIND_LABELS[kind]} (rad {first.line}). Varje {_KIND_LABELS[kind]} behöver ett eget id.")
    # Positions, role types, bodies and externals share one namespace in rules' actors only by kind,
    # but a position and a role type with the same id confuse every reader of the published rules.
    seen: dict[str, str] = {}
    for kind in ("body", "position", "role_type", "external"):
        for entity_id, entity in tables[kind].items():
            if entity_id in seen and seen[entity_id] != kind:
                yield RULE.at(entity.source.at("id"), f"Id:t '{entity_id}' används både för en {_KIND_LABELS[seen[entity_id]]} och en {_KIND_LABELS[kind]}. Välj olika id.")
            seen.setdefault(entity_id, kind)
