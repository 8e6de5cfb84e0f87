"""Read only the part of decisions.json one question needs (the one-shot `decide` on the command line).

A large municipality's decisions.json holds tens of thousands of matters (over 100 MB); parsing all
of it for one question would take seconds. The file is canonical JSON as `to_json_bytes` writes it:
sorted keys, two-space indentation, one key per line, and no raw line breaks inside strings. So a
matter's entry starts with a line of exactly six spaces and its quoted id inside `delegation.matters`,
and those lines are sorted: a binary search over byte offsets finds it after a few reads of a
memory map, and only that entry is parsed. The other tables (travel, whistleblowing, procurement)
are small and parsed whole, without touching the delegation table.

Anything unexpected (another layout, a damaged file) returns None, and the caller parses the whole
file instead; the answers are the same either way (tested).
"""

from __future__ import annotations

import mmap
from pathlib import Path

from generators.serialize import parse_json

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# Top-level keys in the order `sort_keys` writes them; a table's value ends where the next key starts.
_TOP = ("as_of", "delegation", "format_version", "procurement", "source_commit", "tables_version", "travel", "whistleblowing", "wording")
_DELEGATION = ("bodies", "by_kind", "kind_labels", "matters", "retired")


def _top(mm: mmap.mmap, key: str) -> int:
    """Where a top-level key's line starts. The keys before the (large) delegation table are searched
    from the start of the file, the ones after it from the end, so neither search crosses the table."""
    pattern = f'\n  "{key}": '.encode()
    return mm.find(pattern) if _TOP.index(key) <= _TOP.index("delegation") else mm.rfind(pattern)


def _value(mm: mmap.mmap, start: int, end: int) -> Any:
    """The JSON value after the key that starts at `start` (a line `  "key": value`), ending before `end`."""
    colon = mm.find(b'": ', start, end)
    if colon < 0:
        raise ValueError("no value")
    text = mm[colon + 3:end].decode("utf-8").rstrip().rstrip(",")
    return parse_json(text)


def _end(mm: mmap.mmap, key: str, start: int) -> int:
    """Where the top-level value that starts at `start` ends: at the next top-level key, or the final brace."""
    later = (_top(mm, k) for k in _TOP[_TOP.index(key) + 1:])
    return next((p for p in later if p > start), len(mm) - 2)


def _table(mm: mmap.mmap, key: str) -> Any:
    start = _top(mm, key)
    if start < 0:
        raise ValueError(key)
    return _value(mm, start, _end(mm, key, start))


def _matter(mm: mmap.mmap, low: int, high: int, wanted: bytes) -> Any:
    """Binary search for the line `      "<wanted>": [` between low and high; its list, or None."""
    region_end = high  # the entry found may run past the narrowed `high`
    while low < high:
        middle = (low + high) // 2
        line = mm.find(b'\n      "', middle, region_end)  # the pattern may run past `high`; only its start counts
        if line < 0 or line >= high:
            high = middle
            continue
        key_end = mm.find(b'"', line + 8, region_end)
        key = mm[line + 8:key_end]
        if key == wanted:
            close = mm.find(b"\n      ]", key_end, region_end)
            return parse_json(mm[key_end + 3:close + 8].decode("utf-8"))
        if key < wanted:
            low = key_end
        else:
            high = line
    return None


def read_partial(path: Path, kind: str, matters: list[str] | None = None, body: str | None = None) -> dict[str, Any] | None:
    """The tables needed for one question of `kind`: for delegation, the small maps plus the
    requested matters (or, with `body` and no matters, that body's matters of every kind)."""
    try:
        with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mm:
            tables: dict[str, Any] = {"tables_version": _table(mm, "tables_version")}
            if kind != "delegation":
                tables[kind] = _table(mm, kind)
                return tables
            start = _top(mm, "delegation")
            if start < 0:
                return None
            end = _end(mm, "delegation", start)
            if mm[start:start + 20] == b'\n  "delegation": nul':
                tables["delegation"] = None
                return tables
            closing = mm.rfind(b"\n  }", start, end)  # the delegation object's own closing brace
            # The keys before the matters from the front, the one after them from the back: no search
            # crosses the matters.
            offsets = [mm.find(f'\n    "{k}": '.encode(), start, closing) for k in _DELEGATION[:-1]]
            offsets.append(mm.rfind(f'\n    "{_DELEGATION[-1]}": '.encode(), start, closing))
            if any(o < 0 for o in offsets) or offsets != sorted(offsets):
                return None
            bounds = dict(zip(_DELEGATION, zip(offsets, [*offsets[1:], closing], strict=False), strict=False))
            delegation: dict[str, Any] = {k: _value(mm, *bounds[k]) for k in ("bodies", "by_kind", "kind_labels", "retired")}
            wanted = list(matters or [])
            if not wanted and body is not None:
                wanted = sorted({m for ids in delegation["by_kind"].get(body, {}).values() for m in ids})
            found: dict[str, Any] = {}
            low, high = bounds["matters"]
            for matter in wanted:
                versions = _matter(mm, low, high, matter.encode("utf-8"))
                if versions is not None:
                    if not isinstance(versions, list) or not all(isinstance(v, dict) and "periods" in v for v in versions):
                        return None
                    found[matter] = versions
            delegation["matters"] = found
            tables["delegation"] = delegation
            return tables
    except (OSError, ValueError, UnicodeDecodeError):
        return None
