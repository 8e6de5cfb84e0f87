"""Varje attestant är en befattning som finns i organisationen.

## Vad kontrolleras

Att befattningen som varje attesträtt ges till finns bland organisationens befattningar.

## Varför

En attesträtt för en befattning som inte finns kan ingen använda, och utbetalningarna blir utan
attestant.

## Lagrum

Lokal regel: attestreglementet (testdokument), avsnittet om attestanter.

## Exempel som godkänns

```yaml
attestants:
  - {id: attest-kd, position: kommundirektor, up_to: 500000}
```

## Exempel som underkänns

```yaml
attestants:
  - {id: attest-kd, position: kommundirektorn, up_to: 500000}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from tests.kinds.attestdemo.model import attest_rules

RULE = Rule("ZA101", "attestant-exists", "error", "Varje attestant är en befattning som finns.", needs=("organisation", "attestdemo"))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    rules, org = attest_rules(model), model.organisation
    if rules is None or org is None:
        return
    for attestant in rules.attestants:
        if attestant.position not in org.positions:
            yield RULE.at(attestant.source.at("position"), f"Attestanten {attestant.id} har befattningen {attestant.position}, som inte finns i organisationen.")
