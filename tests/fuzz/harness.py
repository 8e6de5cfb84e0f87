"""The fuzz harness (issue 11): mutated example files through loading, schema and model, or through
the whole check, failing on an internal error, a hang or a diagnostic without a location.

Two ways in share it: `tests/fuzz/test_fuzz.py` (hypothesis over mutated example files plus a seeded
random-mutation corpus, bounded to about 30 s inside the suite, its seed printed) and
`make fuzz` (`python -m tests.fuzz.run`: 10 000 inputs through loading, schema and model and 1 000
through the full check, with the figures printed).

An input is one example file of the kommun fixture with a few mutations (bit flips, inserted control
characters and YAML syntax, deleted, doubled or swapped lines, scalars replaced by edge values:
huge numbers, year 0000 or 9999, `index`, bidi and line separators, deep nesting …). The loading
stage loads that file alone (bytes, UTF-8, YAML, schema typing, validation) and builds the model
from it and the other, untouched files; the full stage writes it into a copy of the tree and runs
load → model → every check, as `python -m generators check` does.
"""

from __future__ import annotations

import random
import re
import shutil
import signal
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generators.diagnostics import Diagnostic

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "kommun"
TODAY = date(2026, 11, 23)
# Seconds of the process's own CPU time (not wall time: a starved machine must not look like a hang)
# far above any input's (tens of milliseconds; about a second for the full check); beyond it, a hang.
HANG_SECONDS = 20
CODE = re.compile(r"[A-Z]{1,2}\d{3}")

EDGE_SCALARS = (
    "0", "-1", "1e400", "9" * 5000, "0." + "0" * 400 + "1", ".inf", "-.nan", "0x1F", "0700", "12:30", "1_000",
    "0000-01-01", "1899-12-31", "9999-12-31", "2090-06-01", "2026-02-30", "~", "null", "''", '""', "yes", "NO",
    "index", "relativa", "[]", "{}", "[[[[[[[[[[]]]]]]]]]]", "&a x", "*a", "!!python/object:os.system", "<<: *a",
    "'\u202eevil'", "'a\u2028b'", "'\u200f\u05e9\u05dc\u05d5\u05dd'", "'\U0001f600'", "'x' * 3", "'" + "å" * 3000 + "'",
    "|\n  block", ">-\n  folded", "'javascript:alert(1)'", "'<script>alert(1)</script>'", "'{{ 7*7 }}'",
)
INSERTS = (
    "\x00", "\x01", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\u202e", "\u2066", "\ufeff", "\ufffe", "\t", "\r",
    ":", ": ", "- ", "#", "&", "*", "!", "|", ">", "%", "@", "`", "'", '"', "{", "}", "[", "]", ",", "?", "---\n", "...\n",
    "\n", "  ", "\\", "\udcff",
)
OPERATIONS = ("flip", "insert", "delete", "dup_line", "drop_line", "swap_lines", "scalar", "indent", "truncate", "deep", "key")


def example_files() -> list[tuple[str, bytes]]:
    """(path relative to the policies folder, bytes) of every example file, in a stable order."""
    policies = FIXTURE / "policies"
    return [(p.relative_to(policies).as_posix(), p.read_bytes()) for p in sorted(policies.rglob("*.yaml"))]


def mutate(data: bytes, rng: random.Random, count: int) -> bytes:
    """`count` random mutations of one file's bytes, reproducible from `rng`."""
    for _ in range(count):
        data = apply(data, rng.choice(OPERATIONS), rng)
    return data


def apply(data: bytes, operation: str, rng: random.Random) -> bytes:
    if not data:
        return rng.choice(INSERTS).encode("utf-8", "surrogatepass")
    at = rng.randrange(len(data))
    if operation == "flip":
        return data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1 :]
    if operation == "insert":
        return data[:at] + rng.choice(INSERTS).encode("utf-8", "surrogatepass") + data[at:]
    if operation == "delete":
        return data[:at] + data[at + rng.randint(1, 16) :]
    if operation == "truncate":
        return data[:at]
    lines = data.split(b"\n")
    index = rng.randrange(len(lines))
    if operation == "dup_line":
        lines.insert(index, lines[index])
    elif operation == "drop_line":
        del lines[index]
    elif operation == "swap_lines":
        other = rng.randrange(len(lines))
        lines[index], lines[other] = lines[other], lines[index]
    elif operation == "indent":
        lines[index] = (b" " * rng.choice((1, 2, 4))) + lines[index] if rng.random() < 0.5 else lines[index].lstrip(b" ")
    elif operation == "scalar":
        # Replace what follows a `key: ` (or a `- `) on one line by an edge value.
        match = re.match(rb"^(\s*(?:- )?[^:#]*: |\s*- )", lines[index])
        prefix = match.group(1) if match else lines[index]
        lines[index] = prefix + rng.choice(EDGE_SCALARS).encode("utf-8", "surrogatepass")
    elif operation == "deep":
        depth = rng.choice((50, 200, 2000))
        lines[index] += b" " + b"[" * depth + b"]" * depth
    elif operation == "key":
        indent = re.match(rb"^\s*", lines[index])
        lines.insert(index, (indent.group(0) if indent else b"") + rng.choice((b"okant_falt: 1", b"id: index", b"basis:", b"- {}", b"? x")))
    return b"\n".join(lines)


