"""Varje befattning, rolltyp, organ och extern part som ett styrdokument nämner finns i organisationen.

## Vad kontrolleras

Alla aktörer i rese- och mötespolicyn, reglementet för visselblåsning och upphandlingspolicyn —
godkännare, hanterare, beslutsfattare, undertecknare, avtalsägare, ansvariga — och de organ som
upphandlingspolicyns tabeller, beslutsrader och firmateckningsregler gäller: att de finns i
`policies/organisation.yaml` (befattningen, rolltypen, organet, posten i organet eller den externa
parten). Var i ett dokument en aktör står avgörs av dokumentets schema, aldrig av hur värdet ser
ut. Meddelandet anger var aktören står och var i organisationsfilen den borde finnas.

Organisationens egna hänvisningar kontrolleras av O302, delegationsordningarnas av D401,
dokumentägare av X804, antagande organ av X803 och undantagslistans granskare av P904.

## Varför

En hänvisning till en befattning som inte finns betyder att ingen har uppgiften: ingen godkänner
resan, ingen hanterar rapporten, ingen äger avtalet. Det märks först när något har gått fel.

## Lagrum

KL (2017:725) 6 kap. 37 § och 7 kap. 5 § (uppgifter knyts till befattningar och organ); lag
(2021:890) om skydd för personer som rapporterar om missförhållanden 5 kap. (behöriga personer).

## Exempel som godkänns

```yaml
contract_management: {areas: [{id: bevakning, owner: {position: sakerhetschef}}]}
```

## Exempel som underkänns

```yaml
contract_management: {areas: [{id: bevakning, owner: {position: sakerhetschefen}}]}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.crossdoc.common import actors_in, where
from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.common import Actor, SourceRef
from generators.model.organisation import Organisation

RULE = Rule("X807", "references-exist", "error", "Aktörer och organ som styrdokumenten nämner finns i organisationen.",
            needs=("organisation",))

# Checked by their own rules: the organisation (O302), the delegationsordningar (D401), the allowlist (P904).
_OWN_RULES = frozenset({"organisation", "delegation", "allowlist", "reference"})
_SECTIONS = {"position": "positions", "role_type": "role_types", "body": "bodies", "seat": "bodies", "external": "externals"}


def _section(org: Organisation, actor: Actor) -> str:
    """'policies/organisation.yaml:236' — where the missing entity would be declared."""
    key = _SECTIONS.get(actor.kind)
    if key is None:
        return org.source.file
    return where(org.source.at(key))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    for document in model.documents:
        if document.kind in _OWN_RULES:
            continue
        for actor, source in actors_in(document):
            if source.path[:2] == ("document", "owner"):
                continue  # X804
            if not org.exists(actor):
                yield RULE.at(source, f"{org.missing_reason(actor)[:1].upper()}{org.missing_reason(actor)[1:]} "
                                      f"(se {_section(org, actor)}). Rätta stavningen eller lägg till den i organisationen.")
    for policy in model.procurement:
        refs: list[tuple[str, SourceRef, str]] = []
        for table in policy.tables:
            refs += [(body, table.source.at("bodies", i), f"tabellen {table.id}") for i, body in enumerate(table.bodies)]
            for band in table.bands:
                refs += [(d.body, d.source.at("body"), f"beslutsraden {d.id}") for d in band.decisions]
        refs += [(r.body, r.source.at("applies_to", "body"), f"firmateckningsregeln {r.id}") for r in policy.signing if r.body]
        reported: set[tuple[str, str]] = set()
        for body, source, what in refs:
            if body in org.bodies or (body, what) in reported:
                continue
            reported.add((body, what))
            yield RULE.at(source, f"{what.capitalize()} gäller organet '{body}', som inte finns i organisationen (se {_section(org, Actor('body', body))}).")
