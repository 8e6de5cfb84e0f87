"""Handläggare, funktioner och allt annat som reglementet hänvisar till finns.

## Vad kontrolleras

- Varje handläggare, mottagare av överlämnade slutsatser och reserv som är en funktion
  (`{function: ...}`) finns under `functions`; ingen handläggare är en relativ aktör som
  "närmaste chef", och en funktion är inte sin egen reserv.
- Varje funktions ledamöter är befattningar eller rolltyper (aldrig organ eller namngivna personer).
- Det som en regel gäller (befattning, enhet, rolltyp, extern part, funktion) finns.

Att aktörerna (befattningar, organ, externa parter) finns i organisationen kontrolleras av X807 och
att id:n är unika av X806.

## Varför

En handläggare som inte finns betyder att ingen följer upp rapporten. En regel om en enhet som
inte finns täcker ingen, och rapporterna hamnar under standardregeln utan att någon märker det.

## Lagrum

Lag (2021:890), 5 kap. (förfaranden för rapportering och uppföljning).

## Exempel som godkänns

```yaml
handler: {function: visselblasarfunktionen}
```

## Exempel som underkänns

```yaml
handler: {function: visselblasarfunktion}   # ingen funktion med det id:t
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.common import SourceRef
from generators.model.organisation import Organisation
from generators.model.whistleblowing import Handler, WhistleblowingRegulation

RULE = Rule("V605", "whistleblowing-references", "error", "Handläggare, funktioner och det reglementet hänvisar till finns.",
            needs=("organisation",), per_document="whistleblowing")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for regulation in model.whistleblowing:
        for function in regulation.functions:
            for member in function.members:
                if member.kind not in ("position", "role_type"):
                    yield RULE.at(member.source or function.source, f"Funktionen {function.name}: ledamöterna ska vara befattningar eller "
                                  f"rolltyper, inte {org.label(member)}.")
            if function.fallback.function == function.id:
                yield RULE.at(function.fallback.source, f"Funktionen {function.name} kan inte vara sin egen reserv när den inte är beslutsför.")
            else:
                yield from _handler(org, regulation, function.fallback, f"Funktionen {function.name}: reserven")
        for route in regulation.routes:
            yield from _concerns(org, regulation, route.concerns.kind, route.concerns.value, route.concerns.source, route.id)
            yield from _handler(org, regulation, route.handler, f"Regeln {route.id}: handläggaren")
            if route.handover_to is not None:
                yield from _handler(org, regulation, route.handover_to, f"Regeln {route.id}: mottagaren av slutsatserna")


def _handler(org: Organisation, regulation: WhistleblowingRegulation, handler: Handler, role: str) -> Iterator[Diagnostic]:
    if handler.function is not None:
        if regulation.function(handler.function) is None:
            known = ", ".join(f.id for f in regulation.functions)
            yield RULE.at(handler.source, f"{role} är funktionen '{handler.function}', som inte finns under functions (finns: {known}).")
    elif handler.actor is not None and handler.actor.kind == "relative":
        yield RULE.at(handler.source, f"{role} är {org.label(handler.actor).lower()}, en relativ aktör. En rapport handläggs av en "
                      "bestämd funktion, befattning, organ eller extern part.")


def _concerns(org: Organisation, regulation: WhistleblowingRegulation, kind: str, value: str | None, source: SourceRef,
              route_id: str) -> Iterator[Diagnostic]:
    missing = None
    if kind == "position" and value not in org.positions:
        missing = f"befattningen '{value}'"
    elif kind == "role_type" and value not in org.role_types:
        missing = f"rolltypen '{value}'"
    elif kind == "external" and value not in org.externals:
        missing = f"den externa parten '{value}'"
    elif kind == "unit" and not any(value in a.units for a in org.administrations.values()):
        missing = f"enheten '{value}'"
    elif kind == "function" and regulation.function(value or "") is None:
        missing = f"funktionen '{value}'"
    if missing:
        yield RULE.at(source, f"Regeln {route_id} gäller {missing}, som inte finns. Regeln täcker därför ingen, och rapporterna hamnar "
                      "under en annan regel.")
