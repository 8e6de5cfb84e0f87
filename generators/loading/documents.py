"""Load every policy file: discover → read → parse strictly → type by schema → validate."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar, cast

from generators.diagnostics import Diagnostic, JsonPath, Location, format_json_path
from generators.kinds import kinds
from generators.loading import yamlstrict
from generators.loading.collector import collector_paused
from generators.loading.discovery import claim_for, policy_files, unclaimed_hint
from generators.loading.disk_cache import DiskCache, ParsedEntry
from generators.loading.scalar_types import SchemaTyper
from generators.loading.schemas import SchemaStore
from generators.loading.validate import validate
from generators.paths import REPO_ROOT, SCHEMAS_DIR, display_base, display_path

T = TypeVar("T")


@dataclass
class SourceDocument:
    """One loaded policy file: its data, and where every value stands in it."""

    file: str  # display path, relative to the repository root
    kind: str
    schema: str
    data: Any
    # A dict, or the disk cache's table read when first asked for (disk_cache.LazyPositions).
    positions: Mapping[JsonPath, tuple[int, int]] = field(repr=False, default_factory=dict)
    key_positions: Mapping[JsonPath, tuple[int, int]] = field(repr=False, default_factory=dict)
    # What checks derive from `data` alone (schema walks, every string): computed once per content.
    # Keys name their producer; values hold JSON paths, never SourceRefs, so a document loaded again
    # from the same bytes under another path shares it.
    memo: dict[Any, Any] = field(repr=False, compare=False, default_factory=dict)

    def derived(self, key: Hashable, compute: Callable[[Any], T]) -> T:
        """`compute(self.data)`, computed once per content (kept in the memo under `key`).

        `compute` must depend on the data alone (and on the code and schemas) and return paths, not
        SourceRefs. `check`'s disk cache stores the memo by content when key and value are plain
        data (tuples, lists, mappings, strings, numbers, dates: loading/plain_data.py).
        """
        if key not in self.memo:
            self.memo[key] = compute(self.data)
        return cast(T, self.memo[key])

    def location(self, path: JsonPath = (), at_key: bool = False) -> Location:
        position = self.key_positions.get(path) if at_key else None
        probe = path
        while position is None:
            position = self.positions.get(probe)
            if not probe:
                break
            probe = probe[:-1]
        line, col = position or (1, 1)
        return Location(self.file, line, col, format_json_path(path))


@dataclass
class LoadResult:
    documents: list[SourceDocument]
    diagnostics: list[Diagnostic]
    failed: list[tuple[str, str]]  # (kind, file) of files that did not load cleanly
    policies_dir: Path

    @property
    def failed_kinds(self) -> set[str]:
        return {kind for kind, _ in self.failed}


_STORE_CACHE: dict[tuple[Path, tuple[Path, ...]], tuple[SchemaStore, SchemaTyper]] = {}


def kind_schema_dirs() -> tuple[Path, ...]:
    """The schema folders of registered kinds that keep their schemas outside `schemas/`."""
    return tuple(REPO_ROOT / kind.schemas_dir for kind in kinds() if kind.schemas_dir is not None)


def schema_store(schemas_dir: Path = SCHEMAS_DIR) -> tuple[SchemaStore, SchemaTyper]:
    key = (schemas_dir, kind_schema_dirs())
    if key not in _STORE_CACHE:
        store = SchemaStore.load(schemas_dir, key[1])
        _STORE_CACHE[key] = (store, SchemaTyper(store))
    return _STORE_CACHE[key]


def load_policies(policies_dir: Path, schemas_dir: Path = SCHEMAS_DIR, disk_cache: DiskCache | None = None) -> LoadResult:
    """`disk_cache`: parsed files kept on disk between runs (`check`, see disk_cache.py); only with
    the repository's schemas, which its key covers."""
    with collector_paused():  # millions of acyclic containers: see generators/loading/collector.py
        return _load_policies(policies_dir, schemas_dir, disk_cache if schemas_dir == SCHEMAS_DIR else None)


def _load_policies(policies_dir: Path, schemas_dir: Path, disk_cache: DiskCache | None) -> LoadResult:
    store, typer = schema_store(schemas_dir)
    base = display_base(policies_dir)
    result = LoadResult([], [], [], policies_dir)
    for path in policy_files(policies_dir):
        relative = path.relative_to(policies_dir).as_posix()
        shown = display_path(path, base)
        claim = claim_for(relative)
        special = yamlstrict.special_file_problem(path)
        if special is not None:
            result.diagnostics.append(Diagnostic(shown, special.line, special.col, special.code, special.message))
            result.failed.append((claim.kind if claim else "unclaimed", shown))
            continue
        if claim is None:
            result.diagnostics.append(
                Diagnostic(shown, 1, 1, "L112", f"Filen hör inte till något styrdokument. {unclaimed_hint(relative)}")
            )
            result.failed.append(("unclaimed", shown))
            continue
        if claim.schema not in store.by_name:
            result.diagnostics.append(Diagnostic(shown, 1, 1, "L112", f"Schemat {claim.schema} saknas i schemas/."))
            result.failed.append((claim.kind, shown))
            continue
        document, diagnostics = load_file(path, shown, claim.kind, claim.schema, store, typer, disk_cache)
        result.diagnostics.extend(diagnostics)
        if document is None or any(d.severity == "error" for d in diagnostics):
            result.failed.append((claim.kind, shown))
        else:
            result.documents.append(document)
    return result


