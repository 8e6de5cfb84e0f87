"""GitHub workflow annotations (`::error file=…,line=…,col=…::`), chosen under GitHub Actions.

GitHub shows only the first annotations of a step, so the full list is also printed as plain lines
and, when `GITHUB_STEP_SUMMARY` is set, written to the job summary.
"""

from __future__ import annotations

import os

from generators.checks.runner import CheckResult
from generators.reporters import text


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(result: CheckResult, strict: bool) -> str:
    lines = []
    for d in result.diagnostics:
        level = "error" if d.severity == "error" else "warning"
        props = f"file={_escape_property(d.file)},line={d.line},col={d.column},title={_escape_property(d.code)}"
        lines.append(f"::{level} {props}::{_escape_data(f'{d.code} {d.message}')}")
    plain = text.render(result, strict)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file:
        with open(summary_file, "a", encoding="utf-8") as handle:
            handle.write("## Kontroll av styrdokumenten\n\n```text\n" + plain + "```\n")
    return "\n".join(lines) + ("\n" if lines else "") + plain
