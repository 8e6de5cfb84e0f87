"""The on-disk cache of `check` (`.styrdokument-cache/` in the repository; never published).

A repeated `check` of a region's tree spent its time parsing, typing and validating files nobody had
changed. Three kinds of entry, all JSON (never pickle: an entry is data, read with `json.loads`, and
cannot run code), each named by the sha256 of everything its content depends on:

- `parsed/<key>.json`: one file's parsed, typed and validated content (data, the line and column of
  every value and key, its loading and schema problems), keyed by the file's bytes, its kind and
  schema and the tool's fingerprint. `load_file` asks it before parsing a file. Three JSON lines:
  the data and problems with the sha256 of the other two lines, then the positions of the values
  and of the keys (nine tenths of the entry), each read only when a message first asks the
  document for a line there (`LazyPositions`); an entry whose lines do not match their digests is
  a miss.
- `derived/<key>.json` (the same key): what the checks derived from that content, the document's
  memo (`SourceDocument.derived`: schema walks, every string, every id), in the lossless tagged
  form of `plain_data.py`. A memo value depends on the data alone (and on the code and schemas, in
  the fingerprint), so after an edit only the edited file's walks run again. Written after the
  checks, with every value they computed; a value that is not plain data is left out (computed again).
- `checks/<key>.json`: the whole printed result of one `check` (text and exit code), keyed by the
  fingerprint, `--today`, `--strict`, the output format, the policies folder and every entry in it
  (path, file type, bytes) and the id ledger beside it (`ledger/published-ids.json`, which the
  ledger checks read). An unchanged tree is answered from it without loading anything.

The fingerprint is what could make the same bytes give another result: the tool's version and the
bytes of every file of the `generators` package (code, templates, code lists, date horizons), the
schemas (the repository's and any kind's own) and the versions of the parser and validator
libraries. The reference data (`policies/reference/`) are policy files and are in the key with
their bytes. So an entry is used only where a cold run would compute the same thing; anything
unreadable or malformed in the folder is ignored (a miss) and written again. `tests/loader/
test_disk_cache.py` proves that a cached run gives exactly the cold run's output.

Off with `--no-cache` or the environment variable STYRDOKUMENT_NO_CACHE=1; another folder with
STYRDOKUMENT_CACHE_DIR.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from generators import __version__
from generators.diagnostics import Diagnostic
from generators.loading import plain_data
from generators.paths import PACKAGE_DIR, REPO_ROOT, SCHEMAS_DIR

CACHE_FOLDER_NAME = ".styrdokument-cache"
NO_CACHE_ENV = "STYRDOKUMENT_NO_CACHE"
CACHE_DIR_ENV = "STYRDOKUMENT_CACHE_DIR"
# Bumped when the layout of an entry changes.
ENTRY_FORMAT = "2"


def default_folder() -> Path:
    configured = os.environ.get(CACHE_DIR_ENV)
    return Path(configured) if configured else REPO_ROOT / CACHE_FOLDER_NAME


def disabled_by_environment() -> bool:
    return os.environ.get(NO_CACHE_ENV, "") not in ("", "0")


def _files_digest(hasher: Any, roots: Iterable[Path]) -> None:
    # os.walk and plain strings: sorting Path objects cost more than hashing the 3 MB they name.
    for root in roots:
        found: list[tuple[str, str]] = []
        for folder, subfolders, names in os.walk(root):
            subfolders[:] = [name for name in subfolders if name != "__pycache__"]
            relative = os.path.relpath(folder, root)
            found.extend((os.path.join(relative, name), os.path.join(folder, name)) for name in names)
        for relative, full in sorted(found):
            if os.path.islink(full) or not os.path.isfile(full):
                continue
            with open(full, "rb") as handle:
                content = handle.read()
            hasher.update(relative.encode() + b"\0" + hashlib.sha256(content).digest())


def _libraries(hasher: Any) -> None:
    """The installed parser and validator, by their distributions' file lists (name, version and
    every file's hash: read without importing them or importlib.metadata, which cost more than a
    cached check)."""
    import importlib.util

    for package, distribution in (("yaml", "PyYAML"), ("jsonschema", "jsonschema")):
        spec = importlib.util.find_spec(package)
        site = Path(spec.origin).parent.parent if spec is not None and spec.origin else None
        prefix = f"{distribution.lower()}-"
        found = sorted(p for p in site.glob("*.dist-info") if p.name.lower().startswith(prefix)) if site is not None else []
        hasher.update(f"{distribution}\0".encode())
        for info in found:
            record = info / "RECORD"
            hasher.update(info.name.encode() + (hashlib.sha256(record.read_bytes()).digest() if record.is_file() else b"?"))


@cache
def fingerprint() -> str:
    """What besides a file's bytes decides what the loader and the checks make of it (see above)."""
    from generators.kinds import kinds

    hasher = hashlib.sha256(f"{ENTRY_FORMAT}\0{__version__}\0".encode())
    _libraries(hasher)
    kind_schemas = tuple(REPO_ROOT / kind.schemas_dir for kind in kinds() if kind.schemas_dir is not None)
    _files_digest(hasher, (PACKAGE_DIR, SCHEMAS_DIR, *kind_schemas))
    return hasher.hexdigest()


