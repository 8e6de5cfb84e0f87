"""Ett ärende som enligt sin rubrik är förbehållet nämnden (KL 6 kap. 38 § 1–2) men har en delegerbar ärendetyp.

## Vad kontrolleras

Att ett ärende vars rubrik beskriver något som KL 6 kap. 38 § 1 eller 2 undantar från delegering inte
är registrerat under en delegerbar ärendetyp, om inte raden säger varför ärendet ändå inte är ett
sådant ärende (`not_reserved_because`). Kontrollen känner igen:

- framställningar och yttranden **till fullmäktige** ("Yttrande till fullmäktige över …",
  yttranden över motioner, som alltid lämnas till fullmäktige);
- yttranden med anledning av att **nämndens eget beslut eller fullmäktiges beslut har överklagats**
  ("Yttrande till förvaltningsrätten när nämndens beslut har överklagats");
- ärenden om **verksamhetens mål, inriktning, omfattning eller kvalitet**.

Ett yttrande till domstol när ett *delegationsbeslut* har överklagats är inte ett sådant ärende: det
får delegeras och godkänns. Ordval som lagen själv lämnar åt bedömning ("principiell beskaffenhet",
"större vikt") är en varning (D406), inte ett fel.

Det är ett fel, inte en varning: ett beslut i ett sådant ärende som fattas av en delegat har fattats
av fel organ. Den som skriver raden måste ta ställning, antingen genom att byta ärendetyp (då slår
D405 till och ärendet tas bort ur delegationsordningen) eller genom att ange skälet:

```yaml
not_reserved_because: "Yttrandet lämnas till styrelsen som remissinstans, inte till fullmäktige."
```

## Varför

Ärendetypen avgör om D405 slår till. Ett yttrande till fullmäktige som registreras som vanligt
"yttrande" slipper annars igenom, och spärren i pull-requesten släpper fram ett ärende som inte får
delegeras.

## Lagrum

KL 6 kap. 38 § 1 och 2.

## Exempel som godkänns

```yaml
- {kind: yttrande, title: Yttrande till förvaltningsdomstol i mål där ett delegationsbeslut har överklagats, ...}
- {kind: yttrande, title: Yttrande till fullmäktige över revisionsberättelsen, not_reserved_because: "…", ...}
```

## Exempel som underkänns

```yaml
- {kind: yttrande, title: Yttrande till fullmäktige över motioner, delegate: {position: direktor}, ...}
- {kind: ovrigt, title: Fastställa verksamhetens mål och inriktning, delegate: {position: socialchef}, ...}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.matter_kinds import MATTER_KINDS, reserved_wording

RULE = Rule(
    "D420", "reserved-wording", "error", "Rubriken beskriver ett ärende som KL 6 kap. 38 § förbehåller nämnden.",
    needs=("delegation",), per_document="delegation",
)


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for order in model.delegations:
        for matter in order.matters:
            if not MATTER_KINDS.get(matter.kind, MATTER_KINDS["ovrigt"]).delegable:
                continue  # D405 already reports it
            if matter.not_reserved_because:
                continue  # the row took a position
            found = reserved_wording(matter.title)
            if found is None:
                continue
            words, kind_id = found
            kind = MATTER_KINDS[kind_id]
            yield RULE.at(
                matter.source.at("title"),
                f"Ärende {matter.number} gäller enligt rubriken \"{words}\" men har ärendetypen '{matter.kind}'. "
                f"\"{kind.label}\" får inte delegeras ({kind.basis}). Ta bort ärendet ur delegationsordningen, "
                "eller ange i not_reserved_because varför ärendet inte är ett sådant ärende.",
            )
