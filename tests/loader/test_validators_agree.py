"""The fast validator (jsonschema-rs) and the wording one (jsonschema) agree on every fixture.

The loader trusts jsonschema-rs's verdict on valid files and asks jsonschema only to word errors,
so a disagreement would let an invalid file through silently. (fastjsonschema is not used: it
ignores unevaluatedProperties.)
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from generators.loading import yamlstrict
from generators.loading.discovery import claim_for, policy_files
from generators.loading.documents import schema_store
from tests.conftest import EXAMPLE_POLICIES

HERE = Path(__file__).parent


def _typed(path: Path, schema: str):  # type: ignore[no-untyped-def]
    store, typer = schema_store()
    text, problem = yamlstrict.decode(path.read_bytes())
    assert problem is None
    raw, _ = yamlstrict.parse(text)
    return store, typer.type_document(raw, schema).data if raw is not None else None


def _verdicts(store, schema: str, data) -> tuple[bool, bool]:  # type: ignore[no-untyped-def]
    fast = store.fast_validator(schema).is_valid(data)
    slow = not any(True for _ in store.python_validator(schema).iter_errors(data))
    return fast, slow


def _first_nested_mapping(data: dict) -> dict:  # type: ignore[type-arg]
    stack = list(data.values())
    while stack:
        value = stack.pop(0)
        if isinstance(value, dict):
            return value
        if isinstance(value, list):
            stack.extend(value)
    raise AssertionError("no nested mapping")


EXAMPLE_FILES = [p for p in policy_files(EXAMPLE_POLICIES) if claim_for(p.relative_to(EXAMPLE_POLICIES).as_posix())]


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.relative_to(EXAMPLE_POLICIES).as_posix())
def test_agree_on_the_example_and_on_mutations(path: Path) -> None:
    schema = claim_for(path.relative_to(EXAMPLE_POLICIES).as_posix()).schema  # type: ignore[union-attr]
    store, data = _typed(path, schema)
    assert _verdicts(store, schema, data) == (True, True)
    # Mutations: an unknown key at the top and in the first nested mapping; a wrong type.
    for mutate in (
        lambda d: d.__setitem__("okänd", 1),
        lambda d: _first_nested_mapping(d).__setitem__("okänd", 1),
        lambda d: d.__setitem__(next(iter(d)), 12),
    ):
        changed = copy.deepcopy(data)
        mutate(changed)
        assert _verdicts(store, schema, changed) == (False, False)


@pytest.mark.parametrize("case", sorted((HERE / "negative").glob("*.yaml")), ids=lambda p: p.stem)
def test_agree_on_negative_fixtures(case: Path) -> None:
    claim = next(line.split(":", 1)[1].strip() for line in case.read_text(encoding="utf-8").splitlines() if line.startswith("# claim:"))
    schema = claim_for(claim).schema  # type: ignore[union-attr]
    store, data = _typed(case, schema)
    if data is None:
        pytest.skip("the file is refused before validation (nothing to validate)")
    fast, slow = _verdicts(store, schema, data)
    assert fast == slow
