"""Utvärderingsgruppen och den som beslutar lämnar jävsdeklaration innan anbuden lämnas ut.

## Vad kontrolleras

Att upphandlingspolicyns regel om jäv (`conflict_of_interest`) kräver jävsdeklaration av alla i
utvärderingsgruppen (`evaluation_group`) och av den som fattar tilldelningsbeslutet
(`decision_maker`). Att deklarationen lämnas innan anbuden lämnas ut (`when:
before_tender_access`) eller tidigare (`before_start`) säkerställer redan schemat, som inte tillåter
något senare.

## Varför

Jäv vid inköp, knutet till en enskild chef, var en av de granskade kommunernas skandaler. Den som är
jävig får inte delta i handläggningen; det går bara att upptäcka i tid om den som utvärderar och den
som beslutar har deklarerat sina band till anbudsgivarna innan de får se anbuden.

## Lagrum

Förvaltningslagen (2017:900) 16 § (jäv); KL (2017:725) 6 kap. 28 § (jäv för förtroendevalda) och
7 kap. 4 § (anställda); LOU (2016:1145) 4 kap. 1 § (likabehandling).

## Exempel som godkänns

```yaml
conflict_of_interest: {declaration_required_for: [evaluation_group, procurement_lead, decision_maker], when: before_tender_access, ...}
```

## Exempel som underkänns

```yaml
conflict_of_interest: {declaration_required_for: [procurement_lead], when: before_tender_access, ...}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("U716", "conflict-of-interest-declarations", "error", "Utvärderingsgruppen och beslutsfattaren lämnar jävsdeklaration i tid.",
            needs=("procurement",), per_document="procurement")

_REQUIRED = (("evaluation_group", "alla i utvärderingsgruppen"), ("decision_maker", "den som fattar tilldelningsbeslutet"))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for policy in model.procurement:
        coi = policy.conflict_of_interest
        for role, who in _REQUIRED:
            if role not in coi.declaration_required_for:
                yield RULE.at(coi.source.at("declaration_required_for"), f"Jävsdeklaration krävs inte av {who} ({role}). Den som utvärderar "
                                                                         "eller beslutar ska ha deklarerat sina band till anbudsgivarna innan "
                                                                         "anbuden lämnas ut; lägg till " + role + ".")
