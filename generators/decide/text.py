"""Swedish wording for the decision tables and the answers (standard library only).

Numbers, kronor and running-text helpers come from `generators.wording.swedish`, the one home the
site, the JSON rules and `decide` share (re-exported here); this module adds the answer sentences.
"""

from __future__ import annotations

from generators.wording.swedish import NBSP, join, kronor, lower_first, number, sentence, upper_first

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: `decide` starts fast
    from typing import Any

def document_sentence(document: dict[str, Any]) -> str:
    """'Socialnämndens delegationsordning, version 2026:1 (antagen av …), gäller från 2026-01-01.'"""
    validity = f"gäller från {document['valid_from']}"
    if document["valid_to"]:
        validity += f" till och med {document['valid_to']}"
    adopted = f" ({document['adopted']})" if document["adopted"] else ""
    return f"{document['title']}, version {document['version']}{adopted}, {validity}."

# Where LOU (2016:1145) regulates what the sentence says: direct procurement (19 a kap.), the other
# procedures and their grounds (6 kap.), the exceptions from the law (3 kap.).
LOU_DIRECT_PROCUREMENT_CITATION = "LOU 19 a kap., 6 kap., 3 kap."


def direct_procurement_not_allowed(amount: str | None = None, citation: str = LOU_DIRECT_PROCUREMENT_CITATION) -> str:
    """The law's verdict at or above the direktupphandlingsgräns: 'Direktupphandling på grund av lågt värde är
    inte tillåten. Annonserad upphandling krävs om inte ett undantag gäller (LOU 19 a kap., 6 kap., 3 kap.).'
    `amount` is the value in words where the sentence names it."""
    value = f" för {amount}" if amount else ""
    return (f"Direktupphandling på grund av lågt värde är inte tillåten{value}. Annonserad upphandling krävs om inte ett undantag "
            f"gäller ({citation}).")


__all__ = ["LOU_DIRECT_PROCUREMENT_CITATION", "NBSP", "direct_procurement_not_allowed", "document_sentence", "join", "kronor", "lower_first", "number", "sentence", "upper_first"]
