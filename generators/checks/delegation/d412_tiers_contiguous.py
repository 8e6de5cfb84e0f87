"""Beloppsnivåer i ett ärende stiger utan glapp eller överlapp.

## Vad kontrolleras

Att en beloppstrappa (`tiers`) börjar från noll (den första nivån saknar `above`), slutar öppet (den
sista saknar `up_to`), och att varje nivås `above` är exakt föregående nivås `up_to`, i samma enhet och
per-angivelse, så att varje belopp hör till exakt en nivå. Att varje nivå är större än noll i bredd.
Själva gränsbeloppet ska också höra till exakt en nivå: en nivå "upp till" beloppet (standard, upp
till och med) följs av en nivå "över" det; en nivå "under" beloppet (`comparison: below`, som i raden
"under 580 000 kr") följs av en nivå "från och med" det (`comparison: at_least` på `above`).

## Varför

"Upp till 3 prisbasbelopp enhetschefen, upp till 8 förvaltningschefen, därutöver arbetsutskottet":
ett glapp (3–4 prisbasbelopp) lämnar köp utan beslutsfattare, ett överlapp ger två. Båda leder till
beslut utan mandat.

## Lagrum

KL 6 kap. 37 § och 7 kap. 5 § (delegationens omfattning ska vara bestämd).

## Exempel som godkänns

```yaml
tiers:
  - {up_to: {amount: 3, unit: prisbasbelopp}, delegate: {role_type: enhetschef_soc}}
  - {above: {amount: 3, unit: prisbasbelopp}, up_to: {amount: 8, unit: prisbasbelopp}, delegate: {position: socialchef}}
  - {above: {amount: 8, unit: prisbasbelopp}, delegate: {body: socialnamnden_individutskott}}
```

Med en gräns "under":

```yaml
tiers:
  - {up_to: {amount: 580000, unit: sek, comparison: below}, delegate: {role_type: enhetschef_soc}}
  - {above: {amount: 580000, unit: sek, comparison: at_least}, delegate: {position: socialchef}}
```

## Exempel som underkänns

```yaml
tiers:
  - {up_to: {amount: 3, unit: prisbasbelopp}, delegate: {role_type: enhetschef_soc}}
  - {above: {amount: 4, unit: prisbasbelopp}, delegate: {position: socialchef}}
```
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.checks.support import delegated_matters, describe_amount
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("D412", "tiers-contiguous", "error", "Beloppsnivåer utan glapp eller överlapp.", needs=("delegation",), per_document="delegation")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for order in model.delegations:
        for matter in delegated_matters(order):
            tiers = matter.tiers
            if not tiers:
                continue
            if tiers[0].above is not None:
                yield RULE.at(tiers[0].above.source, f"Ärende {matter.number}: den första beloppsnivån börjar över {describe_amount(tiers[0].above)}. Belopp under det saknar beslutsfattare; den första nivån ska sakna above.")
            if tiers[-1].up_to is not None:
                yield RULE.at(tiers[-1].up_to.source, f"Ärende {matter.number}: den sista beloppsnivån slutar vid {describe_amount(tiers[-1].up_to)}. Belopp över det saknar beslutsfattare; den sista nivån ska sakna up_to.")
            for previous, current in itertools.pairwise(tiers):
                if previous.up_to is None:
                    yield RULE.at(previous.source, f"Ärende {matter.number}: en beloppsnivå utan övre gräns följs av fler nivåer; nivåerna överlappar.")
                    continue
                if current.above is None:
                    yield RULE.at(current.source, f"Ärende {matter.number}: nivån efter {describe_amount(previous.up_to)} saknar above; den ska börja där föregående nivå slutar.")
                    continue
                a, b = previous.up_to, current.above
                if (a.unit, a.per) != (b.unit, b.per):
                    yield RULE.at(b.source, f"Ärende {matter.number}: nivåerna anges i olika enheter ({describe_amount(a)} och {describe_amount(b)}). Använd samma enhet i hela trappan så att gränserna går att jämföra.")
                elif b.amount > a.amount:
                    yield RULE.at(b.source, f"Ärende {matter.number}: glapp mellan beloppsnivåerna: belopp över {describe_amount(a)} upp till {describe_amount(b)} har ingen beslutsfattare.")
                elif b.amount < a.amount:
                    yield RULE.at(b.source, f"Ärende {matter.number}: beloppsnivåerna överlappar: belopp över {describe_amount(b)} upp till {describe_amount(a)} har två beslutsfattare.")
                elif not a.upper_inclusive and not b.lower_inclusive:
                    yield RULE.at(b.source, f"Ärende {matter.number}: beloppet {describe_amount(a)} självt har ingen beslutsfattare: den föregående nivån gäller under beloppet och den här över det. Skriv comparison: at_least på above (från och med {describe_amount(b)}).")
                elif a.upper_inclusive and b.lower_inclusive:
                    yield RULE.at(b.source, f"Ärende {matter.number}: beloppet {describe_amount(a)} självt har två beslutsfattare: den föregående nivån gäller upp till och med beloppet och den här från och med det. Ta bort comparison: at_least, eller skriv comparison: below på den föregående nivåns up_to.")
            for tier in tiers:
                if tier.above is not None and tier.up_to is not None and (tier.above.unit, tier.above.per) == (tier.up_to.unit, tier.up_to.per) and tier.up_to.amount <= tier.above.amount:
                    yield RULE.at(tier.up_to.source, f"Ärende {matter.number}: beloppsnivån över {describe_amount(tier.above)} upp till {describe_amount(tier.up_to)} är tom; övre gränsen måste vara högre än den undre.")
