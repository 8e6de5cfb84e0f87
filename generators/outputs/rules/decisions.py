"""decisions.json: the "who decides?" tables, every answer precomputed, for lookup without logic.

The same tables `python -m generators decide` answers from (`generators.decide.tables`), limited to
the versions the other rules files publish (in force on the as-of date, or adopted and to come).
How to look an answer up is written in the schema (rules-decisions.schema.json) for each kind:

- delegation: `delegation.matters[M]` → the version whose valid_from ≤ D ≤ valid_to → the period
  whose from ≤ D ≤ to → the first tier whose up_to is null or ≥ the amount (tiers cover every amount
  from 0 kr; where the matter is not delegated the tier says the body decides itself). A period with
  `known: false` cannot be answered (a prisbasbelopp not yet published); `reason` says why.
- travel: the version and period for D → zone `countries[X]` → `answers[cells[R][zone]]`.
- whistleblowing: the version for D → `answers[R]`.
- procurement: the version for D → `tables["<regime>/<category>"].bodies[B]` → the period for D →
  the interval that holds the value.

An explanation is the answer's sentences in order; `generators/decide/engine.py` is the reference
for how `decide` joins them, and the page does the same. The sentences an answer adds of its own
are templates with named slots, published under `wording` (`generators.decide.text.SENTENCES`,
with how an amount in kronor is written), so a reader fills the same templates `decide` fills.
"""

from __future__ import annotations

from generators.decide.tables import PUBLISHED, TABLES_VERSION, build_tables, decided_documents
from generators.decide.text import wording
from generators.outputs.rules.common import RulesContext, index_entry, is_published
from generators.outputs.rules.registry import Rendered, RulesFile


def render(ctx: RulesContext) -> Rendered | None:
    tables = build_tables(ctx.model, PUBLISHED, ctx.as_of)
    if all(table is None for table in tables.values()):
        return None
    model = ctx.model
    documents = decided_documents(model)
    published = sorted((d.meta for d in documents if is_published(d.meta, ctx.as_of)),
                       key=lambda m: (m.kind, m.id, m.valid_from, m.version))
    data = {**ctx.header(), "tables_version": TABLES_VERSION, "wording": wording(), **tables}
    return Rendered(data, [index_entry(meta, ctx.as_of) for meta in published])


RULES_FILE = RulesFile(name="decisions", render=render)
