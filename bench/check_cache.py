"""The benchmark's rows for `check` with its on-disk cache (generators/loading/disk_cache.py).

- a repeated `check` of an unchanged tree (the cache answers; target ≤ 0.5 s at 10 000 rows);
- `check` after editing one delegation file (that file parsed again and its memo derived again, the
  other files' parses and memos read from the cache, every rule run again over the model; target
  ≤ 1 s at 10 000 rows).

Measured on a copy of the tree (with the id ledger beside it), never on the tree itself. The cache
folder is the benchmark's own (STYRDOKUMENT_CACHE_DIR), filled by one `check` first. Each edit
adds to one matter's title (on one line, plain or double-quoted) in the largest delegation file to a text not used
before, so every measured run has exactly one file the cache has not seen.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

Run = Callable[..., tuple[float, float]]

# A title on one line: double-quoted without escapes, or plain with nothing YAML would read as a
# comment or a mapping. The edit goes at the end of group 2 (inside the quotes).
_TITLE = re.compile(r'^(\s+title: )(?:"([^"\\\n]*)"|([^"\'\s#][^#\n]*[^\s:]))$', re.MULTILINE)


def _largest_delegation_file(policies: Path) -> Path:
    return max(sorted((policies / "delegation").glob("*.yaml")), key=lambda p: p.stat().st_size)


def _copy(policies: Path, work: Path) -> Path:
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(policies, work / "policies")
    if (policies.parent / "ledger").is_dir():
        shutil.copytree(policies.parent / "ledger", work / "ledger")
    return work / "policies"


def measure(run: Run, check: list[str], cache: Path, runs: int) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """(repeated runs, one-edit runs), each (seconds, megabytes); `check` is the command without
    --no-cache. The tree is copied beside the cache folder and removed afterwards."""
    env = {"STYRDOKUMENT_CACHE_DIR": str(cache)}
    at = check.index("--policies") + 1
    work = cache.with_name(cache.name + "-tree")
    policies = _copy(Path(check[at]), work)
    check = [*check[:at], str(policies), *check[at + 1:]]
    run(check, env_extra=env)  # fills the cache
    repeated = [run(check, env_extra=env) for _ in range(max(runs, 3))]
    target = _largest_delegation_file(policies)
    original = target.read_text(encoding="utf-8")
    matches = list(_TITLE.finditer(original))
    edited: list[tuple[float, float]] = []
    try:
        for number in range(runs):
            found = matches[(number * 7919) % len(matches)]
            group = 2 if found.group(2) is not None else 3
            end = found.end(group)
            text = original[:end] + f" (ändrad {number + 1})" + original[end:]
            target.write_text(text, encoding="utf-8")
            edited.append(run(check, env_extra=env))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return repeated, edited
