"""Which contract covers an invoice, or why it needs none: asked by the contract checks (AU701,
AU901–AU903), AU604 and the report, answered once here from the avtalsregister's own queries
(`ContractsModel.exemption_for`, `call_offs_under`)."""

from __future__ import annotations

from generators.audit.findings import AuditContext
from generators.audit.invoices import Invoice
from generators.model.contracts import Contract, ContractRegister, ExemptPayment, contracts_model


def exemption_of(ctx: AuditContext, invoice: Invoice) -> ExemptPayment | None:
    """The register's category of payments that need no contract (myndighetsavgifter, public bodies,
    bidrag, LOV) the invoice belongs to, by its account or supplier; None for a purchase."""
    return contracts_model(ctx.model).exemption_for(invoice.account, invoice.supplier)


def call_off_in_force(ctx: AuditContext, invoice: Invoice) -> tuple[ContractRegister, Contract] | None:
    """The registered call-off with the invoice's supplier, in force on the invoice date, under the
    ramavtal the invoice's contract reference names (an avrop is covered by its ramavtal)."""
    if invoice.contract_ref is None or invoice.issued is None:
        return None
    day = invoice.issued
    return next(((r, c) for r, c in contracts_model(ctx.model).call_offs_under(invoice.contract_ref)
                 if c.supplier.matches(invoice.supplier) and c.in_force_on(day)), None)


def referenced_contract(ctx: AuditContext, invoice: Invoice) -> tuple[ContractRegister, Contract] | None:
    """The contract the invoice's reference names: a contract number in the register, or the call-off
    under the ramavtal it names."""
    if invoice.contract_ref is None:
        return None
    found = next(((r, c) for r, c in contracts_model(ctx.model).contracts() if c.id == invoice.contract_ref), None)
    return found if found is not None else call_off_in_force(ctx, invoice)
