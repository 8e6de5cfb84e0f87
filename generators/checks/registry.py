"""Every rule code, discovered from the check packages and the loader's code table.

The check packages are the core's own (cross-document, metadata, id ledger, personal data) and the
ones each registered document kind names (`Kind.checks`). A package is walked for modules that
define `RULE` and `check`; the module docstring is the rule's published page.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from generators.checks.rule import RegisteredRule, Rule
from generators.kinds import Kind, kinds
from generators.loading.codes import LOADER_CODES

# Rules that belong to no single document kind.
CORE_CHECK_PACKAGES: tuple[str, ...] = (
    "generators.checks.crossdoc",
    "generators.checks.metadata",
    "generators.checks.ledger",
    "generators.checks.personal_data",
)


def check_packages() -> tuple[str, ...]:
    """The core packages, then each registered kind's, in registration order."""
    return CORE_CHECK_PACKAGES + tuple(package for kind in kinds() for package in kind.checks)


def loader_rules() -> tuple[RegisteredRule, ...]:
    """The loader's and the schema validator's codes (L1xx, S2xx): documented, reported while reading."""
    return tuple(
        RegisteredRule(Rule(code, name, "error", summary), doc, None, "generators.loading.codes")
        for code, name, summary, doc in LOADER_CODES
    )


def all_rules() -> tuple[RegisteredRule, ...]:
    """All rules, sorted by code. Check modules define `RULE` and `check`; the docstring is the docs."""
    return _all_rules(kinds())


@cache
def _all_rules(registered: tuple[Kind, ...]) -> tuple[RegisteredRule, ...]:
    found: list[RegisteredRule] = list(loader_rules())
    packages = CORE_CHECK_PACKAGES + tuple(package for kind in registered for package in kind.checks)
    for package_name in packages:
        package = importlib.import_module(package_name)
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{package_name}."):
            if info.ispkg:
                continue
            module = importlib.import_module(info.name)
            rule = getattr(module, "RULE", None)
            if rule is None:
                continue
            found.append(RegisteredRule(rule, (module.__doc__ or "").strip(), getattr(module, "check", None), info.name))
    codes = [r.rule.code for r in found]
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    if duplicates:
        raise RuntimeError(f"two rule modules use the same code: {duplicates}")
    return tuple(sorted(found, key=lambda r: r.rule.code))


def rules_by_code() -> dict[str, RegisteredRule]:
    return {r.rule.code: r for r in all_rules()}
