"""The ledger of published ids (ledger/published-ids.json): what it holds, where it is, how it is written.

Systems that consume the JSON rules look matters up by id, so an id that has been published must
never silently disappear. The ledger records every id ever published — one entry per id with its
kind, its document and the first version it was published in — and is committed with the policies.
The checks (X830–X832) compare the policies with it without any git history, so they work in a
shallow CI clone. `python -m generators ledger` adds new ids (it never drops one);
`python -m generators ledger --check` fails when the committed file is not what it would write.

What the ledger holds: the ids of delegated matters (`matter`) and of delegationsordningar
(`document`), the ids a consumer keys decisions on and that a delegationsordning can retire
(`retired_matters`) or repeal (`status: upphavd`).

Where it is: `ledger/published-ids.json` beside the policies folder (in this repository: at the root).
It applies only to the municipality it names, so a ledger never judges another municipality's
policies.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from generators.model import Model
from generators.model.delegation import DelegationOrder
from generators.paths import LEDGER_DIR, LEDGER_FILE, REPO_ROOT, display_base, display_path

FORMAT = 1
REGENERATE = "python -m generators ledger"
ABOUT = ("Alla id som någon gång har publicerats i JSON-reglerna. Genereras av `python -m generators ledger`; "
         "ta aldrig bort en rad. Ett ärende som tas bort ur en delegationsordning ska stå under retired_matters.")


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str  # matter | document
    document: str
    first_version: str

    def json(self) -> dict[str, str]:
        return {"document": self.document, "first_version": self.first_version, "id": self.id, "kind": self.kind}


@dataclass
class Ledger:
    municipality: str | None
    entries: list[Entry]
    path: Path
    lines: dict[tuple[str, str], int]  # (kind, id) → line in the file

    def by_key(self) -> dict[tuple[str, str], Entry]:
        return {(e.kind, e.id): e for e in self.entries}

    @property
    def shown(self) -> str:
        return display_path(self.path, display_base(self.path.parent.parent / "policies"))


class LedgerError(Exception):
    """The ledger file exists but cannot be read as a ledger (a Swedish message)."""


def ledger_path_for(model: Model) -> Path:
    """The ledger beside the policies folder the model was loaded from (`<policies>/../ledger/`)."""
    policies_dir = model.policies_dir if model.policies_dir is not None else REPO_ROOT / model.policies_display
    return Path(policies_dir).parent / LEDGER_DIR / LEDGER_FILE


def _entry(data: Any, where: str) -> Entry:
    if not isinstance(data, dict) or set(data) != {"id", "kind", "document", "first_version"}:
        raise LedgerError(f"{where}: en rad ska ha exakt id, kind, document och first_version.")
    if not all(isinstance(v, str) and v for v in data.values()) or data["kind"] not in ("matter", "document"):
        raise LedgerError(f"{where}: id, document och first_version ska vara text och kind matter eller document.")
    return Entry(data["id"], data["kind"], data["document"], data["first_version"])


def read(path: Path) -> Ledger:
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, UnicodeDecodeError) as error:
        raise LedgerError(f"filen kunde inte läsas ({error}).") from None
    except json.JSONDecodeError as error:
        raise LedgerError(f"filen är inte giltig JSON (rad {error.lineno}, kolumn {error.colno}: {error.msg}).") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("ids"), list):
        raise LedgerError(f"filen ska ha format: {FORMAT} och en lista ids.")
    municipality = data.get("municipality")
    entries = [_entry(item, f"post {i + 1}") for i, item in enumerate(data["ids"])]
    lines: dict[tuple[str, str], int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip().rstrip(",")
        if stripped.startswith("{") and '"id"' in stripped:
            try:
                item = json.loads(stripped)
            except json.JSONDecodeError:
                continue
            if isinstance(item, dict):
                lines.setdefault((str(item.get("kind")), str(item.get("id"))), number)
    return Ledger(municipality if isinstance(municipality, str) else None, entries, path, lines)


_CACHE: dict[tuple[Path, int, int], Ledger | LedgerError] = {}


def load_for(model: Model) -> Ledger | LedgerError | None:
    """The ledger for the model's policies, or None when there is none, or it is another municipality's.

    Read once per file version (the four ledger rules share it)."""
    path = ledger_path_for(model)
    try:
        stat = path.stat()
    except OSError:
        return None
    key = (path, stat.st_mtime_ns, stat.st_size)
    if key not in _CACHE:
        try:
            _CACHE[key] = read(path)
        except LedgerError as error:
            _CACHE[key] = error
    found = _CACHE[key]
    org = model.organisation
    if isinstance(found, Ledger) and (org is None or found.municipality != org.municipality.get("id")):
        return None
    return found


# -- what the policies publish -------------------------------------------------------------------------
def adopted_orders(model: Model) -> list[DelegationOrder]:
    return [o for o in model.delegations if o.meta.status in ("antagen", "upphavd")]


def published_entries(model: Model) -> list[Entry]:
    """Every id the policies have published: matters and documents of adopted (or since repealed)
    delegationsordningar, each with the first version that holds it."""
    found: dict[tuple[str, str], Entry] = {}
    for order in sorted(adopted_orders(model), key=lambda o: (o.meta.valid_from, o.meta.version)):
        meta = order.meta
        found.setdefault(("document", meta.id), Entry(meta.id, "document", meta.id, meta.version))
        for matter in order.matters:
            found.setdefault(("matter", matter.id), Entry(matter.id, "matter", meta.id, meta.version))
    return list(found.values())


def latest_published(model: Model, today: date) -> dict[str, DelegationOrder]:
    """Per delegationsordning, the last version that is published on `today` (in force or to come):
    the one whose matters consumers will find."""
    latest: dict[str, DelegationOrder] = {}
    for order in model.delegations:
        meta = order.meta
        if meta.status != "antagen" or (meta.valid_to is not None and meta.valid_to < today):
            continue
        current = latest.get(meta.id)
        if current is None or (meta.valid_from, meta.version) > (current.meta.valid_from, current.meta.version):
            latest[meta.id] = order
    return latest


def merged(existing: Ledger | None, model: Model) -> list[Entry]:
    """The existing entries (never dropped, never changed) plus every id the policies add."""
    entries = {(e.kind, e.id): e for e in (existing.entries if existing else [])}
    for entry in published_entries(model):
        entries.setdefault((entry.kind, entry.id), entry)
    return sorted(entries.values(), key=lambda e: (e.id, e.kind))


def render(municipality: str | None, entries: Iterable[Entry]) -> str:
    """One entry per line, so a review shows exactly which ids were added."""
    rows = [json.dumps(e.json(), ensure_ascii=False, sort_keys=True) for e in entries]
    head = json.dumps({"about": ABOUT, "format": FORMAT, "municipality": municipality}, ensure_ascii=False, indent=2, sort_keys=True)
    body = ",\n".join(f"    {row}" for row in rows)
    return head[:-2] + ',\n  "ids": [\n' + body + ("\n" if rows else "") + "  ]\n}\n"
