"""The attest chain an invoice needed, from `generators.decide.attest.chain` over the attest table
(the same data as the published attest.json and `decide attest`), and the log entries it got."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generators.audit.findings import AuditContext
from generators.audit.invoices import AttestEntry, Invoice
from generators.decide.answers import ANSWERED, Answer
from generators.decide.attest import chain
from generators.model.attest import attest_model


@dataclass(frozen=True)
class Required:
    answer: Answer
    steps: list[dict[str, Any]]  # as chain() gives them: step, label, attestant, substitute, reasons
    rules: frozenset[str]  # the reglemente's general rules that day (two_in_conjunction, system_matching …)
    reglemente: str  # title and version, for the message


def category_of(ctx: AuditContext, invoice: Invoice) -> str | None:
    """The reglemente's category whose accounts include the invoice's account."""
    if invoice.account is None or invoice.issued is None:
        return None
    reglemente = attest_model(ctx.model).reglemente_on(invoice.issued)
    if reglemente is None:
        return None
    return next((c.id for c in reglemente.categories.values() if invoice.account in c.accounts), None)


def required_chain(ctx: AuditContext, invoice: Invoice) -> Required | None:
    """None when the invoice cannot be put to the attest rules (no date, no amount, no attest table).
    Asked by several checks; computed once per invoice."""
    key = ("attest-chain", invoice.file, invoice.line, invoice.id)
    if key not in ctx.memo:
        ctx.memo[key] = _required_chain(ctx, invoice)
    found = ctx.memo[key]
    assert found is None or isinstance(found, Required)
    return found


def _required_chain(ctx: AuditContext, invoice: Invoice) -> Required | None:
    table = ctx.decider.tables.get("attest")
    if table is None or invoice.issued is None or invoice.amount is None:
        return None
    holder = next((a.id for a in invoice.costs_of if a.kind == "position"), None)
    answer = chain(table, invoice.ansvar, float(abs(invoice.amount)), category_of(ctx, invoice), holder, invoice.issued.isoformat())
    reglemente = attest_model(ctx.model).reglemente_on(invoice.issued)
    rules = frozenset(reglemente.rules) if reglemente is not None else frozenset()
    title = f"{reglemente.meta.title} version {reglemente.meta.version}" if reglemente is not None else "attestreglementet"
    steps = list(answer.facts["steps"]) if answer.status == ANSWERED and answer.facts else []
    return Required(answer, steps, rules, title)


def entries_by_step(entries: list[AttestEntry]) -> dict[str, list[AttestEntry]]:
    found: dict[str, list[AttestEntry]] = {}
    for entry in entries:
        found.setdefault(entry.step, []).append(entry)
    return found
