"""Den som beslutar i ett värdeintervall har en delegation som täcker intervallet.

## Vad kontrolleras

För varje värdeintervall och varje organ som tabellen gäller: att beslutsraden håller mot
delegationsordningen som gäller samma dag.

- `basis: own_body`: organet beslutar själv; inget mer behövs.
- `basis: delegation`: ärendet (`matter`) finns i det organets delegationsordning som gäller den
  dagen. Anges `decided_by` ska den delegaten vara delegat i ärendet, och delegatens beloppsgräns
  ("upp till och med") ska nå intervallets övre gräns; delegatens mandat ska också börja vid
  intervallets nedre gräns, eller så ska delegaten stå över dem som beslutar i den lägre delen
  och delegationsordningen låta en överordnad besluta i deras ställe. Utan `decided_by` ska
  ärendets beloppstrappa nå intervallets övre gräns.
- Det översta, öppna intervallet kräver att organet beslutar själv eller en delegation utan
  beloppsgräns.

Beloppsgränser i prisbasbelopp räknas om med värdet för den dag som kontrolleras. Kontrollen görs
på policyns första dag och på varje dag då en gräns, en delegationsordning eller prisbasbeloppet
ändras. En dag då ett belopp inte kan räknas om (ett prisbasbelopp eller tröskelvärde som ännu inte
är publicerat) kontrolleras inte det beslutet; D419 och U706 varnar för värdet, och de publicerade
reglerna visar beslutet som okontrollerat. Inget belopp hittas på. Meddelandet anger båda filerna och
raderna: beslutsraden i policyn och ärendet i delegationsordningen.

## Varför

Det var så flera av de granskade kommunerna fick sina problem: en upphandling beslutades av någon
vars delegation inte täckte beloppet. Ett beslut utan mandat saknar laga grund och kan upphävas
efter laglighetsprövning; avtalet kan bli ogiltigt.

## Lagrum

KL (2017:725) 6 kap. 37 § och 7 kap. 5 § (delegation till utskott och anställda), 6 kap. 40 §
(anmälan); KL 13 kap. (laglighetsprövning); LOU (2016:1145) 12 kap. 12 § (tilldelningsbeslut).

## Exempel som godkänns

```yaml
# policies/procurement.yaml
- {id: lou-vot-direkt-ks, body: styrelsen, basis: delegation, matter: ks-upphandling-direktupphandling,
   decided_by: {role_type: chef_kommunledning}}   # intervallet går under 100 000 kr
# policies/delegation/styrelsen.yaml, ärende 5.4
- {up_to: {amount: 3, unit: prisbasbelopp}, delegate: {role_type: chef_kommunledning}}   # 177 600 kr 2026
```

## Exempel som underkänns

```yaml
# intervallet går under 700 000 kr, men delegatens gräns är 3 prisbasbelopp (177 600 kr)
- {id: lou-vot-direkt-dokumenterad-ks, body: styrelsen, basis: delegation,
   matter: ks-upphandling-direktupphandling, decided_by: {role_type: chef_kommunledning}}
```
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from generators.checks.procurement.common import table_label, where
from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.common import Actor
from generators.model.procurement import Mandate, ProcurementPolicy, in_text, mandate_dates, mandate_for

RULE = Rule("U707", "decision-mandate", "error", "Beslutsfattaren i varje värdeintervall har en delegation som täcker intervallet.",
            needs=("procurement", "delegation", "organisation", "reference"), per_document="procurement")

_PROBLEMS = ("not_covered", "gap_below", "no_matter", "wrong_body", "not_delegate")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    if model.organisation is None:
        return  # X805 reports the missing organisation; mandates cannot be read without it
    # A body whose delegationsordningar have a broken validity (valid_to before valid_from) is
    # X802's error; reporting every decision that loses its ground would only repeat it.
    broken = {o.body for o in model.delegations if o.meta.valid_to is not None and o.meta.valid_to < o.meta.valid_from}
    for policy in model.procurement:
        seen: set[tuple[object, ...]] = set()
        days = mandate_dates(policy, model)
        for day in days:
            without_order: dict[str, list[Mandate]] = {}
            in_force = {o.body for o in model.delegations_in_force(day)}
            for table in policy.tables:
                for band in table.bands:
                    for decision in band.decisions:
                        mandate = mandate_for(policy, band, decision, day, model)
                        if mandate.status == "unknown":
                            continue  # an unpublished value: D419 and U706 warn, and the JSON rules show it
                        if mandate.status == "no_matter" and decision.body in broken:
                            continue
                        if mandate.status == "no_matter" and decision.body not in in_force:
                            without_order.setdefault(decision.body, []).append(mandate)
                            continue
                        if mandate.status not in _PROBLEMS:
                            continue
                        key = (decision.id, mandate.status, mandate.explanation.replace(day.isoformat(), ""))
                        if key in seen:
                            continue
                        seen.add(key)
                        since = f"Från {day.isoformat()}: " if day != days[0] else ""
                        yield RULE.at(
                            decision.source,
                            f"{since}{table_label(policy, table)}, intervallet {band.id} ({band.describe(day, model.reference)}), "
                            f"beslutsraden {decision.id} ({where(decision.source)}): {mandate.explanation}",
                        )
            for body, mandates in without_order.items():
                if (body, "no_order") not in seen:  # once per body: the first day it has no delegationsordning
                    seen.add((body, "no_order"))
                    yield _no_order(model, policy, day, body, mandates)


def _no_order(model: Model, policy: ProcurementPolicy, day: date, body: str, mandates: list[Mandate]) -> Diagnostic:
    """One error per body and day when no delegationsordning of the body is in force at all."""
    org = model.organisation
    name = org.label(Actor("body", body)) if org is not None else body
    versions = [o for o in model.delegations if o.body == body and o.meta.status == "antagen"]
    known = "; ".join(f"{o.source.file} gäller från {o.meta.valid_from.isoformat()}" for o in versions) or "det finns ingen"
    first = min(mandates, key=lambda m: m.decision.source.location().line)
    return RULE.at(
        first.decision.source,
        f"{policy.meta.title} gäller {day.isoformat()}, men ingen delegationsordning för {in_text(name)} gäller då ({known}). "
        f"De {len(mandates)} beslutsraderna för {in_text(name)} som bygger på delegation saknar därför stöd den dagen.",
    )
