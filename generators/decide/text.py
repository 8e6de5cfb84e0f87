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

__all__ = ["NBSP", "document_sentence", "join", "kronor", "lower_first", "number", "sentence", "upper_first"]
