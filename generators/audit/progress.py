"""A progress bar on stderr for long audit runs, only when stderr is a terminal: never in captured
output, logs or pipes, where it would be noise (and a report of what was read must stay exact)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

Progress = Callable[[int, int, str], None]  # (steps done, steps in all, what is being done)
WIDTH = 30


def terminal_bar(stream: TextIO) -> Progress | None:
    """A bar redrawn in place on `stream`; None when the stream is not a terminal."""
    if not stream.isatty():
        return None

    def show(done: int, total: int, label: str) -> None:
        filled = WIDTH * done // total if total else WIDTH
        stream.write(f"\r\x1b[KGranskar [{'#' * filled}{'.' * (WIDTH - filled)}] {done}/{total} {label}")
        if done >= total:
            stream.write("\r\x1b[K")  # the finished bar leaves no trace before the results are printed
        stream.flush()

    return show
