"""Ett publicerat ärende-id försvinner inte utan att markeras som upphört.

## Vad kontrolleras

Att varje ärende och varje delegationsordning i liggaren över publicerade id:n
(`ledger/published-ids.json`) fortfarande finns i den senaste versionen av en delegationsordning som
publiceras (gäller i dag eller är antagen och ska börja gälla), eller står under `retired_matters`
med datum och skäl. En hel delegationsordning får bara försvinna genom att den sista versionen får
`status: upphavd`.

Kontrollen behöver ingen git-historik: liggaren är incheckad och visar vad som har publicerats. En
liggare som inte går att läsa rapporteras också här, eftersom kontrollen då inte kan göras.

## Varför

Attest-, ekonomi- och ärendesystem slår upp vem som får besluta med ärendets id. Försvinner ett id
utan förvarning får systemen inget svar, eller fel svar, från den dag den nya versionen börjar gälla.
En ny version som tar bort ett ärende ska därför säga det, och gärna vilket ärende som ersätter det,
redan när den antas.

## Lagrum

Ingen; en förutsättning för att andra system ska kunna lita på de publicerade reglerna.

## Exempel som godkänns

```yaml
retired_matters:
  - {id: soc-ekonomi-kontantkassa, retired_on: "2027-01-01", reason: "Kontantkassorna avvecklas.", replaced_by: soc-ekonomi-attestanter}
sections: ...   # ärendet soc-ekonomi-kontantkassa finns inte längre
```

## Exempel som underkänns

```yaml
sections: ...   # ärendet soc-ekonomi-kontantkassa är borttaget, och retired_matters nämner det inte
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.ledger.published import REGENERATE, Ledger, LedgerError, latest_published, ledger_path_for, load_for
from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.paths import display_base, display_path

RULE = Rule("X830", "published-id-removed", "error", "Publicerade ärende-id finns kvar eller är markerade som upphörda.",
            needs=("organisation", "delegation"))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    ledger = load_for(model)
    if isinstance(ledger, LedgerError):
        path = ledger_path_for(model)
        shown = display_path(path, display_base(path.parent.parent / "policies"))
        yield Diagnostic(shown, 1, 1, RULE.code, f"Liggaren {shown} kan inte läsas, så det går inte att kontrollera att publicerade id:n "
                         f"finns kvar: {ledger} Återställ den incheckade filen och kör `{REGENERATE}`.", RULE.severity)
        return
    if ledger is None:
        return  # no ledger beside the policies, or another municipality's: nothing to compare with
    latest = latest_published(model, ctx.today)
    present = {m.id for order in latest.values() for m in order.matters}
    retired = {r.id for order in model.delegations if order.meta.status in ("antagen", "upphavd") for r in order.retired_matters}
    repealed = {o.meta.id for o in model.delegations if o.meta.status == "upphavd"}
    by_document: dict[str, list] = {}
    for order in model.delegations:
        by_document.setdefault(order.meta.id, []).append(order)
    gone_documents: set[str] = set()
    for entry in ledger.entries:
        if entry.kind != "document" or entry.id in latest or entry.id in repealed:
            continue
        gone_documents.add(entry.id)
        versions = sorted(by_document.get(entry.id, []), key=lambda o: (o.meta.valid_from, o.meta.version))
        message = (f"Delegationsordningen {entry.id} (publicerad från version {entry.first_version}) har ingen version som publiceras "
                   f"{ctx.today.isoformat()}, och ingen version är upphävd. Dess ärenden försvinner ur de publicerade reglerna. "
                   "Behåll den sista versionen med status: upphavd om delegationsordningen har upphört.")
        if versions:
            yield RULE.at(versions[-1].meta.source, message)
        else:
            yield ledger_diagnostic(ledger, ("document", entry.id), message)
    for entry in ledger.entries:
        if entry.kind != "matter" or entry.id in present or entry.id in retired:
            continue
        if entry.document in gone_documents or entry.document in repealed:
            continue  # said once for the whole document, or retired with it
        latest_order = latest.get(entry.document)
        message = (f"Ärendet {entry.id} (publicerat från version {entry.first_version} av {entry.document}) finns inte längre i "
                   "någon delegationsordning som publiceras och är inte markerat som upphört. System som slår upp id:t slutar få svar. "
                   "Lägg det under retired_matters med retired_on, reason och gärna replaced_by.")
        if latest_order is not None:
            yield RULE.at(latest_order.source.at("sections"), message, at_key=True)
        else:
            yield ledger_diagnostic(ledger, ("matter", entry.id), message)


def ledger_diagnostic(ledger: Ledger, key: tuple[str, str], message: str) -> Diagnostic:
    return Diagnostic(ledger.shown, ledger.lines.get(key, 1), 1, RULE.code, message, RULE.severity)
