"""The registry of rules files: the core's and each registered document kind's, one module per file.

A document kind's rules file is one module plus one schema, named in the kind's registration
(`Kind.rules`, see generators/kinds/):

1. a module (`generators/outputs/rules/<name>.py`) defines `RULES_FILE = RulesFile(name="<name>", render=...)`.
   `render(ctx)` returns a `Rendered` (the file's data and the document versions it publishes, for
   the manifest), or None when the model has nothing of that kind, so nothing is published.
2. `schemas/rules-<name>.schema.json` describes the file (draft 2020-12, `$id`
   `https://styrdokument.example/schemas/rules-<name>.schema.json` in the repository, replaced by the
   schema's address on the site when published (see `render_rules`), Swedish titles).

`render_rules` loops over the registered modules, publishes `<name>.json`, its schema under `schemas/`, and lists
both in `index.json`; the tests validate every published file against its schema.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from generators.kinds import Kind, kinds
from generators.outputs.rules.common import RulesContext

# The `$id` prefix of a rules schema in the repository; `render_rules` publishes the real address.
SCHEMA_ID_BASE = "https://styrdokument.example/schemas/"


@dataclass(frozen=True)
class Rendered:
    data: dict[str, Any]
    # Manifest entries of the document versions in the file (see common.index_entry).
    documents: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class RulesFile:
    name: str
    render: Callable[[RulesContext], Rendered | None]
    # Where the file's schema is, when not in `schemas/` (a kind that keeps its schemas beside it).
    schema_dir: Path | None = None

    @property
    def path(self) -> str:
        return f"{self.name}.json"

    @property
    def schema_name(self) -> str:
        return f"rules-{self.name}.schema.json"


# Published files that belong to no single document kind (the decision tables and the statute index
# cover every kind).
CORE_RULES_MODULES: tuple[str, ...] = ("generators.outputs.rules.decisions", "generators.outputs.rules.statutes")


def rules_files() -> list[RulesFile]:
    """Every registered rules file, ordered by name (so the output never depends on import order):
    the core's, and each document kind's (`Kind.rules`)."""
    return list(_rules_files(kinds()))


@cache
def _rules_files(registered: tuple[Kind, ...]) -> tuple[RulesFile, ...]:
    modules = CORE_RULES_MODULES + tuple(module for kind in registered for module in kind.rules)
    found: list[RulesFile] = []
    for module_name in modules:
        rules_file = getattr(importlib.import_module(module_name), "RULES_FILE", None)
        if not isinstance(rules_file, RulesFile):
            raise TypeError(f"{module_name} defines no RULES_FILE")
        found.append(rules_file)
    names = [f.name for f in found]
    if len(names) != len(set(names)):
        raise RuntimeError(f"two rules modules publish the same file: {sorted(names)}")
    return tuple(sorted(found, key=lambda f: f.name))
