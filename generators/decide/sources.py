"""Where a `Decider` gets its tables: the published JSON rules, or the policies themselves.

`from_rules(DIR)` reads DIR/decisions.json with the standard library alone — what an integrating
system has. `from_policies(DIR)` loads and models the policies and builds the same tables in-process
(every adopted version, so any date the policies cover can be asked). Building needs the loader and
schema validation (about half a second), so the result is kept in a content-addressed cache
(build/cache/decide/<sha256>.json): the key covers every policy file, every schema and the
generator's own source, so a cached table is only ever reused for byte-identical inputs.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

from generators.decide.engine import Decider

PACKAGE_DIR = Path(__file__).resolve().parent.parent
REPO_ROOT = PACKAGE_DIR.parent
CACHE_DIR = REPO_ROOT / "build" / "cache" / "decide"
DECISIONS_FILE = "decisions.json"
SUPPORTED_MAJOR = 1


class SourceError(Exception):
    """The tables cannot be read: a missing or unreadable file, an unsupported format, broken policies."""

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.details = details or []


def from_rules(rules_dir: Path) -> Decider:
    """The tables as published: RULES_DIR/decisions.json (e.g. build/site/rules)."""
    path = rules_dir / DECISIONS_FILE
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        raise SourceError(f"{path} finns inte. Bygg reglerna med `python -m generators build` eller ange rätt mapp med --rules.") from None
    except (OSError, ValueError) as error:
        raise SourceError(f"{path} kunde inte läsas som JSON: {error}.") from None
    version = str(data.get("tables_version", "")) if isinstance(data, dict) else ""
    if not version.split(".")[0].isdigit() or int(version.split(".")[0]) != SUPPORTED_MAJOR:
        raise SourceError(f"{path} har tabellformat '{version}'; det här verktyget läser version {SUPPORTED_MAJOR}.x.")
    return Decider(data)


def _fingerprint(policies_dir: Path) -> str:
    digest = hashlib.sha256()
    roots = [(policies_dir, "policies"), (REPO_ROOT / "schemas", "schemas"), (PACKAGE_DIR, "generators")]
    for root, name in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            if name == "generators" and path.suffix != ".py":
                continue
            digest.update(f"{name}/{path.relative_to(root).as_posix()}\0".encode())
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()


def build_from_policies(policies_dir: Path) -> dict[str, Any]:
    """Load, model and tabulate the policies (every adopted version); SourceError when a file fails to load."""
    from datetime import date

    from generators.decide.tables import ALL_ADOPTED, TABLES_VERSION, build_tables
    from generators.loading.documents import load_policies
    from generators.model import build_model
    from generators.outputs.rules.serialize import normalise

    loaded = load_policies(policies_dir)
    if loaded.failed:
        problems = [f"{d.file}:{d.line}:{d.column}: {d.code} {d.message}" for d in loaded.diagnostics if d.severity == "error"]
        files = ", ".join(sorted({file for _, file in loaded.failed}))
        raise SourceError(f"Styrdokumenten kan inte läsas in utan fel ({files}); rätta dem först (`python -m generators check`).",
                          problems)
    model = build_model(loaded)
    tables = build_tables(model, ALL_ADOPTED, date.today())
    # Through JSON (sorted keys, as published) so both sources hand the engine identical data.
    data: dict[str, Any] = json.loads(json.dumps(normalise({"tables_version": TABLES_VERSION, **tables}), ensure_ascii=False, sort_keys=True))
    return data


def from_policies(policies_dir: Path, use_cache: bool = True) -> Decider:
    if not policies_dir.is_dir():
        raise SourceError(f"Mappen {policies_dir} finns inte.")
    key = _fingerprint(policies_dir) if use_cache else None
    cached = CACHE_DIR / f"{key}.json" if key else None
    if cached is not None and cached.is_file():
        try:
            return Decider(json.loads(cached.read_bytes()))
        except ValueError:
            pass  # a damaged cache file is rebuilt below
    data = build_from_policies(policies_dir)
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    if cached is not None:
        try:
            CACHE_DIR.mkdir(parents=True, exist_ok=True)
            temporary = cached.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(text, encoding="utf-8")
            temporary.replace(cached)
        except OSError:
            pass  # no cache where the repository is read-only: answering works all the same
    return Decider(json.loads(text))
