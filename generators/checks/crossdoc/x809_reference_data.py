"""Referensdatan är daterad i ordning, har rätt filnamn och en källa med länk.

## Vad kontrolleras

För varje fil under `policies/reference/`: att `id` är detsamma som filnamnet utan `.yaml` (andra
dokument hänvisar till id:t, och en läsare letar efter filen), att värdenas `valid_from` står i
strikt stigande ordning (inga två värden samma dag, inget äldre värde efter ett nyare), och att
varje värdes källa har en länk (`source.url`, som schemat kräver börjar med https://). För
författningslistan: att inget SFS-nummer förekommer två gånger.

## Varför

Lagens belopp och gränser är data, inte konstanter i koden; de är bara så pålitliga som sin källa.
Ett värde utan länk går inte att kontrollera, och två värden samma dag gör det omöjligt att avgöra
vilket som gällde.

## Lagrum

Beror på värdet: till exempel LOU (2016:1145) 19 a kap. för direktupphandlingsgränsen och
socialförsäkringsbalken (2010:110) 2 kap. 6–7 §§ för prisbasbeloppet.

## Exempel som godkänns

```yaml
# policies/reference/direktupphandlingsgrans.yaml
id: direktupphandlingsgrans
values:
  - {valid_from: "2022-01-01", value: 626284, source: {title: ..., url: "https://lagen.nu/2016:1145"}}
  - {valid_from: "2022-02-01", value: 700000, source: {title: ..., url: "https://lagen.nu/2016:1145"}}
```

## Exempel som underkänns

```yaml
id: direktupphandlingsgrans-lou          # filen heter direktupphandlingsgrans.yaml
values:
  - {valid_from: "2022-02-01", value: 700000, source: {title: ...}}   # ingen länk
  - {valid_from: "2022-01-01", value: 626284, source: {title: ..., url: "https://lagen.nu/2016:1145"}}
```
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.common import SourceRef

RULE = Rule("X809", "reference-data", "error", "Referensdatan är daterad i ordning, har rätt filnamn och källor med länk.",
            needs=("reference",), per_document="reference")


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    for document in model.documents:
        if document.kind != "reference":
            continue
        root = SourceRef(document, ())
        data = document.data
        stem = PurePosixPath(document.file).stem
        if data["id"] != stem:
            yield RULE.at(root.at("id"), f"Id:t '{data['id']}' ska vara detsamma som filnamnet ({stem}.yaml). Andra dokument hänvisar till "
                                         f"id:t; byt namn på filen eller ändra id:t till '{stem}'.")
        if data["kind"] == "statutes":
            seen: dict[str, int] = {}
            for index, entry in enumerate(data["entries"]):
                source = root.at("entries", index, "sfs")
                if entry["sfs"] in seen:
                    yield RULE.at(source, f"SFS {entry['sfs']} står redan på rad {seen[entry['sfs']]}.")
                seen.setdefault(entry["sfs"], source.location().line)
            continue
        previous = None
        for index, value in enumerate(data["values"]):
            source = root.at("values", index)
            if previous is not None and value["valid_from"] <= previous:
                what = "samma dag som" if value["valid_from"] == previous else "före"
                yield RULE.at(source.at("valid_from"), f"Värdet gäller från {value['valid_from']}, {what} värdet ovanför ({previous}). "
                                                       "Värdena ska stå i strikt stigande ordning efter valid_from.")
            previous = value["valid_from"] if previous is None else max(previous, value["valid_from"])
            if not value["source"].get("url"):
                yield RULE.at(source.at("source"), at_key=True, message=f"Källan för värdet från {value['valid_from']} ({value['source']['title']}) saknar länk. "
                                                   "Ange url: https://... till författningen eller myndighetens publicering.")
