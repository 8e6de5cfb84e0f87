"""What the audit reports: findings on transactions, and the context every check reads."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from generators.audit.interests import Interests
    from generators.audit.invoices import AttestEntry, Invoice
    from generators.audit.meetings import Meetings
    from generators.audit.transactions import Decision, Trip
    from generators.decide.engine import Decider
    from generators.model import Model

# A violation breaks a rule in force; a signal is worth a look and breaks nothing by itself;
# "undetermined" means the rules in force give no answer for the transaction (it was not checked).
Severity = Literal["violation", "signal", "undetermined"]
SEVERITY_LABELS = {"violation": "avvikelse", "signal": "signal", "undetermined": "kunde inte prövas"}


@dataclass(frozen=True)
class AuditRule:
    code: str
    name: str
    severity: Severity
    summary: str  # one Swedish line: what the rule wants


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    transaction: str  # trip | decision | invoice
    id: str  # the transaction's id in its export
    file: str
    line: int
    day: date | None
    amount: Decimal | None
    message: str  # Swedish, positions and ids only, never free text from the export
    facts: dict[str, str] = field(default_factory=dict)  # approved_by, should_have, rule, source …

    @property
    def period(self) -> str:
        return self.day.strftime("%Y-%m") if self.day else "okänd"

    def text(self) -> str:
        return f"{self.file}:{self.line}:1: {self.code} {self.message}"


@dataclass(frozen=True)
class AuditContext:
    model: Model
    decider: Decider
    trips: list[Trip] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    invoices: list[Invoice] = field(default_factory=list)
    attest: dict[str, list[AttestEntry]] = field(default_factory=dict)  # by invoice id
    interests: Interests | None = None  # declared interests, when the export was given
    meetings: Meetings | None = None  # the nämnders' meeting days, when the calendar was given
    memo: dict[object, object] = field(default_factory=dict)  # answers several checks ask for (one per key)


CheckFunction = Callable[[AuditContext], Iterable[Finding]]


@dataclass(frozen=True)
class RegisteredAuditRule:
    rule: AuditRule
    doc: str  # the module docstring, Swedish: what is checked, why, the statute or policy paragraph
    check: CheckFunction | None  # None for the input codes (AU1xx), reported while reading
    module: str
