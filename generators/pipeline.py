"""Load → model → checks, once. Every command that needs the policies goes through here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generators.checks.runner import CheckResult, run_checks
from generators.loading.documents import LoadResult, load_policies
from generators.model import Model, build_model


@dataclass
class Checked:
    loaded: LoadResult
    model: Model
    result: CheckResult


def load_and_check(policies_dir: Path, today: date) -> Checked:
    loaded = load_policies(policies_dir)
    model = build_model(loaded)
    return Checked(loaded, model, run_checks(loaded, model, today))
