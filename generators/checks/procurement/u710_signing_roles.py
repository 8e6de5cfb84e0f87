"""Firmateckningen hålls isär från beslutet och kontrasignationen är en egen kontroll.

## Vad kontrolleras

För varje regel för firmateckning (`signing`):

- en regel för ett organs beslut anger vem som undertecknar (`signed_by`): ett organ kan inte
  underteckna kollektivt, så `signed_by_decision_maker` gäller bara anställda delegater;
- den som undertecknar ett organs avtal är en post i det organet (till exempel ordföranden) eller
  en befattning — aldrig en post i ett annat organ;
- den som kontrasignerar (`countersigned_by`) är en annan än den som undertecknar, och är en
  anställd (befattning eller rolltyp), inte en extern part;
- ersättaren vid förfall (`substitute`) är en annan än den ordinarie.

## Varför

Kontrasignation är en kontroll av att avtalet har stöd i ett beslut; den förlorar sin mening om
samma person skriver under två gånger. En annan nämnds ordförande har ingen rätt att företräda
nämnden. Att underteckna är verkställighet och ger aldrig egen beslutanderätt.

## Lagrum

KL (2017:725) 6 kap. 6 §; organisationens reglemente om firmateckning.

## Exempel som godkänns

```yaml
- {id: firmateckning-sn, applies_to: {body: socialnamnden}, signed_by: {seat: ordforande, body: socialnamnden},
   countersigned_by: {position: socialchef}, substitute: {seat: vice_ordforande, body: socialnamnden}, ...}
```

## Exempel som underkänns

```yaml
- {id: firmateckning-sn, applies_to: {body: socialnamnden}, signed_by: {seat: ordforande, body: styrelsen},
   countersigned_by: {seat: ordforande, body: styrelsen}, ...}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.common import Actor
from generators.model.procurement import in_text

RULE = Rule("U710", "signing-roles", "error", "Den som undertecknar, kontrasignerar och ersätter är rätt och olika.",
            needs=("procurement", "organisation"), per_document="procurement")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return

    def name(actor: Actor) -> str:
        return org.label(actor)

    for policy in model.procurement:
        for rule in policy.signing:
            if rule.body is not None and rule.signed_by_decision_maker:
                yield RULE.at(rule.source.at("signed_by_decision_maker"), f"Firmateckningsregeln {rule.id} gäller beslut av ett organ, som inte "
                                                                          "kan underteckna kollektivt. Ange vem som undertecknar med signed_by.")
            signer = rule.signed_by
            if signer is not None and rule.body is not None and signer.kind in ("seat", "body"):
                family = org.body_family(rule.body)
                body_of_signer = signer.body if signer.kind == "seat" else signer.id
                if body_of_signer not in family:
                    yield RULE.at(signer.source or rule.source, f"Firmateckningsregeln {rule.id} gäller beslut av {in_text(name(Actor('body', rule.body)))}, men {name(signer)} "
                                                                "hör till ett annat organ och kan inte företräda det.")
            counter = rule.countersigned_by
            if counter is not None:
                if signer is not None and counter.same_as(signer):
                    yield RULE.at(counter.source or rule.source, f"Firmateckningsregeln {rule.id}: {name(counter)} både undertecknar och "
                                                                 "kontrasignerar. Kontrasignationen ska göras av någon annan.")
                elif counter.kind not in ("position", "role_type"):
                    yield RULE.at(counter.source or rule.source, f"Firmateckningsregeln {rule.id}: kontrasignationen görs av {name(counter)}, "
                                                                 "som inte är en anställd. Kontrasignation görs av en befattning, till exempel "
                                                                 f"förvaltningschefen eller {org.words.direktor}.")
            if rule.substitute is not None and signer is not None and rule.substitute.same_as(signer):
                yield RULE.at(rule.substitute.source or rule.source, f"Firmateckningsregeln {rule.id}: ersättaren är samma som den ordinarie "
                                                                     f"({name(signer)}).")
