"""En faktura från en leverantör utan avtal i registret (signal).

## Vad kontrolleras

Där styrdokumenten har ett avtalsregister: fakturor utan avtalsreferens från en leverantör som inget
aktivt avtal i registret har fakturadagen. Betalningar som inte är inköp prövas inte:
avtalsregistrets `exempt_payments` anger dem efter konto eller mottagare (myndighetsavgifter,
betalningar till andra offentliga organ, bidrag, ersättningar i valfrihetssystem enligt LOV), och
rapporten räknar dem för sig. Ett avrop under ett registrerat ramavtal har ett avtal i registret
(avropet, med grunden avrop) och prövas i AU901. En signal och ingen avvikelse: enstaka köp under
direktupphandlingsgränsen är lagliga. Summan per år prövas i AU701.

## Varför

Köp utan avtal är den vanligaste vägen förbi upphandlingsreglerna och förbi avtalsuppföljningen.

## Lagrum

LOU (2016:1145) 19 a kap.; KL 6 kap. 6 § (intern kontroll). Undantagen: LOU 1 kap. (bara kontrakt
med ekonomiska villkor är upphandling) och 3 kap. (samverkan mellan myndigheter), lagen (2008:962) om
valfrihetssystem; vilka konton och mottagare de gäller är organisationens val i avtalsregistret.
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.audit.contract_cover import exemption_of
from generators.audit.findings import AuditContext, AuditRule, Finding
from generators.model.contracts import contracts_model

RULE = AuditRule("AU902", "invoice-without-contract", "signal", "Fakturor från leverantörer utan avtal i registret är värda en titt.")


def check(ctx: AuditContext) -> Iterator[Finding]:
    contracts = contracts_model(ctx.model)
    if not contracts.registers:
        return
    for invoice in ctx.invoices:
        if not invoice.checkable or invoice.credit or invoice.contract_ref is not None or invoice.issued is None or not invoice.supplier:
            continue
        if exemption_of(ctx, invoice) is not None:  # no purchase: counted as exempt in the report
            continue
        day = invoice.issued
        if any(c.in_force_on(day) for _, c in contracts.find_by_supplier(invoice.supplier)):
            continue
        yield Finding(RULE.code, RULE.severity, "invoice", invoice.id, invoice.file, invoice.line, day, invoice.amount,
                      f"Faktura {invoice.id} från leverantör {invoice.supplier} har ingen avtalsreferens, och avtalsregistret har inget "
                      f"aktivt avtal med leverantören {day.isoformat()}.", {"supplier": invoice.supplier})
