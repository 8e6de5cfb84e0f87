"""Varje beslutsfattare i värdeintervallen har en regel för firmateckning.

## Vad kontrolleras

Att den som beslutar i ett värdeintervall också har en regel för vem som undertecknar avtalet:
avtal som en anställd beslutat på delegation täcks av regeln med `applies_to: {employee_delegate:
true}`; avtal som ett organ, dess utskott eller presidium beslutat täcks av regeln med
`applies_to: {body: ...}` för det organet (styrelsen eller nämnden). Beslutsfattarna räknas fram ur
delegationsordningarna som gäller på policyns kontrolldagar (ärendets beloppsnivåer som når in i
intervallet). Att ingen sådan regel finns två gånger kontrolleras också.

## Varför

Att besluta och att underteckna är två olika saker. Den som undertecknar ett avtal utan att ha
beslutat det, eller ett avtal som ingen har rätt att underteckna, ger avtal som kan ifrågasättas.
Firmateckningen ska därför vara bestämd för varje beslut som policyn tillåter, men aldrig i sig ge
beslutanderätt.

## Lagrum

KL (2017:725) 6 kap. 6 § (nämndens ansvar), 6 kap. 37 § och 7 kap. 5 § (beslut på delegation);
organisationens reglemente om firmateckning.

## Exempel som godkänns

```yaml
signing:
  - {id: firmateckning-delegat, applies_to: {employee_delegate: true}, signed_by_decision_maker: true, ...}
  - {id: firmateckning-sn, applies_to: {body: socialnamnden}, signed_by: {seat: ordforande, body: socialnamnden}, ...}
```

## Exempel som underkänns

```yaml
signing:
  - {id: firmateckning-delegat, applies_to: {employee_delegate: true}, ...}
  # ingen regel för socialnämnden, men sn_presidium beslutar över 8 prisbasbelopp
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.procurement import decision_makers_for, mandate_dates, signers_for

RULE = Rule("U709", "signing-coverage", "error", "Varje beslutsfattare i värdeintervallen har en regel för firmateckning.",
            needs=("procurement", "delegation", "organisation"), per_document="procurement")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    if org is None:
        return  # X805
    for policy in model.procurement:
        seen_rules: dict[object, str] = {}
        for rule in policy.signing:
            key: object = "employee" if rule.employee_delegate else rule.body
            if key in seen_rules:
                yield RULE.at(rule.source.at("applies_to"), f"Firmateckningsregeln {rule.id} gäller samma beslut som {seen_rules[key]}. "
                                                            "Varje beslut ska ha exakt en regel för vem som undertecknar.")
            seen_rules.setdefault(key, rule.id)
        reported: set[str] = set()
        for day in mandate_dates(policy, model):
            for band in policy.bands():
                for decision in band.decisions:
                    for maker in decision_makers_for(band, decision.body, day, model):
                        signing, why = signers_for(policy, maker.actor, org)
                        if signing is not None or maker.actor.key in reported:
                            continue
                        reported.add(maker.actor.key)
                        who = org.label(maker.actor) if org is not None else maker.actor.id
                        yield RULE.at(decision.source, f"{who} beslutar i intervallet {band.id} (beslutsraden {decision.id}), men {why[0].lower()}{why[1:]} "
                                                       "Lägg till en regel under signing.")
