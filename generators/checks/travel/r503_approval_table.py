"""Beslutstabellen för resor är fullständig och utan överlapp.

## Vad kontrolleras

Att beslutstabellen i rese- och mötespolicyn har exakt en cell för varje kombination av
resenärskategori och resmålszon, som en DMN-tabell med regeln "unique" analyseras: en kombination
utan cell är en lucka, två celler för samma kombination är ett överlapp. Varje lucka och varje
dubbel cell rapporteras för sig, med kategorin och zonen.

## Varför

En lucka betyder att ingen har mandat att godkänna resan; ett överlapp betyder två olika
beslutsfattare för samma resa, så att den som söker kan välja den mest tillmötesgående.

## Lagrum

Ingen lag; organisationens rese- och mötespolicy. Där cellen är ett delegerat ärende gäller KL 6 kap.
37 § och 7 kap. 5 §.

## Exempel som godkänns

```yaml
- {id: anstallda-chefer-sverige, category: anstallda-chefer, zone: sverige, approver: {relative: narmaste_chef}, basis: line_management}
- {id: anstallda-chefer-norden, category: anstallda-chefer, zone: norden_utom_sverige, approver: {relative: narmaste_chef}, basis: line_management}
```

## Exempel som underkänns

```yaml
- {id: anstallda-chefer-sverige, category: anstallda-chefer, zone: sverige, ...}
- {id: anstallda-chefer-sverige-2, category: anstallda-chefer, zone: sverige, ...}   # samma kategori och zon
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.travel import Approval, join_names

RULE = Rule("R503", "approval-table-complete", "error", "Beslutstabellen har exakt en cell per kategori och zon.", per_document="travel")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for policy in model.travel:
        zone_ids = list(dict.fromkeys(z.id for z in policy.zones))
        seen_categories: set[str] = set()
        for category in policy.categories:
            if category.id in seen_categories:
                continue  # a doubled category id is R510's
            seen_categories.add(category.id)
            missing = [policy.zone(z) for z in zone_ids if not policy.approvals_for(category.id, z)]
            if missing:
                names = join_names(z.name for z in missing if z is not None)
                yield RULE.at(
                    category.source.at("id"),
                    f"Beslutstabellen saknar en cell för {category.name} och {'zonen' if len(missing) == 1 else 'zonerna'} {names}: "
                    "ingen har mandat att godkänna de resorna. Lägg till en cell per zon.",
                )
        first_cell: dict[tuple[str, str], Approval] = {}
        for approval in policy.approvals:
            key = (approval.category, approval.zone)
            if key in first_cell:
                first = first_cell[key]
                cell_category = policy.category(approval.category)
                cell_zone = policy.zone(approval.zone)
                yield RULE.at(
                    approval.source.at("id"),
                    f"Cellen {approval.id} gäller samma kategori ({cell_category.name if cell_category else approval.category}) och zon "
                    f"({cell_zone.name if cell_zone else approval.zone}) som cellen {first.id} (rad {first.source.location().line}). "
                    "Tabellen får ha exakt en cell per kategori och zon; annars finns två beslutsfattare för samma resa.",
                )
            else:
                first_cell[key] = approval
