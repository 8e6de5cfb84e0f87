"""En version börjar inte gälla innan den antogs.

## Vad kontrolleras

Att varje antagen version av ett styrdokument har ett `valid_from` som är samma dag som beslutet om
antagande (`adopted_by.date`) eller senare.

## Varför

Ett beslut kan inte styra det som redan har hänt: den som beslutade på delegation före beslutsdagen
hade inte den rätten då, och en granskning prövar besluten mot det som gällde på deras dag. Oftast är
det ett skrivfel i ett av datumen; ibland en medveten tillbakaverkan, som då ska framgå av protokollet.
Därför en varning, inte ett fel.

## Lagrum

Ingen enskild paragraf: en allmän förvaltningsrättslig princip. Ett beslut gäller tidigast från det
att det fattades; tillbakaverkan kräver stöd i lag eller att den bara är till fördel för den enskilde
(jfr regeringsformen 2 kap. 10 § om retroaktiv lagstiftning).

## Exempel som godkänns

```yaml
adopted_by: {body: styrelsen, date: "2025-12-09", paragraph: "§ 214", diarienummer: "2025/412"}
valid_from: "2026-01-01"
```

## Exempel som underkänns

```yaml
adopted_by: {body: styrelsen, date: "2026-02-09", paragraph: "§ 14", diarienummer: "2026/12"}
valid_from: "2026-01-01"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("X814", "effective-before-adopted", "warning", "En version börjar inte gälla innan den antogs.")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for document in model.governed_documents():
        meta = document.meta
        adoption = meta.adopted_by
        if adoption is None or meta.status != "antagen" or meta.valid_from >= adoption.date:
            continue
        days = (adoption.date - meta.valid_from).days
        yield RULE.at(meta.source.at("valid_from"),
                      f"{meta.title} version {meta.version} gäller från {meta.valid_from.isoformat()}, {days} dagar innan den antogs "
                      f"({adoption.date.isoformat()}, {adoption.paragraph}). Kontrollera datumen mot protokollet; beslutar "
                      "organet verkligen om tillbakaverkan, ange det i dokumentets sammanfattning.")
