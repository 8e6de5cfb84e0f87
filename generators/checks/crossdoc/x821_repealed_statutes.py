"""Ett lagrum i en gällande eller kommande version hänvisar inte till upphävd lag.

## Vad kontrolleras

Författningslistan (`policies/reference/forfattningar.yaml`) är daterad: varje författning kan ange
när den trädde i kraft (`valid_from`), sista dagen den gällde (`valid_to`), vilken författning som
ersatte den (`replaced_by`) och källan. För varje lagrum i ett styrdokument, i alla dokumentslag:
gäller dokumentversionen någon dag efter att författningen upphörde, och är versionen i kraft eller
kommande, är det ett fel. Undantaget är ett lagrum som anger den övergångsbestämmelse som gör att den
gamla lagen fortfarande tillämpas (`transitional`):

```yaml
legal_basis:
  - {sfs: "2001:453", chapter: "4", section: "1", transitional: "Punkt 3 i övergångsbestämmelserna till socialtjänstlagen (2025:400)"}
```

Versioner som har upphört att gälla kontrolleras inte: historien skrivs inte om. När en författning
får en efterträdare listar kontrollen därmed varje lagrum i gällande och kommande versioner som
hänvisar till den, med fil och rad.

## Varför

En delegation som hänvisar till en upphävd lag pekar delegaten på fel regler, och ett beslut som
fattas med stöd av den kan ha fel rättslig grund. Socialtjänstlagen (2001:453) ersattes av
socialtjänstlagen (2025:400) den 1 juli 2025; en delegationsordning som antas därefter ska hänvisa
till den nya lagen.

## Lagrum

Den upphävda författningen och dess efterträdares övergångsbestämmelser; uppgifterna står i
författningslistan med källa.

## Exempel som godkänns

```yaml
legal_basis: [{sfs: "2025:400"}]
```

## Exempel som underkänns

```yaml
legal_basis: [{sfs: "2001:453", chapter: "4", section: "1"}]  # i en version som gäller från 2026-01-01
```
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from generators.checks.crossdoc.common import nodes_of
from generators.checks.rule import EVERY_KIND, CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("X821", "repealed-statute", "error", "Lagrummen i gällande och kommande versioner hänvisar till gällande lag.",
            needs=(EVERY_KIND,))


def _validity(data: object) -> tuple[date, date | None] | None:
    meta = data.get("document") if isinstance(data, dict) else None
    if not isinstance(meta, dict) or not meta.get("valid_from"):
        return None
    try:
        start = date.fromisoformat(str(meta["valid_from"]))
        end = date.fromisoformat(str(meta["valid_to"])) if meta.get("valid_to") else None
    except ValueError:
        return None  # the schema reports a malformed date
    return start, end


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    statutes = model.reference.statutes
    if not any(s.valid_to is not None for s in statutes.values()):
        return
    for document in model.documents:
        validity = _validity(document.data)
        if validity is None:
            continue
        start, end = validity
        if end is not None and end < ctx.today:
            continue  # an ended version: history is not rewritten
        for value, source in nodes_of(document, "legal_reference"):
            if not isinstance(value, dict) or not value.get("sfs") or value.get("transitional"):
                continue
            statute = statutes.get(value["sfs"])
            if statute is None or statute.valid_to is None:
                continue
            if end is not None and end <= statute.valid_to:
                continue  # the version ends while the statute still applies
            successor = statutes.get(statute.replaced_by or "")
            if successor is not None:
                taken = successor.valid_from or statute.valid_to + timedelta(days=1)
                replaced = f" och ersattes av {successor.name} från {taken.isoformat()}"
                advice = f"Hänvisa till {successor.name}"
            else:
                replaced = f" och ersattes av SFS {statute.replaced_by}" if statute.replaced_by else ""
                advice = "Hänvisa till den författning som gäller"
            when = (f"Versionen gäller från {start.isoformat()}, när den lagen inte längre gällde."
                    if start > statute.valid_to else f"Versionen gäller också efter {statute.valid_to.isoformat()}.")
            yield RULE.at(
                source.at("sfs"),
                f"Lagrummet hänvisar till {statute.name}, som gällde till och med {statute.valid_to.isoformat()}{replaced}. "
                f"{when} {advice}, eller ange i "
                "transitional den övergångsbestämmelse som gör att den gamla lagen fortfarande ska tillämpas.",
            )
