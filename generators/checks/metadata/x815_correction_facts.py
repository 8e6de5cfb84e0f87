"""En rättelse anger en dag efter beslutet och versionens egen paragraf i protokollet.

## Vad kontrolleras

Att varje rättelse under `document.corrections` hör till en antagen version (ett förslag rättas inte,
det ändras), är daterad samma dag som beslutet om antagande eller senare och senast i dag, och anger
samma paragraf i protokollet som versionens beslut (`adopted_by.paragraph`).

## Varför

En version som gäller eller har gällt får bara ändras utan nytt beslut genom en rättelse: texten i
filen rättas så att den stämmer med det justerade protokollet. Rättelsen är då det enda som visar
granskaren att ändringen inte är ett nytt beslut (`diff` underkänner annars ändringsförslaget). En
rättelse som är daterad före beslutet, i framtiden eller efter en annan paragraf kan inte gälla den
här versionens text.

## Lagrum

Ingen; en lokal ordning. Protokollet är beslutet, filen en avskrift av det, och rättelsen säger när och
efter vilken paragraf avskriften rättades.

## Exempel som godkänns

```yaml
adopted_by: {body: styrelsen, date: "2025-12-09", paragraph: "§ 214", diarienummer: "2025/412"}
corrections:
  - {date: "2026-03-02", paragraph: "§ 214", reason: "Beloppet i 5.1 rättat till 500 000 kr enligt protokollet."}
```

## Exempel som underkänns

```yaml
adopted_by: {body: styrelsen, date: "2025-12-09", paragraph: "§ 214", diarienummer: "2025/412"}
corrections:
  - {date: "2025-11-30", paragraph: "§ 12", reason: "Beloppet i 5.1 rättat."}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("X815", "correction-facts", "error", "En rättelse anger en dag efter beslutet och versionens egen paragraf.")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for document in model.governed_documents():
        meta = document.meta
        adoption = meta.adopted_by
        for correction in meta.corrections:
            where = correction.source
            named = f"{meta.title} version {meta.version}: rättelsen {correction.date.isoformat()}"
            faults = meta.correction_faults(correction, ctx.today)
            if "proposal" in faults or adoption is None:
                yield RULE.at(where, f"{named} hör till ett förslag. Ett förslag är inte beslutat och rättas inte; ändra texten och ta bort rättelsen.")
                continue
            if "before_decision" in faults:
                yield RULE.at(where.at("date"), f"{named} är daterad före beslutet ({adoption.date.isoformat()}, {adoption.paragraph}). "
                              "En rättelse görs efter att protokollet har justerats.")
            if "after_today" in faults:
                yield RULE.at(where.at("date"), f"{named} är daterad efter i dag ({ctx.today.isoformat()}). Ange dagen då texten rättades.")
            if "other_paragraph" in faults:
                yield RULE.at(where.at("paragraph"), f"{named} rättar efter {correction.paragraph}, men versionen antogs i {adoption.paragraph}. "
                              "En ändring som bygger på ett annat beslut är en ny version.")
