"""What a document kind's synth generator is given and what it yields (see `Kind.synth`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generators.synth.plan import CityPlan


@dataclass(frozen=True)
class SynthRequest:
    plan: CityPlan
    bodies: int
    matters_per_body: int
    seed: int
    reference_dir: Path  # the reference data copied into the tree (the example's by default)


@dataclass(frozen=True)
class SynthFile:
    """One file of the synthetic tree: data written as YAML with its schema modeline and comments,
    or a file copied as it is (`copy_from`)."""

    relative: str  # under the policies folder
    data: Any = None
    schema: str = ""  # the modeline's path to the schema, relative to the file
    comments: list[str] = field(default_factory=list)
    copy_from: Path | None = None
