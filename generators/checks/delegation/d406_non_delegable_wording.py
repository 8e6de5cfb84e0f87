"""Ett ärende som låter som ett icke-delegerbart ärende men har en annan ärendetyp.

## Vad kontrolleras

Att ett ärende vars rubrik innehåller ord som "principiell beskaffenhet", "större vikt" eller
"medborgarförslag" inte är registrerat under en delegerbar ärendetyp utan kommentar. Det är en
varning: ordet kan stå där av andra skäl ("ärenden som inte är av principiell beskaffenhet"), och om
ett ärende är av principiell beskaffenhet är en bedömning. Rubriker som beskriver det KL 6 kap. 38 §
1–2 själv räknar upp (yttranden till fullmäktige, verksamhetens mål) är ett fel, D420. En rad med
`not_reserved_because` har tagit ställning och varnas inte.

## Varför

Ärendetypen avgör om kontrollen D405 slår till. Ett ärende som i själva verket är av principiell
beskaffenhet men registreras som vanlig myndighetsutövning slipper annars igenom.

## Lagrum

KL 6 kap. 38 §.

## Exempel som godkänns

```yaml
- {kind: yttrande, title: Yttrande över remisser från myndigheter när yttrandet inte är av principiell beskaffenhet, note: "Yttranden av principiell beskaffenhet beslutas av nämnden.", ...}
```

## Exempel som underkänns

```yaml
- {kind: myndighetsutovning, title: Beslut i ärenden av större vikt om bistånd, ...}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.matter_kinds import MATTER_KINDS, NON_DELEGABLE_WORDING, negated, reserved_wording

RULE = Rule("D406", "non-delegable-wording", "warning", "Rubriken låter som ett icke-delegerbart ärende.", needs=("delegation",), per_document="delegation")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for order in model.delegations:
        for matter in order.matters:
            if not MATTER_KINDS.get(matter.kind, MATTER_KINDS["ovrigt"]).delegable:
                continue  # D405 already reports it
            if matter.not_reserved_because or reserved_wording(matter.title) is not None:
                continue  # the row took a position, or D420 reports it as an error
            title = matter.title.lower()
            for words, kind_id in NON_DELEGABLE_WORDING:
                if words in title:
                    # The negation may govern a whole clause: "som inte är av principiell beskaffenhet
                    # eller annars av större vikt". Look back to the start of the clause.
                    if negated(title, title.index(words)):
                        continue  # "... som inte är av principiell beskaffenhet" is the delegable part
                    yield RULE.at(
                        matter.source.at("title"),
                        f"Ärende {matter.number} nämner \"{words}\" men har ärendetypen '{matter.kind}'. Om ärendet avser "
                        f"\"{MATTER_KINDS[kind_id].label}\" får det inte delegeras ({MATTER_KINDS[kind_id].basis}); "
                        "annars: förtydliga rubriken.",
                    )
                    break
