"""Reproducible output, and page content that depends on the build's date."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from generators.loading.documents import load_policies
from generators.model import build_model
from generators.outputs.site import documents
from generators.outputs.site.context import SiteContext
from generators.outputs.site.pages import generate
from generators.pipeline import load_and_check
from tests.site.conftest import EXAMPLE_POLICIES, build


def _digests(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


@dataclass(frozen=True)
class SecondBuild:
    policies: Path
    site: Path
    loads: list[Path]  # every policies folder the build's hook loaded and checked


@pytest.fixture(scope="module")
def second_build(tmp_path_factory: pytest.TempPathFactory) -> SecondBuild:
    """The example built a second time, from another copy of its sources, as `mkdocs build` builds
    it: with no model handed over, so the hook loads and checks the policies itself (its loads are
    counted). One build answers both tests below."""
    root = tmp_path_factory.mktemp("second")
    policies = root / "policies"
    shutil.copytree(EXAMPLE_POLICIES, policies)
    loads: list[Path] = []

    def counted(folder: Path, *args: object, **kwargs: object) -> object:
        loads.append(folder)
        return load_and_check(folder, *args, **kwargs)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("generators.pipeline.load_and_check", counted)
        site = build(policies, root / "site")
    return SecondBuild(policies, site, loads)


def test_two_builds_of_the_same_sources_are_byte_identical(second_build: SecondBuild, example_site: Path) -> None:
    # The first build is the run's shared one (made earlier, perhaps by another worker process, from
    # another copy of the same sources); the second is made here, after whatever this process built
    # before. Both read a snapshot that no test edits, so an edit to policies/ meanwhile cannot differ.
    first = example_site
    first_files, second_files = _digests(first), _digests(second_build.site)
    assert first_files.keys() == second_files.keys()
    differing = [path for path in first_files if first_files[path] != second_files[path]]
    assert not differing, f"filer som skiljer sig mellan två byggen: {differing[:10]}"
    assert "sitemap.xml.gz" in first_files and "rules/v1/index.json" in first_files


def test_without_a_handed_model_the_hook_loads_itself(second_build: SecondBuild) -> None:
    """(tests/site/test_site_handover.py has the build with a handed model.)"""
    assert second_build.loads == [second_build.policies.resolve()]


@pytest.fixture(scope="module")
def model():
    return build_model(load_policies(EXAMPLE_POLICIES))


def test_an_overdue_review_gets_a_notice(model) -> None:
    order = min(model.delegations, key=lambda o: o.meta.review_by)
    ctx = SiteContext(model, order.meta.review_by.replace(day=1) if order.meta.review_by.day > 1 else order.meta.review_by)
    assert not any(n.title == "Översynen är försenad" for n in documents.notices(ctx, order, "x.md", order, ()))
    late = SiteContext(model, date.fromordinal(order.meta.review_by.toordinal() + 1))
    notices = documents.notices(late, order, "x.md", order, ())
    assert any(n.title == "Översynen är försenad" for n in notices)
    assert "(försenad)" in documents.metadata_box(late, order, "x.md")


def test_page_generation_is_the_same_in_two_runs(model) -> None:
    as_of = date(2026, 11, 23)
    first = [(p.path, p.content) for p in generate(SiteContext(model, as_of))]
    second = [(p.path, p.content) for p in generate(SiteContext(model, as_of))]
    assert first == second
    assert len({path for path, _ in first}) == len(first)
