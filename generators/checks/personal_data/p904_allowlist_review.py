"""Varje rad i undantagslistan är granskad av en befattning som finns, och inte i framtiden.

## Vad kontrolleras

För undantagslistan (`policies/personal-data-allowlist.yaml`): att listans ägare och varje rads
granskare (`reviewed_by`) är en befattning som finns i organisationen, att granskningsdatumet
(`reviewed`) inte ligger efter dagens datum (`--today`), och att samma adress eller nummer inte står
på två rader.

## Varför

Listan är det enda som gör att en kontaktuppgift får publiceras. En granskning som inte kan knytas
till en befattning, eller som är daterad i framtiden, är ingen granskning. Två rader för samma
uppgift kan ge två olika skäl och två olika granskningar.

## Lagrum

Dataskyddsförordningen (EU) 2016/679 art. 5.2 (ansvarsskyldighet) och art. 39 (dataskyddsombudets
uppgifter).

## Exempel som godkänns

```yaml
- {id: upphandling-epost, kind: email, value: upphandling@example.se, reviewed_by: {position: dataskyddsombud}, reviewed: "2025-10-01", ...}
```

## Exempel som underkänns

```yaml
- {id: upphandling-epost, kind: email, value: upphandling@example.se, reviewed_by: {position: dataskyddsombudet}, reviewed: "2031-10-01", ...}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.checks.rule import CheckContext, Rule
from generators.diagnostics import Diagnostic
from generators.model import Model

RULE = Rule("P904", "allowlist-reviewed", "error", "Undantagslistan är granskad av befattningar som finns, och inte i framtiden.",
            needs=("organisation", "allowlist"))


def check(model: Model, ctx: CheckContext) -> Iterator[Diagnostic]:
    org = model.organisation
    allowlist = model.allowlist
    if org is None or allowlist is None:
        return
    reviewers = [(allowlist.owner, "Listans ägare")] + [(e.reviewed_by, f"Granskaren av {e.id}") for e in allowlist.entries]
    for actor, what in reviewers:
        where = actor.source or allowlist.source
        if actor.kind != "position":
            yield RULE.at(where, f"{what} ska vara en befattning ({{position: ...}}), inte {org.label(actor)}.")
        elif not org.exists(actor):
            yield RULE.at(where, f"{what}: {org.missing_reason(actor)} (se {org.source.file}).")
    seen: dict[str, str] = {}
    for entry in allowlist.entries:
        if entry.reviewed > ctx.today:
            yield RULE.at(entry.source.at("reviewed"), f"Raden {entry.id} är granskad {entry.reviewed.isoformat()}, efter dagens datum "
                                                       f"({ctx.today.isoformat()}). Ange dagen då granskningen gjordes.")
        key = f"{entry.kind}:{entry.key}"
        if key in seen:
            yield RULE.at(entry.source.at("value"), f"{entry.value} står redan i listan (raden {seen[key]}).")
        seen.setdefault(key, entry.id)
