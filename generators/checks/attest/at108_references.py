"""Allt som attestförteckningarna och attestreglementet hänvisar till finns, och inget ansvar står två gånger.

## Vad kontrolleras

- att nämnden finns i organisationen (att befattningar, rolltyper och poster finns prövar X807);
- att beslutsattestant, ersättare och attestant över nivån är befattningar eller politiska poster,
  inte rolltyper (en rolltyp är flera befattningar och ger ingen bestämd attestant);
- att beloppsnivån och varje kategori finns i attestreglementet som gäller när perioden börjar;
- att ett ansvar bara står en gång bland de förteckningar som gäller för samma period, och att
  reglementets kategorier och beloppsnivåer bara står en gång;
- att det finns ett attestreglemente i kraft när förteckningens period börjar.

## Varför

En attestant som inte finns, eller ett ansvar som står två gånger med olika attestanter, ger ingen
bestämd attestant. Inget gissas: felet visas där det står.

## Lagrum

Lokal regel: attestreglementet och nämndens attestförteckning.

## Exempel som godkänns

```yaml
decider: {position: enhetschef_vuxen}
level: forvaltning
```

## Exempel som underkänns

```yaml
decider: {position: enhetschef_vuxne}    # ingen sådan befattning
level: forvaltningsniva                  # ingen sådan nivå
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.attest import Ansvar, attest_model
from generators.model.common import Actor, SourceRef

RULE = Rule("AT108", "references", "error", "Allt attestförteckningarna hänvisar till finns, och inget ansvar står två gånger.",
            needs=("organisation", "attest"))

ROLE_WORDS = {"receiver": "mottagningsattestanten", "reviewer": "granskningsattestanten", "decider": "beslutsattestanten",
              "substitute": "ersättaren", "above_level": "attestanten över beloppsnivån"}
# Roles that must name one attestant: a position or a political seat.
ONE_ATTESTANT = ("decider", "substitute", "above_level")


def _actors(ansvar: Ansvar) -> Iterator[tuple[str, Actor]]:
    for role in ROLE_WORDS:
        actor = getattr(ansvar, role)
        if actor is not None:
            yield role, actor
    for holder in ansvar.costs_of:
        yield "costs_of", holder


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return
    attest = attest_model(model)
    for adopted in attest.reglementen:
        for what, ident, source in adopted.duplicates:
            yield RULE.at(source, f"{what.capitalize()} {ident} står redan i attestreglementet.")
        if adopted.third_step:
            for i, category in enumerate(adopted.third_step.categories):
                if category not in adopted.categories:
                    yield RULE.at(adopted.third_step.source.at("categories", i),
                                  f"Det tredje steget gäller kategorin {category}, som inte finns bland reglementets kategorier.")
    seen: dict[tuple[str, str], tuple[str, SourceRef]] = {}
    for forteckning in attest.forteckningar:
        if forteckning.body not in org.bodies:
            yield RULE.at(forteckning.source.at("body"), f"Organet '{forteckning.body}' finns inte i organisationen.")
        reglemente = attest.reglemente_on(forteckning.period_from)
        if reglemente is None:
            yield RULE.at(forteckning.source.at("period", "from"), f"Inget attestreglemente gäller {forteckning.period_from.isoformat()}, "
                          "när förteckningens period börjar; beloppsnivåer och kategorier kan inte prövas.")
        period = f"{forteckning.period_from.isoformat()}/{forteckning.period_to.isoformat()}"
        for ansvar in forteckning.ansvar:
            key = (period, ansvar.code)
            if key in seen:
                first_file, first_source = seen[key]
                yield RULE.at(ansvar.source.at("code"), f"Ansvar {ansvar.code} står redan i {first_file} rad "
                              f"{first_source.location().line} för samma period. Ett ansvar har en beslutsattestant; ta bort den ena raden.")
            else:
                seen[key] = (forteckning.source.file, ansvar.source)
            for role, actor in _actors(ansvar):
                # Actors that do not exist are X807's (every document's actors); here only their kind.
                if org.exists(actor) and role in ONE_ATTESTANT and actor.kind not in ("position", "seat"):
                    yield RULE.at(actor.source or ansvar.source, f"Ansvar {ansvar.code}: {ROLE_WORDS[role]} ska vara en befattning eller en "
                                  f"politisk post, inte {org.label(actor).lower()}. Då är det bestämt vem som attesterar.")
            if reglemente is None:
                continue
            if ansvar.level not in reglemente.levels:
                known = ", ".join(reglemente.levels)
                yield RULE.at(ansvar.source.at("level"), f"Ansvar {ansvar.code}: beloppsnivån '{ansvar.level}' finns inte i "
                              f"attestreglementet. Kända nivåer: {known}.")
            for i, category in enumerate(ansvar.categories or ()):
                if category not in reglemente.categories:
                    yield RULE.at(ansvar.source.at("categories", i), f"Ansvar {ansvar.code}: kategorin '{category}' finns inte i "
                                  "attestreglementet.")
