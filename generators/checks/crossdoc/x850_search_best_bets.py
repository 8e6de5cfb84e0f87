"""En rekommenderad sida i sökningen pekar på ett styrdokument som finns.

## Vad kontrolleras

Att varje rad under `publication.search.best_bets` i `organisation.yaml` anger ett styrdokument
(`document: <document.id>`) som finns bland styrdokumenten, och att ett sökord inte leder till två
olika dokument.

## Varför

Sökningen visar dokumentet först för de angivna sökorden. Ett felskrivet id skulle annars ge en
rekommendation som inte går att visa, och ett sökord med två rekommendationer säger inte vilken som
gäller.

## Lagrum

Ingen lag: lokal regel. Sökord och rekommenderade sidor är organisationens eget val i
`publication.search`.

## Exempel som godkänns

```yaml
best_bets:
  - {words: [visselblåsare], document: visselblasningsreglemente}
```

## Exempel som underkänns

```yaml
best_bets:
  - {words: [visselblåsare], document: visselblasningsregler}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.wording.swedish import join

RULE = Rule("X850", "search-best-bets", "error", "En rekommenderad sida i sökningen pekar på ett styrdokument som finns.",
            needs=("organisation",))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    search = org.publication.get("search") or {}
    known = sorted({d.data["document"]["id"] for d in model.documents
                    if isinstance(d.data, dict) and isinstance(d.data.get("document"), dict) and "id" in d.data["document"]})
    first_for: dict[str, str] = {}
    for index, bet in enumerate(search.get("best_bets") or []):
        at = org.source.at("publication", "search", "best_bets", index)
        if bet["document"] not in known:
            yield RULE.at(at.at("document"), f"Styrdokumentet '{bet['document']}' finns inte. Ange ett document.id; "
                                             f"de som finns är {join(known)}.")
            continue
        for word_index, word in enumerate(bet["words"]):
            key = word.casefold()
            if key in first_for and first_for[key] != bet["document"]:
                yield RULE.at(at.at("words", word_index), f"Sökordet '{word}' leder redan till '{first_for[key]}'. Ett sökord kan "
                                                          "bara ha en rekommenderad sida; ta bort det ur en av raderna.")
            first_for.setdefault(key, bet["document"])
