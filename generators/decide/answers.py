"""An answer: a status, the facts (who decides, on which ground), and an explanation built on demand.

The explanation is a list of Swedish sentences made from the decision tables' own sentences, so the
command line, a system calling the library and the site's "Vem beslutar?" page say the same thing.
It is built only when asked for (`explanation`, `to_json()`, `text()`); answering many questions
in a loop never pays for it.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: `decide` starts fast
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
NOT_ALLOWED = "not_allowed"  # the law forbids what was asked (a direct procurement above the limit)

STATUS_LABELS = {
    ANSWERED: "besvarad",
    NOT_FOUND: "finns inte",
    NOT_IN_FORCE: "inget gäller den dagen",
    OTHER_BODY: "hör till ett annat organ",
    NEEDS_AMOUNT: "beror på beloppet",
    UNKNOWN_VALUE: "beloppet kan inte räknas om den dagen",
    RETIRED: "upphört",
    UNDETERMINED: "kan inte avgöras",
    NOT_ALLOWED: "inte tillåtet enligt lag",
}


class Answer:
    """One answered question: `status` at once; `question`, `summary`, `facts` (plain JSON data) and
    `explanation` when first read. Answering in a loop therefore costs a lookup and this object."""

    __slots__ = ("_args", "_details", "_explanation", "_make", "_steps", "kind", "status")

    def __init__(self, kind: str, question: dict[str, Any], status: str, summary: str, facts: dict[str, Any] | None,
                 explain: Callable[[], list[str]], steps: list[str] | None = None) -> None:
        self.kind = kind
        self.status = status
        self._make: Callable[..., Answer] | None = None
        self._args: tuple[Any, ...] = ()
        self._details: tuple[dict[str, Any], str, dict[str, Any] | None, Callable[[], list[str]]] | None = (question, summary, facts, explain)
        self._explanation: list[str] | None = None
        # "Så här gör du": what to do next, from the policy's own steps (empty where it states none).
        self._steps: list[str] = steps or []

    @classmethod
    def lazy(cls, kind: str, status: str, make: Callable[..., Answer], args: tuple[Any, ...]) -> Answer:
        """An answer whose details `make(*args)` (returning a full Answer) builds when first read."""
        answer = cls.__new__(cls)
        answer.kind = kind
        answer.status = status
        answer._make = make
        answer._args = args
        answer._details = None
        answer._explanation = None
        answer._steps = []
        return answer

    def _get(self) -> tuple[dict[str, Any], str, dict[str, Any] | None, Callable[[], list[str]]]:
        if self._details is None:
            assert self._make is not None  # an answer has details or knows how to make them
            full = self._make(*self._args)
            self._details = full._get()
            self._steps = full._steps
        return self._details

    @property
    def question(self) -> dict[str, Any]:
        return self._get()[0]

    @property
    def summary(self) -> str:
        return self._get()[1]

    @property
    def facts(self) -> dict[str, Any] | None:
        return self._get()[2]

    @property
    def steps(self) -> list[str]:
        self._get()
        return self._steps

    @property
    def answered(self) -> bool:
        return self.status == ANSWERED

    @property
    def explanation(self) -> list[str]:
        if self._explanation is None:
            self._explanation = self._get()[3]()
        return self._explanation

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "question": self.question,
            "status": self.status,
            "status_label": STATUS_LABELS[self.status],
            "summary": self.summary,
            "steps": self.steps,
            "answer": self.facts,
            "explanation": self.explanation,
        }

    def text(self) -> str:
        lines = [self.summary, ""]
        if self.steps:
            lines += ["Så här gör du:"] + [f"{n}. {step}" for n, step in enumerate(self.steps, 1)] + ["", "Så kommer svaret till:"]
        lines += [f"- {line}" for line in self.explanation]
        return "\n".join(lines) + "\n"
