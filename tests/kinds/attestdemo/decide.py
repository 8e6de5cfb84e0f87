"""The attest kind's decision table: every attestant with its upper amount, highest first."""

from __future__ import annotations

from datetime import date
from typing import Any

from generators.model import Model
from tests.kinds.attestdemo.model import attest_rules


def build(model: Model, versions: str, as_of: date) -> dict[str, Any] | None:
    rules, org = attest_rules(model), model.organisation
    if rules is None or org is None:
        return None
    rows = [
        {"position": a.position, "title": org.positions[a.position].title if a.position in org.positions else a.position, "up_to": a.up_to}
        for a in rules.attestants
    ]
    return {"attestants": sorted(rows, key=lambda r: (-r["up_to"], r["position"]))}
