"""The benchmark (`make bench`): the whole pipeline on the example and on synthetic cities, in one table.

    python -m bench            # example + 1 000, 10 000 and 50 000 delegation rows, medians of several runs
    python -m bench --quick    # example + 1 000 and 10 000 rows, one run each
    python -m bench --sizes 10000 --runs 5

For every tree (the synthetic ones come from `generators.synth`: 20 bodies × 50 / 500 / 2 500 matters)
each figure is the median over the runs, every run a new process, and the peak memory that process's
maximum resident set (os.wait4). Measured side by side in the same run:

- `check`: `python -m generators check` (strict loading, schemas, every rule);
- JSON rules: load, model and render the published JSON (`bench.tasks rules`; no checks);
- the main job: `python -m generators build` (check, JSON rules, the mkdocs site, HTML scan);
- peers doing less: `check-jsonschema` validating the same YAML files against the same schemas (one
  call per schema, `--base-uri` so the relative `$ref` to common.schema.json resolves locally), and a
  bare `mkdocs build` of the same generated pages (exported once by `bench.tasks pages`);
- `check` with its cache (bench/check_cache.py): repeated on the unchanged tree, and after editing
  one delegation file (the cold `check` row runs with `--no-cache`);
- a reference build of the same exported pages by Zensical in its own environment (bench/zensical.py),
  or why there is none;
- the OPA bundle's mixed questions per second in regopy against `decide` in-process (bench/opa.py);
- `decide`: delegation questions per second in this process, after loading the published JSON rules
  (`generators.decide.from_rules` on the build's rules/), a batch of random (matter, amount, day);
  and the wall time of `--help` and of a one-shot `decide` on the command line;
- `audit` (internkontroll, `bench.audit --region`): 50 000 trips, 20 000 delegation decisions and
  1 000 000 and 2 000 000 invoice lines against the 10 000-row region, one run each (generating the
  exports takes longer than auditing them and is not timed); not with `--quick` or `--no-audit`.

and, after the trees, the test suite (`suite_times`): the lint and `python -m pytest` that `make test`
runs, and the rule cases alone, each timed as a whole, with the suite's slowest tests (`--no-suite`
leaves it out).

Prints figures; asserts nothing (speed is measured here, never in unit tests).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-23"
SIZES = {1000: 50, 10000: 500, 50000: 2500}  # delegation rows → matters per body (20 bodies)
BODIES = 20
SCHEMA_OF = (  # (schema, files) as the loader's discovery claims them
    ("organisation.schema.json", ("organisation*.yaml",)),
    ("delegation.schema.json", ("delegation/*.yaml",)),
    ("reference.schema.json", ("reference/*.yaml",)),
    ("travel.schema.json", ("travel*.yaml",)),
    ("whistleblowing.schema.json", ("whistleblowing*.yaml",)),
    ("procurement.schema.json", ("procurement*.yaml",)),
    ("personal-data-allowlist.schema.json", ("personal-data-allowlist.yaml",)),
)


@dataclass
class Measured:
    seconds: list[float] = field(default_factory=list)
    megabytes: list[float] = field(default_factory=list)

    def add(self, seconds: float, megabytes: float) -> None:
        self.seconds.append(seconds)
        self.megabytes.append(megabytes)

    @property
    def time(self) -> float:
        return statistics.median(self.seconds) if self.seconds else float("nan")

    @property
    def memory(self) -> float:
        return max(self.megabytes) if self.megabytes else float("nan")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    # Compiled modules are cached as on a developer's machine (a session may turn that off, and a
    # cached `check`, which does little else, would then be timed compiling the package).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(REPO) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def run(argv: list[str], ok: tuple[int, ...] = (0,), env_extra: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak resident megabytes of one child process (measured by `bench.tasks measure`)."""
    with tempfile.TemporaryDirectory() as temporary:
        result = Path(temporary) / "result.json"
        launcher = [sys.executable, "-m", "bench.tasks", "measure", str(result), "--", *argv]
        done = subprocess.run(launcher, cwd=REPO, env={**_env(), **(env_extra or {})}, capture_output=True, check=False)
        figures = json.loads(result.read_text(encoding="utf-8")) if result.exists() else {"returncode": done.returncode}
    if figures["returncode"] not in ok:
        tail = (done.stdout + done.stderr).decode("utf-8", "replace")[-3000:]
        raise RuntimeError(f"{' '.join(argv)} gav slutkod {figures['returncode']}:\n{tail}")
    return figures["seconds"], figures["maxrss_kb"] / 1024  # ru_maxrss is in kilobytes on Linux


