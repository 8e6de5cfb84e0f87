"""The personal-data allowlist: reviewed functional mailboxes and numbers that may stand in published text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from generators.model.common import Actor, SourceRef

if TYPE_CHECKING:
    from generators.loading.documents import SourceDocument
    from generators.model import Model


def normalise_contact(kind: str, value: str) -> str:
    """The form two spellings of the same address or number share.

    E-mail: lower case, surrounding space removed. Phone: digits only, with the Swedish country code
    written as a leading 0 (`+46 980 319 210`, `0980-319 210` and `0980319210` are one number).
    """
    if kind == "email":
        return value.strip().lower()
    digits = re.sub(r"[^0-9+]", "", value)
    if digits.startswith("+46"):
        digits = "0" + digits[3:]
    elif digits.startswith("0046"):
        digits = "0" + digits[4:]
    return digits.replace("+", "")


@dataclass(frozen=True, slots=True)
class AllowlistEntry:
    id: str
    kind: str  # email | phone
    value: str
    reason: str
    reviewed_by: Actor
    reviewed: date
    source: SourceRef

    @property
    def key(self) -> str:
        return normalise_contact(self.kind, self.value)


@dataclass
class Allowlist:
    id: str
    title: str
    description: str | None
    owner: Actor
    entries: list[AllowlistEntry]
    source: SourceRef

    @property
    def file(self) -> str:
        return self.source.file

    def find(self, kind: str, value: str) -> AllowlistEntry | None:
        """The reviewed entry for an address or number as written anywhere, or None."""
        key = normalise_contact(kind, value)
        return next((e for e in self.entries if e.kind == kind and e.key == key), None)


def build_allowlist_document(document: SourceDocument) -> Allowlist:
    raw = document.data
    root = SourceRef(document, ())
    entries = [
        AllowlistEntry(
            e["id"], e["kind"], e["value"], e["reason"],
            Actor.parse(e["reviewed_by"], root.at("entries", i, "reviewed_by")),
            date.fromisoformat(e["reviewed"]), root.at("entries", i),
        )
        for i, e in enumerate(raw["entries"])
    ]
    return Allowlist(raw["id"], raw["title"], raw.get("description"), Actor.parse(raw["owner"], root.at("owner")), entries, root)


def build(model: Model, documents: list[SourceDocument]) -> None:
    """The kind's model builder (registered in generators/kinds/allowlist.py): one list, or none."""
    model.kind_data["allowlist"] = build_allowlist_document(documents[0]) if documents else None
