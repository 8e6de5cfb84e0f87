"""Diagnostics: one problem at one place, with a stable rule code and a Swedish message."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]
JsonPath = tuple[str | int, ...]


def format_json_path(path: JsonPath) -> str:
    """`("sections", 2, "matters", 4, "delegate")` → `$.sections[2].matters[4].delegate`."""
    parts = ["$"]
    for step in path:
        if isinstance(step, int):
            parts.append(f"[{step}]")
        elif step.isidentifier():
            parts.append(f".{step}")
        else:
            parts.append(f"[{step!r}]")
    return "".join(parts)


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    file: str
    line: int
    column: int
    code: str
    message: str
    severity: Severity = "error"
    path: str = "$"
    # Other places the message refers to (cross-document checks name both files).
    related: tuple[str, ...] = field(default=(), compare=False)

    def to_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class Location:
    """Where something stands in a source file: repository-relative file, 1-based line and column."""

    file: str
    line: int
    column: int
    path: str = "$"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"

    def diagnostic(self, code: str, message: str, severity: Severity = "error") -> Diagnostic:
        return Diagnostic(self.file, self.line, self.column, code, message, severity, self.path)


@dataclass(frozen=True, slots=True)
class TabularProblem:
    """A cell, row or file of a tabular export (CSV, XLSX) that could not be used: `path:row:column:
    CODE message`, with the row number in the file or sheet and the 1-based column. Shared by the
    contract import (AR2xx) and the audit's inputs (AU1xx); always reported and counted, never dropped."""

    file: str
    row: int
    column: int
    code: str
    message: str

    def text(self) -> str:
        return f"{self.file}:{self.row}:{self.column}: {self.code} {self.message}"


@dataclass(frozen=True, slots=True)
class Skipped:
    """Checks not run because a document they need did not load (no cascade of follow-on errors)."""

    file: str
    rules: tuple[str, ...]

    def message(self) -> str:
        return (
            f"{self.file}: {len(self.rules)} kontroller som bygger på filen hoppades över tills felen i den är "
            f"rättade ({', '.join(self.rules)})."
        )
