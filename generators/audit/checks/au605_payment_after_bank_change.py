"""En betalning kort efter att leverantörens bankkonto ändrades (signal).

## Vad kontrolleras

Där reskontran har kolumnen `bank_account_changed_on` (dagen då leverantörens bankkonto i
reskontran senast ändrades) och betalningsdagen `paid_on`: fakturor (inte kreditnotor) som betalades
samma dag som ändringen eller inom 30 dagar efter den. En ändring efter betalningen gäller inte
betalningen och flaggas inte; en rad utan någon av dagarna prövas inte här. En signal och ingen
avvikelse: leverantörer byter bank av goda skäl.

## Varför

Ett ändrat bankkonto strax före en betalning är det vanligaste mönstret vid fakturabedrägerier
(en bedragare utger sig för att vara leverantören och begär att betalningarna går till ett nytt
konto). Betalningarna närmast efter en ändring är de som behöver en kontroll mot leverantören.

## Lagrum

KL 6 kap. 6 § (nämndens interna kontroll). Ingen regel i lag; 30 dagar är granskningens lokala val.
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.audit.engine import engine_of
from generators.audit.findings import AuditContext, AuditRule, Finding

RULE = AuditRule("AU605", "payment-after-bank-change", "signal", "Betalningar strax efter att leverantörens bankkonto ändrats är värda en titt.")

WINDOW_DAYS = 30

AFTER_CHANGE_SQL = f"""
SELECT idx, date_diff('day', bank_changed, paid) FROM invoices
WHERE checkable AND NOT credit AND paid IS NOT NULL AND bank_changed IS NOT NULL
  AND paid >= bank_changed AND date_diff('day', bank_changed, paid) <= {WINDOW_DAYS}
ORDER BY idx
"""


def check(ctx: AuditContext) -> Iterator[Finding]:
    for index, days in engine_of(ctx).rows(AFTER_CHANGE_SQL):
        invoice = ctx.invoices[index]
        assert invoice.paid is not None and invoice.bank_changed is not None
        when = "samma dag som" if days == 0 else f"{days} {'dag' if days == 1 else 'dagar'} efter att"
        yield Finding(RULE.code, RULE.severity, "invoice", invoice.id, invoice.file, invoice.line, invoice.paid, invoice.amount,
                      f"Faktura {invoice.id} från leverantör {invoice.supplier} betalades {invoice.paid.isoformat()}, {when} leverantörens "
                      f"bankkonto ändrades ({invoice.bank_changed.isoformat()}).",
                      {"supplier": invoice.supplier, "paid_on": invoice.paid.isoformat(), "bank_account_changed_on": invoice.bank_changed.isoformat()})