Positions = Mapping[tuple[str | int, ...], tuple[int, int]]


@dataclass(frozen=True)
class ParsedEntry:
    """A file's content as `load_file` derives it from its bytes (problems without a file name)."""

    data: Any
    positions: Positions
    key_positions: Positions
    problems: tuple[Diagnostic, ...]


# Positions in columns (the paths, their lines, their columns): a region's tree has hundreds of
# thousands, and zipping three lists reads them several times faster than a row per position.
def _positions_out(positions: Positions) -> dict[str, list[Any]]:
    return {"paths": [list(path) for path in positions], "lines": [line for line, _ in positions.values()],
            "columns": [column for _, column in positions.values()]}


def _positions_in(columns: dict[str, list[Any]]) -> dict[tuple[str | int, ...], tuple[int, int]]:
    paths, lines, numbers = columns["paths"], columns["lines"], columns["columns"]
    if not (len(paths) == len(lines) == len(numbers)) or not set(map(type, paths)) <= {list} \
            or not set(map(type, lines)) | set(map(type, numbers)) <= {int}:
        raise ValueError("damaged positions")
    return dict(zip(map(tuple, paths), zip(lines, numbers, strict=True), strict=True))


class LazyPositions(Mapping[tuple[str | int, ...], tuple[int, int]]):
    """One position table of a stored entry (of the values or of the keys), kept as its JSON text
    until first asked for: the tables are nine tenths of an entry, and a check asks only the files
    it reports on for a line. The text was checked against its sha256 when the entry was read, so
    it is the text `put_parsed` wrote, and reading it cannot fail."""

    def __init__(self, text: bytes) -> None:
        self._text: bytes | None = text
        self._table: dict[tuple[str | int, ...], tuple[int, int]] = {}

    def _read(self) -> dict[tuple[str | int, ...], tuple[int, int]]:
        if self._text is not None:
            self._table = _positions_in(json.loads(self._text))
            self._text = None
        return self._table

    def __getitem__(self, path: tuple[str | int, ...]) -> tuple[int, int]:
        return self._read()[path]

    def get(self, path: tuple[str | int, ...], default: Any = None) -> Any:
        return self._read().get(path, default)

    def __iter__(self) -> Iterator[tuple[str | int, ...]]:
        return iter(self._read())

    def __len__(self) -> int:
        return len(self._read())


def _diagnostic_out(d: Diagnostic) -> dict[str, Any]:
    return {"line": d.line, "column": d.column, "code": d.code, "message": d.message, "severity": d.severity,
            "path": d.path, "related": list(d.related)}


def _diagnostic_in(data: dict[str, Any]) -> Diagnostic:
    return Diagnostic("", int(data["line"]), int(data["column"]), str(data["code"]), str(data["message"]),
                      data["severity"], str(data["path"]), tuple(data["related"]))


def _digest(text: bytes) -> str:
    return hashlib.sha256(text).hexdigest()


def _dumps(content: Any) -> str:
    """Compact JSON on one line (no raw newline: strings escape theirs). json.dumps, not json.dump:
    dump streams through the pure-Python encoder, several times slower."""
    return json.dumps(content, ensure_ascii=False, separators=(",", ":"))


