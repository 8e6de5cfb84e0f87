"""Fakturor som delats upp strax under en gräns (signal).

## Vad kontrolleras

Fakturor från samma leverantör på samma ansvar inom 30 dagar där varje faktura ligger under en gräns
i attestreglementet men summan når den: ansvarets beloppsnivå (över den beslutsattesterar någon
högre upp) eller gränsen för det tredje atteststeget. Gränserna tas från attestreglementet och
förteckningen som gällde den första fakturans dag.

## Varför

Att dela upp ett köp för att det ska hamna under en gräns är ett känt sätt att kringgå en kontroll:
en högre attestant eller avtalscontrollerns avstämning mot avtalet. En signal, ingen avvikelse:
flera fakturor i en månad är ofta helt i sin ordning.

## Lagrum

Lokal regel: attestreglementets beloppsnivåer och tredje atteststeg; KL 6 kap. 6 §. Att dela upp
en upphandling för att komma under en gräns är förbjudet enligt LOU 5 kap. (se AU701).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from generators.audit.engine import engine_of
from generators.audit.findings import AuditContext, AuditRule, Finding
from generators.audit.invoices import Invoice
from generators.decide.text import kronor

RULE = AuditRule("AU603", "split-below-limit", "signal", "Fakturor ska inte delas upp för att hamna under en attestgräns.")

WINDOW = timedelta(days=30)


def _ansvar_by_list(table: dict[str, Any]) -> list[tuple[str, str, dict[str, dict[str, Any]]]]:
    """Each förteckning's period and its ansvar by code (the first with a code, as a scan finds it):
    a lookup per (ansvar, day) instead of a scan of every förteckning's every ansvar."""
    found = []
    for forteckning in table["lists"]:
        by_code: dict[str, dict[str, Any]] = {}
        for ansvar in forteckning["ansvar"]:
            by_code.setdefault(ansvar["code"], ansvar)
        found.append((forteckning["period"]["from"], forteckning["period"]["to"], by_code))
    return found


def _limits(ctx: AuditContext, invoice: Invoice, lists: list[tuple[str, str, dict[str, dict[str, Any]]]] | None = None) -> list[tuple[Decimal, str]]:
    table = ctx.decider.tables.get("attest")
    if table is None or invoice.issued is None:
        return []
    lists = _ansvar_by_list(table) if lists is None else lists
    day = invoice.issued.isoformat()
    found: list[tuple[Decimal, str]] = []
    reglemente = next((r for r in sorted(table["reglementen"], key=lambda r: r["document"]["valid_from"], reverse=True)
                       if r["document"]["valid_from"] <= day and (r["document"]["valid_to"] is None or day <= r["document"]["valid_to"])), None)
    if reglemente is None:
        return []
    third = reglemente["third_step"]
    if third is not None and third["from_amount"] is not None:
        found.append((Decimal(third["from_amount"]), "gränsen för det tredje atteststeget"))
    ansvar = next((by_code[invoice.ansvar] for start, end, by_code in lists if start <= day <= end and invoice.ansvar in by_code), None)
    level = next((lv for lv in reglemente["amount_levels"] if ansvar is not None and lv["id"] == ansvar["level"]), None)
    if level is not None and level["up_to"] is not None:
        found.append((Decimal(level["up_to"]), f"beloppsnivån {level['name'].lower()} för ansvar {invoice.ansvar}"))
    return found


