"""Handläggaren arbetar inte på samma enhet som den rapporten gäller (varning).

## Vad kontrolleras

För varje befattning som en regel för handläggning gäller för: om någon av de ledamöter som
handlägger rapporten (efter att jäviga ledamöter trätt åt sidan), eller den befattning som är
handläggare, arbetar på samma enhet som den rapporten gäller. Det är en varning, inget fel.

## Varför

En kollega på samma enhet står inte under den rapporten gäller och är därför inte jävig enligt
linjen, men närheten kan rubba förtroendet för utredningen och göra den som rapporterar mindre
benägen att använda kanalen.

## Lagrum

Lag (2021:890), 5 kap. (oberoende och självständiga personer eller enheter); KL 6 kap. 28 § 5
(delikatessjäv: omständigheter som rubbar förtroendet för opartiskheten).

## Exempel som godkänns

```yaml
- {id: om-kansliavdelningen, concerns: {unit: kansliavdelningen}, handler: {external: extern_mottagare}}
```

## Exempel som underkänns

```yaml
- {id: om-kansliavdelningen, concerns: {unit: kansliavdelningen}, handler: {function: visselblasarfunktionen}}
  # kanslichefen och kommunjuristen arbetar på kansliavdelningen
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.checks.whistleblowing._support import concerned_of, route_handlers, titles
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.organisation import Organisation
from generators.model.whistleblowing import join_titles

RULE = Rule("V604", "handler-same-unit", "warning", "Handläggaren arbetar inte på samma enhet som den rapporten gäller.",
            needs=("organisation",), per_document="whistleblowing")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for regulation in model.whistleblowing:
        for route in regulation.routes:
            for handler, role in route_handlers(route):
                if not regulation.handler_exists(org, handler):
                    continue
                by_colleagues: dict[tuple[str, ...], list[str]] = {}
                for who in concerned_of(org, regulation, route):
                    if who.kind != "position":
                        continue
                    assessment = regulation.assess(org, handler, who)
                    if assessment.passes and assessment.same_unit:
                        by_colleagues.setdefault(assessment.same_unit, []).append(who.id)
                for colleagues, concerned in by_colleagues.items():
                    unit_id = org.positions[concerned[0]].unit or ""
                    administration = org.administrations.get(org.positions[concerned[0]].administration)
                    unit = administration.units.get(unit_id, unit_id) if administration else unit_id
                    yield RULE.at(
                        handler.source,
                        f"Regeln {route.id}: en rapport om {titles(org, concerned)} {role} {regulation.handler_label(org, handler)}, "
                        f"{_who(org, handler.function is not None, colleagues)} på samma enhet ({unit}). Det är inte jäv enligt linjen, men närheten kan "
                        "rubba förtroendet för utredningen; överväg en handläggare från en annan enhet eller en extern mottagare.",
                    )


def _who(org: Organisation, group: bool, colleagues: tuple[str, ...]) -> str:
    """'där Kanslichef och Kommunjurist arbetar' for a group; 'som arbetar' for a single handler."""
    return f"där {join_titles(org, colleagues)} arbetar" if group else "som arbetar"
