"""Beslut om vidaredelegation håller sig inom vad nämnden medgett.

## Vad kontrolleras

För varje beslut om vidaredelegation (`further_delegations`): att ärendet finns i samma
delegationsordning och tillåter vidaredelegation; att beslutet fattas av en förvaltningschef inom organets
område som själv är ärendets delegat; att mottagaren är en anställd (en befattning eller rolltyp) inom
den förvaltningschefens egen förvaltning, inte en förtroendevald, ett organ eller en extern part; att
mottagaren inte är förvaltningschefen själv; att vidaredelegationen bara är ett steg; och att
beloppsgränsen inte överstiger ärendets egen gräns.

## Varför

Vidaredelegation är ett undantag: förvaltningschefen får föra en delegation vidare till en annan
anställd, men den som får en vidaredelegation får inte föra den vidare, och ingen kan ge bort mer än
den själv har.

## Lagrum

KL 7 kap. 6 § (vidaredelegation) och 7 kap. 7 § (beslut som fattas på vidaredelegation anmäls till
förvaltningschefen; för anmälan till nämnden gäller 7 kap. 8 § och 6 kap. 40 §). Vem besluten anmäls till kontrolleras
i D423.

## Exempel som godkänns

```yaml
further_delegations:
  - {id: soc-vd-1, matter: soc-ifo-kontaktperson, by: {position: socialchef}, to: {position: avdelningschef_ifo}, decided: "2026-01-15", reference: "SN 2026/12"}
```

## Exempel som underkänns

```yaml
further_delegations:
  - {id: soc-vd-2, matter: soc-ifo-kontaktperson, by: {position: avdelningschef_ifo}, to: {position: socialsekreterare}, decided: "2026-02-01", reference: "SN 2026/19"}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.checks.support import in_sek
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("D411", "further-delegation-decisions", "error", "Vidaredelegation sker ett steg, till en anställd, inom ärendets gräns.", needs=("organisation", "delegation"), per_document="delegation")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for order in model.delegations:
        # A styrelse or nämnd with several förvaltningar has several förvaltningschefer (KL 7 kap. 6 §);
        # each passes on only within the förvaltning they head.
        heads = org.heads_of_body(order.body)
        headed = {a.head: a.id for a in org.administrations.values() if a.id in org.administrations_of_body(order.body)}
        matters = {m.id: m for m in order.matters}
        for further in order.further_delegations:
            matter = matters.get(further.matter)
            if matter is None:
                yield RULE.at(further.source.at("matter"), f"Vidaredelegation {further.id} avser ärendet '{further.matter}', som inte finns i den här delegationsordningen.")
                continue
            if not matter.further_delegation:
                yield RULE.at(further.source.at("matter"), f"Vidaredelegation {further.id}: ärende {matter.number} ({matter.title}) tillåter inte vidaredelegation (further_delegation: false).")
            head = further.by.id if further.by.kind == "position" and further.by.id in heads else None
            head_admin = headed.get(head) if head else None
            if not (head is not None and any(d.same_as(further.by) for d in matter.all_delegates())):
                yield RULE.at(further.by.source or further.source, f"Vidaredelegation {further.id} beslutas av {org.label(further.by)}. Bara en förvaltningschef inom organets område som själv är delegat i ärende {matter.number} får vidaredelegera; den som fått en vidaredelegation får inte föra den vidare (KL 7 kap. 6 §).")
            to = further.to
            if to.kind not in ("position", "role_type"):
                yield RULE.at(to.source or further.source, f"Vidaredelegation {further.id} går till {org.label(to)}. Vidaredelegation får bara ges till en annan anställd, aldrig till förtroendevalda, organ eller externa parter (KL 7 kap. 6 §).")
            else:
                if to.kind == "position" and to.id == further.by.id:
                    yield RULE.at(to.source or further.source, f"Vidaredelegation {further.id} går tillbaka till förvaltningschefen själv.")
                outside = [p for p in org.positions_of(to) if head_admin is not None and p in org.positions and org.positions[p].administration != head_admin]
                if outside:
                    yield RULE.at(to.source or further.source, f"Vidaredelegation {further.id} går till {org.label(to)}, utanför förvaltningschefens egen förvaltning. Vidaredelegation sker inom nämndens område (KL 7 kap. 6 §).")
            if further.limit is not None:
                parent_limit = matter.limit
                if parent_limit is None and matter.tiers:
                    # The head's own tier sets what the head can pass on.
                    own = [t for t in matter.tiers if any(d.same_as(further.by) for d in t.delegates)]
                    parent_limit = own[0].up_to if own else None
                if parent_limit is not None:
                    day = max(further.decided, order.meta.valid_from)
                    mine, theirs = in_sek(model, further.limit, day), in_sek(model, parent_limit, day)
                    # "under X" passed on as "upp till och med X" is more than was received, by the amount itself.
                    if mine is not None and theirs is not None and (
                            mine > theirs or (mine == theirs and further.limit.upper_inclusive and not parent_limit.upper_inclusive)):
                        yield RULE.at(further.limit.source, f"Vidaredelegation {further.id} har en högre beloppsgräns än ärende {matter.number} självt. Ingen kan vidaredelegera mer än den själv fått.")
