"""The registered document kinds: every part a registration names exists and is what its layer expects."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

from generators.checks.codes import letters_of
from generators.checks.registry import CORE_CHECK_PACKAGES, all_rules
from generators.kinds import Kind, kinds
from generators.kinds.spec import resolve
from generators.outputs.rules.registry import RulesFile

KINDS = kinds()


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_every_named_part_resolves(kind: Kind) -> None:
    assert kind.claims, "a kind claims at least one file"
    for target in (kind.builder, kind.diff, kind.synth, kind.decide.table if kind.decide else None):
        if target is not None:
            assert callable(resolve(target)), target
    for module in kind.rules:
        assert isinstance(getattr(resolve(module), "RULES_FILE", None), RulesFile), module
    for module in kind.pages:
        assert callable(getattr(resolve(module), "pages", None)), module
    for module in kind.roles:
        assert callable(getattr(resolve(module), "contribute", None)), module
    for package in kind.checks:
        assert hasattr(resolve(package), "__path__"), f"{package} is a package of check modules"


@pytest.mark.parametrize("kind", [k for k in KINDS if k.checks], ids=lambda k: k.name)
def test_a_kinds_rules_use_its_own_families_or_the_cross_document_one(kind: Kind) -> None:
    own = {letters_of(family.prefix) for family in kind.codes} | {"X"}
    codes = [r.rule.code for r in all_rules() if r.module.startswith(tuple(f"{p}." for p in kind.checks))]
    assert codes, f"{kind.name}: its check packages hold no rule"
    assert [code for code in codes if letters_of(code) not in own] == []


def test_every_check_package_is_the_cores_or_a_kinds() -> None:
    """A new package of checks that nobody registers would silently never run."""
    from generators import checks

    claimed = set(CORE_CHECK_PACKAGES) | {package for kind in KINDS for package in kind.checks}
    found = {f"generators.checks.{info.name}" for info in pkgutil.iter_modules(checks.__path__) if info.ispkg}
    assert found == claimed


def test_every_page_rules_and_role_module_is_the_cores_or_a_kinds() -> None:
    from generators.outputs.rules.registry import CORE_RULES_MODULES
    from generators.outputs.site.pages import CORE_PAGE_MODULES
    from generators.outputs.site.roles import CORE_CONTRIBUTORS

    # A module is a part when it defines what the registry resolves (a rules file, pages, role rows);
    # shared machinery beside them (common, registry, index, decision_parts, feed …) is not.
    for package, core, field, marker in (
        ("generators.outputs.rules", CORE_RULES_MODULES, "rules", "RULES_FILE"),
        ("generators.outputs.site.pages", CORE_PAGE_MODULES, "pages", "pages"),
        ("generators.outputs.site.roles", CORE_CONTRIBUTORS, "roles", "contribute"),
    ):
        names = [f"{package}.{info.name}" for info in pkgutil.iter_modules(importlib.import_module(package).__path__)]
        found = {name for name in names if hasattr(importlib.import_module(name), marker)}
        claimed = set(core) | {module for kind in KINDS for module in getattr(kind, field)}
        assert found == claimed, package
