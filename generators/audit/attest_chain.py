"""The attest chain each invoice needed, as relational tables in the audit engine, and its wording.

The chains are not re-implemented in SQL. `generators.decide.attest_grid` computes, by calling
`generators.decide.attest.chain` itself over every class of question (day segment, ansvar, whose
costs, category, amount band), every chain `decide attest` can give; the OPA bundle publishes the
same grid. Here the grid becomes tables, and SQL only joins each invoice to its class:

- `attest_bands`: (segment, ansvar, whose-costs class, category class, band: lower cut) → answer;
- `attest_answers` (status), `attest_steps` (the required steps in order) and `attest_allowed` (the
  actor keys that may take a step: the attestant and the substitute, a role type as its positions);
- `attest_days` and `attest_accounts`: the reglemente's general rules and the account's category on
  each invoice day, from the attest model (`reglemente_on`), asked once per distinct day and account.

`required` is the resulting table `attest_required` (invoice idx → answer). A finding is worded
from `chain` for that one invoice (`Required`), so its message says what `decide attest` says.
`tests/audit/test_attest_sql.py` compares the joined verdicts with `chain` on sampled questions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from generators.audit.engine import Engine, engine_of
from generators.audit.findings import AuditContext
from generators.audit.invoices import AttestEntry, Invoice
from generators.decide.answers import ANSWERED, Answer
from generators.decide.attest import chain
from generators.decide.attest_grid import attest_grid
from generators.model.attest import attest_model
from generators.model.organisation import Organisation

OPEN_END = "9999-12-31"  # a segment without an end: the last day DuckDB's DATE and Python's date share


@dataclass(frozen=True)
class Required:
    answer: Answer
    steps: list[dict[str, Any]]  # as chain() gives them: step, label, attestant, substitute, reasons
    rules: frozenset[str]  # the reglemente's general rules that day (two_in_conjunction, system_matching …)
    reglemente: str  # title and version, for the message


@dataclass(frozen=True)
class Verdicts:
    """What the attest checks report, as indices into `AuditContext.invoices` and the attest entries."""

    categories: dict[int, str | None]  # every invoice put to the attest rules → its category
    undetermined: list[int]  # AU404: no chain (ansvar not in a förteckning, no attestant above the level …)
    missing: list[tuple[int, list[int]]]  # AU401: invoice, the ordinals of the required steps the log lacks
    unauthorised: list[tuple[int, int, int]]  # AU402: invoice, step ordinal, attest entry
    same_person: list[tuple[int, int, str]]  # AU403: invoice, pair ordinal (PAIRS), person


PAIRS = (("review", "decision"), ("review", "third"), ("decision", "third"))


def _allowed_keys(org: Organisation, actor: dict[str, Any] | None) -> list[str]:
    """The keys of the actors that are `actor` (`same_actor`: a role type is each of its positions)."""
    if actor is None:
        return []
    if actor["kind"] == "role_type":
        return [f"position:{p}" for p in org.positions_of_role_type(str(actor["id"]))]
    return [str(actor["key"])]


def load_chains(engine: Engine, table: dict[str, Any], org: Organisation) -> None:
    """The attest grid of `table` (decisions.json's `attest`) as the tables `attest_bands`,
    `attest_answers`, `attest_steps`, `attest_allowed`, `attest_classes` and `attest_line`."""
    grid = attest_grid(table)
    assert grid is not None
    bands: list[tuple[Any, ...]] = []
    classes: list[tuple[Any, ...]] = []
    for segment in grid["segments"]:
        start, end = segment["from"], segment["to"] or OPEN_END
        for code, by_code in segment["ansvar"].items():
            cuts = by_code["cuts"]
            holders = [("none", by_code["none"]), ("other", by_code["other"]), ("unknown", by_code["unknown"]),
                       *((f"position:{p}", g) for p, g in by_code["positions"].items())]
            for holder, by_holder in holders:
                if holder.startswith("position:"):
                    classes.append((start, end, code, "holder", holder.removeprefix("position:")))
                for category, answers in [("none", by_holder["none"]), ("unknown", by_holder["unknown"]), *by_holder["categories"].items()]:
                    bands += [(start, end, code, holder, category, band, cut["value"], cut["inclusive"], answer)
                              for band, (cut, answer) in enumerate(zip(cuts, answers, strict=True))]
            if by_code["none"]["categories"]:
                classes += [(start, end, code, "category", c) for c in by_code["none"]["categories"]]
    engine.load("attest_bands", (("seg_from", "DATE"), ("seg_to", "DATE"), ("code", "VARCHAR"), ("holder", "VARCHAR"),
                                 ("category", "VARCHAR"), ("band", "INTEGER"), ("cut", "DOUBLE"), ("inclusive", "BOOLEAN"),
                                 ("answer", "INTEGER")), bands)
    engine.load("attest_classes", (("seg_from", "DATE"), ("seg_to", "DATE"), ("code", "VARCHAR"), ("kind", "VARCHAR"), ("value", "VARCHAR")),
                sorted(set(classes)))
    steps: list[tuple[Any, ...]] = []
    allowed: list[tuple[Any, ...]] = []
    for index, item in enumerate(grid["answers"]):
        for ordinal, step in enumerate((item["answer"] or {}).get("steps", []) if item["status"] == ANSWERED else []):
            steps.append((index, ordinal, step["step"]))
            allowed += [(index, ordinal, key) for actor in (step["attestant"], step["substitute"]) for key in _allowed_keys(org, actor)]
    engine.load("attest_answers", (("answer", "INTEGER"), ("status", "VARCHAR")), ((i, a["status"]) for i, a in enumerate(grid["answers"])))
    engine.load("attest_steps", (("answer", "INTEGER"), ("ordinal", "INTEGER"), ("step", "VARCHAR")), steps)
    engine.load("attest_allowed", (("answer", "INTEGER"), ("ordinal", "INTEGER"), ("actor_key", "VARCHAR")), sorted(set(allowed)))
    engine.load("attest_line", (("position", "VARCHAR"),), ((p,) for p in sorted(table["line_of_command"])))


def _load_days(ctx: AuditContext, engine: Engine) -> None:
    """The reglemente's general rules on each invoice day and each account's category that day, from
    the attest model (the same `reglemente_on` as everywhere), once per distinct day and account."""
    attest = attest_model(ctx.model)
    days = [d for (d,) in engine.rows("SELECT DISTINCT issued FROM invoices WHERE issued IS NOT NULL ORDER BY 1")]
    rows = []
    for day in days:
        reglemente = attest.reglemente_on(day)
        rules = reglemente.rules if reglemente is not None else {}
        rows.append((day.isoformat(), "two_in_conjunction" in rules, "system_matching" in rules))
    engine.load("attest_days", (("day", "DATE"), ("two_in_conjunction", "BOOLEAN"), ("system_matching", "BOOLEAN")), rows)
    pairs = engine.rows("SELECT DISTINCT account, issued FROM invoices WHERE issued IS NOT NULL AND account IS NOT NULL ORDER BY 1, 2")
    accounts = []
    for account, day in pairs:
        category = category_on(ctx, account, day)
        if category is not None:
            accounts.append((account, day.isoformat(), category))
    engine.load("attest_accounts", (("account", "VARCHAR"), ("day", "DATE"), ("category", "VARCHAR")), accounts)


def category_on(ctx: AuditContext, account: str | None, day: date | None) -> str | None:
    """The reglemente's category whose accounts include `account` on `day`."""
    if account is None or day is None:
        return None
    reglemente = attest_model(ctx.model).reglemente_on(day)
    if reglemente is None:
        return None
    return next((c.id for c in reglemente.categories.values() if account in c.accounts), None)


def category_of(ctx: AuditContext, invoice: Invoice) -> str | None:
    return category_on(ctx, invoice.account, invoice.issued)


REQUIRED_SQL = """
CREATE TABLE attest_required AS
WITH asked AS (
    SELECT i.idx, i.ansvar, i.issued, abs(i.amount)::DOUBLE AS amount, a.category,
           CASE WHEN i.holder IS NULL THEN 'none'
                WHEN h.value IS NOT NULL THEN 'position:' || i.holder
                WHEN l.position IS NOT NULL THEN 'other'
                ELSE 'unknown' END AS holder_class,
           CASE WHEN a.category IS NULL THEN 'none' WHEN c.value IS NOT NULL THEN a.category ELSE 'unknown' END AS category_class
    FROM invoices i
    LEFT JOIN attest_accounts a ON a.account = i.account AND a.day = i.issued
    LEFT JOIN attest_classes h ON h.kind = 'holder' AND h.code = i.ansvar AND i.issued BETWEEN h.seg_from AND h.seg_to AND h.value = i.holder
    LEFT JOIN attest_classes c ON c.kind = 'category' AND c.code = i.ansvar AND i.issued BETWEEN c.seg_from AND c.seg_to
                               AND c.value = a.category
    LEFT JOIN attest_line l ON l.position = i.holder
    WHERE i.checkable AND i.issued IS NOT NULL AND i.amount IS NOT NULL
)
SELECT q.idx, q.category, arg_max(b.answer, b.band) AS answer
FROM asked q
LEFT JOIN attest_bands b ON b.code = q.ansvar AND q.issued BETWEEN b.seg_from AND b.seg_to AND b.holder = q.holder_class
                        AND b.category = q.category_class AND (q.amount > b.cut OR (b.inclusive AND q.amount >= b.cut))
GROUP BY q.idx, q.category
"""
VERDICT_SQL = {
    "undetermined": """
        SELECT r.idx FROM attest_required r JOIN invoices i USING (idx) LEFT JOIN attest_answers a ON a.answer = r.answer
        WHERE NOT i.credit AND a.status IS DISTINCT FROM 'answered' ORDER BY r.idx""",
    "missing": """
        WITH done AS (SELECT DISTINCT invoice_id, step FROM attest)
        SELECT r.idx, list(s.ordinal ORDER BY s.ordinal)
        FROM attest_required r JOIN invoices i USING (idx) JOIN attest_steps s ON s.answer = r.answer
        JOIN attest_days d ON d.day = i.issued
        LEFT JOIN done e ON e.invoice_id = i.id AND e.step = s.step
        LEFT JOIN done m ON m.invoice_id = i.id AND m.step = 'system_matching' AND s.step = 'receipt' AND d.system_matching
        WHERE NOT i.credit AND e.step IS NULL AND m.step IS NULL
        GROUP BY r.idx ORDER BY r.idx""",
    "unauthorised": """
        WITH matched AS (
            SELECT DISTINCT r.idx, s.ordinal, e.idx AS entry
            FROM attest_required r JOIN invoices i USING (idx) JOIN attest_steps s ON s.answer = r.answer
            JOIN attest e ON e.invoice_id = i.id AND e.step = s.step
            JOIN attest_actors x ON x.idx = e.idx
            JOIN attest_allowed w ON w.answer = r.answer AND w.ordinal = s.ordinal AND w.actor_key = x.actor_key)
        SELECT r.idx, s.ordinal, e.idx
        FROM attest_required r JOIN invoices i USING (idx) JOIN attest_steps s ON s.answer = r.answer
        JOIN attest e ON e.invoice_id = i.id AND e.step = s.step
        ANTI JOIN matched m ON m.idx = r.idx AND m.ordinal = s.ordinal AND m.entry = e.idx
        ORDER BY r.idx, s.ordinal, e.idx""",
    "same_person": """
        WITH people AS (SELECT DISTINCT invoice_id, step, person FROM attest),
             pairs(ordinal, first, second) AS (VALUES (0, 'review', 'decision'), (1, 'review', 'third'), (2, 'decision', 'third'))
        SELECT r.idx, p.ordinal, a.person
        FROM attest_required r JOIN invoices i USING (idx) JOIN attest_days d ON d.day = i.issued AND d.two_in_conjunction
        CROSS JOIN pairs p
        JOIN people a ON a.invoice_id = i.id AND a.step = p.first
        JOIN people b ON b.invoice_id = i.id AND b.step = p.second AND b.person = a.person
        ORDER BY r.idx, p.ordinal, a.person""",
}


def verdicts(ctx: AuditContext) -> Verdicts | None:
    """The attest checks' verdicts for the run (computed once); None without an attest table."""
    found = ctx.memo.get("attest-verdicts")
    if isinstance(found, Verdicts):
        return found
    table = ctx.decider.tables.get("attest")
    org = ctx.model.organisation
    if table is None or org is None:
        return None
    engine = engine_of(ctx)
    load_chains(engine, table, org)
    _load_days(ctx, engine)
    engine.db.execute(REQUIRED_SQL)
    result = Verdicts(
        categories={idx: category for idx, category, _ in engine.rows("SELECT idx, category, answer FROM attest_required")},
        undetermined=[idx for (idx,) in engine.rows(VERDICT_SQL["undetermined"])],
        missing=[(idx, list(ordinals)) for idx, ordinals in engine.rows(VERDICT_SQL["missing"])],
        unauthorised=[(idx, ordinal, entry) for idx, ordinal, entry in engine.rows(VERDICT_SQL["unauthorised"])],
        same_person=[(idx, ordinal, person) for idx, ordinal, person in engine.rows(VERDICT_SQL["same_person"])],
    )
    ctx.memo["attest-verdicts"] = result
    return result


def entry_at(ctx: AuditContext, index: int) -> AttestEntry:
    entries = ctx.memo["attest_entries"]
    assert isinstance(entries, list)
    entry = entries[index]
    assert isinstance(entry, AttestEntry)
    return entry


def required_chain(ctx: AuditContext, invoice: Invoice, category: str | None) -> Required:
    """The chain `decide attest` gives for the invoice, with its reasons, for a finding's message."""
    table = ctx.decider.tables.get("attest")
    assert table is not None and invoice.issued is not None and invoice.amount is not None
    holder = next((a.id for a in invoice.costs_of if a.kind == "position"), None)
    answer = chain(table, invoice.ansvar, float(abs(invoice.amount)), category, holder, invoice.issued.isoformat())
    reglemente = attest_model(ctx.model).reglemente_on(invoice.issued)
    rules = frozenset(reglemente.rules) if reglemente is not None else frozenset()
    steps = list(answer.facts["steps"]) if answer.status == ANSWERED and answer.facts else []
    return Required(answer, steps, rules, reglemente_title(ctx, invoice))


def reglemente_title(ctx: AuditContext, invoice: Invoice) -> str:
    """The reglemente in force on the invoice date, by title and version, for a message."""
    reglemente = attest_model(ctx.model).reglemente_on(invoice.issued) if invoice.issued is not None else None
    return f"{reglemente.meta.title} version {reglemente.meta.version}" if reglemente is not None else "attestreglementet"
