"""Loader acceptance cases discovered from folders, as check-jsonschema does.

Each file in `negative/` and `positive/` starts with header comments:
  # claim: reference/eu.yaml            (where the file is placed under a temporary policies/)
  # expect: S206 12:15                  (negative: one line per expected diagnostic, all of them)
  # value: $.values[0].countries[3] = "NO"   (positive: a JSON path and the exact JSON value)
The header lines are part of the file, so the line numbers in `expect` count them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from generators.loading.documents import load_policies

HERE = Path(__file__).parent
_STEP = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


def _header(path: Path, key: str) -> list[str]:
    return [line.split(":", 1)[1].strip() for line in path.read_text(encoding="utf-8").splitlines() if line.startswith(f"# {key}:")]


def _load(case: Path, tmp_path: Path) -> Any:
    (claim,) = _header(case, "claim")
    target = tmp_path / "policies" / claim
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(case.read_bytes())
    return load_policies(tmp_path / "policies")


def _walk(data: Any, path: str) -> Any:
    assert path.startswith("$")
    for name, index in _STEP.findall(path[1:]):
        data = data[name] if name else data[int(index)]
    return data


@pytest.mark.parametrize("case", sorted((HERE / "negative").glob("*.yaml")), ids=lambda p: p.stem)
def test_negative(case: Path, tmp_path: Path) -> None:
    result = _load(case, tmp_path)
    expected = sorted(tuple(line.split()) for line in _header(case, "expect"))
    found = sorted((d.code, f"{d.line}:{d.column}") for d in result.diagnostics)
    assert found == expected, "\n".join(f"{d.line}:{d.column} {d.code} {d.message}" for d in result.diagnostics)
    assert result.documents == []  # a file with errors is never passed on to the checks


@pytest.mark.parametrize("case", sorted((HERE / "positive").glob("*.yaml")), ids=lambda p: p.stem)
def test_positive(case: Path, tmp_path: Path) -> None:
    result = _load(case, tmp_path)
    assert result.diagnostics == []
    (document,) = result.documents
    for line in _header(case, "value"):
        path, _, value = line.partition(" = ")
        assert _walk(document.data, path) == json.loads(value), path
