"""What a document kind registers. Plain data: module paths as strings, nothing imported."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

# A later version of a document sits beside the one in force as `<name>.<label>.yaml`.
VERSION_SUFFIX = r"(\.[a-z0-9-]+)?"


def resolve(target: str) -> Any:
    """`"package.module:attribute"` → the attribute; `"package.module"` → the module."""
    module_name, _, attribute = target.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, attribute) if attribute else module


@dataclass(frozen=True)
class FileClaim:
    """Files under `policies/` this kind reads, and the schema that decides their shape."""

    pattern: str  # regular expression, matched in full against the path relative to the policies folder
    schema: str  # file name of the schema (in `schemas/`, or in the kind's `schemas_dir`)
    describes: str  # Swedish: what such a file is ("rese- och mötespolicyn"), for the L112 hint
    editor_glob: str  # the editor's schema association (`.vscode/settings.json`), relative to the repository


@dataclass(frozen=True)
class CodeFamily:
    """A rule-code family: the prefix every code of the family starts with (`R5`, `U7`, or a
    two-letter prefix such as `AT1` for a new family; see ARCHITECTURE.md, "Rule codes")."""

    prefix: str
    label: str  # Swedish, shown in the rule catalogue


@dataclass(frozen=True)
class DecidePart:
    """The kind's answers to "who decides?".

    `table`: `"module:function"` with `build(model, versions, as_of) -> dict | None`, the kind's
    decision table (published in rules/decisions.json under the kind's name).
    `question`: a module with `HELP`, `DESCRIPTION`, `add_arguments(parser)` and
    `answer(tables, args, day) -> Answer`, the `decide <kind>` subcommand; None for the kinds whose
    question is built into `generators.decide.engine.Decider`.
    """

    table: str
    question: str | None = None


@dataclass(frozen=True)
class Kind:
    name: str  # SourceDocument.kind, the key in Model.kind_data and in rules/decisions.json
    claims: tuple[FileClaim, ...]
    # `"module:function"` with `build(model, documents) -> None`: stores the kind's model in the Model.
    builder: str | None = None
    # Does the kind's model carry `document:` metadata (version, owner, review date)?
    governed: bool = True
    # Extra folder of schemas (repository-relative or absolute); None: the schemas are in `schemas/`.
    schemas_dir: str | None = None
    checks: tuple[str, ...] = ()  # packages of check modules (one rule per module)
    codes: tuple[CodeFamily, ...] = ()  # the families the kind's own rules use
    rules: tuple[str, ...] = ()  # modules defining `RULES_FILE` (a published rules/<name>.json)
    pages: tuple[str, ...] = ()  # site page modules (`pages(ctx)`, optional `plan(ctx)`)
    roles: tuple[str, ...] = ()  # role-page contributors (`contribute(ctx)`)
    decide: DecidePart | None = None
    diff: str | None = None  # `"module:function"`: `entities(side, document) -> dict[str, Entity]`
    # `"module:function"`: `files(request: SynthRequest) -> Iterator[SynthFile]`, the kind's part of
    # the synthetic city (`generators/synth`, `make bench`).
    synth: str | None = None
