"""Fuzzing inside the suite (issue 11), bounded to about 30 s, its seed printed.

hypothesis draws an example file and a few mutations of it (and shrinks a failure to the smallest
list of mutations); a seeded random-mutation corpus adds inputs for a fixed time; two inputs go
through the whole check. Any internal error, hang or diagnostic without a location fails, with the
seed that repeats it: `FUZZ_SEED=<seed> pytest tests/fuzz`. The long run is `make fuzz`.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from tests.fuzz.harness import OPERATIONS, Harness, apply, corpus, example_files

SEED = int(os.environ.get("FUZZ_SEED", random.randrange(1 << 32)))
FILES = example_files()


@pytest.fixture(scope="module")
def harness() -> Iterator[Harness]:
    print(f"\nfuzz seed {SEED} (FUZZ_SEED={SEED} repeats it)")
    made = Harness()
    yield made
    made.close()


@seed(SEED)
@settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(
    file=st.sampled_from(range(len(FILES))),
    mutations=st.lists(st.tuples(st.sampled_from(OPERATIONS), st.integers(0, 2**32 - 1)), min_size=1, max_size=4),
)
def test_mutated_example_files_get_located_diagnostics(harness: Harness, file: int, mutations: list[tuple[str, int]]) -> None:
    relative, data = FILES[file]
    for operation, parameter in mutations:
        data = apply(data, operation, random.Random(parameter))
    outcome = harness.run(relative, data, full=False)
    assert not outcome.bad, (f"fuzz seed {SEED}: {relative} after {mutations}\n"
                             f"{outcome.internal_error or ''}{'hang' if outcome.hang else ''}{outcome.locationless}")


def test_seeded_random_mutation_corpus(harness: Harness) -> None:
    loading = corpus(harness, SEED, count=10_000, full=False, budget=12.0)
    checked = corpus(harness, SEED + 1, count=2, full=True)
    print(loading.summary("fuzz corpus, loading/schema/model"))
    print(checked.summary("fuzz corpus, full check"))
    assert loading.inputs >= 5, "the corpus ran"
    for tally in (loading, checked):
        assert tally.clean, f"fuzz seed {SEED}: " + "\n".join([*tally.internal_errors, *tally.hangs, *tally.locationless][:5])
