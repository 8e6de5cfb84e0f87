"""The registry of document kinds: one registration module per kind, one line per kind below.

A document kind (the delegation orders, the travel policy, …) is one unit. Its registration module,
`generators/kinds/<kind>.py` (or any importable module, such as a test-only kind under `tests/kinds/`),
defines `KIND = Kind(...)`: the files it claims and their schema, its model builder, its checks and
code families, its JSON rules files, its site pages and role-page contributors, its decision table
and `decide` question, its diff entities and its synth generator. Every layer loops over `kinds()`
and resolves only its own part; the core names no kind.

A registration is *data*: it names modules by their dotted path and never imports them, so the
loading layer can read the claims without importing the checks or the site (the layer contract in
ARCHITECTURE.md, enforced by import-linter). See "Add a document kind" in ARCHITECTURE.md.
"""

from __future__ import annotations

import importlib

from generators.kinds.spec import CodeFamily, DecidePart, FileClaim, Kind

__all__ = ["REGISTERED", "CodeFamily", "DecidePart", "FileClaim", "Kind", "kind", "kinds"]

# One line per document kind, in the order files are claimed and models are built (the organisation
# first: the other kinds' builders resolve their actors against it).
REGISTERED: list[str] = [
    "generators.kinds.organisation",
    "generators.kinds.delegation",
    "generators.kinds.reference",
    "generators.kinds.travel",
    "generators.kinds.whistleblowing",
    "generators.kinds.procurement",
    "generators.kinds.allowlist",
    "generators.kinds.attest",
    "generators.kinds.contracts",
    "generators.kinds.internkontroll",
    "generators.kinds.egenvardering",
    "generators.kinds.jav",
]

_LOADED: dict[tuple[str, ...], tuple[Kind, ...]] = {}


def kinds() -> tuple[Kind, ...]:
    """Every registered kind, in registration order. Cached per registration list, so a test that
    adds a kind (monkeypatching `REGISTERED`) sees it everywhere and leaves no trace afterwards."""
    key = tuple(REGISTERED)
    found = _LOADED.get(key)
    if found is None:
        found = tuple(_registration(name) for name in key)
        names = [k.name for k in found]
        if len(names) != len(set(names)):
            raise RuntimeError(f"two registrations use the same kind name: {sorted(names)}")
        _LOADED[key] = found
    return found


def kind(name: str) -> Kind:
    for registered in kinds():
        if registered.name == name:
            return registered
    raise KeyError(name)


def _registration(module_name: str) -> Kind:
    registered = getattr(importlib.import_module(module_name), "KIND", None)
    if not isinstance(registered, Kind):
        raise TypeError(f"{module_name} registers no document kind (KIND = Kind(...))")
    return registered
