"""Pausing Python's cyclic garbage collector while a large, acyclic structure is built.

Loading a policies tree creates millions of small containers (the typed data, the position of every
value, the model's entities) that reference nothing cyclically. Each allocation burst triggers the
cyclic collector, which traverses every young container and, ever more often as the heap grows, every
container there is: on the 50 000-row tree that was a third of the loading time and three quarters of
building the delegation model, for nothing to collect. Reference counting still frees everything as
usual while the collector is paused; it runs again as soon as the structure is built.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector for the block (nested use is fine: the outermost block resumes it)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
