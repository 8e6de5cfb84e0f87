"""Run every applicable rule over the model; skip rules whose documents did not load."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from generators.checks.registry import all_rules
from generators.checks.rule import CheckContext
from generators.diagnostics import Diagnostic, Skipped
from generators.loading.documents import LoadResult
from generators.model import Model


@dataclass
class CheckResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    files_checked: int = 0

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))


def run_checks(loaded: LoadResult, model: Model, today: date) -> CheckResult:
    result = CheckResult(diagnostics=list(loaded.diagnostics), files_checked=len(loaded.documents) + len(loaded.failed))
    context = CheckContext(model, today)
    failed_files: dict[str, list[str]] = {}
    for registered in all_rules():
        if registered.check is None or registered.rule.retired:
            continue
        blocked_by = [file for kind, file in loaded.failed if kind in registered.rule.needs]
        if blocked_by:
            for file in blocked_by:
                failed_files.setdefault(file, []).append(registered.rule.code)
            continue
        result.diagnostics.extend(registered.check(model, context))
    result.skipped = [Skipped(file, tuple(codes)) for file, codes in sorted(failed_files.items())]
    result.diagnostics = sorted(set(result.diagnostics))
    return result
