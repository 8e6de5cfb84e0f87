"""Värdet beräknas som lagen säger: hela beloppet exklusive moms, med optioner och förlängningar.

## Vad kontrolleras

Att policyns grund för att beräkna ett inköps värde (`value_basis`) följer lagen: värdet är det
totala belopp som ska betalas (`total_payable`), exklusive moms (`excluding_vat`), med optioner
(`includes_options`) och möjliga förlängningar (`includes_extensions`), och det är förbjudet att dela
upp ett inköp för att komma under en gräns (`splitting_forbidden`). Varje flagga som är `false` är ett fel.

## Varför

Värdet avgör vilket intervall och förfarande som gäller. Räknas bara första avtalsåret, eller
lämnas förlängningarna utanför, hamnar upphandlingar under direktupphandlingsgränsen som enligt lag
ligger över den.

## Lagrum

LOU (2016:1145) 5 kap. 1–4 §§ och 5 kap. 7 § (värdet, optioner och förlängningar, förbud mot att
dela upp); LUF (2016:1146) 5 kap. motsvarande.

## Exempel som godkänns

```yaml
value_basis: {excluding_vat: true, total_payable: true, includes_options: true, includes_extensions: true, splitting_forbidden: true, ...}
```

## Exempel som underkänns

```yaml
value_basis: {excluding_vat: true, total_payable: true, includes_options: true, includes_extensions: false, splitting_forbidden: true, ...}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("U714", "value-basis", "error", "Värdet beräknas som lagen säger.", needs=("procurement",), per_document="procurement")

_FLAGS = (
    ("excluding_vat", "värdet ska beräknas exklusive moms"),
    ("total_payable", "värdet är det totala belopp som ska betalas under hela avtalstiden"),
    ("includes_options", "optioner ska räknas in i värdet"),
    ("includes_extensions", "möjliga förlängningar ska räknas in i värdet"),
    ("splitting_forbidden", "det är förbjudet att dela upp ett inköp för att komma under en beloppsgräns"),
)


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for policy in model.procurement:
        basis = policy.value_basis
        for flag, meaning in _FLAGS:
            if not getattr(basis, flag):
                yield RULE.at(basis.source.at(flag), f"{flag}: false strider mot lagen: {meaning} (LOU 5 kap.). Sätt {flag}: true.")
