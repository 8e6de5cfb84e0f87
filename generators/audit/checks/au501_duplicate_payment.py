"""Samma faktura ska inte betalas två gånger.

## Vad kontrolleras

Fakturor (inte kreditnotor) från samma leverantör med samma fakturanummer och samma belopp är en
dubbelbetalning: varje faktura efter den första är en avvikelse. Samma leverantör och nummer med
olika belopp, eller samma leverantör, belopp och fakturadag med olika nummer, är en signal: en
trolig dubblett som behöver en titt. En kreditnota med samma nummer och belopp som en faktura är
ingen dubblett.

## Varför

Dubbelbetalningar är ett av de vanligaste felen i leverantörsreskontran och en känd väg för
oegentligheter. De upptäcks sällan av attestkedjan, eftersom varje faktura för sig ser riktig ut.

## Lagrum

KL 6 kap. 6 § (nämndens interna kontroll); lokal regel: attestreglementet (granskningsattesten prövar
att fakturan inte redan är betald).
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.audit.engine import engine_of
from generators.audit.findings import AuditContext, AuditRule, Finding

RULE = AuditRule("AU501", "duplicate-payment", "violation", "Samma faktura ska inte betalas två gånger.")


# The first of a group is the earliest invoice (no date sorts first), then by file and row.
DUPLICATES_SQL = """
WITH payable AS (SELECT * FROM invoices WHERE checkable AND NOT credit AND supplier IS NOT NULL AND number IS NOT NULL),
by_number AS (
    SELECT idx, id, amount, count(*) OVER w AS n,
           first_value(idx) OVER (w ORDER BY coalesce(CAST(issued AS VARCHAR), ''), file, line) AS first
    FROM payable WINDOW w AS (PARTITION BY supplier, number)),
same_number AS (
    SELECT d.idx, d.id, d.first, d.amount IS NOT DISTINCT FROM f.amount AS same
    FROM by_number d JOIN payable f ON f.idx = d.first WHERE d.n > 1 AND d.idx <> d.first),
several_numbers AS (
    SELECT supplier, amount, issued FROM payable WHERE amount IS NOT NULL AND issued IS NOT NULL
    GROUP BY supplier, amount, issued HAVING count(*) > 1 AND count(DISTINCT number) > 1),
by_amount AS (
    SELECT p.idx, p.id, first_value(p.idx) OVER (PARTITION BY p.supplier, p.amount, p.issued ORDER BY p.file, p.line) AS first
    FROM payable p JOIN several_numbers s USING (supplier, amount, issued))
SELECT idx, first, CASE WHEN same THEN 'same' ELSE 'number' END FROM same_number
UNION ALL
SELECT idx, first, 'amount' FROM by_amount WHERE idx <> first AND id NOT IN (SELECT id FROM same_number)
ORDER BY 1
"""


def check(ctx: AuditContext) -> Iterator[Finding]:
    for index, first_index, kind in engine_of(ctx).rows(DUPLICATES_SQL):
        other, first = ctx.invoices[index], ctx.invoices[first_index]
        if kind == "amount":
            yield Finding(RULE.code, "signal", "invoice", other.id, other.file, other.line, other.issued, other.amount,
                          f"Faktura {other.id} från leverantör {other.supplier} har samma belopp och fakturadag som {first.id} men ett annat "
                          "nummer: en möjlig dubblett.", {"duplicate_of": first.id, "supplier": other.supplier})
            continue
        same = kind == "same"
        yield Finding(RULE.code, "violation" if same else "signal", "invoice", other.id, other.file, other.line, other.issued, other.amount,
                      f"Faktura {other.id} från leverantör {other.supplier} har samma fakturanummer {other.number} som {first.id} "
                      f"({first.file}:{first.line})"
                      + (" och samma belopp: en dubbelbetalning." if same else " men ett annat belopp: en trolig dubblett."),
                      {"duplicate_of": first.id, "supplier": other.supplier})
