"""Den som godkänner en anställds resa står ovanför resenären i linjeorganisationen.

## Vad kontrolleras

För varje cell i beslutstabellen som gäller anställda, och för varje befattning i cellens
kategori: att godkännaren står strikt ovanför resenären i linjeorganisationen. Relativa aktörer
löses upp mot resenärens befattning: närmaste chef är resenärens chef, förvaltningschefen är
chefen för resenärens förvaltning, överordnad chef är närmaste chefens chef. Fel är

- en godkännare som är resenären själv (om cellen inte anger `own_trip_approver` som då beslutar),
- en godkännare som står under resenären, eller bredvid i en annan gren av linjen,
- närmaste chef för direktören, som inte har någon chef i linjen utan svarar inför
  styrelsen: cellen måste då ange en godkännare uttryckligen,
- en förtroendevald (ett organ eller en politisk post) som godkänner som arbetsledning för en
  anställd under direktören. Ett politiskt organ eller en politisk post står ovanför en anställd bara
  när resenären är direktören (toppen av linjen svarar inför styrelsen, dess utskott och
  presidium och dess ordförande) eller när beslutet vilar på delegation (`basis: delegation`),
- en extern part.

## Varför

Ingen ska godkänna sin egen resa, och den som godkänner ska ha ledningsrätt över resenären.
Direktörens egna resor måste gå till någon annan, till exempel styrelsens ordförande.

## Lagrum

KL 7 kap. 1–2 §§ (direktören leder förvaltningen under styrelsen); KL 6 kap. 28 § och
förvaltningslagen (2017:900) 16 § om jäv: ingen beslutar i en egen sak. Godkännande inom
arbetsledningen är ren verkställighet och ingen delegation.

## Exempel som godkänns

```yaml
- {id: anstallda-direktor-sverige, category: anstallda-direktor, zone: sverige,
   approver: {seat: ordforande, body: styrelsen}, basis: line_management}
```

## Exempel som underkänns

```yaml
- {id: anstallda-direktor-sverige, category: anstallda-direktor, zone: sverige,
   approver: {relative: narmaste_chef}, basis: line_management}   # direktören har ingen chef
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.checks.travel._support import titles
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.organisation import Organisation, in_running_text
from generators.model.travel import Approval, ResolvedApprover, chain_text

RULE = Rule("R505", "approver-above-traveller", "error", "Godkännaren står ovanför den anställda resenären i linjen.",
            needs=("organisation",), per_document="travel")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for policy in model.travel:
        for approval in policy.approvals:
            category = policy.category(approval.category)
            if category is None or category.kind != "employee":
                continue
            failures: dict[str, list[ResolvedApprover]] = {}
            for pid in category.member_positions(org):
                resolved = policy.resolve_for_position(org, approval, pid)
                if not resolved.allowed and resolved.relation != "unknown":  # unknown actors are R510's
                    failures.setdefault(resolved.relation, []).append(resolved)
            for relation, items in failures.items():
                where = (items[0].named.source if items[0].own_trip else None) or approval.approver.source or approval.source
                yield RULE.at(where, _message(org, approval, relation, items))


def _message(org: Organisation, approval: Approval, relation: str, items: list[ResolvedApprover]) -> str:
    travellers = titles(org, [i.traveller for i in items])
    first = items[0]
    named = org.label(first.named)
    actor = org.label(first.actor) if first.actor is not None else named
    prefix = f"Cellen {approval.id}:"
    if relation == "self":
        return (f"{prefix} {actor} skulle godkänna sin egen resa. Ingen beslutar i en egen sak; ange en godkännare "
                "ovanför i linjen eller own_trip_approver för resenärens egna resor.")
    if relation == "below":
        chain = f" ({chain_text(org, first.actor.id)})" if first.actor is not None and first.actor.kind == "position" else ""
        return f"{prefix} {actor} står under {travellers} i linjeorganisationen{chain}. Den som godkänner en resa ska stå ovanför resenären."
    if relation == "beside":
        where = f" ({chain_text(org, first.actor.id)}; resenären: {chain_text(org, first.traveller)})" if first.actor and first.actor.kind == "position" else ""
        return (f"{prefix} {actor} står inte ovanför {travellers} i linjeorganisationen{where}. "
                "Den som godkänner en resa ska vara resenärens chef eller en chef högre upp i samma linje.")
    if relation == "no_superior":
        top = org.top_body(first.traveller)
        answers = in_running_text(org.bodies[top].name) if top in org.bodies else "ett organ"
        return (f"{prefix} {named.lower()} finns inte för {travellers}, som inte har någon chef i linjeorganisationen utan svarar inför "
                f"{answers}. Ange godkännaren uttryckligen, t.ex. {{seat: ordforande, body: {top or org.words.styrelse}}}.")
    if relation == "political_line":
        return (f"{prefix} {actor} är förtroendevald och utövar inte arbetsledning över {travellers}, som har en chef i "
                f"linjeorganisationen ({chain_text(org, first.traveller)}). Ett politiskt organ eller en politisk post får godkänna en "
                "anställds resa bara med stöd av delegation (basis: delegation med ärendet i delegationsordningen) eller när resenären "
                "är direktören.")
    if relation == "external":
        return (f"{prefix} {actor} är en extern part och står utanför linjeorganisationen; en extern part kan inte godkänna "
                f"resor för {travellers}.")
    return f"{prefix} {actor} kan inte godkänna resor för {travellers}."
