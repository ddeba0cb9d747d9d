"""Results of word tests kept by word, so the same word is judged once.

Names and context words recur across a corpus; the tests on them (word classes,
gazetteer look-ups) depend on the word alone.  A hit is a plain ``dict`` look-up
with no Python call; the older half of a table is dropped when it is full, so memory
stays bounded however long the process runs.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice
from typing import TypeVar

__all__ = ["by_word"]

T = TypeVar("T")
LIMIT = 20_000  # entries per table: a few MB each at most


class _Memo(dict[str, T]):
    def __init__(self, fn: Callable[[str], T]) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, word: str) -> T:
        if len(self) >= LIMIT:  # forget the older half: frequent words come back at once
            for old in list(islice(self, LIMIT // 2)):
                del self[old]
        value = self[word] = self.fn(word)
        return value


def by_word(fn: Callable[[str], T]) -> Callable[[str], T]:
    """``fn`` remembered by word: a drop-in replacement for a pure test of one word."""
    return _Memo(fn).__getitem__
