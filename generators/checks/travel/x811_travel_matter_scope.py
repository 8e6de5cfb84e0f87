"""Ärendet som ett resegodkännande vilar på gäller tjänsteresor för just de resenärerna.

## Vad kontrolleras

För varje cell med `basis: delegation` och varje delegationsordning där ärendet finns, under
policyns giltighetstid:

- att ärendet är av slaget `tjansteresa` (Tjänsteresor), så att det ger mandat att besluta om resor,
- att det delegerande organet kan besluta om kategorins resor: för anställda styrelsen (för alla
  anställda) eller den nämnd vars förvaltning resenärerna arbetar i; för förtroendevalda det organ
  vars ledamöter reser, eller en nämnd för sitt eget utskott och presidium.

Meddelandet anger både cellen i rese- och mötespolicyn och ärendet i delegationsordningen med fil
och rad.

## Varför

Ett ärende om personalfrågor eller avtal ger inget mandat att godkänna resor, och en nämnd kan inte
delegera beslut om en annan nämnds personal eller ledamöter. Jämförelsen görs med id och organ,
aldrig genom att läsa rubriker.

## Lagrum

KL 6 kap. 37 § (nämnden delegerar i sina egna ärenden), 7 kap. 5 §.

## Exempel som godkänns

```yaml
# travel.yaml
- {id: anstallda-socialchef-varlden, category: anstallda-socialchef, ..., matter: soc-resor-utanfor-eu-forvaltningschef}
# delegation/socialnamnden.yaml
- {id: soc-resor-utanfor-eu-forvaltningschef, kind: tjansteresa, ...}
```

## Exempel som underkänns

```yaml
- {id: anstallda-utbildningschef-varlden, category: anstallda-utbildningschef, ..., matter: soc-resor-utanfor-eu-forvaltningschef}
# socialnämnden beslutar inte om utbildningschefens resor
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.checks.travel._support import delegation_check_dates, matters_on, place, titles, with_related
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.matter_kinds import MATTER_KINDS
from generators.model.organisation import in_running_text
from generators.model.travel import join_names

RULE = Rule("X811", "travel-matter-scope", "error", "Ärendet gäller tjänsteresor för kategorins resenärer.",
            needs=("organisation", "delegation"), per_document="travel")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for policy in model.travel:
        days = delegation_check_dates(model, policy)
        for approval in policy.approvals:
            if approval.basis != "delegation" or not approval.matter:
                continue
            category = policy.category(approval.category)
            seen: set[int] = set()
            for day in days:
                for order, matter in matters_on(model, approval.matter, day):
                    if id(order) in seen:
                        continue
                    seen.add(id(order))
                    there = place(matter.source)
                    head = f"Cellen {approval.id} hänvisar till ärende {matter.number} {matter.id} i {order.meta.title} ({there})"
                    if matter.kind != "tjansteresa":
                        kind = MATTER_KINDS.get(matter.kind)
                        yield with_related(RULE.at(
                            approval.source.at("matter"),
                            f"{head}, men det är ett ärende av slaget {kind.label if kind else matter.kind}, inte Tjänsteresor. "
                            "Det ger inget mandat att godkänna resor.",
                        ), there)
                    if category is None:
                        continue
                    body = org.bodies.get(order.body)
                    if body is None:
                        continue
                    if category.kind == "employee" and body.kind != "styrelse":
                        own = org.administration_of_body(order.body)
                        outside = [p for p in category.member_positions(org) if org.positions[p].administration != own]
                        if outside:
                            administration = org.administrations.get(own or "")
                            yield with_related(RULE.at(
                                approval.source.at("matter"),
                                f"{head}, men {in_running_text(body.name)} beslutar bara om resor för anställda i "
                                f"{administration.name if administration else 'sin egen förvaltning'}. Kategorin {category.name} omfattar också "
                                f"{titles(org, outside)}. Hänvisa till ett ärende i {org.words.styrelse_genitive} delegationsordning eller i rätt nämnds.",
                            ), there)
                    elif category.kind == "elected":
                        family = org.body_family(order.body)
                        outside_bodies = [b for b in category.bodies if b not in family]
                        if outside_bodies:
                            names = join_names(in_running_text(org.bodies[b].name) if b in org.bodies else b for b in outside_bodies)
                            yield with_related(RULE.at(
                                approval.source.at("matter"),
                                f"{head}, men {in_running_text(body.name)} kan inte besluta om resor för ledamöterna i {names}; "
                                "varje organ beslutar om sina egna ledamöters resor.",
                            ), there)
