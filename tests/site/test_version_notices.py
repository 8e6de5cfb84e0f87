"""The notices about versions when more than one version is still to come.

The kommunstyrelse has three published versions on the tests' day: 2026:1 in force, 2027:1 from
1 January 2027 (until 31 January) and 2027:2 from 1 February. The page of 2026:1 announces only the
version that takes over from it; 2027:1 says from 1 February that it no longer applies; each notice
carries the days it is true on (site/assets/giltighet.js shows it on those days).
"""

from __future__ import annotations

from datetime import date

import pytest

from generators.model import Model
from generators.outputs.site import documents
from generators.outputs.site.context import SiteContext, Versions
from generators.pipeline import load_and_check
from tests.conftest import EXAMPLE_POLICIES, TODAY


@pytest.fixture(scope="module")
def ks() -> tuple[SiteContext, Versions]:
    model: Model = load_and_check(EXAMPLE_POLICIES, TODAY).model
    ctx = SiteContext(model, TODAY)
    versions = next(v for v in ctx.versions(model.delegations) if v.current is not None and v.current.meta.id == "ks-delegationsordning")
    documents.plan_version_pages(ctx, [(d, versions) for d in versions.published()], "delegationsordningar/kommunstyrelsen")
    return ctx, versions


def _shown(found: list[documents.Notice], day: date) -> list[str]:
    return [n.title for n in found if n.true_on(day)]


def test_the_version_in_force_announces_only_the_next(ks: tuple[SiteContext, Versions]) -> None:
    ctx, versions = ks
    assert [d.meta.version for d in versions.upcoming] == ["2027:1", "2027:2"]
    found = documents.notices(ctx, versions.current, "delegationsordningar/kommunstyrelsen/index.md", versions.current, versions.upcoming)
    assert _shown(found, date(2026, 12, 31)) == ["Ny version antagen, gäller från 1 januari 2027"]
    assert _shown(found, date(2027, 1, 2)) == ["Den här versionen gäller inte längre sedan 1 januari 2027"]
    assert _shown(found, date(2027, 2, 2)) == ["Den här versionen gäller inte längre sedan 1 januari 2027"]


def test_a_version_to_come_that_a_later_one_replaces_says_when_it_ends(ks: tuple[SiteContext, Versions]) -> None:
    ctx, versions = ks
    first, second = versions.upcoming
    found = documents.notices(ctx, first, "delegationsordningar/kommunstyrelsen/x.md", versions.current, versions.upcoming)
    assert _shown(found, date(2026, 12, 31)) == ["Antagen version som gäller från 1 januari 2027"]
    assert _shown(found, date(2027, 1, 31)) == ["Gäller från 1 januari 2027"]
    assert _shown(found, date(2027, 2, 1)) == ["Den här versionen gäller inte längre sedan 1 februari 2027"]
    last = documents.notices(ctx, second, "delegationsordningar/kommunstyrelsen/y.md", versions.current, versions.upcoming)
    assert _shown(last, date(2027, 3, 1)) == ["Gäller från 1 februari 2027"]
