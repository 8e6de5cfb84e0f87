"""Fullmäktige delegerar inte de ärenden som lagen förbehåller fullmäktige.

## Vad kontrolleras

I fullmäktiges egen delegationsordning (fullmäktige uppdrar åt en nämnd att besluta, KL 5 kap. 2 §):
att inget ärende är ett av de ärenden av principiell beskaffenhet eller annars av större vikt som
KL 5 kap. 1 § första stycket räknar upp, och att inget ärende är förbehållet fullmäktige i en annan
författning. Ett ärende räknas som ett sådant när

- dess typ är `mal_och_inriktning` (mål och riktlinjer för verksamheten, 5 kap. 1 § 1),
- dess rubrik nämner något som står i 5 kap. 1 § första stycket: budget, skatt, nämndernas
  organisation och verksamhetsformer (reglemente), val av ledamöter, ersättare eller revisorer,
  ekonomiska förmåner till förtroendevalda (arvoden), årsredovisning, ansvarsfrihet, folkomröstning
  eller extra val, eller
- dess lagrum är KL 5 kap. 1 § (ärendet anges då självt som fullmäktiges).

## Varför

Fullmäktige får låta en nämnd besluta i dess ställe i ett ärende eller en grupp av ärenden, men
inte i de grundläggande frågorna som lagen lägger på fullmäktige. Ett sådant beslut av en nämnd
saknar stöd och kan upphävas efter laglighetsprövning.

## Lagrum

KL 5 kap. 1 § första stycket och 5 kap. 2 §.

## Exempel som godkänns

```yaml
body: regionfullmaktige
matters:
  - {number: "1.1", title: "Besluta om regionens deltagande i EU-projekt upp till 50 prisbasbelopp", delegate: {body: regionala_utvecklingsnamnden}, ...}
```

## Exempel som underkänns

```yaml
body: regionfullmaktige
matters:
  - {number: "1.2", title: "Fastställa regionstyrelsens budget för nästa år", delegate: {body: regionstyrelsen}, ...}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.checks.support import delegated_matters
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("D430", "fullmaktige-delegation-limit", "error", "Fullmäktige delegerar inte ärenden som lagen förbehåller fullmäktige.",
            needs=("organisation", "delegation"), per_document="delegation")

# KL 5 kap. 1 § första stycket, point by point, with the words that name each matter in a title.
# This is the statute's own list (its structure, not an amount or a date), kept beside the rule.
RESERVED: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("1", "mål och riktlinjer för verksamheten", ("mål och riktlinjer",)),
    ("2", "budget, skatt och andra viktiga ekonomiska frågor", ("budget", "skattesats", "skatt ")),
    ("3", "nämndernas organisation och verksamhetsformer", ("reglemente", "nämndorganisation", "nämndernas organisation")),
    ("4", "val av ledamöter och ersättare i nämnder och beredningar", ("val av ledamöter", "välja ledamöter", "val av ersättare")),
    ("5", "val av revisorer", ("revisor",)),
    ("6", "grunderna för ekonomiska förmåner till förtroendevalda", ("arvode", "förmåner till förtroendevalda")),
    ("7", "årsredovisning och ansvarsfrihet", ("årsredovisning", "ansvarsfrihet")),
    ("8", "folkomröstning i kommunen eller regionen", ("folkomröstning",)),
    ("9", "extra val till fullmäktige", ("extra val",)),
)


def _reserved_point(title: str) -> tuple[str, str] | None:
    text = f"{title.lower()} "
    for point, label, words in RESERVED:
        if any(word in text for word in words):
            return point, label
    return None


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for order in model.delegations:
        body = org.bodies.get(order.body)
        if body is None or body.kind != "fullmaktige":
            continue
        for matter in delegated_matters(order):
            cites_5_1 = any(ref.cites("2017:725", "5", "1") for ref in matter.legal_basis)
            found = ("1", RESERVED[0][1]) if matter.kind == "mal_och_inriktning" else _reserved_point(matter.title)
            if found is None and not cites_5_1:
                continue
            what = f"5 kap. 1 § första stycket {found[0]} ({found[1]})" if found else "5 kap. 1 §"
            yield RULE.at(matter.source.at("title") if found and matter.kind != "mal_och_inriktning" else matter.source,
                          f"Ärende {matter.number} ({matter.title}) är ett ärende som fullmäktige självt beslutar om enligt KL {what}. "
                          "Fullmäktige får inte uppdra åt en nämnd att besluta i det (KL 5 kap. 2 §).")
