"""The Swedish labels of enum values, read from the schemas: the one set every view uses.

A schema's enum carries its labels beside it, named as a set:

    "enum": ["case", "year", "contract"],
    "x-label-set": "per",
    "x-labels": {"case": "per ärende eller tillfälle", ...}

so the editor's schema, the site, the JSON rules, `decide` and `diff` say the same words, and a new
enum value cannot be added without its label (tests/test_labels.py checks that every labelled enum
labels exactly its values, and that a set used in several schemas, such as the follow-up interval,
says the same everywhere). Labels are lower case, for running text; a view that starts a sentence
or a cell with one uses `upper_first`.

Labels that belong to no policy field (a check's severity) are listed here by hand.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from generators.paths import SCHEMAS_DIR

SEVERITY = {"error": "fel", "warning": "varning"}

# The general rules an attestreglemente may state: keys of its schema's `rules` object, not enum values.
ATTEST_RULES = {
    "two_in_conjunction": "två i förening",
    "own_costs": "egna kostnader",
    "superior_costs": "överordnads kostnader",
    "director_costs": "direktörens kostnader",
    "substitute_per_code": "en beslutsattestant och en ersättare per ansvar",
    "substitute_only_when_absent": "ersättaren attesterar bara vid frånvaro",
    "limits_follow_delegation": "attestgränser följer delegationen",
    "system_matching": "systemmatchning ersätter mottagningsattest",
    "annual_list": "attestförteckning varje år",
}
# The attest steps a reglemente describes (keys of its `steps` object), as the name of a step, capitalised
# as they head a row of the page and the published attest table.
ATTEST_STEPS = {"receipt": "Mottagningsattest", "review": "Granskningsattest", "decision": "Beslutsattest"}
# A whistleblowing route's kind of rule, as a link to the route's row names it (a model kind, not a field).
ROUTE_RULES = {
    "position": "Regel för befattningen",
    "role_type": "Regel för rolltypen",
    "unit": "Regel för enheten",
    "category": "Regel för gruppen",
    "external": "Regel för den externa parten",
    "function": "Regel för funktionen",
    "default": "Standardregeln",
}


class LabelError(RuntimeError):
    """A schema's labels contradict its enum or another schema's set of the same name."""


class LabelSet(Mapping[str, str]):
    """A named set's labels as a mapping, read from the schemas when first used: a model module names
    its set at import time (`CATEGORY_LABELS = LabelSet("concerned_category")`) without reading the
    schemas then, and every view reads the one set the schema holds."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __getitem__(self, value: str) -> str:
        return label_sets()[self.name][value]

    def __iter__(self) -> Iterator[str]:
        return iter(label_sets()[self.name])

    def __len__(self) -> int:
        return len(label_sets()[self.name])

    def __repr__(self) -> str:
        return f"LabelSet({self.name!r})"


def label(set_name: str, value: str) -> str:
    """The label of `value` in the named set. A value the schema admits always has one."""
    return label_sets()[set_name][value]


def labels(set_name: str) -> Mapping[str, str]:
    return label_sets()[set_name]


@cache
def label_sets(schemas_dir: Path = SCHEMAS_DIR) -> dict[str, dict[str, str]]:
    sets: dict[str, dict[str, str]] = {}
    for where, name, values in labelled_enums(schemas_dir):
        known = sets.setdefault(name, values)
        if known != values:
            raise LabelError(f"{where}: label set {name!r} differs from another schema's set of that name")
    return sets


def labelled_enums(schemas_dir: Path = SCHEMAS_DIR) -> Iterator[tuple[str, str, dict[str, str]]]:
    """(file#pointer, set name, labels) for every labelled enum, checked against its enum."""
    for path in sorted(schemas_dir.glob("*.schema.json")):
        yield from _walk(json.loads(path.read_text(encoding="utf-8")), f"{path.name}#")


def _walk(node: Any, where: str) -> Iterator[tuple[str, str, dict[str, str]]]:
    if isinstance(node, dict):
        if "x-labels" in node:
            values = node["x-labels"]
            if list(values) != list(node.get("enum", [])) or "x-label-set" not in node:
                raise LabelError(f"{where}: x-labels must label exactly the enum's values, in order, and name its x-label-set")
            yield where, node["x-label-set"], dict(values)
        for key, child in node.items():
            yield from _walk(child, f"{where}/{key}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _walk(child, f"{where}/{index}")
