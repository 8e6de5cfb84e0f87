"""Inputs a fuzzer found crashing the tool: each now gets a `file:line:col: CODE` diagnostic (exit 1).

Every case edits a copy of the example policies (`policies_copy`), runs load → model → checks in
process, and asserts the exact code and position; none may raise.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from generators.diagnostics import Diagnostic
from generators.loading.documents import load_policies
from generators.loading.yamlstrict import MAX_FILE_BYTES, parse
from generators.pipeline import load_and_check
from tests.conftest import REPO

TODAY = date(2026, 11, 23)


def errors(policies: Path) -> list[Diagnostic]:
    checked = load_and_check(policies, TODAY)
    return [d for d in checked.result.diagnostics if d.severity == "error"]


def codes_at(found: list[Diagnostic]) -> list[tuple[str, str, int, int]]:
    return sorted((d.code, d.file.rsplit("policies/", 1)[-1], d.line, d.column) for d in found)


def edit(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace `old` by `new`; return the line (1-based) of the first replacement."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


# -- characters ---------------------------------------------------------------------------------


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x1b", "\x7f", "\x85", "\x9b", "\ufffe"], ids=repr)
@pytest.mark.parametrize("pure", [False, True], ids=["libyaml", "pure-python"])
def test_control_characters_are_refused_with_their_position(char: str, pure: bool) -> None:
    tree, found = parse(f"title: ok\nname: Social{char}nämnden {char}\n", pure=pure)
    assert tree is None
    assert [(p.code, p.line, p.col) for p in found] == [("L115", 2, 13), ("L115", 2, 22)]
    assert f"U+{ord(char):04X}" in found[0].message


def test_a_nul_byte_in_a_policy_file_is_a_diagnostic(policies_copy: Path) -> None:
    path = policies_copy / "travel.yaml"
    data = path.read_bytes()
    cut = data.index(b"\n", 100) + 3  # the third character of a line
    line = data[:cut].count(b"\n") + 1
    path.write_bytes(data[:cut] + b"\x00" + data[cut:])
    found = errors(policies_copy)
    assert ("L115", "travel.yaml", line, 3) in codes_at(found)


@pytest.mark.parametrize("char", ["\u2028", "\u2029"])
def test_unicode_line_separators_cannot_hide_a_key(char: str) -> None:
    # YAML 1.1 readers break the comment at U+2028 and load `secret`; YAML 1.2 editors show a comment.
    tree, found = parse(f"title: ok\n# note{char}secret: yes\nother: 1\n")
    assert tree is None
    assert [(p.code, p.line, p.col) for p in found] == [("L115", 2, 7)]


@pytest.mark.parametrize("char", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"], ids=repr)
def test_bidi_overrides_and_isolates_are_refused(char: str) -> None:
    tree, found = parse(f"title: 'Beslut {char}2025{char} om'\n")
    assert tree is None
    assert [(p.code, p.line, p.col) for p in found] == [("L116", 1, 16), ("L116", 1, 21)]


def test_right_to_left_text_and_direction_marks_pass() -> None:
    text = "a: 'مرحبا بالعالم'\nb: 'שלום עולם'\nc: 'سلام دنیا'\nd: 'x\u200ey\u200fz\u061c'\ne: 'tab\there'\n"
    tree, found = parse(text)
    assert found == [] and tree is not None
    assert tree["d"].text == "x\u200ey\u200fz\u061c"


def test_positions_after_a_lone_carriage_return_use_yaml_1_2_lines() -> None:
    _, found = parse("a: 1\r\nb: 2\rc: '\x07'\n")
    assert [(p.code, p.line, p.col) for p in found] == [("L115", 3, 5)]


# -- the validator, dates and numbers ----------------------------------------------------------


def test_a_procurement_decision_row_without_basis_is_s201(policies_copy: Path) -> None:
    path = policies_copy / "procurement.yaml"
    old = "body: kommunstyrelsen, basis: delegation, matter: ks-upphandling-direktupphandling, decided_by"
    line = edit(path, old, old.replace("basis: delegation, ", ""))
    found = codes_at(errors(policies_copy))
    assert ("S201", "procurement.yaml", line, 13) in found, found


@pytest.mark.parametrize("year", ["0000", "0001", "1899"])
def test_a_date_before_1900_is_s211(policies_copy: Path, year: str) -> None:
    path = policies_copy / "travel.yaml"
    text = path.read_text(encoding="utf-8")
    match = re.search(r'valid_from: "?(\d{4})-\d\d-\d\d', text)
    assert match is not None
    line = text[: match.start()].count("\n") + 1
    col = match.start(1) - text.rfind("\n", 0, match.start(1))
    path.write_text(text[: match.start(1)] + year + text[match.end(1) :], encoding="utf-8")
    found = codes_at(errors(policies_copy))
    assert ("S211", "travel.yaml", line, col - (1 if text[match.start(1) - 1] == '"' else 0)) in found, found


@pytest.mark.parametrize("number", ["9" * 5000, "9" * 400 + ".5", "1" * 16, "0." + "1" * 16], ids=["5000-digits", "huge-decimal", "16-digits", "16-decimals"])
def test_an_absurd_number_is_s210_and_never_infinity(policies_copy: Path, number: str) -> None:
    path = policies_copy / "procurement.yaml"
    text = path.read_text(encoding="utf-8")
    match = re.search(r"amount: (\d+)", text)
    assert match is not None
    line = text[: match.start()].count("\n") + 1
    col = match.start(1) - text.rfind("\n", 0, match.start(1))
    path.write_text(text[: match.start(1)] + number + text[match.end(1) :], encoding="utf-8")
    found = codes_at(errors(policies_copy))
    assert ("S210", "procurement.yaml", line, col) in found, found


def test_fifteen_digits_still_pass(policies_copy: Path) -> None:
    path = policies_copy / "procurement.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"amount: (\d+)", "amount: 123456789012345", text, count=1), encoding="utf-8")
    assert "S210" not in {d.code for d in load_policies(policies_copy).diagnostics}


# -- files that are not regular files ------------------------------------------------------------


def test_a_symlinked_policy_is_refused_and_its_target_never_read(policies_copy: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("hemligt: innehåll som inte får synas\n", encoding="utf-8")
    (policies_copy / "travel.yaml").unlink()
    (policies_copy / "travel.yaml").symlink_to(secret)
    result = load_policies(policies_copy)
    mine = [d for d in result.diagnostics if d.file.endswith("travel.yaml")]
    assert [(d.code, d.line, d.column) for d in mine] == [("L114", 1, 1)]
    assert "symbolisk länk" in mine[0].message and "hemligt" not in mine[0].message


@pytest.mark.parametrize("kind", ["broken-link", "dev-zero", "fifo", "folder-link"])
def test_special_entries_are_refused_not_skipped(policies_copy: Path, tmp_path: Path, kind: str) -> None:
    target = policies_copy / "delegation" / "extra.yaml"
    if kind == "broken-link":
        target.symlink_to(tmp_path / "missing.yaml")
    elif kind == "dev-zero":
        target.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(target)  # opening it for reading would block forever
    else:
        (tmp_path / "elsewhere").mkdir()
        target.symlink_to(tmp_path / "elsewhere")
    result = load_policies(policies_copy)
    mine = [(d.code, d.file.rsplit("policies/", 1)[-1]) for d in result.diagnostics if "extra" in d.file]
    assert mine == [("L114", "delegation/extra.yaml")]


def test_the_size_limit_applies_before_reading(policies_copy: Path) -> None:
    path = policies_copy / "travel.yaml"
    with path.open("ab") as handle:  # sparse: 1 GiB that costs no disk and must never be read whole
        handle.truncate(1 << 30)
    # Under an address-space cap well below the file's size, reading it whole would fail.
    program = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (900 << 20, 900 << 20))\n"
        "from generators.loading.documents import load_policies\n"
        "for d in load_policies(__import__('pathlib').Path(sys.argv[1])).diagnostics:\n"
        "    print(d.code, d.file.rsplit('policies/', 1)[-1], d.line, d.column, d.message)\n"
    )
    run = subprocess.run([sys.executable, "-c", program, str(policies_copy)], cwd=REPO, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    mine = [line for line in run.stdout.splitlines() if " travel.yaml " in line]
    assert len(mine) == 1 and mine[0].startswith("L103 travel.yaml 1 1 ")
    assert str(MAX_FILE_BYTES) in mine[0]
