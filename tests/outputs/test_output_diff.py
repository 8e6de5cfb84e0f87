"""The example's JSON rules and site are the ones recorded in output-manifest.txt (see output_diff.py
for how an intended change is reviewed and recorded), and the tools that say what differs say it."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tests.outputs.output_diff import MANIFEST, differences, manifest, manifest_changes, read_manifest, write_manifest
from tests.site.conftest import EXAMPLE_POLICIES, shared_build


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The run's shared build of the example (tests/site/conftest.py): hashed here, never rebuilt."""
    return shared_build(tmp_path_factory, "example", EXAMPLE_POLICIES)[0]


@pytest.mark.site
def test_the_published_outputs_are_the_recorded_ones(example_site: Path) -> None:
    changes = manifest_changes(read_manifest(), manifest(example_site))
    assert changes == [], (
        f"The built outputs differ from {MANIFEST.name}. Review what changed with "
        "`.venv/bin/python -m tests.outputs.output_diff [BASE]`; if the change is intended, record it with "
        "`.venv/bin/python -m tests.outputs.output_diff --write` and commit the manifest with the change."
    )
    assert any(line.endswith("  rules/v1/index.json") for line in read_manifest())


def _site(root: Path, files: dict[str, bytes]) -> Path:
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content)
    return root


def test_the_manifest_names_every_file_and_summarises_the_index(tmp_path: Path) -> None:
    site = _site(tmp_path / "site", {"index.html": b"a\n", "rules/v1/a.json": b"{}\n", "pagefind/f.pf": b"1",
                                     "pagefind/g.pf": b"2", "sitemap.xml.gz": gzip.compress(b"<urlset/>", mtime=0)})
    lines = manifest(site)
    assert [line.split("  ", 1)[1] for line in lines] == ["index.html", "pagefind/", "rules/v1/a.json", "sitemap.xml.gz"]
    assert all(len(line.split("  ", 1)[0]) == 64 for line in lines)
    write_manifest(site, tmp_path / "manifest.txt")
    assert read_manifest(tmp_path / "manifest.txt") == lines


def test_a_changed_new_or_gone_file_is_named_and_a_recompressed_one_is_not(tmp_path: Path) -> None:
    packed, repacked = gzip.compress(b"<urlset/>" * 50, 9, mtime=0), gzip.compress(b"<urlset/>" * 50, 1, mtime=0)
    assert packed != repacked
    before = manifest(_site(tmp_path / "before", {"same.html": b"s\n", "gone.html": b"x\n", "logo.png": b"\x89PNG\xfe",
                                                  "pagefind/f.pf": b"1", "sitemap.xml.gz": packed}))
    after = manifest(_site(tmp_path / "after", {"same.html": b"s\n", "new.html": b"y\n", "logo.png": b"\x89PNG\xff",
                                                "pagefind/f.pf": b"2", "sitemap.xml.gz": repacked}))
    assert manifest_changes(before, after) == ["gone: gone.html", "changed: logo.png", "new: new.html", "changed: pagefind/"]
    assert manifest_changes(after, after) == []


def test_the_report_names_every_kind_of_difference(tmp_path: Path) -> None:
    before, after = tmp_path / "before", tmp_path / "after"
    for side, files in ((before, {"rules/a.json": '{"x": 1}\n', "gone.html": "x\n", "same.html": "s\n", "pagefind/f.pf": "1"}),
                        (after, {"rules/a.json": '{"x": 2}\n', "new.html": "y\n", "same.html": "s\n", "pagefind/f.pf": "2"})):
        for name, content in files.items():
            (side / name).parent.mkdir(parents=True, exist_ok=True)
            (side / name).write_text(content, encoding="utf-8")
    (after / "logo.png").write_bytes(b"\x89PNG\xff")
    (before / "logo.png").write_bytes(b"\x89PNG\xfe")
    assert differences(before, after) == [
        "only before: gone.html",
        "binary differs: logo.png",
        "only after: new.html",
        'rules/a.json: -{"x": 1}',
        'rules/a.json: +{"x": 2}',
        "derived index differs: pagefind/",
    ]