@dataclass
class Outcome:
    """What became of one input."""

    internal_error: str | None = None
    hang: bool = False
    locationless: list[str] = field(default_factory=list)
    codes: Counter[str] = field(default_factory=Counter)

    @property
    def bad(self) -> bool:
        return bool(self.internal_error or self.hang or self.locationless)


class _Hang(Exception):
    pass


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise _Hang

    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)  # CPU time of this process
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def _judge(diagnostics: list[Diagnostic], outcome: Outcome) -> None:
    for d in diagnostics:
        outcome.codes[d.code] += 1
        if not (d.file and d.line >= 1 and d.column >= 1 and CODE.fullmatch(d.code) and d.message.strip()):
            outcome.locationless.append(f"{d.file}:{d.line}:{d.column}: {d.code} {d.message[:120]}")


class Harness:
    """A scratch copy of the fixture tree and the untouched files' loaded documents, made once."""

    def __init__(self) -> None:
        from generators.loading.documents import load_policies

        self.root = Path(tempfile.mkdtemp(prefix="styrdokument-fuzz-"))
        shutil.copytree(FIXTURE, self.root / "kommun")
        self.policies = self.root / "kommun" / "policies"
        self.files = example_files()
        self.base = load_policies(self.policies)
        assert not self.base.failed, "the fixture loads cleanly"

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def run(self, relative: str, data: bytes, full: bool) -> Outcome:
        outcome = Outcome()
        path = self.policies / relative
        original = path.read_bytes()
        path.write_bytes(data)
        try:
            with _deadline(HANG_SECONDS):
                diagnostics = self._full() if full else self._loading(relative, path)
            _judge(diagnostics, outcome)
        except _Hang:
            outcome.hang = True
        except Exception:  # noqa: BLE001 - the fuzzer's finding: any exception is an internal error
            outcome.internal_error = "".join(traceback.format_exc(limit=-4))
        finally:
            path.write_bytes(original)
        return outcome

    def _loading(self, relative: str, path: Path) -> list[Diagnostic]:
        from generators.loading.discovery import claim_for
        from generators.loading.documents import LoadResult, load_file, schema_store
        from generators.model import build_model

        claim = claim_for(relative)
        assert claim is not None
        store, typer = schema_store()
        shown = f"policies/{relative}"
        document, diagnostics = load_file(path, shown, claim.kind, claim.schema, store, typer)
        failed = document is None or any(d.severity == "error" for d in diagnostics)
        others = [d for d in self.base.documents if d.file != shown]
        loaded = LoadResult(others + ([] if failed or document is None else [document]), diagnostics,
                            [(claim.kind, shown)] if failed else [], self.policies)
        build_model(loaded)
        return diagnostics

    def _full(self) -> list[Diagnostic]:
        from generators.pipeline import load_and_check

        return load_and_check(self.policies, TODAY).result.diagnostics


@dataclass
class Tally:
    inputs: int = 0
    internal_errors: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    locationless: list[str] = field(default_factory=list)
    with_diagnostics: int = 0
    codes: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def add(self, name: str, outcome: Outcome) -> None:
        self.inputs += 1
        if outcome.internal_error:
            self.internal_errors.append(f"{name}\n{outcome.internal_error}")
        if outcome.hang:
            self.hangs.append(name)
        self.locationless.extend(f"{name}: {line}" for line in outcome.locationless)
        self.with_diagnostics += bool(outcome.codes)
        self.codes.update(outcome.codes)

    @property
    def clean(self) -> bool:
        return not (self.internal_errors or self.hangs or self.locationless)

    def summary(self, label: str) -> str:
        top = ", ".join(f"{code} {count}" for code, count in self.codes.most_common(12))
        return (f"{label}: {self.inputs} inputs in {self.seconds:.1f} s; {len(self.internal_errors)} internal errors, "
                f"{len(self.hangs)} hangs, {len(self.locationless)} diagnostics without a location; "
                f"{self.with_diagnostics} inputs got diagnostics (most frequent: {top})")


def corpus(harness: Harness, seed: int, count: int, full: bool, budget: float | None = None,
           progress: Callable[[Tally], None] | None = None, every: int = 500) -> Tally:
    """`count` seeded random mutations (input i uses Random(f'{seed}:{i}')), within `budget` seconds;
    `progress` sees the running tally every `every` inputs."""
    tally = Tally()
    started = time.monotonic()
    for number in range(count):
        if budget is not None and time.monotonic() - started > budget:
            break
        rng = random.Random(f"{seed}:{number}")
        relative, data = rng.choice(harness.files)
        mutated = mutate(data, rng, rng.randint(1, 4))
        tally.add(f"seed {seed} input {number} ({relative})", harness.run(relative, mutated, full))
        if progress is not None and tally.inputs % every == 0:
            tally.seconds = time.monotonic() - started
            progress(tally)
    tally.seconds = time.monotonic() - started
    return tally
