"""contracts.json: the avtalsregister, every contract with its owner, term, value and how it was procured.

The data is the contracts table of decisions.json with this file's header, so `decide contract` and a
system reading this file give the same answer. A sole trader's personnummer is never published.
"""

from __future__ import annotations

from generators.decide.contracts_table import build
from generators.decide.tables.common import PUBLISHED
from generators.outputs.rules.common import RulesContext
from generators.outputs.rules.registry import Rendered, RulesFile


def render(ctx: RulesContext) -> Rendered | None:
    table = build(ctx.model, PUBLISHED, ctx.as_of)
    if table is None:
        return None
    return Rendered({**ctx.header(), **table})


RULES_FILE = RulesFile(name="contracts", render=render)
