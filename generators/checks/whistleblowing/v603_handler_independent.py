"""Den som handlägger en rapport är oberoende av den som rapporten gäller.

## Vad kontrolleras

För varje regel för handläggning, både handläggaren (`handler`) och den som slutsatserna lämnas över
till (`handover_to`), beräknat på organisationens linje, aldrig utifrån en uppgift i reglementet:

- ingen handlägger en rapport om sig själv, om sin chef eller om någon högre upp i linjen, dvs.
  handläggaren får inte vara den befattning rapporten gäller eller stå under den;
- för en regel om en enhet eller rolltyp prövas varje befattning som regeln gäller för, och för
  standardregeln varje befattning som ingen mer specifik regel tar;
- en visselblåsarfunktion är en grupp: ledamöter som är jäviga (rapporten gäller dem, eller de står
  under den rapporten gäller) träder åt sidan, och funktionen klarar sig om minst så många ledamöter
  som reglementet kräver (`quorum`) återstår;
- en rapport om funktionen som helhet handläggs inte av funktionen eller dess ledamöter, en rapport
  om en extern part inte av den parten, en rapport om revisorerna inte av revisorerna eller deras
  biträde, och en rapport om förtroendevalda varken av anställda (som står under de förtroendevalda)
  eller av ett politiskt organ (vars egna ledamöter rapporten kan gälla);
- organ, politiska poster, revisorerna och externa parter står utanför linjen och är oberoende av
  de anställda.

## Varför

Lagen kräver att de som följer upp rapporter är oberoende och självständiga. Den som utreder sin
egen chef kan inte vara det, och en rapport om direktören måste därför gå till någon utanför
förvaltningen: ett politiskt organ, revisorerna eller en extern mottagare.

## Lagrum

Lag (2021:890) om skydd för personer som rapporterar om missförhållanden, 5 kap. (oberoende och
självständiga personer eller enheter ska följa upp rapporterna); KL 6 kap. 28 § och
förvaltningslagen (2017:900) 16 § (jäv).

## Exempel som godkänns

```yaml
- {id: om-direktor, concerns: {position: direktor}, handler: {external: lindsjo_kommun}, handover_to: {body: ks_presidium}}
```

## Exempel som underkänns

```yaml
- {id: om-direktor, concerns: {position: direktor}, handler: {position: hr_direktor}}   # HR-direktören är underställd direktören
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.checks.whistleblowing._support import concerned_of, route_handlers, titles
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.organisation import Organisation
from generators.model.travel import chain_text
from generators.model.whistleblowing import Assessment, Handler, Route, WhistleblowingRegulation, concerned_label, join_titles, route_level_label

RULE = Rule("V603", "handler-independent", "error", "Handläggaren är oberoende av den som rapporten gäller.",
            needs=("organisation",), per_document="whistleblowing")

PRINCIPLE = ("Den som följer upp en rapport ska vara oberoende och självständig i förhållande till den som rapporten gäller: ingen "
             "handlägger en rapport om sig själv, sin chef eller någon högre upp i linjen (lag 2021:890, 5 kap.).")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for regulation in model.whistleblowing:
        for route in regulation.routes:
            concerned = concerned_of(org, regulation, route)
            for handler, role in route_handlers(route):
                if not regulation.handler_exists(org, handler) or _never_quorate(org, regulation, handler):
                    continue  # V605 reports a missing handler, V610 a function that can never reach its quorum
                groups: dict[tuple[object, ...], list[Assessment]] = {}
                for who in concerned:
                    assessment = regulation.assess(org, handler, who)
                    if not assessment.passes:
                        key = (assessment.identity_conflict, tuple(sorted(assessment.conflicted.items())), len(assessment.remaining))
                        groups.setdefault(key, []).append(assessment)
                for items in groups.values():
                    yield RULE.at(handler.source, _message(org, regulation, route, role, items))


ROLE_PHRASES = {"handläggs av": "handläggs rapporten av", "lämnas över till": "lämnas slutsatserna över till"}


def _message(org: Organisation, regulation: WhistleblowingRegulation, route: Route, role: str, items: list[Assessment]) -> str:
    first = items[0]
    handler = regulation.handler_label(org, first.handler)
    subject = (titles(org, [a.concerned.id for a in items]) if first.concerned.kind == "position"
               else concerned_label(org, regulation, first.concerned))
    if route.concerns.kind == "default" and first.concerned.kind == "position":
        intro = (f"Regeln {route.id} (standardregeln) gäller rapporter om {subject}, eftersom ingen mer specifik regel gör det, "
                 f"och enligt den {ROLE_PHRASES.get(role, role)} {handler}. Men")
    else:
        intro = f"Regeln {route.id} ({route_level_label(route)}): en rapport om {subject} {role} {handler}, men"
    if first.identity_conflict is not None:
        return f"{intro} {first.identity_conflict} {PRINCIPLE}"
    suggestion = ""
    if first.handler.function is not None:
        function = regulation.function(first.handler.function)
        if function is not None:
            fallback = regulation.handler_label(org, function.fallback)
            suggestion = f" Ange en egen regel med en oberoende handläggare, t.ex. {fallback}, som reglementet anger när funktionen inte är beslutsför."
    elif first.concerned.kind == "position":
        suggestion = " Välj en handläggare utanför linjen under den som rapporten gäller: en extern mottagare, revisorerna eller ett politiskt organ."
    return f"{intro} {_reason(org, first, len(items) > 1)} {PRINCIPLE}{suggestion}"


def _reason(org: Organisation, assessment: Assessment, several: bool) -> str:
    concerned = assessment.concerned.id
    whom = "dem" if several else (org.positions[concerned].title if concerned in org.positions else concerned)
    selves = [m for m, kind in assessment.conflicted.items() if kind == "self"]
    below = [m for m, kind in assessment.conflicted.items() if kind == "subordinate"]
    parts = []
    if selves:
        parts.append(f"{join_titles(org, selves)} {'är' if len(selves) == 1 else 'är själva'} den som rapporten gäller")
    if below:
        chain = f" ({chain_text(org, below[0])})" if len(below) == 1 and not several else ""
        parts.append(f"{join_titles(org, below)} står under {whom} i linjeorganisationen{chain}")
    reason = " och ".join(parts)
    if assessment.handler.function is not None and not parts:
        return f"funktionen har bara {len(assessment.members)} ledamöter och kräver minst {assessment.quorum}."
    if assessment.handler.function is not None:
        remaining = len(assessment.remaining)
        left = "ingen av ledamöterna återstår" if remaining == 0 else f"bara {remaining} av {len(assessment.members)} ledamöter återstår"
        reason += f"; de deltar inte (jäv), och {left}, men funktionen kräver minst {assessment.quorum}."
    else:
        reason += "."
    return reason


def _never_quorate(org: Organisation, regulation: WhistleblowingRegulation, handler: Handler) -> bool:
    function = regulation.function(handler.function) if handler.function is not None else None
    return function is not None and function.quorum > len(regulation.function_positions(org, function.id))
