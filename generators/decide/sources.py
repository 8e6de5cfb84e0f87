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
    from collections.abc import Collection
    from datetime import date
    from typing import Any

    from generators.model import Model

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


def _partial(path: Path, question: dict[str, Any] | None) -> dict[str, Any] | None:
    """Only what one question needs (see partial.py), or None to read the whole file."""
    if question is None:
        return None
    from generators.decide.partial import read_partial

    matter = question.get("matter")
    return read_partial(path, question["kind"], [matter] if matter else None, question.get("body"))


def _check_version(path: Path, data: Any) -> None:
    version = str(data.get("tables_version", "")) if isinstance(data, dict) else ""
    if not version.split(".")[0].isdigit() or int(version.split(".")[0]) != SUPPORTED_MAJOR:
        raise SourceError(f"{path} har tabellformat '{version}'; det här verktyget läser version {SUPPORTED_MAJOR}.x.")


def from_rules(rules_dir: Path, question: dict[str, Any] | None = None) -> Decider:
    """The tables as published: RULES_DIR/decisions.json (e.g. build/site/rules/v1).

    With `question` ({"kind": "delegation", "matter": …, "body": …} or {"kind": "travel"} …) only the
    part of the file that question needs is read: a one-shot answer stays fast for a large
    municipality. Without it the whole file is indexed, for answering many questions."""
    path = rules_dir / DECISIONS_FILE
    if not path.is_file():
        raise SourceError(f"{path} finns inte. Bygg reglerna med `python -m generators build` (de hamnar i build/site/rules/v1) eller ange rätt mapp med --rules.")
    partial = _partial(path, question)
    if partial is not None:
        _check_version(path, partial)
        return _decider(path, partial)
    from generators.serialize import parse_json

    try:
        data = parse_json(path.read_bytes())
    except (OSError, ValueError) as error:
        raise SourceError(f"{path} kunde inte läsas som JSON: {error}.") from None
    _check_version(path, data)
    return _decider(path, data)


def _decider(path: Path, data: dict[str, Any]) -> Decider:
    try:
        return Decider(data)
    except (KeyError, TypeError, AttributeError, IndexError, ValueError) as error:
        # JSON from outside that is not shaped like the published tables.
        raise SourceError(f"{path} har inte de publicerade tabellernas form ({type(error).__name__}: {error}).") from None


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


def _canonical(policies_dir: Path) -> bytes:
    """The tables from the policies as canonical JSON bytes (the layout decisions.json has)."""
    from generators.serialize import to_json_bytes

    return to_json_bytes(build_from_policies(policies_dir))


def build_from_policies(policies_dir: Path) -> dict[str, Any]:
    """Load, model and tabulate the policies (every adopted version); SourceError when a file fails to load."""
    from datetime import date

    from generators.loading.documents import load_policies
    from generators.model import build_model

    loaded = load_policies(policies_dir)
    if loaded.failed:
        problems = [f"{d.file}:{d.line}:{d.column}: {d.code} {d.message}" for d in loaded.diagnostics if d.severity == "error"]
        files = ", ".join(sorted({file for _, file in loaded.failed}))
        raise SourceError(f"Styrdokumenten kan inte läsas in utan fel ({files}); rätta dem först (`python -m generators check`).",
                          problems)
    return tables_of_model(build_model(loaded), date.today())


def tables_of_model(model: Model, as_of: date, only: Collection[str] | None = None) -> dict[str, Any]:
    """The tables (every adopted version) of a model already built, as plain JSON data; with `only`,
    the tables of those kinds alone (the others are not built and their keys are absent)."""
    from generators.decide.tables import ALL_ADOPTED, TABLES_VERSION, build_tables
    from generators.serialize import normalise

    tables = build_tables(model, ALL_ADOPTED, as_of, only)
    # Through JSON (sorted keys, as published) so both sources hand the engine identical data.
    data: dict[str, Any] = json.loads(json.dumps(normalise({"tables_version": TABLES_VERSION, **tables}), ensure_ascii=False, sort_keys=True))
    return data


KEEP_CACHED = 4  # tables for the last few states of the policies (switching branches stays fast)


def _prune(keep: Path) -> None:
    """Old cache files (earlier states of the policies or of the code) are never read again."""
    files = sorted(CACHE_DIR.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[KEEP_CACHED:]:
        if old != keep:
            old.unlink(missing_ok=True)


def from_policies(policies_dir: Path, use_cache: bool = True, question: dict[str, Any] | None = None) -> Decider:
    """The tables built from the policies (every adopted version), from the cache when the inputs
    are byte-identical. With `question`, only what it needs is read from the cache (as from_rules)."""
    if not policies_dir.is_dir():
        raise SourceError(f"Mappen {policies_dir} finns inte.")
    key = _fingerprint(policies_dir) if use_cache else None
    cached = CACHE_DIR / f"{key}.json" if key else None
    if cached is not None and cached.is_file():
        partial = _partial(cached, question)
        if partial is not None:
            return Decider(partial)
        try:
            return Decider(json.loads(cached.read_bytes()))
        except ValueError:
            pass  # a damaged cache file is rebuilt below
    data = _canonical(policies_dir)
    if cached is not None:
        try:
            CACHE_DIR.mkdir(parents=True, exist_ok=True)
            temporary = cached.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(data)
            temporary.replace(cached)
            _prune(cached)
        except OSError:
            pass  # no cache where the repository is read-only: answering works all the same
    return Decider(json.loads(data))
