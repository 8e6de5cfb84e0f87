"""Undantagslistan innehåller bara uppgifter som används.

## Vad kontrolleras

Att varje rad i undantagslistan (`policies/personal-data-allowlist.yaml`) — en funktionsbrevlåda
eller ett funktionsnummer — förekommer i texten i minst ett styrdokument. En rad som inte används
ger en varning.

## Varför

En granskning gäller en uppgift i ett sammanhang. När uppgiften har tagits bort ur dokumenten ska
undantaget också bort, så att det inte kan användas för något annat än det som granskades och så
att listan förblir kort nog att granskas varje år.

## Lagrum

Dataskyddsförordningen (EU) 2016/679 art. 5.1 c (uppgiftsminimering) och 5.1 e (lagringsminimering).

## Exempel som godkänns

```yaml
- {id: upphandling-epost, kind: email, value: upphandling@example.se, ...}   # står i upphandlingspolicyn
```

## Exempel som underkänns

```yaml
- {id: bygglov-epost, kind: email, value: bygglov@example.se, ...}   # nämns inte i något dokument
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.personal_data.detect import find_emails, find_phones, published_findings
from generators.checks.rule import EVERY_KIND, CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model
from generators.model.allowlist import normalise_contact

RULE = Rule("P905", "allowlist-unused", "warning", "Undantagslistan innehåller bara uppgifter som används.",
            # Unused can only be judged when every document that could use an entry has loaded.
            needs=(EVERY_KIND,))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    allowlist = model.allowlist
    if allowlist is None:
        return
    used: set[str] = set()
    used |= {f"email:{normalise_contact('email', f.text)}" for f, _ in published_findings(model.documents, find_emails)}
    used |= {f"phone:{normalise_contact('phone', f.text)}" for f, _ in published_findings(model.documents, find_phones)}
    for entry in allowlist.entries:
        if f"{entry.kind}:{entry.key}" not in used:
            yield RULE.at(entry.source.at("value"), f"{entry.value} ({entry.id}) förekommer inte i något styrdokument. Ta bort raden, "
                                                    "eller låt dataskyddsombudet granska den på nytt om uppgiften ska in igen.")
