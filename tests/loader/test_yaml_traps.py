"""Each trap of YAML 1.1 and PyYAML's defaults gives a precise error — never a traceback, never a guess."""

from __future__ import annotations

from pathlib import Path

import pytest

from generators.loading.documents import load_policies
from generators.loading.yamlstrict import MAX_DEPTH, MAX_FILE_BYTES, decode, parse


def problems(text: str) -> list[tuple[str, int, int]]:
    _, found = parse(text)
    return [(p.code, p.line, p.col) for p in found]


@pytest.mark.parametrize("pure", [False, True], ids=["libyaml", "pure-python"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\nb: 2\na: 3\n", [("L105", 3, 1)]),
        ("a:\n  x: 1\n  x: 1\n", [("L105", 3, 3)]),
        ("a: &anchor 1\n", [("L106", 1, 4)]),
        ("a: 1\nb: *x\n", [("L106", 2, 4)]),
        ("a: &x 1\nb: *x\n", [("L106", 1, 4), ("L106", 2, 4)]),
        ("a: !!str 3\n", [("L107", 1, 4)]),
        ("a: !custom 3\n", [("L107", 1, 4)]),
        ("<<: {a: 1}\n", [("L108", 1, 1)]),
        ("[a, b]: 1\n", [("L109", 1, 1)]),
        ("a: 1\n---\nb: 2\n", [("L110", 2, 1)]),
        ("", [("L111", 1, 1)]),
        ("# only a comment\n", [("L111", 1, 1)]),
        ("---\n", [("L111", 1, 1)]),
        ("~\n", [("L111", 1, 1)]),
        ("a: 'unterminated\n", [("L101", 2, 1)]),
        ("a:\n\tb: 1\n", [("L101", 2, 1)]),
    ],
)
def test_refused_constructs(text: str, expected: list[tuple[str, int, int]], pure: bool) -> None:
    _, found = parse(text, pure=pure)
    assert [(p.code, p.line, p.col) for p in found] == expected
    assert all(p.message for p in found)


def test_deep_nesting_is_refused_before_anything_recurses() -> None:
    # libyaml's own composer can overflow the C stack on input like this and kill the process.
    text = "a: " + "[" * 100_000
    tree, found = parse(text)
    assert tree is None
    assert [p.code for p in found] == ["L104"]
    assert f"{MAX_DEPTH} nivåer" in found[0].message


def test_not_utf8_points_at_the_bad_byte() -> None:
    text, problem = decode("title: ok\nname: Socialn\xe4mnden\n".encode("latin-1"))
    assert text is None and problem is not None
    assert (problem.code, problem.line, problem.col) == ("L102", 2, 14)


def test_byte_order_mark_is_accepted() -> None:
    text, problem = decode("\ufeffa: 1\n".encode("utf-8"))
    assert problem is None and text == "a: 1\n"


def test_file_size_limit() -> None:
    text, problem = decode(b"a: 1\n" + b"#" * MAX_FILE_BYTES)
    assert text is None and problem is not None and problem.code == "L103"


def test_scalars_keep_their_exact_text_and_quoting() -> None:
    tree, found = parse("a: NO\nb: '0700'\nc: 1.10\nd: 12:30\ne: 2025-03-01\nf: on\n")
    assert not found
    assert {k: (v.text, v.plain) for k, v in tree.items()} == {
        "a": ("NO", True), "b": ("0700", False), "c": ("1.10", True), "d": ("12:30", True), "e": ("2025-03-01", True), "f": ("on", True),
    }


def test_unclaimed_and_misnamed_files_are_errors(tmp_path: Path) -> None:
    policies = tmp_path / "policies"
    (policies / "delegation").mkdir(parents=True)
    (policies / "delegation" / "socialnamnden.yml").write_text("a: 1\n", encoding="utf-8")
    (policies / "notes.txt").write_text("anteckning\n", encoding="utf-8")
    (policies / "resor.yaml").write_text("a: 1\n", encoding="utf-8")
    result = load_policies(policies)
    found = sorted((d.file, d.code) for d in result.diagnostics)
    assert found == [
        ("policies/delegation/socialnamnden.yml", "L112"),
        ("policies/notes.txt", "L112"),
        ("policies/resor.yaml", "L112"),
    ]
    by_file = {d.file: d.message for d in result.diagnostics}
    assert ".yaml, inte .yml" in by_file["policies/delegation/socialnamnden.yml"]
