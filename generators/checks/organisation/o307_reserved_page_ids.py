"""Ett id får inte heta som en sida som webbplatsen redan gör.

## Vad kontrolleras

Att inget organ, ingen befattning, rolltyp eller extern part har ett id som webbplatsen använder
som namn på en egen sida. Webbplatsen gör en sida för varje organ, befattning, rolltyp och extern
part och en delegationsordningssida för varje organ, med id:t som sidnamn; i samma mappar ligger
förteckningssidan `index`. Id:t `index` är därför upptaget.

## Varför

En befattning med id:t `index` skulle ta förteckningssidans plats: antingen stoppas bygget, eller så
försvinner förteckningen över alla roller. Kontrollen säger det i organisationsfilen, på raden där
id:t står, innan något byggs.

## Lagrum

Ingen; en förutsättning för att webbplatsen ska kunna visa varje roll och delegationsordning på en
egen sida. Ingen lag styr sidnamnen.

## Exempel som godkänns

```yaml
positions:
  - {id: registrator, title: Registrator, ...}
```

## Exempel som underkänns

```yaml
positions:
  - {id: index, title: Registrator, ...}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.paths import RESERVED_PAGE_IDS

RULE = Rule("O307", "reserved-page-ids", "error", "Inget id heter som en sida webbplatsen gör.", needs=("organisation",))

_KIND_LABELS = {"body": "ett organ", "position": "en befattning", "role_type": "en rolltyp", "external": "en extern part"}


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    tables: dict[str, Mapping[str, Any]] = {"body": org.bodies, "position": org.positions, "role_type": org.role_types,
                                            "external": org.externals}
    for kind, table in tables.items():
        for entity_id, entity in table.items():
            if entity_id in RESERVED_PAGE_IDS:
                yield RULE.at(entity.source.at("id"), (
                    f"Id:t '{entity_id}' kan inte användas för {_KIND_LABELS[kind]}: webbplatsen gör en sida av varje id, "
                    f"och sidnamnet '{entity_id}' är upptaget av förteckningssidan i samma mapp. Välj ett annat id."
                ))