def check_jsonschema(policies: Path) -> tuple[float, float]:
    """All files against their schemas: one check-jsonschema call per schema (as a pre-commit hook would)."""
    executable = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent)) or shutil.which("check-jsonschema")
    if executable is None:
        raise RuntimeError("check-jsonschema saknas (det finns i requirements.lock)")
    total, peak = 0.0, 0.0
    for schema, patterns in SCHEMA_OF:
        files = sorted({str(p) for pattern in patterns for p in policies.glob(pattern)})
        if not files:
            continue
        schema_path = REPO / "schemas" / schema
        seconds, megabytes = run([executable, "--schemafile", str(schema_path), "--base-uri", schema_path.as_uri(), *files])
        total += seconds
        peak = max(peak, megabytes)
    return total, peak


def decide_rate(rules: Path, questions: int) -> tuple[float, int]:
    """Delegation questions per second in-process after loading the published JSON, and how many matters."""
    sys.path.insert(0, str(REPO))
    from generators.decide import from_rules

    decider = from_rules(rules)
    table = json.loads((rules / "delegation.json").read_text(encoding="utf-8"))["decision_table"]
    matters = sorted({row["matter_id"] for row in table})
    rng = random.Random(1)
    days = [f"2026-{m:02d}-{d:02d}" for m in range(1, 13) for d in (1, 15, 28)]
    batch = [(rng.choice(matters), rng.choice((0, rng.randrange(1, 12_000_000))), rng.choice(days)) for _ in range(questions)]
    delegate = decider.delegate
    best = 0.0
    for _ in range(3):  # best of three passes over the same batch: the machine is shared
        start = time.perf_counter()
        for matter, amount, day in batch:
            delegate(matter, amount, day)
        best = max(best, questions / (time.perf_counter() - start))
    return best, len(matters)


SUITE_TARGET = 300.0  # `make test`, seconds (issue 17)
RULE_CASES_TARGET = 30.0  # the rule cases alone, seconds


def suite_times(python: str) -> list[str]:
    """What `make test` costs here: its lint and the README's test command (`bench.tasks suite`), and
    the rule cases alone; lines of a table, the suite's slowest tests after it."""
    binaries = Path(python).parent
    lint = 0.0
    for command in ([str(binaries / "ruff"), "check", "generators", "tests", "bench"], [python, "-m", "mypy"], [str(binaries / "lint-imports")]):
        lint += run(command)[0]
    figures = {}
    for name, paths, shown in (("suite", [], "hela sviten"), ("rule_cases", ["tests/test_rule_cases.py"], "regelfallen")):
        print(f"Testsviten: {shown} …", file=sys.stderr)
        with tempfile.TemporaryDirectory() as temporary:
            result = Path(temporary) / "suite.json"
            subprocess.run([python, "-m", "bench.tasks", "suite", str(result), *paths], cwd=REPO, env=_env(), check=False)
            figures[name] = json.loads(result.read_text(encoding="utf-8"))

    def outcome(figure: dict[str, object]) -> str:
        return str(figure["summary"]) if figure["returncode"] == 0 else f"MISSLYCKADES: {figure['summary'] or figure['tail']}"

    def verdict(seconds: float, target: float) -> str:
        return "uppfyllt" if seconds <= target else "inte uppfyllt"

    whole = lint + float(figures["suite"]["seconds"])
    cases = float(figures["rule_cases"]["seconds"])
    lines = [
        "| Testsviten | tid | mål |",
        "|---|---|---|",
        f"| Lint (ruff, mypy, import-linter) | {_fmt(lint, 's')} | |",
        f"| `python -m pytest` ({outcome(figures['suite'])}) | {_fmt(float(figures['suite']['seconds']), 's')} | |",
        (f"| `make test` (lint + `python -m pytest`) | {_fmt(whole, 's')} ({whole / 60:.1f} min) "
        f"| ≤ {SUITE_TARGET / 60:.0f} min: {verdict(whole, SUITE_TARGET)} |"),
        (f"| Regelfallen, `python -m pytest tests/test_rule_cases.py` ({outcome(figures['rule_cases'])}) | {_fmt(cases, 's')} "
        f"| ≤ {RULE_CASES_TARGET:.0f} s: {verdict(cases, RULE_CASES_TARGET)} |"),
        "",
        "De långsammaste testen i `python -m pytest`:",
        *(f"    {entry}" for entry in figures["suite"]["slowest"]),  # type: ignore[attr-defined]
    ]
    return lines


