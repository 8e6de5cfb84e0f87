"""Varje intern rapporteringskanal anger om anonyma rapporter tas emot.

## Vad kontrolleras

Att varje kanal under `channels` i reglementet för visselblåsning har fältet `anonymous`:
`true` när kanalen tar emot och följer upp anonyma rapporter, `false` när den som rapporterar
måste uppge vem den är. En kanal som inte säger något ger en varning.

## Varför

Den som funderar på att rapportera vill först veta om hen kan vara anonym. Lagen kräver inte att
anonyma rapporter tas emot, så svaret är organisationens eget val, och det ska stå i reglementet och
på webbplatsens sida om visselblåsning, kanal för kanal. Utan uppgiften kan sidan inte svara.

## Lagrum

Lokal regel: lag (2021:890) om skydd för personer som rapporterar om missförhållanden kräver inte
att anonyma rapporter tas emot (prop. 2020/21:193). Kontrollen kräver bara att reglementets val
står för varje kanal, i reglementets avsnitt om rapporteringskanaler (`channels`).

## Exempel som godkänns

```yaml
channels:
  - {id: webbformular, form: written, anonymous: true, ...}
  - {id: fysiskt-mote, form: meeting, anonymous: false, ...}
```

## Exempel som underkänns

```yaml
channels:
  - {id: telefon, form: oral, ...}   # säger inte om den som ringer kan vara anonym
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("V611", "anonymity-stated", "warning", "Varje rapporteringskanal anger om anonyma rapporter tas emot.",
            per_document="whistleblowing")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for regulation in model.whistleblowing:
        for channel in regulation.channels:
            if channel.anonymous is None:
                yield RULE.at(
                    channel.source.at("id"),
                    f"Kanalen '{channel.name}' i {regulation.meta.title} anger inte om anonyma rapporter tas emot. Skriv "
                    "anonymous: true eller anonymous: false, så att den som vill rapportera kan se det på webbplatsen.",
                )
