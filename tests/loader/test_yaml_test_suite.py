"""The loader loads or cleanly refuses every input of the public YAML test suite — never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generators.loading.documents import load_file, schema_store
from generators.loading.yamlstrict import RawMap, RawScalar, RawSeq, parse

# Vendored into the repository (MIT, see yaml-test-suite/License) so a fresh clone tests itself.
SUITE = Path(__file__).resolve().parent / "yaml-test-suite" / "cases.json"
CASES = json.loads(SUITE.read_text(encoding="utf-8"))["cases"]

# Invalid YAML that libyaml (and PyYAML's pure parser, which follows it) accepts. Listed so that
# a change in that leniency is noticed; none of them can smuggle in an anchor, tag or duplicate.
LIBYAML_LENIENT = {"9C9N", "9JBA", "CVW2", "DK95-01", "G5U8", "QB6E", "S98Z", "SU5Z", "YJV2"}


def _plain(node: object) -> object:
    if isinstance(node, RawScalar):
        return (node.text, node.plain, node.line, node.col)
    if isinstance(node, RawMap):
        return {k: _plain(v) for k, v in node.items()}
    if isinstance(node, RawSeq):
        return [_plain(v) for v in node]
    return node


def test_suite_is_present() -> None:
    assert len(CASES) == 406, f"expected the 406 cases of the YAML test suite at {SUITE}"


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_loads_or_refuses_cleanly(case: dict, tmp_path: Path) -> None:
    fast_tree, fast_problems = parse(case["yaml"])
    pure_tree, pure_problems = parse(case["yaml"], pure=True)
    # Both parsers agree exactly (the C loader is the fast path, the Python one the fallback).
    assert _plain(fast_tree) == _plain(pure_tree)
    assert [(p.code, p.line, p.col) for p in fast_problems] == [(p.code, p.line, p.col) for p in pure_problems]
    assert fast_tree is not None or fast_problems
    if case["fail"] and case["id"] not in LIBYAML_LENIENT:
        assert fast_tree is None or fast_problems
    # The whole loading pipeline (typing by schema, validation) also answers without an exception.
    path = tmp_path / "organisation.yaml"
    path.write_text(case["yaml"], encoding="utf-8")
    store, typer = schema_store()
    document, diagnostics = load_file(path, "policies/organisation.yaml", "organisation", "organisation.schema.json", store, typer)
    assert document is not None or diagnostics
    assert all(d.code[0] in "LS" and d.message for d in diagnostics)
