"""Det finns en regel för vem som handlägger en rapport, vem den än gäller.

## Vad kontrolleras

Att reglementets regler för handläggning (`routing.routes`) täcker varje befattning i organisationen
(uttryckligen, genom enheten, genom en rolltyp eller genom standardregeln `default: true`), varje
kategori som inte är en befattning (förtroendevalda, revisorer, anställda hos leverantörer och
konsulter, en person som inte går att identifiera) och varje visselblåsarfunktion som helhet.
Befattningar och kategorier som ingen regel täcker räknas upp.

## Varför

En rapport som ingen regel täcker har ingen handläggare. Den blir liggande, eller hamnar hos någon
som inte är oberoende. Reglementet ska svara för alla, också för direktören, HR-direktören och
funktionens egna ledamöter.

## Lagrum

Lag (2021:890) om skydd för personer som rapporterar om missförhållanden, 5 kap. (interna
rapporteringskanaler och förfaranden för rapportering och uppföljning).

## Exempel som godkänns

```yaml
routes:
  - {id: om-direktor, concerns: {position: direktor}, handler: {external: lindsjo_kommun}}
  - {id: om-ovriga, concerns: {default: true}, handler: {function: visselblasarfunktionen}}
```

## Exempel som underkänns

```yaml
routes:
  - {id: om-direktor, concerns: {position: direktor}, handler: {external: lindsjo_kommun}}
  # ingen standardregel: rapporter om alla andra saknar handläggare
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.checks.whistleblowing._support import titles
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.travel import join_names
from generators.model.whistleblowing import CATEGORY_LABELS, Concerned

RULE = Rule("V601", "routing-covers", "error", "Varje befattning och kategori har en regel för vem som handlägger rapporten.",
            needs=("organisation",), per_document="whistleblowing")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for regulation in model.whistleblowing:
        where = regulation.source.at("routing", "routes")
        positions = [pid for pid in org.positions if regulation.route_for(org, pid) is None]
        if positions:
            yield RULE.at(where, f"Ingen regel anger vem som handlägger en rapport om {titles(org, positions)}. Lägg till en regel för dem, "
                          "eller en standardregel (concerns: {default: true}) med en handläggare som är oberoende av dem.", at_key=True)
        categories = [c for c in CATEGORY_LABELS if regulation.route_for(org, Concerned("category", c)) is None]
        if categories:
            yield RULE.at(where, f"Ingen regel anger vem som handlägger en rapport om {join_names(CATEGORY_LABELS[c] for c in categories)}. "
                          "Lägg till en regel per kategori (concerns: {category: ...}) eller en standardregel.", at_key=True)
        functions = [f for f in regulation.functions if regulation.route_for(org, Concerned("function", f.id)) is None]
        if functions:
            yield RULE.at(where, f"Ingen regel anger vem som handlägger en rapport om {join_names(f.name for f in functions)} som helhet. "
                          "Lägg till en regel med concerns: {function: ...} och en handläggare utanför funktionen.", at_key=True)
