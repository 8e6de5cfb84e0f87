"""jav.json: the riktlinjer mot jäv och otillåten påverkan, for an HR system that asks for and
renews declarations.

Per adopted version: which mandates the guidelines name, each declaration group with its declarants
(positions and role types as in the guidelines, and the positions they cover in the organisation),
what is declared, to whom and how often, the gift limit and the guidelines' legal basis. The
declarations staff hand in are personal data: they are never in the rules.
"""

from __future__ import annotations

from typing import Any

from generators.model.jav import Declaration, Guidelines, guidelines
from generators.outputs.rules.common import RulesContext, actor_json, actor_positions, index_entry, legal_ref_json
from generators.outputs.rules.registry import Rendered, RulesFile
from generators.wording.labels import label


def _declaration(ctx: RulesContext, declaration: Declaration) -> dict[str, Any]:
    positions = sorted({p for actor in declaration.declarants for p in actor_positions(ctx, actor)})
    return {
        "id": declaration.id,
        "paragraph": declaration.paragraph,
        "declarants": [actor_json(ctx, actor) for actor in declaration.declarants],
        "positions": positions,
        "what": declaration.what,
        "to": actor_json(ctx, declaration.to),
        "renew_every_months": declaration.renew_every_months,
    }


def _version(ctx: RulesContext, document: Guidelines) -> dict[str, Any]:
    meta = document.meta
    return {
        "id": meta.id, "title": meta.title, "version": meta.version, "valid_from": meta.valid_from, "valid_to": meta.valid_to,
        "mandates": [{"id": m, "label": label("conflict_mandate", m)} for m in document.mandates],
        "declarations": [_declaration(ctx, d) for d in document.declarations],
        "gift_limit_sek": document.gift_limit_sek,
        "gifts": {"paragraph": document.gifts.paragraph, "text": document.gifts.text} if document.gifts else None,
        "recusal": {"paragraph": document.recusal.paragraph, "text": document.recusal.text} if document.recusal else None,
        "legal_basis": [legal_ref_json(ctx, ref) for ref in document.legal_basis],
    }


def render(ctx: RulesContext) -> Rendered | None:
    adopted = sorted((g for g in guidelines(ctx.model) if g.meta.status == "antagen"), key=lambda g: (g.meta.valid_from, g.meta.id))
    if not adopted:
        return None
    data = {**ctx.header(), "guidelines": [_version(ctx, g) for g in adopted]}
    return Rendered(data, [index_entry(g.meta, ctx.as_of) for g in adopted])


RULES_FILE = RulesFile(name="jav", render=render)
