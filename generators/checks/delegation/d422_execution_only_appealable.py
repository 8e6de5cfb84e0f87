"""Ett beslut som kan överklagas är inte ren verkställighet.

## Vad kontrolleras

Att en rad som är markerad som ren verkställighet (`execution_only: true`) inte är ett beslut som kan
överklagas:

- ärendetypen är myndighetsutövning (beslut mot enskild som fattas med stöd av lag och kan överklagas
  enligt förvaltningslagen eller speciallagen), eller
- rubriken beskriver en prövning: avslag, en ansökan, bistånd, bidrag till någon, tillstånd,
  föreläggande, förbud, återkrav eller avvisning. ("Beviljande av ledighet enligt lag och
  kollektivavtal" godkänns: där finns inget att pröva.) En avslutande bestämning med "inom …"
  anger var ärendet hör hemma, inte vad som prövas, och läses inte ("Avrop inom enheten för
  ekonomiskt bistånd" godkänns).

Rader om utbetalning eller verkställighet av ett redan fattat beslut ("Utbetalning av beviljat
bidrag") godkänns.

## Varför

Ren verkställighet är inte delegation och kräver ingen anmälan. En rad som markeras så försvinner
därför ur alla delegationskontroller och ur anmälan till nämnden. Men ett beslut som innehåller en
självständig bedömning, och därför kan överklagas, är ett delegationsbeslut: det ska anmälas till
nämnden eller protokollföras särskilt (KL 6 kap. 40 §), och först då börjar tiden för
laglighetsprövning att löpa (KL 13 kap. 5 §). Ett avslag på en ansökan är aldrig ren verkställighet.

## Lagrum

KL 6 kap. 40 § och 13 kap. 1 och 5 §§; förvaltningslagen (2017:900) 41 §.

## Exempel som godkänns

```yaml
- {title: Ledighet enligt lag och kollektivavtal, kind: personal, execution_only: true, ...}
```

## Exempel som underkänns

```yaml
- {title: Avslag på ansökan om särskilt boende, kind: myndighetsutovning, execution_only: true, ...}
- {title: Beslut om bidrag (grundbelopp) till enskild huvudman, kind: ekonomi, execution_only: true, ...}
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule(
    "D422", "execution-only-appealable", "error", "Ett beslut som kan överklagas är markerat som ren verkställighet.",
    needs=("delegation",), per_document="delegation",
)

_APPEALABLE_KINDS = ("myndighetsutovning", "myndighetsutovning_principiell")
_JUDGEMENT = re.compile(
    r"\b(?:avslag|avslå\w*|ansökan|ansökningar|bistånd|bidrag till|bidrag \([^)]*\) till|"
    r"tillstånd|föreläggande\w*|förbud|återkrav|avvisning|avvisa)\b"
)
# "… inom enheten för ekonomiskt bistånd" names where the matter lies, not what is decided.
_AREA = re.compile(r"\s+inom\s+.*$")
_EXECUTION = re.compile(r"^(?:utbetalning|verkställighet|verkställande|debitering|fakturering)\b")


def _judgement_in(title: str) -> re.Match[str] | None:
    """The words that make a title read as a prövning, read without its closing "inom …"."""
    lowered = _AREA.sub("", title.lower())
    return _JUDGEMENT.search(lowered) if _EXECUTION.search(lowered) is None else None


def title_reads_as_judgement(title: str) -> bool:
    """Whether a matter's title reads as a prövning (this rule's test; the synthetic city asks it too)."""
    return _judgement_in(title) is not None


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for order in model.delegations:
        for matter in order.matters:
            if not matter.execution_only:
                continue
            if matter.kind in _APPEALABLE_KINDS:
                reason = "ärendetypen är myndighetsutövning"
            elif (found := _judgement_in(matter.title)) is not None:
                reason = f"rubriken beskriver en prövning (\"{matter.title[found.start() : found.end()]}\")"
            else:
                continue
            yield RULE.at(
                matter.source.at("execution_only"),
                f"Ärende {matter.number} ({matter.title}) är markerat som ren verkställighet, men {reason}: ett sådant beslut "
                "innehåller en självständig bedömning och kan överklagas. Det är ett delegationsbeslut som ska anmälas "
                "till nämnden eller protokollföras särskilt (KL 6 kap. 40 §), annars börjar tiden för laglighetsprövning "
                "(KL 13 kap.) aldrig löpa. Ta bort execution_only och ange delegat och anmälan.",
            )
