"""Ärendenummer och ärende-id är unika i en delegationsordning.

## Vad kontrolleras

Att inget ärendenummer (t.ex. 3.10) och inget ärende-id förekommer två gånger i samma
delegationsordning, och att avsnittsnumren är unika.

## Varför

Delegationsbeslut anmäls och protokollförs med ärendets nummer ("beslut enligt punkt 3.10 i
delegationsordningen"). Två ärenden med samma nummer gör det omöjligt att se vilket mandat ett beslut
stödde sig på; ett id som förekommer två gånger gör de publicerade reglerna tvetydiga.

## Lagrum

KL 6 kap. 40 § (anmälan av delegationsbeslut).

## Exempel som godkänns

```yaml
- {id: soc-ifo-utredning, number: "3.1", ...}
- {id: soc-ifo-placering, number: "3.10", ...}
```

## Exempel som underkänns

```yaml
- {id: soc-ifo-utredning, number: "3.1", ...}
- {id: soc-ifo-placering, number: "3.1", ...}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.common import SourceRef

RULE = Rule("D404", "unique-matter-numbers", "error", "Ärendenummer och id är unika per delegationsordning.", needs=("delegation",), per_document="delegation")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for order in model.delegations:
        # The first matter of each number and id; its line is looked up only for a message (a
        # document's positions are read from the disk cache when first asked for).
        numbers: dict[str, SourceRef] = {}
        ids: dict[str, SourceRef] = {}
        for matter in order.matters:
            if matter.number in numbers:
                yield RULE.at(matter.source.at("number"), f"Ärendenummer {matter.number} används redan på rad {numbers[matter.number].location().line}. "
                                                          "Varje ärende behöver ett eget nummer.")
            else:
                numbers[matter.number] = matter.source
            if matter.id in ids:
                yield RULE.at(matter.source.at("id"), f"Ärende-id '{matter.id}' används redan på rad {ids[matter.id].location().line}.")
            else:
                ids[matter.id] = matter.source
        sections: dict[str, str] = {}
        for index, (_section_id, number, title) in enumerate(order.sections):
            if number in sections:
                yield RULE.at(order.source.at("sections", index, "number"), f"Avsnittsnummer {number} används redan för avsnittet {sections[number]}.")
            sections.setdefault(number, title)
        # A matter number belongs to its section: 3.x stands in section 3.
        for matter in order.matters:
            section_number = next((n for sid, n, _ in order.sections if sid == matter.section_id), None)
            if section_number is not None and matter.number.split(".")[0] != section_number:
                yield RULE.at(matter.source.at("number"), f"Ärende {matter.number} står i avsnitt {section_number} ({matter.section_title}); numret ska börja med {section_number}.", severity="warning")
