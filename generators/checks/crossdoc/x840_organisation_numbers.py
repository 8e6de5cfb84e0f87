"""Organisationsnummer är giltiga, var de än står.

## Vad kontrolleras

Att varje värde under nyckeln `organisation_number`, i vilket styrdokument som helst (organisationens
eget nummer i `organisation.yaml`, de kommunala bolagen i visselblåsningsreglementet, nya dokumentslag),
är ett svenskt organisationsnummer: tio siffror skrivna NNNNNN-NNNN, där den sista siffran är
kontrollsiffran enligt Luhn-algoritmen. Leverantörernas nummer i avtalsregistret (`orgnr`) prövas av
AR108.

## Varför

Ett felskrivet organisationsnummer pekar på fel juridisk person eller på ingen alls, och syns inte
förrän någon slår upp det. Kontrollsiffran fångar en felskriven eller omkastad siffra.

## Lagrum

Lag (1974:174) om identitetsbeteckning för juridiska personer m.fl. (organisationsnumret; den
sista siffran är en kontrollsiffra beräknad med Luhn-algoritmen, modulus 10).

## Exempel som godkänns

```yaml
organisation_number: "212000-2460"
```

## Exempel som underkänns

```yaml
organisation_number: "212000-2468"
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic, JsonPath
from generators.model import Model
from generators.model.common import SourceRef, check_orgnr

RULE = Rule("X840", "organisation-number", "error", "Organisationsnummer har rätt form och kontrollsiffra.")

_KEYS = ("organisation_number",)


def _numbers(node: Any, path: JsonPath) -> Iterator[tuple[str, JsonPath]]:
    if isinstance(node, dict):
        for key, child in node.items():
            if key in _KEYS and isinstance(child, str):
                yield child, (*path, key)
            else:
                yield from _numbers(child, (*path, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _numbers(child, (*path, index))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for document in model.documents:
        root = SourceRef(document, ())
        for text, path in document.derived("x840.numbers", lambda data: tuple(_numbers(data, ()))):
            problem = check_orgnr(text)
            if problem is not None:
                yield RULE.at(root.at(*path), f"Organisationsnumret {text}: {problem}. Kontrollera numret mot Bolagsverkets eller "
                                              "Skatteverkets uppgifter.")
