"""The parse cache: a file's bytes are parsed once per process, and nothing downstream edits them.

`load_file` keeps what it derives from a file's bytes (data, positions, problems, the checks' memo)
and hands it to the next load of the same bytes. That is only sound if the same bytes always mean
the same thing, and if no model builder, check or output writes into the loaded data.
"""

from __future__ import annotations

import copy
import shutil
from datetime import date
from pathlib import Path

from generators.loading.documents import load_policies
from generators.outputs.rules import render_rules
from generators.pipeline import load_and_check
from tests.conftest import EXAMPLE_POLICIES, TODAY


def _copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copytree(EXAMPLE_POLICIES, target)
    return target


def test_same_bytes_share_their_parse_but_keep_their_own_path(tmp_path: Path) -> None:
    first, second = load_policies(_copy(tmp_path, "a")), load_policies(_copy(tmp_path, "b"))

    def inside(file: str) -> tuple[str, str]:  # display paths start at the policies folder
        folder, _, rest = file.partition("/")
        return folder, rest

    by_rest = {inside(d.file)[1]: d for d in second.documents}
    assert len(by_rest) == len(first.documents) >= 10
    for document in first.documents:
        folder, rest = inside(document.file)
        other = by_rest[rest]
        assert (folder, inside(other.file)[0]) == ("a", "b")
        assert other.data is document.data and other.memo is document.memo


def test_an_edited_file_is_parsed_again_and_reports_at_its_own_path(tmp_path: Path) -> None:
    load_policies(_copy(tmp_path, "a"))
    edited = _copy(tmp_path, "b")
    organisation = edited / "organisation.yaml"
    organisation.write_text(organisation.read_text(encoding="utf-8") + "okänd_nyckel: 1\n", encoding="utf-8")
    before = {(d.file, d.code) for d in load_policies(_copy(tmp_path, "c")).diagnostics}
    new = [d for d in load_policies(edited).diagnostics if (d.file.replace("b/", "c/", 1), d.code) not in before]
    last_line = organisation.read_text(encoding="utf-8").count("\n")
    assert [(d.file, d.line) for d in new] == [("b/organisation.yaml", last_line)]


def test_nothing_downstream_writes_into_the_loaded_data(tmp_path: Path) -> None:
    policies = _copy(tmp_path, "a")
    before = {d.file: copy.deepcopy(d.data) for d in load_policies(policies).documents}
    checked = load_and_check(policies, TODAY)
    render_rules(checked.model, TODAY, None)
    load_and_check(policies, date(2027, 6, 1))  # another day takes other branches of the checks
    assert {d.file: d.data for d in load_policies(policies).documents} == before
