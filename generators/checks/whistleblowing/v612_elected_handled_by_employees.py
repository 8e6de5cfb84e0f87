"""Rapporter om förtroendevalda som följs upp av anställda: risken pekas ut, rapporten tillåts.

## Vad kontrolleras

För varje regel som tar rapporter om förtroendevalda, både en egen regel (`concerns: {category:
fortroendevald}`) och standardregeln när ingen egen regel finns: om handläggaren eller den som
slutsatserna lämnas över till är anställda i organisationen (en befattning, en rolltyp eller den
egna visselblåsarfunktionen). Då ges en varning, aldrig ett fel.

## Varför

Lagen kräver att de som följer upp rapporter är oberoende och självständiga; den ställer inte de
förtroendevalda utanför funktionens räckvidd, och flera kommuner och regioner låter sin egen
visselblåsarfunktion ta emot rapporter om förtroendevalda. Men de anställda står i linjen under
direktören, som svarar inför styrelsen, där de förtroendevalda som rapporten gäller kan sitta.
Varningen pekar ut risken, så att reglementet kan säga hur funktionen förblir självständig i ett
sådant fall (till exempel att slutsatserna lämnas till revisorerna eller att en extern mottagare
kopplas in).

## Lagrum

Lag (2021:890) om skydd för personer som rapporterar om missförhållanden, 5 kap. (oberoende och
självständiga personer eller enheter ska följa upp rapporterna).

## Exempel som godkänns

```yaml
- {id: om-fortroendevalda, concerns: {category: fortroendevald}, handler: {external: extern_mottagare}, handover_to: {body: revisionen}}
```

## Exempel som underkänns

```yaml
- {id: om-fortroendevalda, concerns: {category: fortroendevald}, handler: {function: visselblasarfunktionen}}   # varning
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.checks.whistleblowing._support import concerned_of, route_handlers
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("V612", "elected-followed-up-by-employees", "warning", "Anställda som följer upp rapporter om förtroendevalda: risken pekas ut.",
            needs=("organisation",), per_document="whistleblowing")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for regulation in model.whistleblowing:
        for route in regulation.routes:
            if not any(c.kind == "category" and c.id == "fortroendevald" for c in concerned_of(org, regulation, route)):
                continue
            which = "standardregeln, som tar dem eftersom ingen egen regel gör det" if route.concerns.kind == "default" else "regeln för förtroendevalda"
            for handler, role in route_handlers(route):
                if not regulation.handler_exists(org, handler):
                    continue  # V605
                risk = regulation.elected_risk(org, handler)
                if risk is not None:
                    yield RULE.at(handler.source, f"Regeln {route.id} ({which}): en rapport om förtroendevalda {role} "
                                                  f"{regulation.handler_label(org, handler)}. {risk} Ange i reglementet hur funktionen "
                                                  "förblir självständig i sådana ärenden, till exempel att slutsatserna lämnas till revisorerna.")
