"""The avtalsregister's decision table: every contract in the published form, which `decide contract`
reads and contracts.json publishes with its header (`generators/outputs/rules/contracts.py`).

A sole trader's organisation number is a personnummer and never goes in: the supplier is then shown as
`enskild_firma` with no identifier (`Supplier.published_id`). Nothing else about a person is in the
register: owners, managers and signers are positions.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from generators.model import Model
from generators.model.common import Actor
from generators.model.contracts import GROUND_KIND_LABELS, PROCEDURE_LABELS, STATUS_LABELS, Contract, ContractRegister, contracts_model, notice_deadline
from generators.model.organisation import Organisation


def _actor(org: Organisation | None, actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"key": actor.key, "kind": actor.kind, "id": actor.id, "label": org.label(actor) if org is not None and org.exists(actor) else actor.id}


def contract_json(org: Organisation | None, register: ContractRegister, contract: Contract) -> dict[str, Any]:
    ground = register.ground_of(contract)
    category = register.categories.get(contract.category)
    supplier = contract.supplier
    return {
        "id": contract.id,
        "subject": contract.subject,
        "category": {"id": contract.category, "name": category.name if category else contract.category, "cpv": category.cpv if category else None},
        "body": {"id": contract.body, "label": org.label(Actor("body", contract.body)) if org is not None and contract.body in org.bodies else contract.body},
        "regime": contract.regime,
        "supplier": {"name": supplier.name, "id_kind": supplier.id_kind, "id": supplier.published_id, "country": supplier.country or "SE"},
        "procurement": {
            "ground": contract.procurement.ground,
            "ground_name": ground.name if ground else contract.procurement.ground,
            "ground_kind": ground.kind if ground else None,
            "ground_label": GROUND_KIND_LABELS.get(ground.kind, ground.kind) if ground else None,
            "procedure": PROCEDURE_LABELS.get(contract.procurement.procedure) if contract.procurement.procedure else None,
            "date": contract.procurement.day.isoformat(),
            "diarienummer": contract.procurement.diarienummer,
            "documentation": contract.procurement.documentation,
            "framework": contract.procurement.framework,
        },
        "term": {
            "start": contract.start.isoformat(),
            "end": contract.end.isoformat(),
            "current_end": contract.current_end().isoformat(),
            "notice_months": register.notice_months_of(contract),
            "notice_deadline": notice_deadline(register, contract).isoformat(),
            "options": [{"extends_to": o.extends_to.isoformat(), "exercised": o.exercised} for o in contract.options],
        },
        "value_sek": contract.value_sek,
        "owner": _actor(org, contract.owner),
        "manager": _actor(org, contract.manager),
        "signed": {"by": _actor(org, contract.signed.by), "on": contract.signed.on.isoformat(),
                   "matter": contract.signed.matter, "signing_rule": contract.signed.signing_rule},
        "status": contract.status,
        "status_label": STATUS_LABELS.get(contract.status, contract.status),
    }


def build(model: Model, versions: str, as_of: date) -> dict[str, Any] | None:
    del versions, as_of  # the register is an extract: every contract in it is published, ended ones too
    registers = contracts_model(model).registers
    if not registers:
        return None
    org = model.organisation
    return {
        "registers": [{"id": r.meta.id, "title": r.meta.title, "owner": _actor(org, r.meta.owner), "extracted": r.meta.extracted.isoformat(),
                       "aggregation_unit": r.meta.aggregation_unit, "file": r.file} for r in registers],
        "contracts": [contract_json(org, r, c) for r in registers for c in sorted(r.contracts, key=lambda c: c.id)],
    }
