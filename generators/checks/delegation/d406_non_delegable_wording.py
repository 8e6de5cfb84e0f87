"""Ett ärende som låter som ett icke-delegerbart ärende men har en annan ärendetyp.

## Vad kontrolleras

Att ett ärende vars rubrik innehåller ord som "principiell beskaffenhet", "större vikt",
"verksamhetens mål", "yttrande till fullmäktige" eller "medborgarförslag" inte är registrerat under en
delegerbar ärendetyp utan kommentar. Det är en varning: ordet kan stå där av andra skäl ("ärenden som
inte är av principiell beskaffenhet").

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
- {kind: yttrande, title: Yttrande till kommunfullmäktige över motioner, ...}
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.matter_kinds import MATTER_KINDS, NON_DELEGABLE_WORDING

RULE = Rule("D406", "non-delegable-wording", "warning", "Rubriken låter som ett icke-delegerbart ärende.", needs=("delegation",), per_document="delegation")

_NEGATIONS = ("inte är av", "inte av", "ej av", "som inte", "utom")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for order in model.delegations:
        for matter in order.matters:
            if not MATTER_KINDS.get(matter.kind, MATTER_KINDS["ovrigt"]).delegable:
                continue  # D405 already reports it
            title = matter.title.lower()
            for words, kind_id in NON_DELEGABLE_WORDING:
                if words in title:
                    # The negation may govern a whole clause: "som inte är av principiell beskaffenhet
                    # eller annars av större vikt". Look back to the start of the clause.
                    before = re.split(r"[.;:]", title[: title.index(words)])[-1]
                    if any(neg in before for neg in _NEGATIONS):
                        continue  # "... som inte är av principiell beskaffenhet" is the delegable part
                    yield RULE.at(
                        matter.source.at("title"),
                        f"Ärende {matter.number} nämner \"{words}\" men har ärendetypen '{matter.kind}'. Om ärendet avser "
                        f"\"{MATTER_KINDS[kind_id].label}\" får det inte delegeras ({MATTER_KINDS[kind_id].basis}); "
                        "annars: förtydliga rubriken.",
                    )
                    break
