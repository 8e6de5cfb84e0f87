"""Ett dokument som skulle ha setts över är försenat.

## Vad kontrolleras

Att dagens datum inte har passerat dokumentets `review_by` (datum för senaste översyn). Gäller alla
styrdokument som är antagna och inte upphävda. Det är en varning. Dagens datum kan sättas med
`--today ÅÅÅÅ-MM-DD` så att körningar går att upprepa.

## Varför

Delegationsordningar och policyer föråldras: organisationen ändras, beloppsgränser och lagar ändras.
En försenad översyn är den vanligaste orsaken till att en delegationsordning hänvisar till
befattningar som inte längre finns.

## Lagrum

Ingen; god förvaltning och organisationens egna regler för styrdokument.

## Exempel som godkänns

```yaml
document: {review_by: "2027-06-30", ...}   # kontrollerad 2026-11-23
```

## Exempel som underkänns

```yaml
document: {review_by: "2026-06-30", ...}   # kontrollerad 2026-11-23
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("X801", "review-due", "warning", "Översynen är inte försenad.")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for document in model.governed_documents():
        meta = document.meta
        if meta.status == "upphavd" or (meta.valid_to is not None and meta.valid_to < ctx.today):
            continue
        if meta.review_by < ctx.today:
            days = (ctx.today - meta.review_by).days
            yield RULE.at(meta.source.at("review_by"), f"{meta.title} skulle ha setts över senast {meta.review_by.isoformat()} ({days} dagar sedan). Se över dokumentet och sätt ett nytt datum.")
