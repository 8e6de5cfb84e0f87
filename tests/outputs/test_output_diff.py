"""The example's JSON rules and site, before (the recorded base) and after (the working tree), differ
only as listed in expected-output-differences.txt (see output_diff.py for how to update the list)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.outputs.output_diff import EXPECTED, differences, recorded_base, report


@pytest.mark.site
def test_outputs_differ_from_the_base_only_as_listed() -> None:
    expected = EXPECTED.read_text(encoding="utf-8").splitlines()[1:]
    found = report(recorded_base())
    assert found == expected, (
        "The built outputs differ from the recorded list. If the change is intended, run "
        "`.venv/bin/python -m tests.outputs.output_diff --write` and commit the list with the change."
    )


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
