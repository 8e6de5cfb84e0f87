"""Shared fixtures: the tests' own policy trees, copied so a test can edit them freely.

The suite never reads `policies/` (that folder belongs to whichever organisation adopts the tool; one
test, `tests/test_adopted_policies.py`, checks that it passes). It reads its fixture trees instead:

- `tests/fixtures/kommun/`: a kommun (a copy of the Ekbacka example), with its id ledger and its
  CODEOWNERS team map beside the policies as in a repository. Most tests use this one.
- `tests/fixtures/region/` and `tests/fixtures/kommunalforbund/`: small trees of other organisation
  kinds that keep the tool honest about what is a kommun's choice and what is the law.
"""

from __future__ import annotations

import atexit
import os
import random
import secrets
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
# The kommun fixture: what most tests load, edit and build.
KOMMUN = FIXTURES / "kommun"
FIXTURE_POLICIES = KOMMUN / "policies"


def copy_tree(fixture: Path, root: Path) -> Path:
    """Copy a fixture tree (policies, ledger, .github team map) into `root`; return its policies folder."""
    shutil.copytree(fixture, root, dirs_exist_ok=True)
    return root / "policies"


# The tests load the kommun fixture from one copy (which no test edits) outside the repository, so every path a
# diagnostic shows (and quotes in its message) reads `policies/...`, exactly as for an edited copy
# (`policies_copy`) and as in an organisation's own repository. The name is the one the tests have
# always imported; it is the kommun fixture, never the repository's policies/.
_SESSION_COPY = Path(tempfile.mkdtemp(prefix="styrdokument-fixtures-"))
atexit.register(shutil.rmtree, _SESSION_COPY, True)
EXAMPLE_POLICIES = copy_tree(KOMMUN, _SESSION_COPY / "kommun")
# A fixed "today" keeps review-date warnings reproducible.
TODAY = date(2026, 11, 23)


@pytest.fixture
def policies_copy(tmp_path: Path) -> Path:
    """A copy of the kommun fixture's policies, with its id ledger beside them as in the repository."""
    target = tmp_path / "policies"
    shutil.copytree(FIXTURE_POLICIES, target)
    shutil.copytree(KOMMUN / "ledger", tmp_path / "ledger")
    return target


# Fixtures and helpers that build a whole site with mkdocs; a test that uses one is marked `site`
# (left out by `make test-fast`, with the browser tests).
SITE_FIXTURES = frozenset({"example_build", "example_site", "site_dir"})


def _builds_site(item: pytest.Item) -> bool:
    if SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    module = getattr(item, "module", None)
    helper = getattr(module, "build", None)
    return getattr(helper, "__module__", None) == "tests.site.conftest" or hasattr(module, "build_site")


# The rule cases share one process, its parse cache and the documents' memos; they run in a shuffled
# order, so a case that leaned on another's leftovers would fail. RULE_CASES_SEED=N repeats an order.
RULE_CASES_SEED = int(os.environ.get("RULE_CASES_SEED") or secrets.randbelow(2**32))
# pytest-xdist's workers must each collect the tests in the same order, and they inherit this
# environment from the process that starts them (which imports this file first): one seed for all.
os.environ["RULE_CASES_SEED"] = str(RULE_CASES_SEED)


def pytest_report_header() -> str:
    return f"rule cases in shuffled order: RULE_CASES_SEED={RULE_CASES_SEED}"


# pytest-xdist runs the tests in one worker process per core (`-n auto`, pyproject.toml) and hands a
# worker a whole work unit at once. Each test module is one unit, so what a module makes once for its
# tests (a model, rendered rules, an edited site) is made once, not once per worker; the browser tests
# are one unit (one Chromium and one server for the run, not one per worker competing for the same
# cores). The rule cases and the build-killing tests, independent of each other, are a unit each, so
# they fill in wherever a worker is free. (xdist's own `--dist loadgroup` would say this with marks,
# but it stopped grouping under pytest 9.2, pytest-dev/pytest-xdist#1386; the scheduler hook below is
# xdist's documented way to choose the units.)
SPREAD_MODULES = ("tests/test_rule_cases.py", "tests/site/test_site_atomic.py")


def work_unit(nodeid: str) -> str:
    module = nodeid.split("::", 1)[0]
    if module.startswith("tests/browser/"):
        return "tests/browser/"
    return nodeid if module in SPREAD_MODULES else module


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    from xdist.scheduler import LoadScopeScheduling

    class ModuleScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    # The units are handed out in collection order (pytest_collection_modifyitems puts the long ones
    # first), not xdist's largest-count-first.
    config.option.loadscopereorder = False
    return ModuleScheduling(config, log)  # type: ignore[arg-type]


# Which units may start first. The whole-site builds are the long units (a minute or more each,
# against seconds for most modules), so they start first and the short units fill in behind them;
# a long unit started last would run alone on one core at the end. The browser tests go first of
# all: they build the run's shared site, which several other units read, while the other core
# makes the builds no other unit waits for. The rule cases (a second each) come last.
def _start_rank(units: dict[str, list[pytest.Item]], unit: str) -> tuple[int, int]:
    items = units[unit]
    builds = any(item.get_closest_marker("site") for item in items)
    shared = any(SITE_FIXTURES & set(getattr(item, "fixturenames", ())) for item in items)
    if unit == "tests/browser/":
        rank = 0
    elif builds and not shared:
        rank = 1  # its own builds only
    elif builds:
        rank = 2  # reads the shared site (waits for it, if it is still being built)
    else:
        rank = 3
    return rank, -len(items)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _builds_site(item):
            item.add_marker(pytest.mark.site)
    units: dict[str, list[pytest.Item]] = {}
    for item in items:
        units.setdefault(work_unit(item.nodeid), []).append(item)
    # sorted() is stable: within a rank, units keep their collection order (so do tests in a unit).
    items[:] = [item for unit in sorted(units, key=lambda unit: _start_rank(units, unit)) for item in units[unit]]
    rule_cases = [index for index, item in enumerate(items) if item.nodeid.startswith("tests/test_rule_cases.py::test_rule_case[")]
    shuffled = [items[index] for index in rule_cases]
    random.Random(RULE_CASES_SEED).shuffle(shuffled)
    for index, item in zip(rule_cases, shuffled, strict=True):
        items[index] = item
