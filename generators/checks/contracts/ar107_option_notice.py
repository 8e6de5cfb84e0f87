"""En option om förlängning bevakas innan uppsägningstiden börjar.

## Vad kontrolleras

Ett gällande avtal med en option som inte utnyttjats ger en varning när dagens datum (`--today`)
ligger inom uppsägningstiden före avtalets nuvarande slutdatum: avtalets egen uppsägningstid
(`notice_months`) eller registrets. Meddelandet anger sista dagen för beslutet.

## Varför

En option som inte bevakas löper ut, eller förlängs av sig själv, utan att någon har bedömt om
avtalet ska förlängas, sägas upp eller upphandlas på nytt. Det var en av bristerna bakom de
överprissatta säkerhetsavtalen.

## Lagrum

Lokal regel: upphandlingspolicyn, avsnittet om avtalsförvaltning (avtalsägaren ser till att avtalet
förlängs, sägs upp eller upphandlas på nytt i tid).

## Exempel som godkänns

```yaml
term: {start: "2024-06-01", end: "2027-05-31", notice_months: 6, options: [{extends_to: "2028-05-31"}]}   # i dag 2026-11-23
```

## Exempel som underkänns

```yaml
term: {start: "2024-06-01", end: "2027-02-28", notice_months: 6, options: [{extends_to: "2028-02-29"}]}   # i dag 2026-11-23
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.contracts import contracts_model, notice_deadline

RULE = Rule("AR107", "option-notice", "warning", "En option om förlängning bevakas innan uppsägningstiden börjar.", needs=("contract",))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for register, contract in contracts_model(model).contracts():
        options = contract.open_options()
        end = contract.current_end()
        if contract.status != "active" or not options or end < ctx.today:
            continue
        deadline = notice_deadline(register, contract)
        if deadline <= ctx.today:
            yield RULE.at(options[0].source, f"Avtal {contract.id} löper ut {end.isoformat()} och har en option till "
                          f"{options[0].extends_to.isoformat()}. Uppsägningstiden ({register.notice_months_of(contract)} månader) "
                          f"började {deadline.isoformat()}: avtalsägaren ska besluta om optionen nu.")
