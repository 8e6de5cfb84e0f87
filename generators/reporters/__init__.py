"""Reporters: the same check result as text, JSON or GitHub workflow annotations."""

from __future__ import annotations

from generators.checks.runner import CheckResult
from generators.reporters import github, json_report, text

FORMATS = {"text": text.render, "json": json_report.render, "github": github.render}


def render(result: CheckResult, fmt: str, strict: bool) -> str:
    return FORMATS[fmt](result, strict)
