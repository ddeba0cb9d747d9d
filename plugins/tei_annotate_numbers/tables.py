"""The layer's bounded tables (chunk tokens, word kinds), which learn a key when it is first read.

A news text repeats its chunks and words, so most reads hit: ``map(table.__getitem__,
keys)`` then stays a loop in C.  A key not seen before costs one call of ``__missing__``
for that key alone, with no set arithmetic over the block and no second reading of it;
on a text read for the first time, most blocks bring a few such keys.  Each table says
how it learns in its own ``__missing__``, not in a function that one would call: on a
first reading that call is a good part of the cost of a miss.  The exceptions are what
two tables learn alike (a chunk's tokens, a word's kind): one function then learns it
for both, and a table that meets a key first calls it directly, which costs less than
the other table's miss it spares.

The tables are module-level, so the threads of a threaded Dask worker share them: one
thread may empty a full table while another reads it.  ``__missing__`` returns the value
it has just computed, so no reader depends on the table still holding it.
"""

from __future__ import annotations

from typing import TypeVar

__all__ = ["LIMIT", "Table"]

K = TypeVar("K")
V = TypeVar("V")


# The most entries a table holds: a module constant, not a class attribute, since a miss
# reads it and Python 3.11 looks an instance's class attribute up without a shortcut.
LIMIT = 200_000


class Table(dict[K, V]):
    """A table whose ``__missing__`` learns the key, after ``self.clear()`` if the table
    holds ``LIMIT`` entries: memory stays bounded on any corpus."""

    __slots__ = ()

    def __missing__(self, key: K) -> V:
        raise NotImplementedError
