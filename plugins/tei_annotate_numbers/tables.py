"""Reading the layer's bounded tables (chunk tokens, word kinds) after learning what they miss.

The tables are module-level, so the threads of a threaded Dask worker share them: one
thread may empty a full table between another's learning and its reading.  The reader
then learns again instead of failing its document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

__all__ = ["learn_and_read"]

R = TypeVar("R")
TRIES = 3  # learning again once is nearly always enough


def learn_and_read(learn: Callable[[], object], read: Callable[[], R]) -> R:
    """``read()`` after ``learn()``, both again when ``read`` misses a key (a KeyError after
    the last try)."""
    for _ in range(TRIES):
        learn()
        try:
            return read()
        except KeyError:  # another thread emptied a table after the learning
            continue
    return read()
