"""Inga personliga e-postadresser i publicerad text.

## Vad kontrolleras

Varje textvärde i alla styrdokument och all referensdata söks igenom efter e-postadresser. En adress
som inte står i den granskade undantagslistan för funktionsbrevlådor
(`policies/personal-data-allowlist.yaml`) är ett fel: den räknas som en personlig adress. Adresser
jämförs utan hänsyn till stora och små bokstäver. Meddelandet visar bara första bokstaven och domänen.

## Varför

En personlig adress (fornamn.efternamn@kommun.se) pekar ut en enskild medarbetare, slutar fungera när
personen byter tjänst och gör uppdraget personligt i stället för knutet till en befattning.
Styrdokument hänvisar till funktionsbrevlådor, som dataskyddsombudet har granskat.

## Lagrum

Dataskyddsförordningen (EU) 2016/679 art. 5.1 c (uppgiftsminimering) och art. 25 (inbyggt
dataskydd); KL (2017:725) 7 kap. 5 § (uppdrag knyts till befattningar, inte personer).

## Exempel som godkänns

```yaml
text: Frågor besvaras av upphandling@example.se.   # står i undantagslistan
```

## Exempel som underkänns

```yaml
text: Frågor besvaras av anna.andersson@example.se.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.personal_data.detect import find_emails, published_findings
from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("P902", "no-personal-email", "error", "Inga personliga e-postadresser i publicerad text.",
            needs=("allowlist",))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    allowlist = model.allowlist
    where = allowlist.file if allowlist is not None else f"{model.policies_display}/personal-data-allowlist.yaml"
    for found, source in published_findings(model.documents, find_emails):
        if allowlist is not None and allowlist.find("email", found.text) is not None:
            continue
        yield RULE.at(source, f"Texten innehåller e-postadressen {found.masked}, som inte är en granskad funktionsbrevlåda i {where}. "
                              "En personlig e-postadress får inte publiceras; hänvisa till en funktionsbrevlåda och låt "
                              "dataskyddsombudet granska den och föra in den i undantagslistan.")
