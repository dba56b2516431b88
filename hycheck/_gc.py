"""Pausing the cyclic garbage collector while a stage builds many small objects.

The stages build millions of small, acyclic objects (tuples, lists, findings): reference
counting frees them.  The cyclic collector still runs every few thousand allocations, and each
of its full passes walks every object alive, the scrapes a caller holds included: with two
scrapes of a million figures in memory that was a third of a diff and a sixth of the conflict
search, a cost that grows with the heap rather than with the work.  ``paused()`` switches the
automatic collection off for the length of a stage and back on after it (when it was on), so
any cycle made meanwhile is collected then.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No automatic cyclic collection inside the block; the previous state after it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
