"""En faktura som attestreglerna i kraft inte ger någon kedja för redovisas som ej prövad.

## Vad kontrolleras

Att ett attestreglemente gällde fakturadagen och att fakturans ansvar (`cbc:BuyerReference`) finns i
en antagen attestförteckning som gäller den dagen, med en attestant för beloppet.

## Varför

En faktura på ett ansvar som ingen förteckning har kan inte ha attesterats av någon behörig. Den
listas för sig och räknas inte som granskad.

## Lagrum

Lokal regel: attestreglementet och nämndernas attestförteckningar. KL 6 kap. 6 § (intern kontroll).
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.audit.attest_chain import required_chain, verdicts
from generators.audit.findings import AuditContext, AuditRule, Finding

RULE = AuditRule("AU404", "invoice-attest-undetermined", "undetermined", "Attestreglerna i kraft ska ge en attestkedja för fakturan.")


def check(ctx: AuditContext) -> Iterator[Finding]:
    found = verdicts(ctx)
    if found is None:
        for invoice in ctx.invoices:
            if invoice.checkable and not invoice.credit:
                yield Finding(RULE.code, RULE.severity, "invoice", invoice.id, invoice.file, invoice.line, invoice.issued, invoice.amount,
                              f"Faktura {invoice.id} kan inte prövas: styrdokumenten har inget attestreglemente.", {})
        return
    for index in found.undetermined:
        invoice = ctx.invoices[index]
        required = required_chain(ctx, invoice, found.categories[index])
        yield Finding(RULE.code, RULE.severity, "invoice", invoice.id, invoice.file, invoice.line, invoice.issued, invoice.amount,
                      f"Faktura {invoice.id} kan inte prövas: {required.answer.summary}", {"ansvar": invoice.ansvar})

