"""Benchmark and confusion table of `audit` on synthetic exports with planted violations.

    python -m bench.audit                 # 2 000 trips, decisions and invoices each, against policies/
    python -m bench.audit --size 10000
    python -m bench.audit --region        # the issue's target: the 10 000-row region, 1 000 000 and 2 000 000 lines

Generates the exports (generators.audit.synthetic) and prints, per code, the planted violations found
(true positives), the violations reported that were not planted (false positives) and the planted
ones missed (false negatives), then the wall time and peak memory.

Without `--region` the audit runs in this process against the example's policies. With it the policies
are a synthetic region (`generators.synth`: 20 bodies × 500 matters, the 10 000-row tree of `make
bench`), the exports 50 000 trips, 20 000 delegation decisions and each `--lines` count of invoice
lines with their attest log, and the audit runs in a child process of its own (`bench.tasks audit`,
measured by `bench.tasks measure`), so the figures are the audit's alone: generating the exports is
not timed. The growth figure is the largest count's time over the smallest's (target ≤ 2.2 for 2× the
lines). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

from generators.audit.run import AuditInputs, AuditResult, load_model, run_audit
from generators.audit.synthetic import city_subjects, generate
from generators.decide.engine import Decider
from generators.decide.sources import tables_of_model

REPO = Path(__file__).resolve().parent.parent
POLICIES = REPO / "policies"
AS_OF = date(2026, 12, 1)
REGION = (20, 500)  # bodies, matters per body: the 10 000 delegation rows of `make bench`
TRIPS, DECISIONS = 50_000, 20_000


def inputs(policies: Path, exports: Path) -> AuditInputs:
    return AuditInputs(policies, exports / "users.csv", exports / "trips.csv", exports / "decisions.csv", (exports / "reskontra.csv",),
                       exports / "attestlogg.csv", exports / "intressen.csv", ledger=exports / "huvudbok.csv")


def confusion(result: AuditResult, exports: Path) -> dict[str, object]:
    """Per code: planted, found, false, missed (violations); signals and input problems counted apart."""
    truth = {(r[0], r[1], r[2]) for r in (line.split(",") for line in (exports / "ground-truth.csv").read_text(encoding="utf-8").splitlines()[1:])}
    planted = {t for t in truth if t[1] not in ("ledger",) and t[0] != "exempt"}
    found = {(f.code, f.transaction, f.id) for f in result.findings if f.severity == "violation"}
    codes = sorted({c for c, _, _ in planted | found})
    rows = {code: [len(t := {p for p in planted if p[0] == code}), len(t & (m := {f for f in found if f[0] == code})), len(m - t), len(t - m)]
            for code in codes}
    gaps_planted = sorted(c for c, kind, _ in truth if kind == "ledger")
    gaps_found = sorted(p.code for p in result.problems if p.code in ("AU110", "AU111", "AU112"))
    exempt = {i for c, _, i in truth if c == "exempt"}
    return {"codes": rows, "signals": dict(sorted(Counter(f.code for f in result.findings if f.severity != "violation").items())),
            "problems": len(result.problems), "ledger_gaps": [gaps_planted, gaps_found],
            "exempt_flagged": sum(1 for f in result.findings if f.id in exempt),
            "rows": len(result.trips) + len(result.decisions) + len(result.invoices)}


def print_confusion(figures: dict[str, object]) -> None:
    print(f"{'kod':<7}{'planterade':>11}{'funna (TP)':>12}{'falska (FP)':>13}{'missade (FN)':>14}")
    codes = figures["codes"]
    assert isinstance(codes, dict)
    for code, (planted, tp, fp, fn) in codes.items():
        print(f"{code:<7}{planted:>11}{tp:>12}{fp:>13}{fn:>14}")
    print(f"signaler (hålls isär): {figures['signals']}; inläsningsproblem: {figures['problems']}; "
          f"huvudboksluckor planterade/funna: {figures['ledger_gaps']}; undantagna betalningar flaggade: {figures['exempt_flagged']}")


def region_tree(work: Path) -> Path:
    from generators.synth import generate as synth

    policies = work / "region"
    if not policies.exists():
        synth(policies, *REGION, seed=1)
    return policies


def region_exports(policies: Path, out: Path, lines: int, trips: int = TRIPS, decisions: int = DECISIONS, seed: int = 1) -> None:
    model = load_model(policies)
    decider = Decider(tables_of_model(model, AS_OF))
    generate(model, decider, out, trips, decisions, lines, seed, city_subjects(model, decider))


def measure_region(work: Path, lines: int, trips: int = TRIPS, decisions: int = DECISIONS) -> dict[str, object]:
    """Exports of `lines` invoice lines against the region, then the audit measured in a child process."""
    policies = region_tree(work)
    exports = work / f"exports-{lines}-{trips}-{decisions}"
    if not (exports / "ground-truth.csv").exists():
        started = time.perf_counter()
        region_exports(policies, exports, lines, trips, decisions)
        print(f"Genererade exporter med {lines} fakturarader på {time.perf_counter() - started:.0f} s.", file=sys.stderr)
    result = work / f"measure-{lines}.json"
    subprocess.run([sys.executable, "-m", "bench.tasks", "measure", str(result), "--", sys.executable, "-m", "bench.tasks", "audit",
                    str(policies), str(exports)], cwd=REPO, check=True)
    measured = json.loads(result.read_text(encoding="utf-8"))
    figures = json.loads((exports / "confusion.json").read_text(encoding="utf-8"))
    return {**figures, "seconds": measured["seconds"], "cpu_seconds": measured["cpu_seconds"], "megabytes": measured["maxrss_kb"] / 1024, "lines": lines}


def region(lines: list[int], keep: Path | None, trips: int = TRIPS, decisions: int = DECISIONS) -> list[dict[str, object]]:
    work = keep or Path(tempfile.mkdtemp(prefix="styrdokument-audit-"))
    work.mkdir(parents=True, exist_ok=True)
    found = []
    try:
        for count in lines:
            figures = measure_region(work, count, trips, decisions)
            print(f"\n{count} fakturarader, {trips} resor, {decisions} beslut mot regionen ({REGION[0]} organ × {REGION[1]} ärenden):")
            print_confusion(figures)
            print(f"{figures['rows']} transaktioner granskade på {figures['seconds']:.1f} s (CPU {figures['cpu_seconds']:.1f} s), toppminne {figures['megabytes']:.0f} MB")
            found.append(figures)
    finally:
        if keep is None:
            import shutil

            shutil.rmtree(work, ignore_errors=True)
    if len(found) > 1:
        first, last = found[0], found[-1]
        print(f"Tillväxt: {last['lines']} / {first['lines']} rader tar {float(last['seconds']) / float(first['seconds']):.2f}× tiden "  # type: ignore[arg-type]
              "(mål ≤ 2,2 för dubbla antalet)")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=2000, help="rows of each export (trips, decisions, invoices)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--region", action="store_true", help="the 10 000-row region with 50 000 trips, 20 000 decisions and --lines invoice lines")
    parser.add_argument("--lines", type=int, nargs="*", default=[1_000_000, 2_000_000], help="invoice lines with --region")
    parser.add_argument("--trips", type=int, default=TRIPS, help="trips with --region")
    parser.add_argument("--decisions", type=int, default=DECISIONS, help="delegation decisions with --region")
    parser.add_argument("--keep", type=Path, help="with --region: keep the tree and the exports here")
    args = parser.parse_args()
    if args.region:
        region(args.lines, args.keep, args.trips, args.decisions)
        return
    model = load_model(POLICIES)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        generate(model, Decider(tables_of_model(model, AS_OF)), out, args.size, args.size, args.size, args.seed)
        started = time.perf_counter()
        result = run_audit(inputs(POLICIES, out), AS_OF)
        seconds = time.perf_counter() - started
        figures = confusion(result, out)
    print_confusion(figures)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = int(figures["rows"])  # type: ignore[call-overload]
    print(f"{rows} transaktioner granskade på {seconds:.1f} s ({rows / seconds:.0f} per sekund), toppminne {peak:.0f} MB")


if __name__ == "__main__":
    main()
