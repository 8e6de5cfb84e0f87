"""Every rule code, discovered from the check modules and the loader's code table."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

import generators.checks as checks_package
from generators.checks.rule import RegisteredRule
from generators.loading.codes import LOADER_RULES


@cache
def all_rules() -> tuple[RegisteredRule, ...]:
    """All rules, sorted by code. Check modules define `RULE` and `check`; the docstring is the docs."""
    found: list[RegisteredRule] = list(LOADER_RULES)
    for info in pkgutil.walk_packages(checks_package.__path__, prefix="generators.checks."):
        if info.ispkg:
            continue
        module = importlib.import_module(info.name)
        rule = getattr(module, "RULE", None)
        if rule is None:
            continue
        found.append(RegisteredRule(rule, (module.__doc__ or "").strip(), getattr(module, "check", None), info.name))
    return tuple(sorted(found, key=lambda r: r.rule.code))


def rules_by_code() -> dict[str, RegisteredRule]:
    return {r.rule.code: r for r in all_rules()}
