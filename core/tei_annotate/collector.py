"""Holding back Python's cycle collector while one document is annotated or rendered.

Annotating a document allocates hundreds of thousands of short-lived, acyclic objects
(tokens, annotations, elements), which reference counting frees.  Each allocation burst
would still trigger collections that walk every long-lived object of the process: the
plugins' lexicons and gazetteers.  Pausing the collector for the span of one document
saves that walk (about a tenth of the pipeline's time); it runs as usual between
documents, so cyclic garbage stays bounded by one document's worth.

Between documents the collector still walks, in each full collection, everything the
process keeps: lexicons, gazetteers and the tables layers learn as they read, which
grow with the corpus (tens of milliseconds a time, more as the tables fill).  A process
that is ours alone (the CLI, its worker processes) :func:`settle` s once its first
document is done: what is alive then lives as long as the process, and is taken out of
the collector's reach for good.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused", "settle"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Disable the cycle collector inside the block, restoring its former state after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_SETTLED = threading.Event()


def settle() -> None:
    """Collect once, then leave every object now alive out of all later collections
    (:func:`gc.freeze`); only the first call does anything.

    Meant for a process that has loaded what it keeps for good (plugins, lexicons) and
    runs nothing but documents from then on.  Objects alive now are still freed when
    their last reference goes; only cycles among them would never be.  So the Python
    API never calls it by itself: in a caller's session it would exempt the caller's
    objects too.
    """
    if _SETTLED.is_set():
        return
    _SETTLED.set()
    gc.collect()
    gc.freeze()
