"""An answer: a status, the facts (who decides, on which ground), and an explanation built on demand.

The explanation is a list of Swedish sentences made from the decision tables' own sentences, so the
command line, a system calling the library and the site's "Vem beslutar?" page say the same thing.
It is built only when asked for (`explanation`, `to_json()`, `text()`); answering many questions
in a loop never pays for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# Statuses. `answered` is the only one with a decision maker.
ANSWERED = "answered"
NOT_FOUND = "not_found"  # no such matter, traveller, concerned party, regime or category
NOT_IN_FORCE = "not_in_force"  # nothing in force on that date
OTHER_BODY = "other_body"  # the matter belongs to another body's delegationsordning
NEEDS_AMOUNT = "needs_amount"  # tiered: the answer depends on the amount, which was not given
UNKNOWN_VALUE = "unknown_value"  # a kronor value the answer needs is not known on that date
RETIRED = "retired"  # the matter has been taken out of the delegationsordning
UNDETERMINED = "undetermined"  # the policy itself gives no single answer (see the explanation)

STATUS_LABELS = {
    ANSWERED: "besvarad",
    NOT_FOUND: "finns inte",
    NOT_IN_FORCE: "inget gäller den dagen",
    OTHER_BODY: "hör till ett annat organ",
    NEEDS_AMOUNT: "beror på beloppet",
    UNKNOWN_VALUE: "beloppet kan inte räknas om den dagen",
    RETIRED: "upphört",
    UNDETERMINED: "kan inte avgöras",
}


class Answer:
    """One answered question. `facts` is plain JSON data; the explanation is built lazily."""

    __slots__ = ("kind", "question", "status", "summary", "facts", "_explain", "_explanation")

    def __init__(self, kind: str, question: dict[str, Any], status: str, summary: str, facts: dict[str, Any] | None,
                 explain: Callable[[], list[str]]) -> None:
        self.kind = kind
        self.question = question
        self.status = status
        self.summary = summary
        self.facts = facts
        self._explain = explain
        self._explanation: list[str] | None = None

    @property
    def answered(self) -> bool:
        return self.status == ANSWERED

    @property
    def explanation(self) -> list[str]:
        if self._explanation is None:
            self._explanation = self._explain()
        return self._explanation

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "question": self.question,
            "status": self.status,
            "status_label": STATUS_LABELS[self.status],
            "summary": self.summary,
            "answer": self.facts,
            "explanation": self.explanation,
        }

    def text(self) -> str:
        lines = [self.summary, ""]
        lines += [f"- {line}" for line in self.explanation]
        return "\n".join(lines) + "\n"
