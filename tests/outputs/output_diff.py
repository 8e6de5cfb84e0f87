"""The JSON rules and the site built from the kommun fixture (the example): what they are, and what
differs between two versions of the tool.

    python -m tests.outputs.output_diff [BASE]     # review: what differs from BASE (default: HEAD)
    python -m tests.outputs.output_diff --write    # acknowledge: record the working tree's outputs

`output-manifest.txt` (beside this file) records every published file of the example's build: its
SHA-256 and its path. tests/outputs/test_output_diff.py hashes the run's shared build (the one the
site and browser tests read, so no build of its own) and fails when any file differs from the record,
is new or is gone: an unintended change of any output fails the suite; an intended one is
acknowledged by `--write`, committed with the change, so the commit shows which files it changes.
Two things are summarised so the record holds on any machine and stays readable: a `.gz` file is
recorded by its content (its compressed bytes depend on the zlib the machine's Python links; the
determinism test still compares the bytes of two builds), and Pagefind's index, derived from the
HTML, as one line per folder (a hash of its file names and bytes).

The review builds BASE from `git archive` and the working tree from a copy of its tracked and
untracked files; both without git (so neither names a commit) and with the same SOURCE_DATE_EPOCH
and --today (so the build date agrees). It lists every file only one side has, and for every file
that differs its changed lines (unified diff without context; binary files as one line).
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import hashlib
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
MANIFEST = Path(__file__).with_name("output-manifest.txt")
EPOCH = "1795392000"  # 2026-11-23 00:00 UTC: fixed for both sides
TODAY = "2026-11-23"  # the tests' day: no example date (a review, an adoption) lies after it
# Derived from the HTML (Pagefind's index): a changed page already shows; its index fragments are
# summarised as one line per folder so the list stays readable.
DERIVED = ("pagefind/",)
MANIFEST_HEADER = (
    "# Every published file of the kommun fixture's build (JSON rules and site): SHA-256 and path.\n"
    "# Written by `python -m tests.outputs.output_diff --write`; checked by tests/outputs/test_output_diff.py.\n"
)


def _content_digest(path: Path) -> str:
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        # What was compressed, not how: another zlib (zlib-ng, say) packs the same bytes differently.
        data = gzip.decompress(data)
    return hashlib.sha256(data).hexdigest()


def manifest(site: Path) -> list[str]:
    """`<sha256>  <path>` for every file of a built site, in path order; a derived folder is one line."""
    files = _files(site)
    derived: dict[str, list[bytes]] = {}
    entries: dict[str, str] = {}
    for name, path in files.items():
        folder = next((d for d in DERIVED if name.startswith(d)), None)
        if folder is None:
            entries[name] = _content_digest(path)
        else:
            derived.setdefault(folder, []).append(name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    entries.update((folder, hashlib.sha256(b"".join(parts)).hexdigest()) for folder, parts in derived.items())
    return [f"{entries[name]}  {name}" for name in sorted(entries)]


def read_manifest(path: Path = MANIFEST) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def manifest_changes(recorded: list[str], built: list[str]) -> list[str]:
    """What differs between the recorded manifest and a build's: one line per file, in path order."""
    def by_path(lines: list[str]) -> dict[str, str]:
        return {path: digest for digest, _, path in (line.partition("  ") for line in lines)}

    old, new = by_path(recorded), by_path(built)
    changes = []
    for name in sorted(old.keys() | new.keys()):
        if name not in new:
            changes.append(f"gone: {name}")
        elif name not in old:
            changes.append(f"new: {name}")
        elif old[name] != new[name]:
            changes.append(f"changed: {name}")
    return changes


def write_manifest(site: Path, path: Path = MANIFEST) -> None:
    path.write_text(MANIFEST_HEADER + "".join(f"{line}\n" for line in manifest(site)), encoding="utf-8")


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


def record_working_tree() -> None:
    """Build the working tree exactly as the tests' shared build does (in this process, from a copy
    of the kommun fixture, at the tests' date, naming no commit) and record its outputs."""
    from tests.site.conftest import EXAMPLE_POLICIES, build

    with tempfile.TemporaryDirectory(prefix="output-manifest-") as scratch:
        write_manifest(build(EXAMPLE_POLICIES, Path(scratch) / "site"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", nargs="?", help="the commit to compare the working tree with (default: HEAD)")
    parser.add_argument("--write", action="store_true",
                        help=f"record the working tree's outputs in {MANIFEST.name} (no comparison unless BASE is given)")
    args = parser.parse_args(argv)
    if args.write:
        record_working_tree()
        print(f"{MANIFEST.relative_to(REPO)}: {len(read_manifest())} files recorded")
        if args.base is None:
            return 0
    base = args.base or "HEAD"
    lines = report(base)
    sys.stdout.write("".join(f"{line}\n" for line in [f"# base: {base}", *lines]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
