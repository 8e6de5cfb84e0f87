"""Legal references on the site: linked to the statute text where the reference data has it.

Shared by every page module (and the role-page contributors), so no page module imports another.
"""

from __future__ import annotations

from typing import Any

from generators.model.common import LegalRef
from generators.outputs.site.context import SiteContext
from generators.outputs.site.escape import Safe, link, text


def legal_basis(ctx: SiteContext, references: tuple[LegalRef, ...]) -> Safe:
    """Each reference as a link to the statute text (from reference data), local rules as text."""
    parts: list[Safe] = []
    statutes = ctx.model.reference.statutes
    shorts = {sfs: s.short for sfs, s in statutes.items()}
    for ref in references:
        if ref.local:
            parts.append(Safe(f'<span class="local-rule">{text(ref.local)}</span>'))
            continue
        label = ref.label(shorts)
        statute = statutes.get(ref.sfs or "")
        if statute is not None:
            parts.append(Safe(f'<span class="ref">{link(statute.url, label, external=True, css_class="statute", title=statute.name)}</span>'))
        else:
            parts.append(text(label))
    return Safe("<br>\n".join(parts))


def inline_legal(ctx: SiteContext, references: Any) -> Safe:
    """Legal references on one line, separated by commas (each linked to the statute where known)."""
    return Safe(", ".join(legal_basis(ctx, (reference,)) for reference in references))
