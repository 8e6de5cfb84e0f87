"""Allt avtalsregistret hänvisar till finns, och inget avtalsnummer står två gånger.

## Vad kontrolleras

- att varje avtals kategori och grund finns bland registrets kategorier och grunder;
- att nämnden finns i organisationen och att kategorins upphandlingskategori finns i
  upphandlingspolicyn;
- att ett avtalsnummer, en kategori och en grund bara står en gång;
- att varje mottagare bland betalningarna som inte kräver avtal (`exempt_payments`) har ett giltigt
  organisationsnummer;
- att ett avtal slutar efter att det börjar och att varje option förlänger avtalet;
- att ett annonserat förfarande anger förfarandet och ett avrop sitt ramavtal.

## Varför

Ett avtal med en okänd kategori eller grund kan inte prövas mot lagens gränser, och två avtal med
samma nummer gör att fakturor kopplas till fel avtal. Inget gissas: felet visas där det står.

## Lagrum

Lokal regel: upphandlingspolicyn, avsnittet om avtalsförvaltning (alla avtal registreras).

## Exempel som godkänns

```yaml
category: bevakning
procurement: {ground: eu-upphandling, procedure: oppet, date: "2024-03-12"}
```

## Exempel som underkänns

```yaml
category: bevakningstjanster   # ingen sådan kategori
procurement: {ground: eu-upphandling, date: "2024-03-12"}   # förfarandet saknas
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.common import check_orgnr
from generators.model.contracts import contracts_model

RULE = Rule("AR109", "register-references", "error", "Allt avtalsregistret hänvisar till finns, och inget avtalsnummer står två gånger.",
            needs=("organisation", "contract"))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    policy_categories = {c for p in model.procurement for c in p.categories}
    for register in contracts_model(model).registers:
        for what, ident, source in register.duplicates:
            yield RULE.at(source, f"{what.capitalize()} {ident} står redan i avtalsregistret.")
        for exempt in register.exempt_payments.values():
            for index, (name, orgnr) in enumerate(exempt.suppliers):
                reason = check_orgnr(orgnr)
                if reason is not None:
                    yield RULE.at(exempt.source.at("suppliers", index, "orgnr"), f"{exempt.name}: organisationsnumret {orgnr} för {name} {reason}.")
        for category in register.categories.values():
            if model.procurement and category.procurement_category not in policy_categories:
                yield RULE.at(category.source.at("procurement_category"), f"Kategorin {category.id}: upphandlingskategorin "
                              f"'{category.procurement_category}' finns inte i upphandlingspolicyn.")
        for contract in register.contracts:
            if contract.category not in register.categories:
                yield RULE.at(contract.source.at("category"), f"Avtal {contract.id}: kategorin '{contract.category}' finns inte i "
                              f"registret. Kända kategorier: {', '.join(sorted(register.categories))}.")
            ground = register.grounds.get(contract.procurement.ground)
            if ground is None:
                yield RULE.at(contract.source.at("procurement", "ground"), f"Avtal {contract.id}: grunden '{contract.procurement.ground}' "
                              f"finns inte i registret. Kända grunder: {', '.join(sorted(register.grounds))}.")
            elif ground.kind == "procedure" and contract.procurement.procedure is None:
                yield RULE.at(contract.source.at("procurement"), f"Avtal {contract.id} har upphandlats med {ground.name.lower()}; "
                              "ange förfarandet under procurement.procedure.")
            elif ground.kind == "call_off" and contract.procurement.framework is None:
                yield RULE.at(contract.source.at("procurement"), f"Avtal {contract.id} är ett avrop; ange ramavtalet under "
                              "procurement.framework.")
            if org is not None and contract.body not in org.bodies:
                yield RULE.at(contract.source.at("body"), f"Avtal {contract.id}: organet '{contract.body}' finns inte i organisationen.")
            if contract.end < contract.start:
                yield RULE.at(contract.source.at("term", "end"), f"Avtal {contract.id} slutar {contract.end.isoformat()}, före "
                              f"startdagen {contract.start.isoformat()}.")
            for option in contract.options:
                if option.extends_to <= contract.end:
                    yield RULE.at(option.source, f"Avtal {contract.id}: optionen till {option.extends_to.isoformat()} förlänger inte "
                                  f"avtalet, som redan löper till {contract.end.isoformat()}.")
