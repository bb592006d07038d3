"""Keeping Python's cyclic garbage collector out of the way while gxlint builds acyclic objects.

The collector runs after every few hundred allocations and walks the young objects, and from time
to time all of them. gxlint makes tens of thousands of objects per report (tokens, cells, spans,
paragraphs, findings) that form no reference cycles: reference counting frees them, and every
collection meanwhile walks them to free nothing. These helpers pause it, or take objects out of
its sight, around such work. They nest, and leave a collector that was already off as it was.
"""

from __future__ import annotations

import contextlib
import gc
from typing import Callable, Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while many acyclic objects are made.

    Once a warm run holds its tens of thousands of diagnostics, every full collection walks them
    all: building them from the cache takes twice as long with the collector on, and printing them
    four times as long. Nothing made there forms cycles, so a collection would free nothing.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextlib.contextmanager
def spared() -> Iterator[Callable[[], None]]:
    """Within the block, calling the yielded function takes every object alive at that moment out
    of the collector's sight (``gc.freeze``) until the block ends.

    The diagnostics of cache hits are made while the collector is paused and so all land in the
    youngest generation: the first collections after it resumes would walk each of them twice (a
    fifth of a warm run) to free nothing. Frozen, they are skipped; at the end of the block they
    join the oldest generation, so nothing that was garbage at the freeze is kept for good. A
    program that froze objects itself keeps them frozen: then this does nothing.
    """
    if gc.get_freeze_count():
        yield lambda: None
        return
    try:
        yield gc.freeze
    finally:
        gc.unfreeze()
