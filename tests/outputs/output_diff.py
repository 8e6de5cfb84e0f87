"""The JSON rules and the site built from the kommun fixture (the example), before and after: what differs.

    python -m tests.outputs.output_diff [BASE] [--write]

BASE (default: the base recorded in expected-output-differences.txt) is built from `git archive`,
the working tree from a copy of its tracked and untracked files; both without git (so neither
names a commit) and with the same SOURCE_DATE_EPOCH and --today (so the build date agrees). The
report lists every file only one side has, and for every file that differs its changed lines
(unified diff without context; binary files, such as the search index, as one line). `--write`
stores the report as the expected list; tests/outputs/test_output_diff.py fails when the outputs
differ from it. An intended change of output is recorded by rerunning with --write and committing
the list with the change.
"""

from __future__ import annotations

import argparse
import difflib
import io
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXPECTED = Path(__file__).with_name("expected-output-differences.txt")
EPOCH = "1795392000"  # 2026-11-23 00:00 UTC: fixed for both sides
TODAY = "2026-11-23"  # the tests' day: no example date (a review, an adoption) lies after it
# Derived from the HTML (Pagefind's index): a changed page already shows; its index fragments are
# summarised as one line per folder so the list stays readable.
DERIVED = ("pagefind/",)


def recorded_base(path: Path = EXPECTED) -> str:
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    if not first.startswith("# base: "):
        raise SystemExit(f"{path}: the first line must be '# base: <commit>'")
    return first.removeprefix("# base: ").strip()


def archive(commit: str, target: Path) -> None:
    data = subprocess.run(["git", "-C", str(REPO), "archive", commit], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(target, filter="data")


def copy_working_tree(target: Path) -> None:
    listed = subprocess.run(["git", "-C", str(REPO), "ls-files", "-co", "--exclude-standard", "-z"], capture_output=True, check=True).stdout
    for name in filter(None, listed.decode("utf-8").split("\0")):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(source.read_bytes())


def build(tree: Path, out: Path) -> Path:
    """The tree's tool, run on the tree's own kommun fixture (never on `policies/`, which belongs to
    whichever organisation adopted the tool), copied outside the tree so its paths read `policies/`."""
    fixture = out.parent / f"{out.name}-kommun"
    shutil.copytree(tree / "tests" / "fixtures" / "kommun", fixture)
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONPATH": str(tree)}
    result = subprocess.run([sys.executable, "-m", "generators", "build", "--policies", str(fixture / "policies"),
                             "--out", str(out), "--today", TODAY],
                            cwd=tree, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"build in {tree} failed:\n{result.stdout}\n{result.stderr}")
    return out / "site"


def _files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}


def differences(before: Path, after: Path) -> list[str]:
    """The report: one line per difference, in path order."""
    old, new = _files(before), _files(after)
    lines: list[str] = []
    derived: set[str] = set()
    for name in sorted(old.keys() | new.keys()):
        folder = next((d for d in DERIVED if name.startswith(d)), None)
        a, b = old.get(name), new.get(name)
        if a is not None and b is not None and a.read_bytes() == b.read_bytes():
            continue
        if folder is not None:
            derived.add(folder)
            continue
        if a is None or b is None:
            lines.append(f"{'only after' if a is None else 'only before'}: {name}")
            continue
        try:
            left, right = a.read_text(encoding="utf-8").splitlines(), b.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError:
            lines.append(f"binary differs: {name}")
            continue
        for line in difflib.unified_diff(left, right, lineterm="", n=0):
            if line.startswith(("---", "+++", "@@")):
                continue
            lines.append(f"{name}: {line}")
    lines += [f"derived index differs: {folder}" for folder in sorted(derived)]
    return lines


def report(base: str) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="output-diff-") as scratch:
        root = Path(scratch)
        (root / "before").mkdir()
        (root / "after").mkdir()
        archive(base, root / "before")
        copy_working_tree(root / "after")
        # The two builds are separate processes in separate folders: side by side, on two cores.
        with ThreadPoolExecutor(max_workers=2) as pool:
            before = pool.submit(build, root / "before", root / "out-before")
            after = pool.submit(build, root / "after", root / "out-after")
            return differences(before.result(), after.result())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", nargs="?", help="the commit to compare with (default: the recorded base)")
    parser.add_argument("--write", action="store_true", help="store the report as the expected list")
    args = parser.parse_args(argv)
    base = args.base or recorded_base()
    lines = report(base)
    text = "\n".join([f"# base: {base}", *lines]) + "\n"
    if args.write:
        EXPECTED.write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
