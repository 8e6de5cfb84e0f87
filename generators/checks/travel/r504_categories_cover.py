"""Varje befattning och varje politiskt organ hör till exakt en resenärskategori.

## Vad kontrolleras

Att resenärskategorierna i rese- och mötespolicyn tillsammans omfattar varje befattning i
organisationen exakt en gång (anställda, efter nivå eller uttryckligen efter befattning) när
policyn gäller anställda, och varje organ vars ledamöter är förtroendevalda (fullmäktige, styrelsen,
nämnder, utskott, presidier, krisledningsnämnden och revisorerna) exakt en gång när policyn gäller
förtroendevalda. Befattningar och organ som saknas eller som finns i två kategorier räknas upp.

## Varför

Kategorin avgör vilken rad i beslutstabellen som gäller. En befattning utan kategori har ingen som
får godkänna dess resor; en befattning i två kategorier har två.

## Lagrum

Ingen lag; organisationens rese- och mötespolicy.

## Exempel som godkänns

```yaml
- {id: anstallda-chefer, kind: employee, levels: [enhetschef, avdelningschef]}
- {id: anstallda-socialchef, kind: employee, positions: [socialchef]}
```

## Exempel som underkänns

```yaml
- {id: anstallda-chefer, kind: employee, levels: [enhetschef, avdelningschef, forvaltningschef]}
- {id: anstallda-socialchef, kind: employee, positions: [socialchef]}   # socialchefen i två kategorier
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.checks.travel._support import titles
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.organisation import in_running_text
from generators.model.travel import ELECTED_BODY_KINDS, join_names

RULE = Rule("R504", "categories-cover", "error", "Varje befattning och politiskt organ hör till exakt en resenärskategori.",
            needs=("organisation",), per_document="travel")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for policy in model.travel:
        categories_key = policy.source.at("traveller_categories")
        if policy.scope_employees:
            uncovered = []
            for pid in org.positions:
                found = policy.categories_of_position(org, pid)
                if not found:
                    uncovered.append(pid)
                for later in found[1:]:
                    yield RULE.at(
                        later.source.at("positions" if later.positions else "levels"),
                        f"{org.positions[pid].title} hör både till kategorin {found[0].name} och till {later.name}. "
                        "En befattning ska höra till exakt en kategori; annars finns två beslutsfattare för samma resa.",
                    )
            if uncovered:
                yield RULE.at(
                    categories_key,
                    f"{titles(org, uncovered)} hör inte till någon resenärskategori, så ingen cell i beslutstabellen säger vem som "
                    "godkänner deras resor. Lägg till deras nivå eller befattning i en kategori.",
                    at_key=True,
                )
        if policy.scope_elected:
            missing_bodies = []
            for body in org.bodies.values():
                if body.kind not in ELECTED_BODY_KINDS:
                    continue
                found = policy.categories_of_body(body.id)
                if not found:
                    missing_bodies.append(in_running_text(body.name))
                for later in found[1:]:
                    yield RULE.at(
                        later.source.at("bodies"),
                        f"Uppdrag i {in_running_text(body.name)} hör både till kategorin {found[0].name} och till {later.name}. "
                        "Ett organ ska höra till exakt en kategori.",
                    )
            if missing_bodies:
                yield RULE.at(
                    categories_key,
                    f"Förtroendevaldas resor i uppdraget för {join_names(missing_bodies)} hör inte till någon resenärskategori. "
                    "Lägg till organen i en kategori för förtroendevalda.",
                    at_key=True,
                )
