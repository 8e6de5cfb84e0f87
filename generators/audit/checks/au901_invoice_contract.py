"""En faktura som hänvisar till ett avtal ska hänvisa till ett avtal i avtalsregistret som gäller
fakturadagen, med samma leverantör.

## Vad kontrolleras

Där styrdokumenten har ett avtalsregister: att avtalsreferensen på fakturan
(`cac:ContractDocumentReference` eller reskontrans `contract_ref`) finns i registret, som
avtalsnummer eller som det ramavtal ett registrerat avrop gjordes under (`procurement.framework`;
ett avrop från ett registrerat ramavtal är ett köp med avtal), att avtalet
var aktivt fakturadagen (med utnyttjade förlängningar) och att leverantören på fakturan är avtalets
leverantör (organisationsnummer, momsnummer eller utländskt id, utan bindestreck).

## Varför

En faktura mot ett avtal som har löpt ut, som inte finns eller som har en annan leverantör är ett
köp utanför det upphandlade avtalet. Kommuner skärpte efter överprissatta avtal sin kontroll av
fakturornas koppling till avtal ("tätare stickprov av fakturors koppling till avtal").

## Lagrum

LOU (2016:1145) 4 kap. 1 § och 19 a kap. (köp ska ske enligt upphandlade kontrakt eller med stöd av en
grund för direktupphandling); KL 6 kap. 6 § (intern kontroll). Avtalet: avtalsregistret.
"""

from __future__ import annotations

from collections.abc import Iterator

from generators.audit.contract_cover import call_off_in_force
from generators.audit.findings import AuditContext, AuditRule, Finding
from generators.audit.invoices import Invoice
from generators.model.contracts import contracts_model

RULE = AuditRule("AU901", "invoice-contract", "violation",
                 "En avtalsreferens ska peka på ett avtal i registret som gäller fakturadagen, med samma leverantör.")


def check(ctx: AuditContext) -> Iterator[Finding]:
    contracts = contracts_model(ctx.model)
    if not contracts.registers:
        return
    by_id = {c.id: (r, c) for r, c in contracts.contracts()}
    for invoice in ctx.invoices:
        if not invoice.checkable or invoice.contract_ref is None or invoice.issued is None:
            continue
        found = by_id.get(invoice.contract_ref)
        base = {"contract": invoice.contract_ref, "supplier": invoice.supplier}
        if found is None and contracts.call_offs_under(invoice.contract_ref):
            yield from _under_framework(ctx, invoice, base)
            continue
        if found is None:
            yield Finding(RULE.code, RULE.severity, "invoice", invoice.id, invoice.file, invoice.line, invoice.issued, invoice.amount,
                          f"Faktura {invoice.id} hänvisar till avtal {invoice.contract_ref}, som inte finns i avtalsregistret.",
                          base | {"rule": "avtalsregistret"})
            continue
        register, contract = found
        where = contract.source.location()
        base |= {"rule": f"{register.meta.title}, avtal {contract.id}", "source": f"{where.file}:{where.line}"}
        if not contract.in_force_on(invoice.issued):
            yield Finding(RULE.code, RULE.severity, "invoice", invoice.id, invoice.file, invoice.line, invoice.issued, invoice.amount,
                          f"Faktura {invoice.id} ({invoice.issued.isoformat()}) hänvisar till avtal {contract.id}, som gäller "
                          f"{contract.start.isoformat()}–{contract.current_end().isoformat()} med status {contract.status} "
                          f"({where.file}:{where.line}): köpet ligger utanför avtalet.", base)
        elif not contract.supplier.matches(invoice.supplier):
            yield Finding(RULE.code, RULE.severity, "invoice", invoice.id, invoice.file, invoice.line, invoice.issued, invoice.amount,
                          f"Faktura {invoice.id} från leverantör {invoice.supplier} hänvisar till avtal {contract.id}, men avtalets "
                          f"leverantör är en annan ({where.file}:{where.line}).", base)


def _under_framework(ctx: AuditContext, invoice: Invoice, base: dict[str, str]) -> Iterator[Finding]:
    """The reference names a ramavtal: covered by a registered call-off with the supplier, in force that day."""
    assert invoice.contract_ref is not None and invoice.issued is not None
    if call_off_in_force(ctx, invoice) is not None:
        return
    call_offs = contracts_model(ctx.model).call_offs_under(invoice.contract_ref)
    own = [c for _, c in call_offs if c.supplier.matches(invoice.supplier)]
    if own:
        terms = ", ".join(f"{c.id} {c.start.isoformat()}–{c.current_end().isoformat()} ({c.status})" for c in own)
        message = (f"Faktura {invoice.id} ({invoice.issued.isoformat()}) hänvisar till ramavtalet {invoice.contract_ref}, men inget avrop "
                   f"med leverantören gällde fakturadagen (avrop i registret: {terms}): köpet ligger utanför avtalet.")
    else:
        message = (f"Faktura {invoice.id} från leverantör {invoice.supplier} hänvisar till ramavtalet {invoice.contract_ref}, men "
                   f"avropen under det i registret ({', '.join(c.id for _, c in call_offs)}) har en annan leverantör.")
    yield Finding(RULE.code, RULE.severity, "invoice", invoice.id, invoice.file, invoice.line, invoice.issued, invoice.amount, message,
                  base | {"rule": f"avtalsregistret, avrop under {invoice.contract_ref}"})
