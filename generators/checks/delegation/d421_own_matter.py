"""Ingen beslutar i ett ärende som rör den själv (jäv).

## Vad kontrolleras

Att ett ärende som rör en viss befattning eller förtroendepost inte är delegerat till just den, varken
som delegat, som delegat i en beloppsnivå eller som ersättare. Vem ärendet rör anges med `concerns`:

```yaml
- id: ks-personal-villkor-direktor
  title: "Lön och övriga anställningsvillkor för direktören"
  concerns: {position: direktor}
  delegate: {body: ks_presidium}
```

Är `concerns` angivet och delegaten (eller ersättaren) är samma befattning, post eller en rolltyp som
omfattar befattningen, är det ett **fel**. Saknas `concerns` men rubriken nämner delegatens egen
befattning på ett sätt som tyder på att ärendet gäller den ("för direktören",
"direktörens …"), är det också ett **fel**, tills raden tar ställning: ange med `concerns` vem
ärendet rör (en annan än delegaten, om rubriken inte avser delegaten själv), eller byt delegat. En
varning som ingen läser räcker inte när lagen förbjuder beslutet. Ett organ som delegat (ett utskott,
ett presidium) fångas inte: en jävig ledamot deltar inte, men organet kan besluta.

## Varför

Den som ärendet rör är part och får inte handlägga det: jäv för förtroendevalda enligt KL 6 kap.
28 § 1, som genom KL 7 kap. 4 § gäller också för anställda. En delegation som bara kan utövas av en
jävig person kan aldrig användas lagligt; beslutet kan upphävas. Samma princip gäller i
reseräkningar och attest (ingen godkänner sin egen resa eller sina egna kostnader).

## Lagrum

KL 6 kap. 28 § 1 och 7 kap. 4 §.

## Exempel som godkänns

```yaml
- {title: Lön och övriga anställningsvillkor för direktören, concerns: {position: direktor}, delegate: {body: ks_presidium}, ...}
```

## Exempel som underkänns

```yaml
- {title: Lön och övriga anställningsvillkor för direktören, concerns: {position: direktor}, delegate: {position: direktor}, ...}
```
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.common import Actor, SourceRef
from generators.model.delegation import Matter
from generators.model.matter_kinds import negated
from generators.model.organisation import Organisation

RULE = Rule("D421", "own-matter", "error", "Delegaten beslutar i ett ärende som rör den själv (jäv).", needs=("delegation",), per_document="delegation")

_PERSONS = ("position", "role_type", "seat")


def _deciders(matter: Matter) -> Iterator[tuple[Actor, SourceRef, str]]:
    for actor in matter.delegates:
        yield actor, actor.source or matter.source.at("delegate"), "delegat"
    for tier in matter.tiers:
        for actor in tier.delegates:
            yield actor, actor.source or tier.source, "delegat i en beloppsnivå"
        if tier.substitute is not None:
            yield tier.substitute, tier.substitute.source or tier.source, "ersättare i en beloppsnivå"
    if matter.substitute is not None:
        yield matter.substitute, matter.substitute.source or matter.source.at("substitute"), "ersättare"


def _same_person(org: Organisation, concerned: Actor, decider: Actor) -> bool:
    if concerned.same_as(decider):
        return True
    return bool(set(org.positions_of(concerned)) & set(org.positions_of(decider)))


@functools.lru_cache(maxsize=4096)  # one pattern per position title, asked for every row
def _own_position_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:för|åt|till) {re.escape(name)}(?:en|n)?\b|\b{re.escape(name)}(?:ens|ns)\b")


def _names_own_position(org: Organisation, title: str, decider: Actor) -> str | None:
    lowered = title.lower()
    for position_id in org.positions_of(decider):
        found = _own_position_pattern(org.positions[position_id].title.lower()).search(lowered)
        if found is not None and not negated(lowered, found.end()):
            return title[found.start() : found.end()]
    return None


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for order in model.delegations:
        for matter in order.matters:
            for decider, source, role in _deciders(matter):
                if decider.kind not in _PERSONS:
                    continue
                label = org.label(decider)
                if matter.concerns is not None:
                    if _same_person(org, matter.concerns, decider):
                        yield RULE.at(
                            source,
                            f"Ärende {matter.number} ({matter.title}) rör {org.label(matter.concerns).lower()}, som också är {role}. "
                            "Ingen får besluta i ett ärende som rör den själv (jäv, KL 6 kap. 28 § 1 och 7 kap. 4 §). "
                            "Delegera ärendet till någon annan, t.ex. närmast överordnad eller ett utskott.",
                        )
                    continue
                words = _names_own_position(org, matter.title, decider)
                if words is not None:
                    yield RULE.at(
                        source,
                        f"Ärende {matter.number} ({matter.title}) verkar enligt rubriken (\"{words}\") röra {label.lower()}, som också är {role}. "
                        "Ingen får besluta i ett ärende som rör den själv (jäv, KL 6 kap. 28 § 1 och 7 kap. 4 §). "
                        "Delegera till någon annan, eller ange med concerns vem ärendet rör om det inte är delegaten.",
                    )
