"""Writing the JSON rules to disk as they are made, one file at a time.

At region size the rules files are tens of megabytes each (decisions.json about 40 MB and
delegation.json 36 MB at 10 000 delegation rows). Holding every file's bytes in memory until the
site was built made them the build's largest cost in memory. Here each file is encoded straight
into its file on disk (`json.JSONEncoder.iterencode`, the encoder `json.dumps` itself runs for
indented output, so the bytes are those of `generators.serialize.to_json_bytes`), its digest taken
on the way, and nothing of it kept: `PublishedFolder` reads a file back only when someone asks for
its bytes (the manifest, the feed, the API page).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from generators.serialize import normalise

# Encoded text is gathered into blocks of about this many characters before it is written:
# iterencode yields a few characters at a time, and a write per piece would dominate the time.
_BLOCK = 1 << 16


def _encoder() -> json.JSONEncoder:
    # The same settings as `generators.serialize.to_json_bytes`.
    return json.JSONEncoder(sort_keys=True, ensure_ascii=False, indent=2, allow_nan=False)


class PublishedFolder(Mapping[str, bytes]):
    """The published files under one folder, by path relative to it (e.g. "delegation.json").

    A mapping of path → bytes like the one `render_rules` returns, but backed by the files: a file's
    bytes are read when they are asked for and not kept, and its sha256 and size are known from
    when it was written."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._digests: dict[str, dict[str, Any]] = {}

    def path_of(self, relative: str) -> Path:
        return self.root / relative

    def write_bytes(self, relative: str, data: bytes) -> None:
        target = self._target(relative)
        target.write_bytes(data)
        self._digests[relative] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}

    def write_json(self, relative: str, data: Any) -> None:
        """`to_json_bytes(data)` written to the file piece by piece, never held as one string."""
        target = self._target(relative)
        digest = hashlib.sha256()
        size = 0
        pending: list[str] = []
        pending_size = 0
        with target.open("wb") as out:

            def flush() -> None:
                nonlocal size, pending_size
                chunk = "".join(pending).encode("utf-8")
                pending.clear()
                pending_size = 0
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)

            for piece in _encoder().iterencode(normalise(data)):
                pending.append(piece)
                pending_size += len(piece)
                if pending_size >= _BLOCK:
                    flush()
            pending.append("\n")
            flush()
        self._digests[relative] = {"sha256": digest.hexdigest(), "size": size}

    def digest(self, relative: str) -> dict[str, Any]:
        """{"sha256": …, "size": …} of a written file (as `index.digest` gives for its bytes)."""
        return dict(self._digests[relative])

    def _target(self, relative: str) -> Path:
        target = self.root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def __getitem__(self, relative: str) -> bytes:
        if relative not in self._digests:
            raise KeyError(relative)
        return (self.root / relative).read_bytes()

    def __contains__(self, relative: object) -> bool:
        return relative in self._digests

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._digests))

    def __len__(self) -> int:
        return len(self._digests)
