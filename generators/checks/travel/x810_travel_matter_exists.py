"""Ett godkännande med stöd av delegation hänvisar till ett ärende som finns i en gällande delegationsordning.

## Vad kontrolleras

För varje cell i rese- och mötespolicyns beslutstabell med `basis: delegation`: att ärendet i
`matter` finns, med exakt det id:t, i en delegationsordning som gäller på policyns första
giltighetsdag och på varje dag under policyns giltighetstid då en delegationsordning börjar eller
slutar gälla. Meddelandet anger var ärendet i så fall finns i en annan version.

## Varför

Ett godkännande med stöd av delegation är ett beslut på nämndens vägnar. Utan ett ärende i
delegationsordningen har godkännaren inget mandat, och beslutet kan inte anmälas till nämnden.
Hänvisningen görs med ärendets id, aldrig genom att jämföra rubriker.

## Lagrum

KL 6 kap. 37 § och 7 kap. 5 § (delegation), 6 kap. 40 § (anmälan av delegationsbeslut).

## Exempel som godkänns

```yaml
- {id: anstallda-medarbetare-varlden, ..., basis: delegation, matter: ks-resor-utanfor-eu-anstallda}
```

## Exempel som underkänns

```yaml
- {id: anstallda-medarbetare-varlden, ..., basis: delegation, matter: ks-resor-utanfor-eu}   # inget sådant ärende
```
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.checks.travel._support import delegation_check_dates, matters_on, period_text, place, with_related
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("X810", "travel-matter-exists", "error", "Ärendet som ett resegodkännande vilar på finns i en gällande delegationsordning.",
            needs=("delegation",), per_document="travel")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for policy in model.travel:
        days = delegation_check_dates(model, policy)
        for approval in policy.approvals:
            if approval.basis != "delegation" or not approval.matter:
                continue
            missing = [d for d in days if not matters_on(model, approval.matter, d)]
            if not missing:
                continue
            if any(o.meta.valid_to is not None and o.meta.valid_to < o.meta.valid_from and any(m.id == approval.matter for m in o.matters)
                   for o in model.delegations):
                continue  # the version holding the matter has its dates reversed: X802 reports that, not a missing matter
            when = period_text(missing, days)
            # The first version that holds the matter (by its start, not by file name): a later version beside it
            # (kommunstyrelsen.2027.yaml and kommunstyrelsen.2027-02-01.yaml) is not the one to name.
            elsewhere = sorted(((o, m) for o in model.delegations for m in o.matters if m.id == approval.matter),
                               key=lambda om: (om[0].meta.valid_from, om[0].meta.version))
            related: list[str] = []
            if elsewhere:
                order, matter = elsewhere[0]
                related.append(place(matter.source))
                span = f"{order.meta.valid_from.isoformat()}–{order.meta.valid_to.isoformat() if order.meta.valid_to else ''}"
                hint = f" Ärendet finns i {order.meta.title} version {order.meta.version} ({place(matter.source)}), som gäller {span} ({order.meta.status})."
            else:
                known = sorted({m.id for o in model.delegations for m in o.matters if m.kind == "tjansteresa"})
                close = difflib.get_close_matches(approval.matter, known, n=1)
                hint = f" Menar du {close[0]}?" if close else ""
            diagnostic = RULE.at(
                approval.source.at("matter"),
                f"Cellen {approval.id} i {policy.file} hänvisar till ärende {approval.matter}, men det finns inte i någon delegationsordning "
                f"som gäller ({when}). Utan ärendet har godkännaren inget delegerat mandat.{hint}",
            )
            yield with_related(diagnostic, *related)
