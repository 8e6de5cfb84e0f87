"""Leverantörens organisationsnummer är giltigt.

## Vad kontrolleras

Ett svenskt organisationsnummer ska skrivas med tio siffror, NNNNNN-NNNN, och den sista siffran ska
stämma med Luhn-algoritmen (kontrollsiffran). En utländsk leverantör anger i stället sitt
momsregistreringsnummer (`vat`) eller ett annat registreringsnummer (`foreign_id`) med land; dem
prövar schemat. Ett organisationsnummer vars "månad" är 01–12 är en enskild firmas nummer, alltså
innehavarens personnummer: det får finnas i avtalsdatabasen men publiceras aldrig (P901 prövar att
det inte står i ett publicerat dokument).

## Varför

Ett felskrivet organisationsnummer gör att avtalet inte går att koppla till leverantören, till
fakturorna eller till kontroller av skatter och avgifter. Det är också ett vanligt tecken på en
leverantör som inte finns.

## Lagrum

Lag (1974:174) om identitetsbeteckning för juridiska personer m.fl. (organisationsnummer med kontrollsiffra).

## Exempel som godkänns

```yaml
- supplier: {name: Datavalvet Sverige AB, orgnr: "559012-3450"}
- supplier: {name: Mötesrum Nordic ApS, vat: "DK29403571", country: DK}
```

## Exempel som underkänns

```yaml
- supplier: {name: Datavalvet Sverige AB, orgnr: "559012-3458"}   # fel kontrollsiffra
- supplier: {name: Datavalvet Sverige AB, orgnr: "559 012 3450"}  # mellanslag
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.contracts import check_orgnr, contracts_model

RULE = Rule("AR108", "supplier-identity", "error", "Leverantörens organisationsnummer är giltigt.", needs=("contract",))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for _register, contract in contracts_model(model).contracts():
        orgnr = contract.supplier.orgnr
        if orgnr is None:
            continue
        problem = check_orgnr(orgnr)
        if problem is not None:
            yield RULE.at(contract.supplier.source.at("orgnr"), f"Avtal {contract.id}: organisationsnumret för {contract.supplier.name} "
                          f"{problem}. En utländsk leverantör anges med vat eller foreign_id och country.")
