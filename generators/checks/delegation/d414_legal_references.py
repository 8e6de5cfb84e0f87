"""Lagrum är välformade och hänvisar till kända författningar.

## Vad kontrolleras

Att varje lagrum har ett SFS-nummer på formen ÅÅÅÅ:N (t.ex. 2017:725), ett kapitel som är ett tal
(t.ex. 6) och en paragraf som är ett tal, eventuellt med bokstav (38, 3 b), ett intervall av
paragrafer (28–32, med tankstreck eller bindestreck och den lägre paragrafen först) eller flera
paragrafer med kommatecken emellan (1, 5 eller 1–3, 7); att en paragraf inte anges utan SFS-nummer;
och att SFS-numret finns i `policies/reference/forfattningar.yaml` så att webbplatsen kan länka till
lagtexten. En lokal regel anges i stället med `local`. På webbplatsen skrivs lagrummen som i
lagboken: 6 kap. 38 §, 6 kap. 28–32 §§, 13 kap. 1 och 5 §§.

## Varför

Delegaten och den som granskar ett beslut ska kunna slå upp lagrummet. "KL 6:38" eller "SoL 4 kap 1"
i fritext går varken att länka eller att kontrollera.

## Lagrum

Ingen; en regel för att lagrummen ska gå att slå upp.

## Exempel som godkänns

```yaml
legal_basis: [{sfs: "2001:453", chapter: "4", section: "1"}]
```

## Exempel som underkänns

```yaml
legal_basis: [{sfs: "SoL", chapter: "4 kap", section: "1 §"}]
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model, sections

RULE = Rule("D414", "legal-references", "error", "Lagrum är välformade och kända.", needs=("delegation", "reference"), per_document="delegation")

_SFS = re.compile(r"[12][0-9]{3}:[1-9][0-9]*")
_CHAPTER = re.compile(r"[1-9][0-9]*( [a-z])?")
_EU = re.compile(r"[12][0-9]{3}/[1-9][0-9]*")
_ARTICLE = re.compile(r"[1-9][0-9]*(–[1-9][0-9]*)?")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    statutes = model.reference.statutes
    for order in model.delegations:
        for matter in order.matters:
            for ref in matter.legal_basis:
                if ref.local is not None:
                    continue
                prefix = f"Ärende {matter.number}: lagrummet"
                if ref.eu is not None:
                    if not _EU.fullmatch(ref.eu):
                        yield RULE.at(ref.source.at("eu"), f"{prefix} har EU-rättsakten '{ref.eu}'. Skriv numret som ÅÅÅÅ/N, t.ex. 2016/679.")
                    if ref.article is not None and not _ARTICLE.fullmatch(ref.article):
                        yield RULE.at(ref.source.at("article"), f"{prefix} har artikeln '{ref.article}'. Skriv artikelns nummer, t.ex. 33 eller 15–18.")
                    continue
                if ref.sfs is None or not _SFS.fullmatch(ref.sfs):
                    yield RULE.at(ref.source.at("sfs"), f"{prefix} har SFS-numret '{ref.sfs}'. Skriv det som ÅÅÅÅ:N, t.ex. 2017:725 för kommunallagen.")
                    continue
                if ref.chapter is not None and not _CHAPTER.fullmatch(ref.chapter):
                    yield RULE.at(ref.source.at("chapter"), f"{prefix} har kapitlet '{ref.chapter}'. Skriv bara kapitlets nummer, t.ex. 6 (inte \"6 kap.\").")
                if ref.section is not None:
                    try:
                        sections.parse(ref.section)
                    except sections.SectionError as problem:
                        yield RULE.at(ref.source.at("section"), f"{prefix} har paragrafen '{ref.section}'. {problem}")
                if statutes and ref.sfs not in statutes:
                    yield RULE.at(ref.source.at("sfs"), f"{prefix} hänvisar till SFS {ref.sfs}, som inte finns i policies/reference/forfattningar.yaml. Lägg till författningen där (namn och länk) så att lagrummet kan visas och länkas.")
