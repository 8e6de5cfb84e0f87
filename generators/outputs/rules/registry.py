"""The registry of rules files: one module per published file, discovered from this package.

Adding a document kind (travel, whistleblowing, procurement, …) is one module here plus one schema:

1. `generators/outputs/rules/<name>.py` defines `RULES_FILE = RulesFile(name="<name>", render=...)`.
   `render(ctx)` returns a `Rendered` (the file's data and the document versions it publishes, for
   the manifest), or None when the model has nothing of that kind, so nothing is published.
2. `schemas/rules-<name>.schema.json` describes the file (draft 2020-12, `$id`
   `https://styrdokument.example/schemas/rules-<name>.schema.json`, Swedish titles).

`render_rules` finds the module, publishes `<name>.json`, its schema under `schemas/`, and lists
both in `index.json`; the tests validate every published file against its schema.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generators.outputs.rules.common import RulesContext

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

    @property
    def path(self) -> str:
        return f"{self.name}.json"

    @property
    def schema_name(self) -> str:
        return f"rules-{self.name}.schema.json"


# Modules in this package that are machinery, not published files.
_NOT_RENDERERS = frozenset({"common", "registry", "serialize", "index"})


def rules_files() -> list[RulesFile]:
    """Every registered rules file, ordered by name (so the output never depends on import order)."""
    found: list[RulesFile] = []
    package = importlib.import_module(__package__ or "generators.outputs.rules")
    for module_info in pkgutil.iter_modules(package.__path__):
        if module_info.name in _NOT_RENDERERS or module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{package.__name__}.{module_info.name}")
        rules_file = getattr(module, "RULES_FILE", None)
        if isinstance(rules_file, RulesFile):
            found.append(rules_file)
    names = [f.name for f in found]
    if len(names) != len(set(names)):
        raise RuntimeError(f"two rules modules publish the same file: {sorted(names)}")
    return sorted(found, key=lambda f: f.name)
