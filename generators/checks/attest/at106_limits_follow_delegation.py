"""Beslutsattestens beloppsgräns ryms i befattningens inköpsmandat, där reglementet kräver det.

## Vad kontrolleras

Att beloppsnivån för beslutsattestanten på ett ansvar inte är högre än vad samma befattning får
besluta om inköp och avtal enligt nämndens delegationsordning (ärenden av typen `upphandling` eller
`avtal`, utom ren verkställighet) den dag förteckningens period börjar. Felet anger både
förteckningens rad och delegationsordningens ärende.

Kontrollen görs **bara** när attestreglementet säger att attestgränserna följer delegationen
(`rules.limits_follow_delegation`). Annars är beslutsattest verkställighet av inköp som redan är
beslutade: en enhetschef attesterar lagligt hyra, placeringar och fakturor under avtal som nämnden
upphandlat, långt över sitt eget inköpsmandat.

## Varför

En kommun som har valt att knyta attesträtten till delegationen vill att ingen ska kunna godkänna en
betalning som hen inte hade kunnat besluta om. Då måste förteckningens nivåer och delegationsordningens
belopp stämma överens.

## Lagrum

Lokal regel: attestreglementets paragraf om att attestgränserna följer delegationen. Delegationen
bygger på kommunallagen (2017:725) 6 kap. 37 §.

## Exempel som godkänns

```yaml
# rules.limits_follow_delegation saknas: enhetschefen attesterar hyran för särskilt boende
- {code: "5230", decider: {position: enhetschef_sarskilt_boende}, level: forvaltning}
```

## Exempel som underkänns

```yaml
# rules.limits_follow_delegation finns, och enhetschefen får direktupphandla upp till 3 prisbasbelopp
- {code: "5230", decider: {position: enhetschef_sarskilt_boende}, level: forvaltning}   # upp till 2 000 000 kr
```
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from generators.checks.attest._support import rows
from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.common import Amount, within_upper
from generators.model.delegation import Matter
from generators.wording.limits import upper_word
from generators.wording.swedish import kronor

RULE = Rule("AT106", "limits-follow-delegation", "error", "Attestgränsen ryms i inköpsmandatet, där reglementet kräver det.",
            needs=("organisation", "attest", "delegation", "reference"))

PURCHASING_KINDS = ("upphandling", "avtal")


def _mandate(model: Model, body: str, position: str, day: date) -> tuple[float | None, Matter | None, bool, bool]:
    """The highest purchase the position may decide in the body's delegationsordning on `day`:
    (kronor or None for no upper bound, the matter, whether any mandate was found, whether the
    amount itself is within the mandate: not for a limit "under" it)."""
    org = model.organisation
    assert org is not None
    best: tuple[float | None, Matter | None, bool, bool] = (0, None, False, True)

    def upper(limit: Amount | None) -> float | None:
        if limit is None:
            return None
        value = model.reference.to_sek(limit.amount, limit.unit, day)
        return None if value is None else float(value)

    for order in model.delegations_in_force(day):
        if order.body != body:
            continue
        for matter in order.matters:
            if matter.kind not in PURCHASING_KINDS or matter.execution_only:
                continue
            grants = [(tier.delegates, tier.up_to) for tier in matter.tiers] or [(matter.delegates, matter.limit)]
            for delegates, limit in grants:
                if not any(position in org.positions_of(d) for d in delegates):
                    continue
                if limit is not None and upper(limit) is None:
                    continue  # a value not known that day (D419 says so); nothing is guessed
                amount = upper(limit)
                current = best[0]
                inclusive = limit.upper_inclusive if limit is not None else True
                if not best[2] or current is not None and (amount is None or amount > current or (amount == current and inclusive)):
                    best = (amount, matter, True, inclusive)
    return best


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    if model.organisation is None:
        return
    for forteckning, reglemente, ansvar in rows(model):
        rule = reglemente.states("limits_follow_delegation")
        level = reglemente.levels.get(ansvar.level)
        if rule is None or level is None or ansvar.decider.kind != "position":
            continue
        mandate, matter, found, inclusive = _mandate(model, forteckning.body, ansvar.decider.id, forteckning.period_from)
        if found and (mandate is None or (level.up_to is not None and within_upper(level.up_to, mandate, inclusive))):
            continue
        title = model.organisation.label(ansvar.decider).lower()
        attest = "utan beloppsgräns" if level.up_to is None else f"upp till {kronor(level.up_to)}"
        if matter is None or mandate is None:
            where = "har inget inköpsmandat i nämndens delegationsordning"
        else:
            line = matter.source.location()
            where = (f"får besluta om inköp {upper_word(None if inclusive else 'below')} {kronor(mandate)} enligt ärende {matter.number} i "
                     f"{line.file}:{line.line}")
        yield RULE.at(ansvar.source.at("level"), f"Ansvar {ansvar.code}: {title} får beslutsattestera {attest} (nivån {level.name.lower()}) "
                      f"men {where}. Reglementet säger att attestgränserna följer delegationen ({rule.cite(reglemente)}).")
