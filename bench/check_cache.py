"""The benchmark's rows for `check` with its on-disk cache (generators/loading/disk_cache.py).

- a repeated `check` of an unchanged tree (the cache answers; target ≤ 0.5 s at 10 000 rows);
- `check` after editing one delegation file (that file parsed again, every rule run again; target
  ≤ 1 s at 10 000 rows).

The cache folder is the benchmark's own (STYRDOKUMENT_CACHE_DIR), filled by one `check` first. Each
edit changes one matter's title in the largest delegation file to a text not used before, so every
measured run has exactly one file the cache has not seen; the file is restored afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

Run = Callable[..., tuple[float, float]]

_TITLE = re.compile(r"^(\s+title: )(.+)$", re.MULTILINE)


def _largest_delegation_file(policies: Path) -> Path:
    return max(sorted((policies / "delegation").glob("*.yaml")), key=lambda p: p.stat().st_size)


def measure(run: Run, check: list[str], cache: Path, runs: int) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """(repeated runs, one-edit runs), each (seconds, megabytes); `check` is the command without --no-cache."""
    env = {"STYRDOKUMENT_CACHE_DIR": str(cache)}
    policies = Path(check[check.index("--policies") + 1])
    run(check, env_extra=env)  # fills the cache
    repeated = [run(check, env_extra=env) for _ in range(max(runs, 3))]
    target = _largest_delegation_file(policies)
    original = target.read_text(encoding="utf-8")
    matches = list(_TITLE.finditer(original))
    edited: list[tuple[float, float]] = []
    try:
        for number in range(runs):
            found = matches[(number * 7919) % len(matches)]
            text = original[: found.start(2)] + f"{found.group(2)} (ändrad {number + 1})" + original[found.end(2):]
            target.write_text(text, encoding="utf-8")
            edited.append(run(check, env_extra=env))
    finally:
        target.write_text(original, encoding="utf-8")
    return repeated, edited
