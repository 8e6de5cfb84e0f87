"""Telefonnummer i publicerad text ska vara granskade funktionsnummer.

## Vad kontrolleras

Varje textvärde i alla styrdokument och all referensdata söks igenom efter svenska telefonnummer
(0 eller +46 och 7–9 siffror till, grupperade med mellanslag eller bindestreck). Ett nummer som inte
står i undantagslistan (`policies/personal-data-allowlist.yaml`) ger en varning. Nummer jämförs
siffra för siffra, så 0980-319 210, 0980 319 210 och +46 980 319 210 är samma nummer. Belopp,
datum och diarienummer räknas inte som telefonnummer.

## Varför

Ett direktnummer till en enskild medarbetare är en personuppgift och blir fel när personen slutar.
Ett nummer till en växel, en kundtjänst eller en visselblåsarlinje är däremot en funktion. Det går
inte att se skillnad på numret; därför en varning, och en granskad lista över funktionsnumren.

## Lagrum

Dataskyddsförordningen (EU) 2016/679 art. 5.1 c (uppgiftsminimering).

## Exempel som godkänns

```yaml
phone: "0980-319 210"   # visselblåsarlinjen, i undantagslistan
```

## Exempel som underkänns

```yaml
text: Ring handläggaren på 070-123 45 67.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.personal_data.detect import find_phones, published_findings
from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("P903", "phone-numbers-reviewed", "warning", "Telefonnummer i publicerad text är granskade funktionsnummer.",
            needs=("allowlist",))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    allowlist = model.allowlist
    where = allowlist.file if allowlist is not None else f"{model.policies_display}/personal-data-allowlist.yaml"
    for found, source in published_findings(model.documents, find_phones):
        if allowlist is not None and allowlist.find("phone", found.text) is not None:
            continue
        yield RULE.at(source, f"Texten innehåller telefonnumret {found.text}, som inte står i undantagslistan ({where}). Är det ett "
                              "direktnummer till en person ska det bort; är det ett funktionsnummer (växel, kundtjänst) ska "
                              "dataskyddsombudet granska det och föra in det i listan.")