# A start is every invoice of a supplier on an ansvar (in order of date and id) with each limit of
# its day; "below" is the run of the group's invoices under that limit from the start to 30 days
# after it. Counted with running totals over the invoices under each limit: the run is the
# difference between the total at the window's last day and the total just before the start.
SPLIT_SQL = f"""
CREATE TEMP TABLE split_members AS
SELECT idx, id, coalesce(supplier, '') AS supplier, coalesce(ansvar, '') AS ansvar, issued, amount,
       row_number() OVER (PARTITION BY coalesce(supplier, ''), coalesce(ansvar, '') ORDER BY issued, id, idx) AS pos
FROM invoices WHERE checkable AND NOT credit AND amount IS NOT NULL AND issued IS NOT NULL;

CREATE TEMP TABLE split_below AS
SELECT l.supplier, l.ansvar, l.lim, m.pos, m.issued, m.id,
       row_number() OVER w AS cum_n, sum(m.amount) OVER w AS cum_sum
FROM (SELECT DISTINCT m.supplier, m.ansvar, s.lim FROM split_members m JOIN split_limits s ON s.ansvar = m.ansvar AND s.day = m.issued) l
JOIN split_members m ON m.supplier = l.supplier AND m.ansvar = l.ansvar AND m.amount < l.lim
WINDOW w AS (PARTITION BY l.supplier, l.ansvar, l.lim ORDER BY m.pos ROWS UNBOUNDED PRECEDING);

CREATE TEMP TABLE split_days AS
SELECT supplier, ansvar, lim, issued, max(cum_n) AS cum_n, arg_max(cum_sum, cum_n) AS cum_sum
FROM split_below GROUP BY ALL;

CREATE TEMP TABLE split_found AS
WITH starts AS (
    SELECT m.supplier, m.ansvar, m.pos, m.issued, s.ord, s.lim
    FROM split_members m JOIN split_limits s ON s.ansvar = m.ansvar AND s.day = m.issued),
before AS (
    SELECT st.*, coalesce(b.cum_n, 0) AS lo_n, coalesce(b.cum_sum, 0) AS lo_sum FROM starts st
    ASOF LEFT JOIN split_below b ON b.supplier = st.supplier AND b.ansvar = st.ansvar AND b.lim = st.lim AND b.pos < st.pos),
runs AS (
    SELECT st.*, coalesce(d.cum_n, 0) - st.lo_n AS n, coalesce(d.cum_sum, 0) - st.lo_sum AS total, d.cum_n AS hi_n FROM before st
    ASOF LEFT JOIN split_days d ON d.supplier = st.supplier AND d.ansvar = st.ansvar AND d.lim = st.lim
                                AND d.issued <= st.issued + {WINDOW.days}),
candidates AS (
    SELECT r.*, b.id AS last_id FROM runs r
    JOIN split_below b ON b.supplier = r.supplier AND b.ansvar = r.ansvar AND b.lim = r.lim AND b.cum_n = r.hi_n
    WHERE r.n >= 2 AND r.total >= r.lim)
SELECT * FROM candidates QUALIFY row_number() OVER (PARTITION BY supplier, ansvar, last_id ORDER BY pos, ord) = 1;

SELECT f.issued, f.ansvar, f.ord, list(m.idx ORDER BY b.cum_n)
FROM split_found f
JOIN split_below b ON b.supplier = f.supplier AND b.ansvar = f.ansvar AND b.lim = f.lim AND b.cum_n > f.lo_n AND b.cum_n <= f.hi_n
JOIN split_members m ON m.supplier = b.supplier AND m.ansvar = b.ansvar AND m.pos = b.pos
GROUP BY f.supplier, f.ansvar, f.pos, f.ord, f.issued
ORDER BY f.supplier, f.ansvar, f.pos, f.ord
"""


def check(ctx: AuditContext) -> Iterator[Finding]:
    engine = engine_of(ctx)
    limits: dict[tuple[str, date, int], tuple[Decimal, str]] = {}
    table = ctx.decider.tables.get("attest")
    lists = _ansvar_by_list(table) if table is not None else []
    for ansvar, day in engine.rows("SELECT DISTINCT coalesce(ansvar, ''), issued FROM invoices "
                                   "WHERE checkable AND NOT credit AND amount IS NOT NULL AND issued IS NOT NULL"):
        first = Invoice("", "", 0, "", "", day, None, False, ansvar, None, (), "", None, None, True)
        for order, found in enumerate(_limits(ctx, first, lists)):
            limits[(ansvar, day, order)] = found
    engine.load("split_limits", (("ansvar", "VARCHAR"), ("day", "DATE"), ("ord", "INTEGER"), ("lim", "DECIMAL(18,2)")),
                sorted((a, d.isoformat(), o, str(v[0])) for (a, d, o), v in limits.items()))
    *setup, query = [q for q in SPLIT_SQL.split(";\n") if q.strip()]
    for statement in setup:
        engine.db.execute(statement)
    for day, ansvar, order, indices in engine.rows(query):
        limit, label = limits[(ansvar, day, order)]
        below = [ctx.invoices[i] for i in indices]
        ids, last = [m.id for m in below], below[-1]
        total = sum((m.amount or Decimal(0) for m in below), Decimal(0))  # the invoices' own amounts, as written
        yield Finding(RULE.code, RULE.severity, "invoice", last.id, last.file, last.line, last.issued, last.amount,
                      f"{len(ids)} fakturor från leverantör {last.supplier} på ansvar {last.ansvar} inom 30 dagar ({', '.join(ids)}) "
                      f"ligger var för sig under {label} ({kronor(float(limit))}) men är tillsammans {kronor(float(total))}.",
                      {"supplier": last.supplier, "limit_sek": str(limit), "total_sek": str(total), "rule": label})
