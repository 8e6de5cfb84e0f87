"""Inga personnummer eller samordningsnummer i publicerad text.

## Vad kontrolleras

Varje textvärde i alla styrdokument och all referensdata (allt som publiceras; undantagslistan
själv undantas) söks igenom efter personnummer och samordningsnummer: ÅÅMMDD-NNNK eller
ÅÅÅÅMMDDNNNK, med eller utan skiljetecken (`-`, eller `+` för den som fyllt 100). Ett nummer räknas
bara när datumdelen är ett verkligt datum (för samordningsnummer är dagen ökad med 60) och den sista
siffran stämmer med Luhn-algoritmen. Organisationsnummer (212000-2468, där "månaden" är 20 eller
mer), SFS-nummer (2017:725), diarienummer (KS 2025/412), datum och belopp flaggas därför inte.
Meddelandet visar bara datumdelen, aldrig hela numret.

## Varför

Styrdokumenten publiceras på webben och som öppna data. Ett personnummer i en delegationsordning
eller en policy — ofta inklistrat från ett beslut — röjer en uppgift om en enskild som inte behövs
för att förstå regeln, och som sedan sprids i kopior och arkiv.

## Lagrum

Dataskyddsförordningen (EU) 2016/679 art. 5.1 c (uppgiftsminimering) och art. 87; lag (2018:218)
med kompletterande bestämmelser till EU:s dataskyddsförordning 3 kap. 10 § (personnummer och
samordningsnummer får behandlas bara när det är klart motiverat).

## Exempel som godkänns

```yaml
text: Organisationens organisationsnummer är 212000-2468.
```

## Exempel som underkänns

```yaml
text: Beslutet gäller NN, 121212-1212, som ...
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.personal_data.detect import find_identity_numbers, published_findings
from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("P901", "no-identity-numbers", "error", "Inga personnummer eller samordningsnummer i publicerad text.")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for found, source in published_findings(model.documents, find_identity_numbers):
        yield RULE.at(source, f"Texten innehåller ett {found.kind} ({found.masked}). Personnummer och samordningsnummer får inte "
                              "stå i publicerade styrdokument; ta bort numret (en befattning eller ett diarienummer räcker).")
