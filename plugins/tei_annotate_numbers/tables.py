"""The layer's bounded tables (chunk tokens, word kinds), which learn a key when it is first read.

A news text repeats its chunks and words, so most reads hit: ``map(table.__getitem__,
keys)`` then stays a loop in C.  A key not seen before costs one call of ``__missing__``
for that key alone, with no set arithmetic over the block and no second reading of it;
on a text read for the first time, most blocks bring a few such keys.

The tables are module-level, so the threads of a threaded Dask worker share them: one
thread may empty a full table while another reads it.  ``__missing__`` returns the value
it has just computed, so no reader depends on the table still holding it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

__all__ = ["Table"]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Table(dict[K, V]):
    """``learn(key)`` for every key read, each computed once while the table holds it;
    emptied when it holds ``limit`` entries, so memory stays bounded on any corpus."""

    __slots__ = ("learn", "limit")

    def __init__(self, learn: Callable[[K], V], limit: int) -> None:
        super().__init__()
        self.learn = learn
        self.limit = limit

    def __missing__(self, key: K) -> V:
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.learn(key)
        return value