class DiskCache:
    """The cache folder. Reads never raise (a bad entry is a miss); writes are atomic (a file
    written beside the entry, then renamed over it), so a killed run leaves no half entry."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.salt = fingerprint()
        # The memos of the documents loaded through this cache: (key, memo, the keys it was read with).
        self._memos: list[tuple[str, dict[Any, Any], frozenset[Any]]] = []

    # -- parsed files --------------------------------------------------------------------------
    def parsed_key(self, data: bytes, kind: str, schema: str) -> str:
        hasher = hashlib.sha256(f"{self.salt}\0parsed\0{kind}\0{schema}\0".encode())
        hasher.update(data)
        return hasher.hexdigest()

    def get_parsed(self, key: str) -> ParsedEntry | None:
        # Three JSON lines: the entry, then the positions of its values and of its keys, kept as
        # bytes until first asked for (JSON strings holding them would cost as much to read as the
        # positions themselves).
        try:
            header, positions, key_positions = self._path("parsed", key).read_bytes().split(b"\n")
            raw = json.loads(header)
            if not isinstance(raw, dict) or raw["positions_sha256"] != [_digest(positions), _digest(key_positions)]:
                return None
            return ParsedEntry(raw["data"], LazyPositions(positions), LazyPositions(key_positions),
                               tuple(_diagnostic_in(p) for p in raw["problems"]))
        except (OSError, KeyError, TypeError, ValueError, RecursionError):
            return None

    def put_parsed(self, key: str, entry: ParsedEntry) -> None:
        try:
            positions = _dumps(_positions_out(entry.positions)).encode("utf-8")
            key_positions = _dumps(_positions_out(entry.key_positions)).encode("utf-8")
            header = _dumps({"data": entry.data, "positions_sha256": [_digest(positions), _digest(key_positions)],
                             "problems": [_diagnostic_out(p) for p in entry.problems]}).encode("utf-8")
        except (ValueError, TypeError):
            return
        self._write_bytes("parsed", key, b"\n".join((header, positions, key_positions)))

    # -- what the checks derived from a file's content ---------------------------------------
    def get_derived(self, key: str) -> dict[Any, Any]:
        """The memo stored for the content of `key` (empty when there is none or it is damaged)."""
        raw = self._read("derived", key)
        if raw is None:
            return {}
        try:
            return {plain_data.decode(name): plain_data.decode(value) for name, value in raw["memo"]}
        except (KeyError, TypeError, ValueError):  # NotPlain is a ValueError
            return {}

    def track_memo(self, key: str, memo: dict[Any, Any]) -> None:
        """Keep `memo` (filled by the checks) to store under `key` in `save_derived`."""
        self._memos.append((key, memo, frozenset(memo)))

    def save_derived(self) -> None:
        """Store every tracked memo the checks added to. Keys sorted: the same memo, the same bytes."""
        written: set[str] = set()
        for key, memo, stored in self._memos:
            if key in written or set(memo) <= stored:
                continue
            written.add(key)
            rows: list[list[Any]] = []
            for name, value in memo.items():
                try:
                    rows.append([plain_data.encode(name), plain_data.encode(value)])
                except plain_data.NotPlain:
                    continue  # computed again next time
            rows.sort(key=lambda row: json.dumps(row[0], ensure_ascii=False))
            self._write("derived", key, {"memo": rows})
        self._memos.clear()

    # -- whole check results -------------------------------------------------------------------
    def check_key(self, policies_dir: Path, settings: dict[str, str], ledger: Path) -> str:
        """The key of one `check`: the settings and every entry under the policies folder, as the
        loader lists them (path, type, bytes), and the ledger beside it."""
        from generators.loading.discovery import policy_files

        hasher = hashlib.sha256(f"{self.salt}\0check\0".encode())
        hasher.update(json.dumps({**settings, "policies": str(policies_dir.resolve()), "cwd": os.getcwd()},
                                 sort_keys=True).encode())
        for path in [*policy_files(policies_dir), ledger]:
            hasher.update(b"\0" + os.fsencode(path) + b"\0")
            try:
                mode = os.lstat(path).st_mode
            except OSError:
                hasher.update(b"missing")
                continue
            hasher.update(str(mode).encode() + b"\0")
            if path.is_file() and not path.is_symlink():
                try:
                    hasher.update(hashlib.sha256(path.read_bytes()).digest())
                except OSError as error:
                    hasher.update(f"unreadable {error.errno}".encode())
        return hasher.hexdigest()

    def get_check(self, key: str) -> tuple[str, int] | None:
        raw = self._read("checks", key)
        if raw is None:
            return None
        output, code = raw.get("output"), raw.get("exit_code")
        if not isinstance(output, str) or not isinstance(code, int):
            return None
        return output, code

    def put_check(self, key: str, output: str, exit_code: int) -> None:
        self._write("checks", key, {"output": output, "exit_code": exit_code})

    # -- files ---------------------------------------------------------------------------------
    def _path(self, section: str, key: str) -> Path:
        return self.folder / section / key[:2] / f"{key}.json"

    def _read(self, section: str, key: str) -> dict[str, Any] | None:
        try:
            raw = json.loads(self._path(section, key).read_bytes())
        except (OSError, ValueError, RecursionError):
            return None
        return raw if isinstance(raw, dict) else None

    def _write(self, section: str, key: str, content: dict[str, Any]) -> None:
        try:
            text = _dumps(content).encode("utf-8")
        except (ValueError, TypeError):
            return
        self._write_bytes(section, key, text)

    def _write_bytes(self, section: str, key: str, text: bytes) -> None:
        target = self._path(section, key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=target.parent)
            with os.fdopen(handle, "wb") as out:
                out.write(text)
            os.replace(temporary, target)
        except (OSError, ValueError, TypeError):
            # A cache that cannot be written (read-only checkout, full disk) only costs time.
            try:
                os.unlink(temporary)
            except (OSError, UnboundLocalError):
                pass
