"""Load → model → checks, once. Every command that needs the policies goes through here."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

# The loader, the model and the checks are imported when a run needs them: `check` answered from
# its cache (see check_report) imports none of them.
if TYPE_CHECKING:
    from generators.checks.runner import CheckResult
    from generators.loading.disk_cache import DiskCache
    from generators.loading.documents import LoadResult
    from generators.model import Model


@dataclass
class Checked:
    loaded: LoadResult
    model: Model
    result: CheckResult


def load_and_check(policies_dir: Path, today: date, disk_cache: DiskCache | None = None) -> Checked:
    from generators.checks.runner import run_checks
    from generators.loading.documents import load_policies
    from generators.model import build_model

    loaded = load_policies(policies_dir, disk_cache=disk_cache)
    model = build_model(loaded)
    result = run_checks(loaded, model, today)
    if disk_cache is not None:
        disk_cache.save_derived()  # the documents' memos, filled by the checks
    return Checked(loaded, model, result)


def check_report(policies_dir: Path, today: date, output_format: str, strict: bool, cache_folder: Path | None) -> tuple[str, int]:
    """`check`'s printed report and exit code. With `cache_folder` an unchanged tree is answered from
    the cache (generators/loading/disk_cache.py) and a changed one parses only its changed files;
    either way the same text and code as a run without it."""
    cache = None
    key = ""
    if cache_folder is not None:
        from generators.loading.disk_cache import DiskCache
        from generators.paths import LEDGER_DIR, LEDGER_FILE

        cache = DiskCache(cache_folder)
        settings = {"today": today.isoformat(), "strict": str(strict), "format": output_format}
        key = cache.check_key(policies_dir, settings, policies_dir.resolve().parent / LEDGER_DIR / LEDGER_FILE)
        # The github report also appends to the job summary file: a stored answer would skip that.
        replay = not (output_format == "github" and os.environ.get("GITHUB_STEP_SUMMARY"))
        hit = cache.get_check(key) if replay else None
        if hit is not None:
            return hit
    from generators.reporters import render

    checked = load_and_check(policies_dir, today, cache)
    output = render(checked.result, output_format, strict)
    code = 1 if checked.result.failed(strict) else 0
    if cache is not None:
        cache.put_check(key, output, code)
    return output, code
