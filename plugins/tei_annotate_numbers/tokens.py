"""Splitting text into word, digit and punctuation tokens with their offsets.

The number grammar works on tokens, not on regular expressions over the text, so
no pattern can backtrack: the only regex here matches each token in one pass.
Most tokens of a news text are never looked at (the grammar only reads near
numbers, see :mod:`candidates`), so a :class:`Token` is built on first access.
"""

from __future__ import annotations

import re
from itertools import accumulate, chain
from typing import TypeVar

from .tables import LIMIT, Table

__all__ = [
    "Token",
    "Tokens",
    "chunk_words",
    "known_chunks",
    "learn_chunk",
    "learn_letters",
    "lower_at",
    "token_at",
    "touches",
]

# A digit group keeps its inner separators ("30,000", "1.3", "119.3"); a word is a run of
# letters; anything else is one character.  No alternative can match the empty string and
# no quantifier is nested in an ambiguous way, so matching is linear in the text length.
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|\S")
_T = TypeVar("_T")
_start = re.Match.start

# No token holds or spans whitespace, so a text's tokens are those of its whitespace-split
# chunks, in order.  A text repeats its chunks ("the", "said,"), so each chunk seen is kept
# with its token texts and each token's step to the next one (its length, +1 after the
# chunk's last token): most chunks then cost a lookup instead of regex matches, and an
# unseen one is learnt when first read (see :mod:`tables`).


class _Words(Table[str, tuple[str, ...]]):
    __slots__ = ()

    def __missing__(self, chunk: str) -> tuple[str, ...]:
        # The steps are learnt here too, while the words are at hand: a chunk read for its
        # words is mostly read for its offsets next, and one miss then learns both.
        if chunk.isalpha():
            return learn_letters(chunk)
        return learn_chunk(chunk)


class _Steps(Table[str, tuple[int, ...]]):
    """Learns a chunk's steps only if the chunk table did not (it learns both), e.g. when
    another thread emptied this table in between."""

    __slots__ = ()

    def __missing__(self, chunk: str) -> tuple[int, ...]:
        if len(self) >= LIMIT:
            self.clear()
        steps = [*map(len, _WORDS[chunk])]
        steps[-1] += 1
        value = self[chunk] = tuple(steps)
        return value


class _SharedSteps(dict[int, tuple[int, ...]]):
    """The steps of a chunk of one word (``last`` 0) or of a word and one mark (``last``
    1), by the word's length: one tuple shared by all such chunks, not one made and kept
    per chunk (a first reading, which fills the tables, then also makes the garbage
    collector run less often).  Holds one entry per word length seen."""

    __slots__ = ("last",)

    def __init__(self, last: int) -> None:
        super().__init__()
        self.last = last

    def __missing__(self, length: int) -> tuple[int, ...]:
        steps = self[length] = (length + 1,) if not self.last else (length, 2)
        return steps


_WORDS = _Words()
_STEPS = _Steps()
_WORD_STEPS = _SharedSteps(0)
_WORD_MARK_STEPS = _SharedSteps(1)


def _forget() -> None:
    """Empty both chunk tables (they learn together), once full: memory stays bounded."""
    _WORDS.clear()
    _STEPS.clear()


def learn_letters(chunk: str) -> tuple[str, ...]:
    """Put a chunk of letters only (most of them) in both chunk tables, and return its
    tokens: it is one token, as TOKEN reads it (a letter is a word character and never a
    digit), so no regex call is needed.  Also called by a table that meets the chunk
    first (:mod:`.candidates`), which spares the miss here."""
    if len(_WORDS) >= LIMIT:
        _forget()
    letters = _WORDS[chunk] = (chunk,)
    _STEPS[chunk] = _WORD_STEPS[len(chunk)]
    return letters


def learn_chunk(chunk: str) -> tuple[str, ...]:
    """Put a chunk that is not letters only in both chunk tables, and return its tokens.
    Also called by a table that meets the chunk first (:mod:`.candidates`), which spares
    the miss here."""
    if len(_WORDS) >= LIMIT:
        _forget()
    # A word or a number followed by one mark ("said,", "2016.") is two tokens as TOKEN
    # reads it: the run of letters or digits stops at a character that is neither a
    # letter nor a digit ("_" included), which is then a token of its own (no digit
    # follows the mark, so it does not continue a number either).
    if not (last := chunk[-1]).isalnum() and ((head := chunk[:-1]).isalpha() or head.isdecimal()):
        pair = _WORDS[chunk] = (head, last)
        _STEPS[chunk] = _WORD_MARK_STEPS[len(head)]
        return pair
    words = _WORDS[chunk] = _split(chunk)
    steps = [*map(len, words)]
    steps[-1] += 1
    _STEPS[chunk] = tuple(steps)
    return words


