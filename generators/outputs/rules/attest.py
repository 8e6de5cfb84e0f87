"""attest.json: the attestreglemente and every nämnd's attestförteckning, resolved for an invoice system.

Published versions: adopted and not expired on the as-of date. Each reglemente carries only the rules
it states (a rule missing from `rules` does not apply); each förteckning row names positions, never
persons. `line_of_command` gives every position's superiors upward, which the own-costs, superior's
costs and third-step rules need.

Looking up who attests an invoice on ansvar A for amount N on day D: take the förteckning whose
period covers D and that lists A, and the reglemente in force on D; then apply `chain` in
`generators/decide/attest.py` (standard library only). The data is the attest table of
decisions.json with this file's header, so `decide attest` and a system reading this file compute
the same chain.
"""

from __future__ import annotations

from generators.decide.attest_table import build, published_documents
from generators.decide.tables.common import PUBLISHED
from generators.outputs.rules.common import RulesContext, index_entry
from generators.outputs.rules.registry import Rendered, RulesFile


def render(ctx: RulesContext) -> Rendered | None:
    table = build(ctx.model, PUBLISHED, ctx.as_of)
    if table is None:
        return None
    reglementen, lists = published_documents(ctx.model, PUBLISHED, ctx.as_of)
    documents = [index_entry(r.meta, ctx.as_of) for r in reglementen] + [index_entry(f.meta, ctx.as_of) for f in lists]
    return Rendered({**ctx.header(), **table}, documents)


RULES_FILE = RulesFile(name="attest", render=render)
