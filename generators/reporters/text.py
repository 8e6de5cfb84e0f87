"""`path:line:col: CODE meddelande`, one line per problem, then a Swedish summary."""

from __future__ import annotations

from generators.checks.runner import CheckResult


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def summary(result: CheckResult, strict: bool) -> str:
    errors, warnings = len(result.errors), len(result.warnings)
    files = _plural(result.files_checked, "fil", "filer")
    if not errors and not warnings:
        return f"Inga fel. {files} kontrollerade."
    verdict = "Underkänt" if result.failed(strict) else "Godkänt med varningar"
    strict_note = " (--strict: varningar underkänner också)" if strict and warnings and not errors else ""
    return f"{verdict}: {_plural(errors, 'fel', 'fel')} och {_plural(warnings, 'varning', 'varningar')} i {files}{strict_note}."


def render(result: CheckResult, strict: bool) -> str:
    lines = []
    for d in result.diagnostics:
        marker = "" if d.severity == "error" else " (varning)"
        lines.append(f"{d.file}:{d.line}:{d.column}: {d.code}{marker} {d.message}")
    lines.extend(s.message() for s in result.skipped)
    lines.append(summary(result, strict))
    return "\n".join(lines) + "\n"
