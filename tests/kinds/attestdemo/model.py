"""The attest kind's model: attestants with a position and an upper amount, each with its source."""

from __future__ import annotations

from dataclasses import dataclass

from generators.loading.documents import SourceDocument
from generators.model import Model
from generators.model.common import SourceRef


@dataclass(frozen=True)
class Attestant:
    id: str
    position: str
    up_to: int
    source: SourceRef


@dataclass(frozen=True)
class AttestRules:
    title: str
    attestants: tuple[Attestant, ...]
    source: SourceRef


def build(model: Model, documents: list[SourceDocument]) -> None:
    """The kind's builder: one attest file, or none."""
    if not documents:
        return
    document = documents[0]
    root = SourceRef(document, ())
    attestants = tuple(
        Attestant(raw["id"], raw["position"], raw["up_to"], root.at("attestants", index))
        for index, raw in enumerate(document.data["attestants"])
    )
    model.kind_data["attestdemo"] = AttestRules(document.data["title"], attestants, root)


def attest_rules(model: Model) -> AttestRules | None:
    """The kind's own typed accessor (the core Model knows no kind by name)."""
    found = model.of("attestdemo")
    return found if isinstance(found, AttestRules) else None