def cached_check_rows(figures: dict[str, object], policies: Path, cache: Path, runs: int) -> None:
    """`check` with its cache: repeated on an unchanged tree, and after editing one delegation file."""
    from bench.check_cache import measure

    shutil.rmtree(cache, ignore_errors=True)
    command = [sys.executable, "-m", "generators", "check", "--policies", str(policies), "--today", TODAY]
    repeated, edited = measure(run, command, cache, runs)
    figures["check_repeat"], figures["check_edit"] = Measured(), Measured()
    for seconds, megabytes in repeated:
        figures["check_repeat"].add(seconds, megabytes)  # type: ignore[attr-defined]
    for seconds, megabytes in edited:
        figures["check_edit"].add(seconds, megabytes)  # type: ignore[attr-defined]
    shutil.rmtree(cache, ignore_errors=True)


def opa_row(figures: dict[str, object], rules: Path) -> None:
    """The OPA bundle's questions per second in regopy against `decide` in-process (bench/opa.py)."""
    from bench.opa import rates

    sys.path.insert(0, str(REPO))
    figures["opa_compile"], figures["opa"], figures["opa_decide"] = rates(rules)


_ZENSICAL: list[tuple[Path | None, str]] = []


def zensical_row(figures: dict[str, object], project: Path) -> None:
    """One Zensical build of the exported pages (bench/zensical.py), or why there is none."""
    from bench.zensical import build_command, executable

    if not _ZENSICAL:
        _ZENSICAL.append(executable())
    command, why = _ZENSICAL[0]
    if command is None:
        figures["zensical_why"] = why
        return
    try:
        figures["zensical"].add(*run(build_command(command, project)))  # type: ignore[union-attr]
    except RuntimeError as error:
        figures["zensical_why"] = f"Zensical kunde inte bygga sidorna: {str(error).splitlines()[-1][:300]}"


