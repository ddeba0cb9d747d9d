"""Results of word tests kept by word, so the same word is judged once.

Names and context words recur across a corpus; the tests on them (word classes,
gazetteer look-ups) depend on the word alone.  A hit is a plain ``dict`` look-up
with no Python call; the older half of a table is dropped when it is full, so memory
stays bounded however long the process runs.

A miss costs far more than a plain call of the test (``__missing__`` is entered from
C): a test that only runs on a miss calls the tests it needs unremembered, and
:func:`learn` tells another table what it found on the way, so a new word costs one
miss, not a cascade of them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from itertools import islice
from typing import TypeVar

__all__ = ["by_key", "by_word", "learn"]

K = TypeVar("K", bound=Hashable)
T = TypeVar("T")
LIMIT = 20_000  # entries per table: a few MB each at most


def _table(fn: Callable[[K], T]) -> dict[K, T]:
    """An empty table that fills itself with ``fn`` of each key looked up and missing.

    Each table has its own class, whose ``__missing__`` calls ``fn`` from its closure: a
    miss (every new word of a text) then reads no attribute of the table.
    """

    class Table(dict[K, T]):
        __slots__ = ()

        def __missing__(self, key: K) -> T:
            if len(self) >= LIMIT:  # forget the older half: frequent words come back at once
                for old in list(islice(self, LIMIT // 2)):
                    self.pop(old, None)  # another thread may be dropping it too
            value = self[key] = fn(key)
            return value

    Table.__qualname__ = Table.__name__ = f"Table[{getattr(fn, '__name__', 'fn')}]"
    return Table()


def by_word(fn: Callable[[str], T]) -> Callable[[str], T]:
    """``fn`` remembered by word: a drop-in replacement for a pure test of one word."""
    return _table(fn).__getitem__


def by_key(fn: Callable[[K], T]) -> Callable[[K], T]:
    """``fn`` remembered by its (hashable) argument, as :func:`by_word` by word."""
    return _table(fn).__getitem__


def learn(fn: Callable[[K], T], key: K, value: T) -> None:
    """Tell the table of ``fn`` (made by :func:`by_word` or :func:`by_key`) its ``value``
    for ``key``, found while judging something else: one store now, where asking ``fn``
    later would cost a miss (a Python call of ``__missing__`` and one of ``fn``)."""
    table: dict[K, T] = fn.__self__  # type: ignore[attr-defined]
    if len(table) < LIMIT:  # a full table forgets on its next miss: learn nothing now
        table[key] = value
