"""Landkoderna i resmålszonerna finns i ISO 3166-1.

## Vad kontrolleras

Att varje landkod som en zon i rese- och mötespolicyn anger under `include.countries` eller
`exclude.countries` är en officiellt tilldelad kod i ISO 3166-1 alfa-2 enligt referensdatan
`policies/reference/iso-3166-1.yaml`, på varje datum under policyns giltighetstid då referensdatan
ändras. Vanliga förväxlingar får en hänvisning till rätt kod (EU:s egen förkortning EL för Grekland
är GR i ISO; Storbritannien är GB, inte UK).

## Varför

En felskriven kod hamnar inte i någon verklig zon. Resor dit kan då godkännas på fel nivå, och
zonindelningen ser hel ut fast den inte är det.

## Lagrum

Ingen lag; ISO 3166-1 är standarden för landkoder som organisationens styrdokument och EU:s
landgrupper i referensdatan använder.

## Exempel som godkänns

```yaml
include: {countries: [CH, GB]}
```

## Exempel som underkänns

```yaml
include: {countries: [UK]}   # Storbritannien heter GB i ISO 3166-1
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.travel import ISO_SERIES

RULE = Rule("R501", "country-codes", "error", "Landkoderna i resmålszonerna finns i ISO 3166-1.", needs=("reference",), per_document="travel")

# Codes people write that ISO assigns differently (or not at all).
HINTS = {
    "EL": "Grekland skrivs GR i ISO 3166-1 (EL är EU:s egen förkortning)",
    "UK": "Storbritannien skrivs GB i ISO 3166-1",
    "EU": "EU är ingen landkod; använd landgruppen eu eller eu-ees under groups",
    "KO": "Kosovo har ingen officiellt tilldelad kod i ISO 3166-1",
    "XK": "Kosovo har ingen officiellt tilldelad kod i ISO 3166-1 (XK är en tillfällig kod utanför standarden)",
}


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    series = model.reference.get(ISO_SERIES)
    for policy in model.travel:
        if series is None:
            yield RULE.at(policy.source.at("zones"), f"Referensdatan för landkoder ({ISO_SERIES}) saknas under "
                          f"{model.policies_display}/reference/; zonernas landkoder kan inte kontrolleras.", at_key=True)
            continue
        days = policy.check_dates(model.reference)
        iso = {d: frozenset(v.countries) if (v := model.reference.value_on(ISO_SERIES, d)) else frozenset() for d in days}
        for zone in policy.zones:
            for part, label in ((zone.include, "include"), (zone.exclude, "exclude")):
                if part is None:
                    continue
                for index, code in enumerate(part.countries):
                    missing = [d for d in days if code not in iso[d]]
                    if not missing:
                        continue
                    when = "" if missing == days else f" från {missing[0].isoformat()}"
                    hint = f" {HINTS[code]}." if code in HINTS else ""
                    yield RULE.at(
                        part.source.at("countries", index),
                        f"Landkoden {code} i zonen {zone.name} ({label}) finns inte bland de tilldelade koderna i ISO 3166-1 alfa-2"
                        f"{when} ({series.source.file}).{hint}",
                    )

