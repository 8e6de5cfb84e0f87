"""Work the benchmark runs in a child process of its own (so wall time and peak memory are that work's).

    python -m bench.tasks measure RESULT -- CMD…  # run CMD; write its wall time and peak memory to RESULT
    python -m bench.tasks rules POLICIES OUT      # load, model, JSON rules written to OUT (no checks)
    python -m bench.tasks pages POLICIES PROJECT  # the site's generated pages as a plain mkdocs project
    python -m bench.tasks audit POLICIES EXPORTS  # the audit of bench.audit's exports; the confusion table to EXPORTS/confusion.json
    python -m bench.tasks suite RESULT [PATH…]    # the test suite (or PATHs of it): wall time, outcome, slowest tests

`pages` writes what the site hook generates (the Markdown pages, the JSON rules, the navigation)
together with the hand-written pages under site/ into PROJECT/docs, and PROJECT/mkdocs.yml: the
repository's mkdocs.yml without the hook. `mkdocs build -f PROJECT/mkdocs.yml` is then a bare mkdocs
build of the very pages `python -m generators build` publishes.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path


def rules(policies: Path, out: Path) -> None:
    from generators.clock import build_date, source_commit
    from generators.loading.documents import load_policies
    from generators.model import build_model
    from generators.outputs.rules import render_rules
    from generators.paths import REPO_ROOT

    model = build_model(load_policies(policies))
    for relative, data in render_rules(model, build_date(REPO_ROOT), source_commit(REPO_ROOT)).items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def pages(policies: Path, project: Path) -> None:
    import yaml
    from mkdocs.config import load_config

    from generators.outputs.site import generate
    from generators.outputs.site.build import CONFIG_FILE
    from generators.paths import REPO_ROOT

    os.environ[generate.POLICIES_ENV] = str(policies.resolve())
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    docs = project / "docs"
    config = load_config(str(CONFIG_FILE), site_dir=str(project / "_unused"), strict=True)
    generate.prepare(config)
    shutil.copytree(REPO_ROOT / "site", docs, dirs_exist_ok=True)
    for page in generate.STATE.pages:
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        content = page.content
        if isinstance(content, str):
            target.write_text(content, encoding="utf-8")
        else:
            target.write_bytes(content)
    for relative, data in generate.STATE.rules.items():
        target = docs / "rules" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    settings = yaml.safe_load(CONFIG_FILE.read_text(encoding="utf-8"))
    settings.pop("hooks", None)
    settings.pop("watch", None)
    # Relative to the project's mkdocs.yml, which both builders resolve them against: Zensical panics
    # on an absolute docs_dir ("invariant: Id(Format(Path(RootDir)))", 0.0.73).
    settings["docs_dir"] = "docs"
    settings["theme"]["custom_dir"] = "docs/overrides"
    settings["nav"] = config.nav
    (project / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")


def audit(policies: Path, exports: Path) -> None:
    import json

    from bench.audit import AS_OF, confusion, inputs
    from generators.audit.run import run_audit

    result = run_audit(inputs(policies, exports), AS_OF)
    (exports / "confusion.json").write_text(json.dumps(confusion(result, exports)), encoding="utf-8")


def measure(result: Path, argv: list[str]) -> int:
    """Run `argv` from this small process and record its wall time and peak resident memory.

    On Linux a child's maximum resident set starts from what it inherits at fork: a command forked
    directly from the benchmark (which has loaded large JSON files by then) would report the
    benchmark's memory. Forked from this short-lived launcher it reports its own.
    """
    import json
    import subprocess
    import time

    start = time.perf_counter()
    child = subprocess.Popen(argv)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    # CPU time (user + system) as well as wall time: on a shared machine the wall time says more about
    # the other work than about the audit.
    result.write_text(json.dumps({"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime, "maxrss_kb": usage.ru_maxrss,
                                  "returncode": code}), encoding="utf-8")
    return code


SLOWEST = 15


def suite(result: Path, paths: list[str]) -> int:
    """Run the README's test command, `python -m pytest` (as `make test` does after the lint), or only
    `paths` of the suite, and record its wall time, pytest's summary line and its slowest tests.

    Run with the repository's pytest settings (pyproject.toml: the xdist workers included), so the
    figure is the one a developer waits for; the cache plugin is off so one run cannot reorder the next.
    """
    import json
    import re
    import subprocess
    import time

    argv = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--durations={SLOWEST}", *paths]
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    lines = done.stdout.splitlines()
    slowest: list[str] = []
    for index, line in enumerate(lines):
        if "slowest" in line and "durations" in line:
            slowest = [entry.strip() for entry in lines[index + 1:index + 1 + SLOWEST] if re.match(r"\d+\.\d+s (setup|call|teardown) ", entry)]
            break
    summary = next((line.strip("= ") for line in reversed(lines) if " in " in line and ("passed" in line or "failed" in line)), "")
    result.write_text(json.dumps({"seconds": seconds, "returncode": done.returncode, "summary": summary, "slowest": slowest,
                                  "tail": (done.stdout + done.stderr)[-3000:]}), encoding="utf-8")
    return done.returncode


def main(argv: list[str]) -> int:
    if argv[0] == "measure":
        return measure(Path(argv[1]), argv[3:] if argv[2] == "--" else argv[2:])
    if argv[0] == "suite":
        return suite(Path(argv[1]), argv[2:])
    task, policies, out = argv[0], Path(argv[1]), Path(argv[2])
    {"rules": rules, "pages": pages, "audit": audit}[task](policies, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
