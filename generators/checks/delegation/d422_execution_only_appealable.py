"""Ett beslut som kan överklagas är inte ren verkställighet.

## Vad kontrolleras

Att en rad som är markerad som ren verkställighet (`execution_only: true`) inte är ett beslut som kan
överklagas:

- ärendetypen är myndighetsutövning (beslut mot enskild som fattas med stöd av lag och kan överklagas
  enligt förvaltningslagen eller speciallagen), eller
- rubriken beskriver en prövning: avslag, en ansökan, bistånd, bidrag till någon, tillstånd,
  föreläggande, förbud, återkrav eller avvisning. ("Beviljande av ledighet enligt lag och
  kollektivavtal" godkänns: där finns inget att pröva.)

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
_EXECUTION = re.compile(r"^(?:utbetalning|verkställighet|verkställande|debitering|fakturering)\b")


def title_reads_as_judgement(title: str) -> bool:
    """Whether a matter's title reads as a prövning (this rule's test; the synthetic city asks it too)."""
    lowered = title.lower()
    return _EXECUTION.search(lowered) is None and _JUDGEMENT.search(lowered) is not None


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for order in model.delegations:
        for matter in order.matters:
            if not matter.execution_only:
                continue
            title = matter.title.lower()
            if matter.kind in _APPEALABLE_KINDS:
                reason = "ärendetypen är myndighetsutövning"
            elif _EXECUTION.search(title) is None and (found := _JUDGEMENT.search(title)) is not None:
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
