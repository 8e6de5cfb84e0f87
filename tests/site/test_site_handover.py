"""One load and one check per build: the model `python -m generators build` has checked is handed to
the mkdocs hook, which then neither loads nor checks the policies again, and builds the same site.
(That without a handed model the hook loads the policies itself is tested on the determinism test's
second build, tests/site/test_site_determinism.py: one build fewer.)"""

from __future__ import annotations

import weakref
from pathlib import Path

import pytest

from generators.outputs.site import generate
from generators.pipeline import load_and_check
from tests.conftest import TODAY
from tests.site.conftest import EXAMPLE_POLICIES, source_date


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_handed_model_builds_the_same_site_without_a_second_load_and_is_let_go_before_mkdocs_renders(
        example_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The hook neither loads nor checks again, the site is the cold build's, and nothing of the
    build holds the model once the pages are made: mkdocs' HTML of every page reuses its memory
    instead of adding to it (the region-size build's peak). One build for both."""
    from generators.outputs.site.build import build_site

    checked = load_and_check(EXAMPLE_POLICIES, TODAY)
    assert not checked.result.failed()
    model = weakref.ref(checked.model)
    handover = [checked.model]
    del checked

    def second_load(*args: object, **kwargs: object) -> None:
        raise AssertionError("the hook loaded the policies again")

    alive_at_on_files: list[bool] = []
    add_files = generate.add_files

    def observed(files: object, config: object) -> object:
        alive_at_on_files.append(model() is not None)
        return add_files(files, config)

    monkeypatch.setattr("generators.pipeline.load_and_check", second_load)
    monkeypatch.setattr(generate, "add_files", observed)
    with source_date():
        build_site(EXAMPLE_POLICIES, tmp_path / "site", model=handover.pop())
    assert alive_at_on_files == [False]
    built, cold = _files(tmp_path / "site"), _files(example_site)
    assert sorted(built) == sorted(cold) and any(path.startswith("rules/v1/") for path in built)
    assert [path for path in built if built[path] != cold[path]] == []
    # The rules' own folder (mkdocs copied them from it) is gone once the build is done.
    assert generate.STATE.rules_folder is None


def test_the_build_commands_pages_made_in_a_forked_copy_give_the_same_site(tmp_path: Path) -> None:
    """`python -m generators build` makes the rules and pages in a forked copy of itself (its memory
    goes back before mkdocs renders); its site equals the one made in-process, file for file. On
    the kommunalförbund, the smallest tree with every part of a build."""
    import os
    import subprocess
    import sys

    from generators.outputs.site.build import build_site
    from tests.conftest import FIXTURES, REPO, copy_tree

    policies = copy_tree(FIXTURES / "kommunalforbund", tmp_path / "forbund")
    with source_date():
        env = dict(os.environ)
        subprocess.run([sys.executable, "-m", "generators", "build", "--policies", str(policies), "--out", str(tmp_path / "cli"),
                        "--today", TODAY.isoformat()], cwd=REPO, env=env, capture_output=True, check=True)
        build_site(policies, tmp_path / "in-process" / "site")
    forked, in_process = _files(tmp_path / "cli" / "site"), _files(tmp_path / "in-process" / "site")
    assert sorted(forked) == sorted(in_process) and "index.html" in forked
    assert [path for path in forked if forked[path] != in_process[path]] == []
