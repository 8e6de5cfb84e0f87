"""`make fuzz`: the long fuzz run (issue 11). 10 000 inputs through loading, schema and model, 1 000
through the full check; prints the figures and exits 1 on any internal error, hang or diagnostic
without a location.

    python -m tests.fuzz.run [--inputs 10000] [--full 1000] [--seed N]
"""

from __future__ import annotations

import argparse
import random
import sys

from tests.fuzz.harness import Harness, corpus


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--full", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 32)
    print(f"fuzz seed {seed} (repeat with --seed {seed})", flush=True)
    harness = Harness()
    try:
        loading = corpus(harness, seed, args.inputs, full=False,
                         progress=lambda t: print("  … " + t.summary("loading, schema and model"), flush=True))
        print(loading.summary("loading, schema and model"), flush=True)
        checked = corpus(harness, seed + 1, args.full, full=True, every=100,
                         progress=lambda t: print("  … " + t.summary("full check"), flush=True))
        print(checked.summary("full check"), flush=True)
    finally:
        harness.close()
    for tally in (loading, checked):
        for problem in [*tally.internal_errors, *tally.hangs, *tally.locationless][:20]:
            print(problem, file=sys.stderr)
    return 0 if loading.clean and checked.clean else 1


if __name__ == "__main__":
    sys.exit(main())
