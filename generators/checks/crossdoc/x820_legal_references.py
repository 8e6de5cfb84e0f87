"""Lagrummen i policyerna och referensdatan är välformade och hänvisar till kända författningar.

## Vad kontrolleras

Varje lagrum i rese- och mötespolicyn, reglementet för visselblåsning och upphandlingspolicyn, och
varje källa i referensdatan som anger ett SFS-nummer: att SFS-numret skrivs ÅÅÅÅ:N (t.ex.
2016:1145), att kapitel och paragraf är nummer (6, 19 a, 38, 3 b, ett intervall som 12–15 med den
lägre paragrafen först, eller flera som 1, 5) och att författningen finns i
`policies/reference/forfattningar.yaml`, så att webbplatsen och de publicerade reglerna kan visa
namnet och länka till lagtexten. Ett felskrivet lagrum är ett fel; en författning som saknas i
listan är en varning (lagrummet visas då utan namn och länk). Var ett lagrum står avgörs av
dokumentets schema.
Delegationsordningarnas lagrum kontrolleras av D414.

## Varför

Den som läser en policy ska kunna slå upp lagen den bygger på. Ett SFS-nummer som inte finns i
författningslistan visas utan namn och utan länk, och ett felskrivet nummer pekar på fel lag.

## Lagrum

Ingen; en regel för att lagrummen ska gå att slå upp.

## Exempel som godkänns

```yaml
legal_basis: [{sfs: "2016:1145", chapter: "6", section: "15"}]
```

## Exempel som underkänns

```yaml
legal_basis: [{sfs: "2016:1154", chapter: "6", section: "15 §"}]
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generators.checks.crossdoc.common import nodes_of
from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model, sections

RULE = Rule("X820", "policy-legal-references", "error", "Lagrummen i policyerna och referensdatan är kända författningar.",
            needs=("reference",))

_SFS = re.compile(r"[12][0-9]{3}:[1-9][0-9]*")
_CHAPTER = re.compile(r"[1-9][0-9]*( [a-z])?")
_CHECKED_ELSEWHERE = frozenset({"delegation", "organisation", "allowlist"})  # D414; the others cite no law


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    statutes = model.reference.statutes
    statutes_file = next((s.source.file for s in statutes.values()), f"{model.policies_display}/reference/forfattningar.yaml")
    for document in model.documents:
        if document.kind in _CHECKED_ELSEWHERE:
            continue
        found = [(value, source, "Lagrummet") for value, source in nodes_of(document, "legal_reference")]
        found += [(value, source, "Källan") for value, source in nodes_of(document, "source")]
        for value, source, what in found:
            if not isinstance(value, dict) or value.get("sfs") is None:
                continue
            sfs = value["sfs"]
            if not _SFS.fullmatch(sfs):
                yield RULE.at(source.at("sfs"), f"{what} har SFS-numret '{sfs}'. Skriv det som ÅÅÅÅ:N, t.ex. 2016:1145 för LOU.")
                continue
            chapter, section = value.get("chapter"), value.get("section")
            if chapter is not None and not _CHAPTER.fullmatch(chapter):
                yield RULE.at(source.at("chapter"), f"{what} har kapitlet '{chapter}'. Skriv bara kapitlets nummer, t.ex. 6 eller 19 a.")
            if isinstance(section, str):
                try:
                    sections.parse(section)
                except sections.SectionError as problem:
                    yield RULE.at(source.at("section"), f"{what} har paragrafen '{section}'. {problem}")
            if statutes and sfs not in statutes:
                yield RULE.at(source.at("sfs"), f"{what} hänvisar till SFS {sfs}, som inte finns i {statutes_file}. Lägg till författningen "
                                                "där (förkortning, namn och länk) så att lagrummet kan visas och länkas.", severity="warning")
