"""Varje befattning med ett uppdrag som riktlinjerna nämner lämnar deklaration.

## Vad kontrolleras

För varje uppdrag i riktlinjernas `mandates` (upphandling, beslutsattest, anställning,
myndighetsutövning): att varje befattning som styrdokumenten ger uppdraget — delegat för ett ärende av
det slaget i en delegationsordning, beslutsattestant eller ersättare i en attestförteckning — omfattas
av en deklarationsgrupp (`declarations[].declarants`, en befattning eller en rolltyp). Felet anges där
uppdraget ges.

## Varför

Riktlinjerna kom till efter jäv vid anställning och inköp. En befattning som beslutar om inköp,
anställningar eller myndighetsutövning men aldrig deklarerar sina intressen är just den lucka som
riktlinjerna ska täppa till.

## Lagrum

Lokal regel: riktlinjerna mot jäv (deklarationsplikten är organisationens eget val). Jäv: KL (2017:725)
6 kap. 28–32 §§ och 7 kap. 4 §; bisysslor: LOA 7 c §.

## Exempel som godkänns

```yaml
mandates: [myndighetsutovning]
declarations: [{id: handlaggare, paragraph: "5 §", declarants: [{role_type: medarbetare}], what: "…", to: {relative: narmaste_chef}}]
```

## Exempel som underkänns

```yaml
mandates: [myndighetsutovning]
declarations: [{id: chefer, paragraph: "4 §", declarants: [{role_type: chef}], what: "…", to: {relative: narmaste_chef}}]
# handläggarna beslutar om bistånd men deklarerar inte
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.common import version_in_force
from generators.model.jav import declaration_for, guidelines, mandate_holders
from generators.wording.labels import label

RULE = Rule("JV101", "mandates-covered", "error", "Varje befattning med ett uppdrag som riktlinjerna nämner lämnar deklaration.",
            needs=("jav", "organisation", "delegation", "attest"))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    current = version_in_force(guidelines(model), ctx.today)
    if org is None or current is None:
        return
    for mandate in current.mandates:
        for position, where in sorted(mandate_holders(model, mandate).items()):
            if position not in org.positions or declaration_for(org, current, position):
                continue  # an unknown position is X807's finding, not a missing declaration
            name = org.positions[position].title
            yield RULE.at(where, f"{name} har uppdrag inom {label('conflict_mandate', mandate)} men omfattas inte av någon deklaration "
                                 f"i {current.meta.title} ({current.source.file}). Lägg till befattningen eller dess rolltyp under declarations "
                                 f"(Lokal regel: {current.meta.title}).")