def machine() -> str:
    cpu = platform.processor() or "okänd processor"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f", {int(line.split()[1]) / 1024 / 1024:.0f} GB RAM"
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} kärnor{memory}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def _fmt(value: float, unit: str) -> str:
    if math.isnan(value):
        return "–"
    if unit == "s":
        return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "x":
        return f"{value:.2f}×"
    if unit == "ms":
        return f"{value * 1000:.0f} ms"
    if unit == "q":
        return f"{value:,.0f}".replace(",", " ") + "/s"
    return str(value)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description="Mät hela kedjan på exemplet och på syntetiska städer.")
    parser.add_argument("--quick", action="store_true", help="exemplet, 1 000 och 10 000 rader, en körning var")
    parser.add_argument("--sizes", type=int, nargs="*", help="antal delegationsrader (1000, 10000, 50000)")
    parser.add_argument("--runs", type=int, help="körningar per mätning (standard 5 för exemplet, 3 för de syntetiska)")
    parser.add_argument("--questions", type=int, default=500_000, help="frågor i decide-mätningen")
    parser.add_argument("--keep", type=Path, help="spara de genererade träden här i stället för i en tillfällig mapp")
    parser.add_argument("--no-audit", action="store_true", help="hoppa över internkontrollen (audit) mot regionen")
    parser.add_argument("--audit-lines", type=int, nargs="*", default=[1_000_000, 2_000_000], help="fakturarader i audit-mätningen")
    parser.add_argument("--budget", type=float, default=20.0, metavar="MIN",
                        help="tidsbudget i minuter: färre körningar av ett träd när alla inte hinns med (standard 20)")
    parser.add_argument("--no-suite", action="store_true", help="mät inte testsviten (lint, `python -m pytest`, regelfallen)")
    args = parser.parse_args()
    sizes = args.sizes if args.sizes is not None else ([1000, 10000] if args.quick else [1000, 10000, 50000])
    python = sys.executable
    work = args.keep or Path(tempfile.mkdtemp(prefix="styrdokument-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    trees: list[tuple[str, Path, int]] = [("Exemplet", REPO / "policies", 5)]
    started = time.perf_counter()
    try:
        from generators.synth import generate

        for rows in sizes:
            if rows not in SIZES:
                parser.error(f"okänd storlek {rows}; välj bland {', '.join(map(str, SIZES))}")
            target = work / f"stad-{rows}"
            if not target.exists():
                t0 = time.perf_counter()
                generate(target, BODIES, SIZES[rows], seed=1)
                print(f"Genererade {rows} delegationsrader ({BODIES} organ × {SIZES[rows]} ärenden) på {time.perf_counter() - t0:.1f} s.", file=sys.stderr)
            trees.append((f"{rows} rader", target, 3))
        results: dict[str, dict[str, object]] = {}
        for position, (label, policies, default_runs) in enumerate(trees):
            runs = 1 if args.quick else (args.runs or default_runs)
            tree_started = time.perf_counter()
            figures: dict[str, object] = {k: Measured() for k in ("check", "json", "build", "peer", "mkdocs", "oneshot", "zensical")}
            project = work / f"mkdocs-{label.split()[0].lower()}"
            shutil.rmtree(project, ignore_errors=True)
            run([python, "-m", "bench.tasks", "pages", str(policies), str(project)])
            rules_dir = work / f"rules-{label.split()[0].lower()}"
            index = 0
            while index < runs:
                print(f"{label}: körning {index + 1} av {runs} …", file=sys.stderr)
                figures["check"].add(*run([python, "-m", "generators", "check", "--no-cache", "--policies", str(policies), "--today", TODAY], ok=(0,)))  # type: ignore[union-attr]
                json_out = work / "json-out"
                shutil.rmtree(json_out, ignore_errors=True)
                figures["json"].add(*run([python, "-m", "bench.tasks", "rules", str(policies), str(json_out)]))  # type: ignore[union-attr]
                build_out = work / "build-out"
                shutil.rmtree(build_out, ignore_errors=True)
                figures["build"].add(*run([python, "-m", "generators", "build", "--policies", str(policies), "--out", str(build_out), "--today", TODAY]))  # type: ignore[union-attr]
                if index == 0:
                    shutil.rmtree(rules_dir, ignore_errors=True)
                    shutil.copytree(build_out / "site" / "rules" / "v1", rules_dir)  # the published rules/v1/
                figures["peer"].add(*check_jsonschema(policies))  # type: ignore[union-attr]
                bare_out = work / "bare-out"
                shutil.rmtree(bare_out, ignore_errors=True)
                figures["mkdocs"].add(*run([python, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(bare_out)]))  # type: ignore[union-attr]
                zensical_row(figures, project)
                matter = json.loads((rules_dir / "delegation.json").read_text(encoding="utf-8"))["decision_table"][0]["matter_id"]
                figures["oneshot"].add(*run([python, "-m", "generators", "decide", "delegation", "--matter", matter, "--amount", "30000",  # type: ignore[union-attr]
                                             "--date", TODAY, "--rules", str(rules_dir)], ok=(0, 1)))
                index += 1
                per_run = time.perf_counter() - tree_started
                if index == 1 and runs > 1 and per_run > 30:
                    # Fewer runs when the budget cannot hold them, leaving room for one run of each larger
                    # tree still to come (five times the rows take about three times as long, since much of
                    # a run is fixed cost); small trees always get theirs.
                    later = sum(3 ** (n + 1) for n in range(len(trees) - position - 1)) * per_run
                    left = args.budget * 60 - (time.perf_counter() - started) - later
                    runs = max(1, min(runs, 1 + int(left // per_run)))
            figures["runs"] = runs
            figures["decide"], figures["matters"] = decide_rate(rules_dir, args.questions)
            cached_check_rows(figures, policies, work / f"cache-{label.split()[0].lower()}", runs)
            opa_row(figures, rules_dir)
            results[label] = figures
        help_time = statistics.median(run([python, "-m", "generators", "--help"])[0] for _ in range(5))
        audit = [] if args.quick or args.no_audit else audit_region(work / "audit", args.audit_lines)
        suite = [] if args.no_suite else suite_times(python)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print_table(results, help_time, time.perf_counter() - started)
    print_audit(audit)
    if suite:
        print()
        print("\n".join(suite))
    return 0


def audit_region(work: Path, lines: list[int]) -> list[dict[str, object]]:
    from bench.audit import region

    return region(lines, work)


def print_audit(figures: list[dict[str, object]]) -> None:
    """The audit's rows: time and peak per invoice count (target ≤ 30 s, ≤ 1 500 MB) and the growth (≤ 2,2×)."""
    if not figures:
        return
    print()
    print("| Internkontroll (`audit`) mot regionen, 50 000 resor, 20 000 beslut | tid (mål ≤ 30 s) | minnestopp (mål ≤ 1 500 MB) |")
    print("|---|---|---|")
    for item in figures:
        print(f"| {int(item['lines']):,} fakturarader | {_fmt(float(item['seconds']), 's')} | {_fmt(float(item['megabytes']), 'MB')} |"  # type: ignore[call-overload, arg-type]
              .replace(",", " "))
    if len(figures) > 1:
        growth = float(figures[-1]["seconds"]) / float(figures[0]["seconds"])  # type: ignore[arg-type]
        print(f"| Tillväxt {int(figures[-1]['lines']) // int(figures[0]['lines'])}× raderna (mål ≤ 2,2×) | {_fmt(growth, 'x')} | |")  # type: ignore[call-overload]


def print_table(results: dict[str, dict[str, object]], help_time: float, total: float) -> None:
    labels = list(results)
    big, mid = "50000 rader", "10000 rader"
    scale = big in results and mid in results
    header = ["Mätning", *labels] + (["50 000 / 10 000"] if scale else [])
    rows: list[list[str]] = []

    def line(name: str, key: str, attribute: str, unit: str) -> None:
        values = [getattr(results[label][key], attribute) for label in labels]
        cells = [_fmt(v, unit) for v in values]
        if scale:
            cells.append(_fmt(getattr(results[big][key], attribute) / getattr(results[mid][key], attribute), "x"))
        rows.append([name, *cells])

    def ratio(name: str, ours: str, peer: str) -> None:
        cells = [_fmt(results[label][ours].time / results[label][peer].time, "x") for label in labels]  # type: ignore[union-attr]
        rows.append([name, *cells] + ([""] if scale else []))

    line("`check`, tid", "check", "time", "s")
    line("`check`, minnestopp", "check", "memory", "MB")
    line("JSON-regler (inläsning, modell, JSON), tid", "json", "time", "s")
    line("JSON-regler, minnestopp", "json", "memory", "MB")
    line("Huvudjobbet `build` (check + JSON + webbplats), tid", "build", "time", "s")
    line("Huvudjobbet, minnestopp", "build", "memory", "MB")
    line("Jämförelse: check-jsonschema (bara schema), tid", "peer", "time", "s")
    line("Jämförelse: check-jsonschema, minnestopp", "peer", "memory", "MB")
    ratio("Kvot `check` / check-jsonschema (mål ≤ 0,12)", "check", "peer")
    line("`check` igen, oförändrat träd (cachen), tid (mål ≤ 0,5 s vid 10 000)", "check_repeat", "time", "s")
    line("`check` efter ändring i en delegationsfil, tid (mål ≤ 1 s vid 10 000)", "check_edit", "time", "s")
    line("`check` efter ändring i en delegationsfil, minnestopp", "check_edit", "memory", "MB")
    line("Jämförelse: bar `mkdocs build` av samma sidor, tid", "mkdocs", "time", "s")
    line("Jämförelse: bar `mkdocs build`, minnestopp", "mkdocs", "memory", "MB")
    ratio("Kvot huvudjobbet / bar mkdocs (mål ≤ 1,6 vid 10 000, ≤ 1,8 vid 50 000)", "build", "mkdocs")
    rows.append(["Kvot minnestopp huvudjobbet / bar mkdocs (mål ≤ 2 vid 50 000)",
                 *[_fmt(results[label]["build"].memory / results[label]["mkdocs"].memory, "x") for label in labels]]  # type: ignore[union-attr]
                + ([""] if scale else []))
    zensical_why = next((str(results[label]["zensical_why"]) for label in labels if "zensical_why" in results[label]), None)
    if zensical_why is None:
        line("Referens: Zensical bygger samma sidor, tid", "zensical", "time", "s")
        line("Referens: Zensical, minnestopp", "zensical", "memory", "MB")
    else:
        rows.append([f"Referens: Zensical bygger samma sidor – ingen siffra: {zensical_why}", *[""] * (len(header) - 1)])
    rows.append(["`decide`, delegationsfrågor per sekund i processen (mål ≥ 500 000)",
                 *[_fmt(float(results[label]["decide"]), "q") for label in labels]]  # type: ignore[arg-type]
                + ([_fmt(float(results[big]["decide"]) / float(results[mid]["decide"]), "x")] if scale else []))  # type: ignore[arg-type]
    line("`decide` en fråga från kommandoraden, tid (mål ≤ 150 ms)", "oneshot", "time", "ms")
    for name, key in (("OPA-paketet i regopy, blandade frågor per sekund", "opa"), ("`decide` i processen, samma frågor per sekund", "opa_decide")):
        rows.append([name, *[_fmt(float(results[label][key]), "q") for label in labels]]  # type: ignore[arg-type]
                    + ([_fmt(float(results[big][key]) / float(results[mid][key]), "x")] if scale else []))  # type: ignore[arg-type]
    rows.append(["OPA-paketet i regopy: läsa in och kompilera, tid", *[_fmt(float(results[label]["opa_compile"]), "s") for label in labels]]  # type: ignore[arg-type]
                + ([_fmt(float(results[big]["opa_compile"]) / float(results[mid]["opa_compile"]), "x")] if scale else []))  # type: ignore[arg-type]
    rows.append(["`python -m generators --help`, tid (mål ≤ 150 ms)", _fmt(help_time, "ms"), *[""] * (len(header) - 2)])
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    print()
    print(f"Maskin: {machine()}")
    counts = ", ".join(f"{label}: {results[label]['runs']}" for label in labels)
    print(f"Medianer av flera körningar ({counts}), varje körning en ny process; minnestopp = största residenta minne "
          f"(max över körningarna). Hela mätningen tog {total / 60:.1f} min.")
    print()
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=False)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) + " |")


if __name__ == "__main__":
    raise SystemExit(main())
