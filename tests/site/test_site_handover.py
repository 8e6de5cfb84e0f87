"""One load and one check per build: the model `python -m generators build` has checked is handed to
the mkdocs hook, which then neither loads nor checks the policies again, and builds the same site.
(That without a handed model the hook loads the policies itself is tested on the determinism test's
second build, tests/site/test_site_determinism.py: one build fewer.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from generators.outputs.site import generate
from generators.pipeline import load_and_check
from tests.conftest import TODAY
from tests.site.conftest import EXAMPLE_POLICIES, source_date


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_handed_model_builds_the_same_site_without_a_second_load(example_site: Path, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from generators.outputs.site.build import build_site

    checked = load_and_check(EXAMPLE_POLICIES, TODAY)
    assert not checked.result.failed()

    def second_load(*args: object, **kwargs: object) -> None:
        raise AssertionError("the hook loaded the policies again")

    monkeypatch.setattr("generators.pipeline.load_and_check", second_load)
    with source_date():
        build_site(EXAMPLE_POLICIES, tmp_path / "site", model=checked.model)
    assert generate.STATE.model is checked.model
    built, cold = _files(tmp_path / "site"), _files(example_site)
    assert sorted(built) == sorted(cold) and any(path.startswith("rules/v1/") for path in built)
    assert [path for path in built if built[path] != cold[path]] == []
    # The rules' own folder (mkdocs copied them from it) is gone once the build is done.
    assert generate.STATE.rules_folder is None
