"""Benchmark and confusion table of `audit` on synthetic exports with planted violations.

    python -m bench.audit                 # 2 000 trips, decisions and invoices each
    python -m bench.audit --size 10000

Generates the exports (generators.audit.synthetic) for the example's policies, runs the audit in
this process and prints, per code, the planted violations found (true positives), the violations
reported that were not planted (false positives) and the planted ones missed (false negatives), then
the wall time and this process's peak memory. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

from generators.audit.run import AuditInputs, load_model, run_audit
from generators.audit.synthetic import generate
from generators.decide.engine import Decider
from generators.decide.sources import tables_of_model

REPO = Path(__file__).resolve().parent.parent
POLICIES = REPO / "policies"
AS_OF = date(2026, 12, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=2000, help="rows of each export (trips, decisions, invoices)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    model = load_model(POLICIES)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        planted = set(generate(model, Decider(tables_of_model(model, AS_OF)), out, args.size, args.size, args.size, args.seed).rows)
        started = time.perf_counter()
        result = run_audit(AuditInputs(POLICIES, out / "users.csv", out / "trips.csv", out / "decisions.csv", (out / "reskontra.csv",),
                                       out / "attestlogg.csv", out / "intressen.csv"), AS_OF)
        seconds = time.perf_counter() - started
    found = {(f.code, f.transaction, f.id) for f in result.findings if f.severity == "violation"}
    codes = sorted({c for c, _, _ in planted | found})
    print(f"{'kod':<7}{'planterade':>11}{'funna (TP)':>12}{'falska (FP)':>13}{'missade (FN)':>14}")
    for code in codes:
        truth = {p for p in planted if p[0] == code}
        mine = {f for f in found if f[0] == code}
        print(f"{code:<7}{len(truth):>11}{len(truth & mine):>12}{len(mine - truth):>13}{len(truth - mine):>14}")
    signals = Counter(f.code for f in result.findings if f.severity != "violation")
    print(f"signaler (hålls isär): {dict(sorted(signals.items()))}; inläsningsproblem: {len(result.problems)}")
    rows = len(result.trips) + len(result.decisions) + len(result.invoices)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{rows} transaktioner granskade på {seconds:.1f} s ({rows / seconds:.0f} per sekund), toppminne {peak:.0f} MB")


if __name__ == "__main__":
    main()
