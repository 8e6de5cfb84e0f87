"""Answer "who decides?" with an explanation: delegation, travel, whistleblowing, procurement.

    from generators.decide import from_policies, from_rules
    decider = from_rules(Path("build/site/rules/v1"))          # or from_policies(Path("policies"))
    answer = decider.delegation("soc-ekonomi-avskrivning-fordringar", 30000, "2026-11-23")
    answer.status, answer.facts["decided_by"]["label"], answer.explanation

Only the standard library is imported on this path (answering from published JSON needs nothing
else); building the tables from the policies imports the loader and the model when asked to.
"""

from __future__ import annotations

from generators.decide.answers import Answer
from generators.decide.engine import Decider
from generators.decide.sources import SourceError, from_policies, from_rules

__all__ = ["Answer", "Decider", "SourceError", "from_policies", "from_rules"]