def _split(chunk: str) -> tuple[str, ...]:
    """The tokens of a chunk that is neither letters only nor a word or number and one
    mark.  The next most common shapes of a news text are read without the regex, as for
    those: a character that is neither a letter nor a digit is a token of its own, and
    digits alone ("12", never a word character) are one."""
    if (last := chunk[-1]).isalnum():
        if chunk.isdecimal():
            return (chunk,)  # "12"
        if not (first := chunk[0]).isalnum() and (word := chunk[1:]).isalpha():
            return (first, word)  # "“The", "(also"
    elif (word := chunk[:-2]).isalpha() and not (mark := chunk[-2]).isalnum():
        return (word, mark, last)  # "systems.”", "ISIL)."
    return tuple(TOKEN.findall(chunk))


# The token texts of a whitespace-split chunk, from the chunk table (which learns an
# unseen chunk, so the block's :class:`Tokens` then finds it there).
chunk_words = _WORDS.__getitem__
# The chunk table itself, for a reader that learns an unseen chunk with learn_letters or
# learn_chunk when it knows the chunk unseen (``chunk in known_chunks``), without a miss.
known_chunks = _WORDS


def _per_token(table: Table[str, tuple[_T, ...]], chunks: list[str]) -> list[_T]:
    """The entries of ``table`` for every chunk, one after another."""
    return list(chain.from_iterable(map(table.__getitem__, chunks)))


class Token:
    """One token: its text and code-point offsets into the document text.

    The character tests the grammar asks again and again are answered once, here.
    """

    __slots__ = ("end", "is_capitalised", "is_digits", "is_word", "lower", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.lower = text.lower()
        first = text[0]
        self.is_digits = first.isdecimal()
        self.is_word = first.isalpha()
        self.is_capitalised = first.isupper()

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


class Tokens(dict[int, Token]):
    """All tokens of a text, indexed from 0 like a list, each built when first read.

    A dict keeps the repeated lookups of the grammar in C; ``__missing__`` builds the
    :class:`Token` the first time an index is read.
    """

    __slots__ = ("_chunks", "_starts", "_text", "_words", "n")

    def __init__(self, text: str, chunks: list[str] | None = None) -> None:
        """``chunks``, if given, is ``text.split()`` already made by the caller."""
        super().__init__()
        self._text = text
        self._chunks = text.split() if chunks is None else chunks
        self._words = _per_token(_WORDS, self._chunks)
        self._starts: list[int] | None = None  # token offsets, computed on first need
        self.n = len(self._words)

    def __missing__(self, i: int) -> Token:
        text = self._words[i]  # IndexError and negative indices as a list has them
        starts = self._starts if self._starts is not None else self._offsets()
        start = starts[i if i >= 0 else i + self.n]
        tok = self[i] = Token(text, start, start + len(text))
        return tok

    def _offsets(self) -> list[int]:
        """The offset of every token: a running sum of the steps while the chunks are one
        whitespace character apart (almost always), else read from the regex."""
        text = self._text
        starts = list(accumulate(_per_token(_STEPS, self._chunks), initial=0))
        # The sum holds if the chunks are one character apart, whatever whitespace ends the text.
        if starts[-1] != len(text.rstrip()) + 1:
            starts = list(map(_start, TOKEN.finditer(text)))
        self._starts = starts
        return starts

    def __len__(self) -> int:
        return self.n

    def texts(self) -> list[str]:
        """The text of every token, without building the tokens (not to be changed)."""
        return self._words


def token_at(toks: Tokens, i: int) -> Token | None:
    """Token i, or None outside the list."""
    return toks[i] if 0 <= i < toks.n else None


def lower_at(toks: Tokens, i: int) -> str:
    """Token i lower-cased, or "" outside the list."""
    return toks[i].lower if 0 <= i < toks.n else ""


def touches(toks: Tokens, i: int) -> bool:
    """Token i starts where token i-1 ends: no space between them."""
    return 0 < i < toks.n and toks[i].start == toks[i - 1].end
