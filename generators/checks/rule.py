"""What a rule is: a stable code, a name, a severity, the documents it needs, its documentation."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from generators.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from generators.model import Model
    from generators.model.common import SourceRef


@dataclass(frozen=True)
class CheckContext:
    model: Model
    today: date


# In `Rule.needs`: every registered document kind (a rule that reads all documents, such as P905),
# so a new kind needs no edit of the rule.
EVERY_KIND = "*"


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str  # one Swedish line: what the rule wants
    needs: tuple[str, ...] = ()
    # The document kind this rule checks one document at a time. A file of that kind that failed to
    # load only removes itself from the rule's view; the rule still checks the other files.
    per_document: str | None = None
    retired: bool = False

    def needs_kind(self, kind: str) -> bool:
        """Does the rule need the documents of `kind` (files nobody claims are nobody's kind)?"""
        return kind in self.needs or (EVERY_KIND in self.needs and kind != "unclaimed")

    def at(self, source: SourceRef, message: str, severity: Severity | None = None, at_key: bool = False) -> Diagnostic:
        """A diagnostic of this rule at the place `source` points to."""
        return source.location(at_key).diagnostic(self.code, message, severity or self.severity)


CheckFunction = Callable[["Model", CheckContext], Iterable[Diagnostic]]


@dataclass(frozen=True)
class RegisteredRule:
    rule: Rule
    doc: str  # the module docstring: the published rule page (Swedish)
    check: CheckFunction | None  # None for loading and schema codes, reported by the loader
    module: str
