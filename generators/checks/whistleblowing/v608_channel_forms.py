"""Rapporter kan lämnas skriftligt, muntligt och vid ett fysiskt möte på begäran.

## Vad kontrolleras

Att reglementets interna rapporteringskanaler tillsammans tar emot rapporter skriftligt
(`form: written`) och muntligt (`form: oral`), och att den som vill rapportera kan få ett fysiskt
möte på begäran (`form: meeting`, med inom hur många dagar mötet erbjuds).

## Varför

Lagen kräver att det går att rapportera både skriftligt och muntligt och att ett fysiskt möte ska
erbjudas om den rapporterande personen begär det. Saknas en form kan den som rapporterar inte
använda det sätt lagen garanterar.

## Lagrum

Lag (2021:890) om skydd för personer som rapporterar om missförhållanden, 5 kap. (hur rapportering
ska kunna ske i de interna kanalerna).

## Exempel som godkänns

```yaml
channels:
  - {id: webbformular, form: written, ...}
  - {id: telefon, form: oral, ...}
  - {id: fysiskt-mote, form: meeting, within_days: 14, ...}
```

## Exempel som underkänns

```yaml
channels:
  - {id: webbformular, form: written, ...}   # ingen muntlig kanal och inget möte på begäran
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.travel import join_names

RULE = Rule("V608", "channel-forms", "error", "Rapporter kan lämnas skriftligt, muntligt och vid ett möte på begäran.", per_document="whistleblowing")

REQUIRED = {"written": "skriftligt", "oral": "muntligt", "meeting": "vid ett fysiskt möte på begäran"}


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for regulation in model.whistleblowing:
        forms = {c.form for c in regulation.channels}
        missing = [label for form, label in REQUIRED.items() if form not in forms]
        if missing:
            yield RULE.at(
                regulation.source.at("channels"),
                f"Det går inte att rapportera {join_names(missing)} i {regulation.meta.title}. Lagen kräver att rapporter kan lämnas "
                "skriftligt och muntligt och att ett fysiskt möte erbjuds på begäran; lägg till en kanal för varje form.",
                at_key=True,
            )
