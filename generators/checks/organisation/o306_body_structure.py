"""Utskott och presidier hör till en nämnd eller styrelsen; revisionen väljs av fullmäktige.

## Vad kontrolleras

Att varje utskott och presidium har ett moderorgan som är styrelsen eller en nämnd, att revisionen
hör till fullmäktige, att fullmäktige, styrelsen och nämnderna inte har något moderorgan, och att
det finns exakt ett fullmäktige och en styrelse. Ett kommunalförbund har antingen förbundsfullmäktige
och förbundsstyrelse eller en direktion, som är både fullmäktige och styrelse; direktionen räknas då
som vardera. En gemensam nämnd är en nämnd i den kommun eller region där den ingår.

## Varför

Ett utskott kan bara få delegation från sin egen nämnd (KL 6 kap. 37 §). Kontrollen av vem som får
vara delegat bygger på att utskottet hör till rätt nämnd.

## Lagrum

KL 6 kap. 37 § (delegation till utskott), 5 kap. 1 § och 6 kap. 1 § (fullmäktige och styrelsen),
9 kap. (kommunalförbund med förbundsfullmäktige eller direktion; 9 kap. 19 § gemensam nämnd),
12 kap. (revision).

## Exempel som godkänns

```yaml
- {id: socialnamnden_individutskott, name: Socialnämndens individutskott, kind: utskott, parent: socialnamnden, ...}
```

## Exempel som underkänns

```yaml
- {id: socialnamnden_individutskott, name: Socialnämndens individutskott, kind: utskott, ...}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("O306", "body-structure", "error", "Utskott och presidier hör till en nämnd; det finns ett fullmäktige och en styrelse.", needs=("organisation",))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for body in org.bodies.values():
        parent = org.bodies.get(body.parent or "")
        if body.kind in ("utskott", "presidium"):
            if parent is None:
                yield RULE.at(body.source, f"{body.name} är ett {body.kind} men saknar moderorgan (parent). Ange nämnden eller styrelsen det hör till.")
            elif parent.kind not in ("styrelse", "namnd", "gemensam_namnd", "fullmaktige", "direktion", "krisledningsnamnd"):
                yield RULE.at(body.source.at("parent"), f"{body.name} hör till {parent.name}, som inte är en nämnd, styrelsen eller fullmäktige.")
        elif body.kind == "revision":
            if parent is None or parent.kind not in ("fullmaktige", "direktion"):
                yield RULE.at(body.source, f"{body.name} ska ha fullmäktige som moderorgan: revisorerna väljs av och granskar på uppdrag av fullmäktige (KL 12 kap.).")
        elif body.parent:
            yield RULE.at(body.source.at("parent"), f"{body.name} är ett självständigt organ ({body.kind}) och ska inte ha något moderorgan.")
    # A kommunalförbund's direktion is both fullmäktige and styrelse (KL 9 kap.): it counts as each.
    for kind, label in (("fullmaktige", "fullmäktige"), ("styrelse", "styrelse")):
        found = [b for b in org.bodies.values() if b.kind in (kind, "direktion")]
        if len(found) != 1:
            yield RULE.at(org.source.at("bodies"), f"Organisationen ska ha exakt ett {label} (eller en direktion, som i ett kommunalförbund är "
                          f"både fullmäktige och styrelse), men har {len(found)}.")
