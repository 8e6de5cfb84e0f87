"""The later half of the pages converted in a forked copy (`generators/outputs/site/render_split.py`)
gives the very site a build without the split gives, fails strict mode on the same warnings, and
falls back to converting the pages itself when the copy fails.

A small mkdocs project (its own pages and a hook that starts the split) is built in a fresh process,
since the split forks and forks only from a process of one thread (the build command); the kommun's
own command build is compared with an in-process build in `test_site_handover.py`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generators.outputs.site.render_split import SPLIT_ENV
from generators.paths import REPO_ROOT

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or (os.cpu_count() or 1) < 2, reason="needs fork and two cores")

HOOK = """
from generators.outputs.site import render_split

def on_nav(nav, config, files):
    render_split.start(config, files)
    return nav
"""

# Builds the project, counts the pages whose HTML came from the copy, and prints the count last.
RUNNER = """
import logging
import sys
logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from generators.outputs.site import render_split

if "--copy-fails" in sys.argv:
    def failing(page, logged_until):
        raise RuntimeError("the copy fails")
    render_split._captured = failing
taken = []
apply = render_split._apply
render_split._apply = lambda page, done, files: (taken.append(page.file.src_uri), apply(page, done, files))
config = load_config(sys.argv[1], site_dir=sys.argv[2], strict=True)
try:
    build(config)
except Abort as error:
    print("ABORT", error)
finally:
    render_split.stop()
print(len(taken))
"""


def _project(root: Path, broken_link_in: str | None = None) -> Path:
    docs = root / "docs"
    docs.mkdir(parents=True)
    (root / "hook.py").write_text(HOOK, encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: Delad rendering\ntheme:\n  name: material\n  language: sv\nhooks:\n  - hook.py\n"
                                     "plugins: []\n", encoding="utf-8")
    (docs / "index.md").write_text("# Start\n\nSe [sida 3](sida-3.md#avsnitt-b).\n", encoding="utf-8")
    for number in range(1, 9):
        link = "\n\nSe [saknad sida](saknas.md).\n" if broken_link_in == f"sida-{number}.md" else ""
        body = "\n\n".join(f"## Avsnitt {letter}\n\nText om {letter} på sida {number}, " + "ord " * 40 * number for letter in "ABC")
        (docs / f"sida-{number}.md").write_text(f"# Sida {number}\n\n{body}{link}\n", encoding="utf-8")
    return root / "mkdocs.yml"


def _build(config: Path, site: Path, *, split: bool, copy_fails: bool = False) -> tuple[int, str]:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "NO_MKDOCS_2_WARNING": "1", SPLIT_ENV: "1" if split else ""}
    argv = [sys.executable, "-c", RUNNER, str(config), str(site), *(["--copy-fails"] if copy_fails else [])]
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=True, timeout=300)
    lines = done.stdout.strip().splitlines()
    return int(lines[-1]), done.stdout + done.stderr


def _files(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_the_split_build_is_the_same_site_file_for_file(tmp_path: Path) -> None:
    config = _project(tmp_path / "projekt")
    taken, _ = _build(config, tmp_path / "delad", split=True)
    untaken, _ = _build(config, tmp_path / "hel", split=False)
    assert taken > 0 and untaken == 0
    split_site, whole_site = _files(tmp_path / "delad"), _files(tmp_path / "hel")
    assert split_site.keys() == whole_site.keys()
    assert [name for name in split_site if split_site[name] != whole_site[name]] == []
    # The copy's pages keep their table of contents and title (the sidebar is made from them).
    later = (tmp_path / "delad" / "sida-8" / "index.html").read_text(encoding="utf-8")
    assert 'href="#avsnitt-c"' in later and "<title>Sida 8 - Delad rendering</title>" in later


def test_a_broken_link_on_a_page_the_copy_converts_still_fails_strict_mode(tmp_path: Path) -> None:
    config = _project(tmp_path / "projekt", broken_link_in="sida-8.md")
    taken, split_output = _build(config, tmp_path / "delad", split=True)
    _, whole_output = _build(config, tmp_path / "hel", split=False)
    assert taken > 0
    warnings = [[line for line in output.splitlines() if line.startswith("WARNING")] for output in (split_output, whole_output)]
    assert warnings[0] == warnings[1] and len(warnings[0]) == 1 and "saknas.md" in warnings[0][0]
    for output in (split_output, whole_output):
        assert "ABORT Aborted with 1 warnings in strict mode!" in output


def test_when_the_copy_fails_the_build_converts_its_pages_itself(tmp_path: Path) -> None:
    config = _project(tmp_path / "projekt")
    taken, output = _build(config, tmp_path / "delad", split=True, copy_fails=True)
    assert taken == 0 and "ABORT" not in output
    _build(config, tmp_path / "hel", split=False)
    assert _files(tmp_path / "delad") == _files(tmp_path / "hel")
