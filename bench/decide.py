"""Benchmark for `decide`: prints figures, asserts nothing (speed is measured here, never in unit tests).

    python -m bench.decide [--rules build/site/rules] [--questions 1000000]

Without --rules the JSON rules are rendered from policies/ into a temporary folder first.
Figures: delegation questions per second in-process after loading decisions.json (the fast path,
full answers without explanation, answers with explanation), and the wall time of `--help` and of
a one-shot `decide` on the command line (median of several runs, each a new Python process).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _render(target: Path) -> None:
    from generators.clock import build_date
    from generators.loading.documents import load_policies
    from generators.model import build_model
    from generators.outputs.rules import render_rules
    from generators.paths import DEFAULT_POLICIES, REPO_ROOT

    model = build_model(load_policies(DEFAULT_POLICIES))
    for relative, data in render_rules(model, build_date(REPO_ROOT), None).items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _questions(decider: object, count: int) -> list[tuple[str, float, str]]:
    """A mix over every published matter, amounts across the tiers, dates across the periods."""
    matters = sorted(decider._matters)  # type: ignore[attr-defined]
    amounts = [0, 5_000, 30_000, 60_000, 100_000, 250_000, 700_000, 1_500_000, 5_500_000, 12_000_000]
    days = ["2026-02-01", "2026-06-30", "2026-11-23", "2026-12-31", "2027-01-01", "2027-06-15"]
    base: list[tuple[str, float, str]] = [(m, a, d) for m in matters for a in amounts for d in days]
    return (base * (count // len(base) + 1))[:count]


def _rate(label: str, count: int, seconds: float) -> None:
    rate = f"{count / seconds:,.0f}".replace(",", " ")
    each = f"{seconds * 1e9 / count:,.0f}".replace(",", " ")
    print(f"{label:<58} {rate:>12} frågor/s  ({each} ns/fråga)")


def _wall(argv: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", type=Path, help="mapp med publicerade JSON-regler (decisions.json)")
    parser.add_argument("--questions", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=11, help="körningar per kommandoradsmätning")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        rules = args.rules
        if rules is None:
            rules = Path(temporary)
            _render(rules)
        from generators.decide import from_rules

        start = time.perf_counter()
        decider = from_rules(rules)
        print(f"{'Läsa in decisions.json och indexera':<58} {(time.perf_counter() - start) * 1000:>9.1f} ms")
        questions = _questions(decider, args.questions)
        delegate = decider.delegate
        start = time.perf_counter()
        for matter, amount, day in questions:
            delegate(matter, amount, day)
        _rate("Delegation, snabbväg (Decider.delegate)", len(questions), time.perf_counter() - start)
        some = questions[: max(1, len(questions) // 5)]
        delegation = decider.delegation
        start = time.perf_counter()
        for matter, amount, day in some:
            delegation(matter, amount, day)
        _rate("Delegation, svar utan förklaring (Decider.delegation)", len(some), time.perf_counter() - start)
        few = questions[: max(1, len(questions) // 100)]
        start = time.perf_counter()
        for matter, amount, day in few:
            delegation(matter, amount, day).to_json()
        _rate("Delegation, svar med förklaring (to_json)", len(few), time.perf_counter() - start)

        python = sys.executable
        help_time = _wall([python, "-m", "generators", "--help"], args.runs)
        one_shot = _wall([python, "-m", "generators", "decide", "delegation", "--matter", "soc-ekonomi-avskrivning-fordringar",
                          "--amount", "30000", "--date", "2026-11-23", "--rules", str(rules)], args.runs)
        print(f"{'python -m generators --help (median)':<58} {help_time * 1000:>9.1f} ms")
        print(f"{'python -m generators decide delegation --rules … (median)':<58} {one_shot * 1000:>9.1f} ms")
        print(f"{'Summa --help + en fråga':<58} {(help_time + one_shot) * 1000:>9.1f} ms")


if __name__ == "__main__":
    main()
