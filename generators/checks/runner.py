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
    skipped: dict[str, list[str]] = {}
    rules = [r for r in all_rules() if r.check is not None and not r.rule.retired]
    # The organisation's own rules run first: when the organisation is inconsistent, every rule that
    # resolves references against it would report follow-on errors, so those wait until it is fixed.
    organisation_rules = [r for r in rules if r.rule.code.startswith("O")]
    other_rules = [r for r in rules if not r.rule.code.startswith("O")]
    organisation_broken = False
    for registered in organisation_rules + other_rules:
        rule = registered.rule
        blocked_by = [file for kind, file in loaded.failed if rule.needs_kind(kind) and kind != rule.per_document]
        for kind, file in loaded.failed:
            if kind == rule.per_document:
                skipped.setdefault(file, []).append(rule.code)  # the rule still runs on the other files
        if not blocked_by and organisation_broken and rule.needs_kind("organisation"):
            blocked_by = [model.organisation.source.file] if model.organisation else []
        if not blocked_by and model.organisation is None and rule.needs_kind("organisation"):
            # X805 reports the missing file once; a rule that resolves references against the
            # organisation would otherwise report every reference as a follow-on error.
            blocked_by = [f"{model.policies_display}/organisation.yaml"]
        if blocked_by:
            for file in blocked_by:
                skipped.setdefault(file, []).append(rule.code)
            continue
        if registered.check is None:  # loading and schema codes: reported by the loader
            continue
        found = list(registered.check(model, context))
        result.diagnostics.extend(found)
        if rule.code.startswith("O") and any(d.severity == "error" for d in found):
            organisation_broken = True
    result.skipped = [Skipped(file, tuple(sorted(set(codes)))) for file, codes in sorted(skipped.items())]
    result.diagnostics = sorted(set(result.diagnostics))
    return result