@dataclass(frozen=True)
class _Parsed:
    """A file's content parsed, typed and validated: everything `load_file` derives from its bytes."""

    data: Any
    positions: Mapping[JsonPath, tuple[int, int]]
    key_positions: Mapping[JsonPath, tuple[int, int]]
    memo: dict[Any, Any]
    problems: tuple[Diagnostic, ...]  # with an empty file name, filled in per load


# Parsed content by (bytes, kind, schema, store): the same bytes always parse to the same data and
# problems, so a second load of an unchanged file (the site build after `check`, or a rule case that
# edits one file of forty) reuses them. Bounded: it holds at most a few policy trees' worth.
_PARSED: OrderedDict[tuple[bytes, str, str, int], _Parsed] = OrderedDict()
_PARSED_MAX = 512


def forget_parsed() -> None:
    """Let go of every file kept parsed in this process (its bytes, data, positions and memo).

    For a run that will load nothing more: `build` calls it once the site's pages are generated, so
    the parses are not held through the mkdocs build. A later load parses again; nothing changes."""
    _PARSED.clear()


def load_file(
    path: Path, shown: str, kind: str, schema: str, store: SchemaStore, typer: SchemaTyper,
    disk_cache: DiskCache | None = None,
) -> tuple[SourceDocument | None, list[Diagnostic]]:
    data, problem = yamlstrict.read_policy_bytes(path)
    if problem is not None:
        return None, [Diagnostic(shown, problem.line, problem.col, problem.code, problem.message)]
    assert data is not None
    key = (data, kind, schema, id(store))
    parsed = _PARSED.get(key)
    if parsed is None:
        disk_key = disk_cache.parsed_key(data, kind, schema) if disk_cache is not None else ""
        entry = disk_cache.get_parsed(disk_key) if disk_cache is not None else None
        if disk_cache is not None and entry is not None:
            memo = disk_cache.get_derived(disk_key)  # what the checks derived from these bytes last time
            parsed = _Parsed(entry.data, entry.positions, entry.key_positions, memo, entry.problems)
            disk_cache.track_memo(disk_key, memo)
        else:
            document, diagnostics = _parse_file(data, "", kind, schema, store, typer)
            if document is None:
                return None, [replace(d, file=shown) for d in diagnostics]
            parsed = _Parsed(document.data, document.positions, document.key_positions, document.memo, tuple(diagnostics))
            if disk_cache is not None:
                disk_cache.put_parsed(disk_key, ParsedEntry(parsed.data, parsed.positions, parsed.key_positions, parsed.problems))
                disk_cache.track_memo(disk_key, parsed.memo)
        _PARSED[key] = parsed
        if len(_PARSED) > _PARSED_MAX:
            _PARSED.popitem(last=False)
    else:
        _PARSED.move_to_end(key)
    return (
        SourceDocument(shown, kind, schema, parsed.data, parsed.positions, parsed.key_positions, parsed.memo),
        [replace(d, file=shown) for d in parsed.problems],
    )


def _parse_file(
    data: bytes, shown: str, kind: str, schema: str, store: SchemaStore, typer: SchemaTyper
) -> tuple[SourceDocument | None, list[Diagnostic]]:
    text, problem = yamlstrict.decode(data)
    if problem is not None:
        return None, [Diagnostic(shown, problem.line, problem.col, problem.code, problem.message)]
    assert text is not None
    raw, problems = yamlstrict.parse(text)
    diagnostics = [Diagnostic(shown, p.line, p.col, p.code, p.message) for p in problems]
    if raw is None:
        return None, diagnostics
    typed = typer.type_document(raw, schema)
    diagnostics.extend(
        Diagnostic(shown, p.line, p.col, p.code, p.message, path=format_json_path(json_path))
        for json_path, p in typed.problems
    )
    for json_path, p in validate(store, schema, typed):
        diagnostics.append(Diagnostic(shown, p.line, p.col, p.code, p.message, path=format_json_path(json_path)))
    diagnostics.sort()
    return SourceDocument(shown, kind, schema, typed.data, typed.positions, typed.key_positions), diagnostics
