"""Allt som rese- och mötespolicyn hänvisar till finns.

## Vad kontrolleras

- Varje landgrupp som en zon använder finns i referensdatan, är en landgrupp och har ett värde på
  varje dag under policyns giltighetstid då zonerna kontrolleras.
- Varje cell i beslutstabellen hänvisar till en kategori och en zon som finns.
- Varje befattning och organ som en kategori räknar upp finns i organisationen.
- En beloppsgräns i en annan enhet än kronor har en referensserie (t.ex. prisbasbelopp).

Att godkännare och andra aktörer finns i organisationen kontrolleras av X807, att id:n är unika av
X806 och att ärenden i delegationsordningarna finns av X810.

## Varför

En hänvisning till något som inte finns betyder att regeln inte går att tillämpa: ingen har fått
mandatet, eller zonen är tom.

## Lagrum

Ingen lag; organisationens rese- och mötespolicy.

## Exempel som godkänns

```yaml
zones:
  - {id: eu_ees_utom_norden, include: {groups: [eu-ees]}, ...}
approvals:
  - {id: revisorer-varlden, category: revisorer, zone: varlden, ...}
```

## Exempel som underkänns

```yaml
zones:
  - {id: eu_ees_utom_norden, include: {groups: [ees]}, ...}            # ingen landgrupp med id ees
approvals:
  - {id: revisorer-varlden, category: revisorerna, zone: varlden, ...}   # ingen sådan kategori
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("R510", "travel-references", "error", "Allt som resepolicyn hänvisar till finns.", needs=("organisation", "reference"), per_document="travel")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    reference = model.reference
    for policy in model.travel:
        days = policy.check_dates(reference)
        for zone in policy.zones:
            for part in (zone.include, zone.exclude):
                if part is None:
                    continue
                for index, group in enumerate(part.groups):
                    where = part.source.at("groups", index)
                    series = reference.get(group)
                    if series is None:
                        known = sorted(s.id for s in reference.series.values() if s.kind == "country_group")
                        yield RULE.at(where, f"Zonen {zone.name} använder landgruppen '{group}', som inte finns under "
                                      f"{model.policies_display}/reference/. Landgrupper som finns: {', '.join(known)}.")
                    elif series.kind != "country_group":
                        yield RULE.at(where, f"Zonen {zone.name} använder '{group}' som landgrupp, men {series.source.file} är inte en landgrupp.")
                    else:
                        empty = [d.isoformat() for d in days if series.value_on(d) is None]
                        if empty:
                            yield RULE.at(where, f"Landgruppen '{group}' har inget värde den {', '.join(empty)} ({series.source.file}), "
                                          f"så zonen {zone.name} kan inte avgöras då.")
        for category in policy.categories:
            for index, pid in enumerate(category.positions):
                if pid not in org.positions:
                    yield RULE.at(category.source.at("positions", index), f"Kategorin {category.name}: befattningen '{pid}' finns inte i organisationen.")
            for index, bid in enumerate(category.bodies):
                if bid not in org.bodies:
                    yield RULE.at(category.source.at("bodies", index), f"Kategorin {category.name}: organet '{bid}' finns inte i organisationen.")
        for approval in policy.approvals:
            if policy.category(approval.category) is None:
                yield RULE.at(approval.source.at("category"), f"Cellen {approval.id} hänvisar till kategorin '{approval.category}', som inte finns under traveller_categories.")
            if policy.zone(approval.zone) is None:
                yield RULE.at(approval.source.at("zone"), f"Cellen {approval.id} hänvisar till zonen '{approval.zone}', som inte finns under zones.")
        for cost in policy.rules.costs:
            if cost.limit is not None and cost.limit.unit != "sek" and reference.get(cost.limit.unit) is None:
                yield RULE.at(cost.limit.source.at("unit"), f"Kostnadsregeln {cost.title}: beloppsenheten '{cost.limit.unit}' finns inte i referensdatan.")

