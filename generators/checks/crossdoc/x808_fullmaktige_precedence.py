"""En nämnds delegationsordning går inte utöver en policy som fullmäktige har antagit.

## Vad kontrolleras

Det som går att kontrollera maskinellt av principen att en nämnds dokument inte kan ändra det
fullmäktige har bestämt:

- Att en dokumenttyp som bara fullmäktige får anta inte är antagen av en nämnd kontrolleras av X803
  (organets `adopts` i organisationen).
- Den här regeln kontrollerar innehållet: upphandlingspolicyn, antagen av fullmäktige, bestämmer upp
  till vilket värde direktupphandling får användas (de intervall som har förfarandet
  direktupphandling). Ett ärende i en nämnds delegationsordning som policyn bara använder för
  direktupphandling får då inte ge någon rätt att besluta över det värdet: ingen beloppsnivå får
  sluta över policyns gräns för direktupphandling, och ingen nivå får börja där eller högre (en
  sådan nivå kan bara användas till direktupphandlingar som policyn förbjuder). En öppen översta
  nivå som börjar under gränsen godkänns: den anger vem som beslutar resten av vägen upp till
  gränsen. En nivå som slutar vid gränsen godkänns när den gäller på samma sätt som gränsen: "under
  700 000 kr" (`comparison: below`) mot en gräns som värdet ska understiga, men inte "upp till och
  med 700 000 kr". Kontrolleras på varje dag då policyn, delegationsordningarna eller prisbasbeloppet ändras.

Meddelandet anger beloppet i delegationsordningen och gränsen i policyn, med fil och rad för båda.

## Varför

Fullmäktige beslutar i ärenden av principiell beskaffenhet eller annars av större vikt, och
nämnderna är bundna av fullmäktiges beslut. En delegationsordning som ger en chef rätt att
direktupphandla för en miljon kronor ger sken av ett mandat som policyn — och oftast lagen — inte
tillåter, och det är den som köparen läser.

## Lagrum

KL (2017:725) 5 kap. 1 § (fullmäktiges beslutanderätt), 6 kap. 4 § (nämnderna ska se till att
verksamheten bedrivs enligt fullmäktiges beslut), 6 kap. 37 § (delegation).

## Exempel som godkänns

```yaml
# policies/procurement.yaml (KF): direktupphandling under 700 000 kr
# policies/delegation/socialnamnden.yaml, ärende 3.4
tiers:
  - {up_to: {amount: 3, unit: prisbasbelopp}, delegate: {role_type: enhetschef_soc}}
  - {above: {amount: 3, unit: prisbasbelopp}, up_to: {amount: 8, unit: prisbasbelopp}, delegate: {position: socialchef}}
  - {above: {amount: 8, unit: prisbasbelopp}, delegate: {body: sn_presidium}}
```

## Exempel som underkänns

```yaml
tiers:
  - {up_to: {amount: 3, unit: prisbasbelopp}, delegate: {role_type: enhetschef_soc}}
  - {above: {amount: 3, unit: prisbasbelopp}, up_to: {amount: 1000000, unit: sek}, delegate: {position: socialchef}}
  - {above: {amount: 1000000, unit: sek}, delegate: {body: sn_presidium}}
```
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from generators.checks.crossdoc.common import where
from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.common import Amount
from generators.model.procurement import Band, ProcurementPolicy, in_text, mandate_dates, to_decimal
from generators.wording.limits import lower_word
from generators.wording.swedish import kronor

RULE = Rule("X808", "fullmaktige-precedence", "error", "En nämnds delegationsordning går inte utöver fullmäktiges policy.",
            needs=("organisation", "procurement", "delegation", "reference"))


def _adopted_by_fullmaktige(model: Model, policy: ProcurementPolicy) -> str | None:
    org = model.organisation
    adoption = policy.meta.adopted_by
    if org is None or adoption is None or adoption.body not in org.bodies:
        return None
    body = org.bodies[adoption.body]
    return body.name if body.kind in ("fullmaktige", "direktion") else None


def _direct_matters(policy: ProcurementPolicy) -> dict[str, list[Band]]:
    """Matters the policy uses only in direct-procurement bands, with those bands."""
    uses: dict[str, list[Band]] = {}
    for band in policy.bands():
        for decision in band.decisions:
            if decision.matter:
                uses.setdefault(decision.matter, []).append(band)
    return {m: bands for m, bands in uses.items() if all(b.procedure.kind == "direktupphandling" for b in bands)}


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for policy in model.procurement:
        adopter = _adopted_by_fullmaktige(model, policy)
        if adopter is None:
            continue
        direct = _direct_matters(policy)
        seen: set[tuple[object, ...]] = set()
        for day in mandate_dates(policy, model):
            in_force = model.matters_by_id(day)
            for matter_id, bands in direct.items():
                if matter_id not in in_force:
                    continue  # U707 reports a matter that does not exist
                order, matter = in_force[matter_id]
                tops = [(b, b.bounds_on(day, model.reference)[1]) for b in bands]
                if any(not t.known or t.open for _, t in tops):
                    continue  # an open direct band is U703's error; an unknown one U706's warning
                band, top = max(tops, key=lambda bt: (bt[1].sek or Decimal(0), bool(bt[1].inclusive)))
                amounts: list[tuple[Amount, str]] = []
                if matter.limit is not None:
                    amounts.append((matter.limit, "up_to"))
                for tier in matter.tiers:
                    amounts += [(a, kind) for a, kind in ((tier.above, "above"), (tier.up_to, "up_to")) if a is not None]
                for amount, kind in amounts:
                    converted = model.reference.to_sek(amount.amount, amount.unit, day)
                    if converted is None or top.sek is None:
                        continue  # an unpublished prisbasbelopp: U707 and D419 warn
                    value = to_decimal(converted)
                    # A tier "över X" (or "från och med X") starts inside the direct band only below its top; a
                    # limit reaches past the top when it is higher, or equal and includes the amount the law leaves out.
                    if kind == "above":
                        beyond = value > top.sek or (value == top.sek and not (amount.lower_inclusive and top.inclusive))
                    else:
                        beyond = value > top.sek or (value == top.sek and amount.upper_inclusive and not top.inclusive)
                    if not beyond:
                        continue
                    key = (order.source.file, matter.id, kind, amount.source.path)
                    if key in seen:
                        continue
                    seen.add(key)
                    shown = kronor(value) if amount.unit == "sek" else f"{amount.amount:g} {amount.unit} ({kronor(value)} {day.year})"
                    reach = (f"{lower_word(amount.comparison)} {shown}" if kind == "above"
                             else f"{'upp till och med' if amount.upper_inclusive else 'under'} {shown}")
                    yield RULE.at(
                        amount.source,
                        f"Ärende {matter.number} ({matter.id}) i {order.meta.title} ({where(matter.source)}) ger rätt att direktupphandla {reach}, "
                        f"men {policy.meta.title}, antagen av {in_text(adopter)}, tillåter direktupphandling bara "
                        f"{top.as_upper()} (intervallet {band.id}, {where(band.upper.source)}). En nämnds delegationsordning kan inte gå utöver "
                        "fullmäktiges policy; sänk beloppet eller låt nivån gälla ett ärende för annonserad upphandling.",
                    )
