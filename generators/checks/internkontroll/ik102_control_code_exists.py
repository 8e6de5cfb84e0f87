"""En automatisk kontroll nämner en regelkod som finns.

## Vad kontrolleras

Att varje kontrollaktivitet med metoden `automatic` anger en kod som är aktiv i regelkatalogen
(`generators/checks/codes.tsv`). En kod som aldrig har funnits, eller som har upphört, ger ett fel på
raden där koden står.

## Varför

En automatisk kontroll är bara en kontroll om regeln körs. En felskriven kod, eller en regel som har
tagits bort, gör att planen utlovar en kontroll som ingen gör.

## Lagrum

Kommunallagen (2017:725) 6 kap. 6 §.

## Exempel som godkänns

```yaml
method: {automatic: AT103}
```

## Exempel som underkänns

```yaml
method: {automatic: AT193}   # ingen regel har den koden
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.codes import read_table
from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.internkontroll import internkontroll_model

RULE = Rule("IK102", "control-code-exists", "error", "En automatisk kontroll nämner en regelkod som finns.",
            needs=("internkontroll",))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    plans = internkontroll_model(model).plans
    if not plans:
        return
    status = {entry.code: entry for entry in read_table()}
    for plan in plans:
        for control in plan.controls:
            code = control.automatic
            if code is None:
                continue
            entry = status.get(code)
            where = control.source.at("method", "automatic")
            if entry is None:
                yield RULE.at(where, f"Kontrollen '{control.id}' anger den automatiska kontrollen {code}, men det finns ingen regel med "
                                     f"den koden i regelkatalogen. Rätta koden eller beskriv kontrollen som manuell.")
            elif entry.status != "active":
                yield RULE.at(where, f"Kontrollen '{control.id}' anger regeln {code} ({entry.name}), som har upphört. "
                                     f"Ange regeln som ersatt den eller beskriv kontrollen som manuell.")
