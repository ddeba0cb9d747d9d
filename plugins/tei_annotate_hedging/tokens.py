"""Words and sentences with their offsets: the only view of the text the rules need.

One linear regex finds the words; sentences end at a line break, or at ``.!?``
followed by a space and a capital, a digit or an opening quote (not after a title
or an initial such as "Mr." or "U.").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain, repeat
from typing import NamedTuple

__all__ = [
    "CHUNKS_MAX",
    "CHUNK_WORDS",
    "ChunkWords",
    "Token",
    "ends",
    "keeps_offsets",
    "lowered",
    "make_room",
    "sentence_spans",
    "tokenize",
    "tokens_of",
    "words",
    "words_of",
]

# A word with inner apostrophes or hyphens ("couldn't", "so-called", "mid-May"), or one
# other visible character: ``\w+(?:['’\-]\w+)*|\S``, written to open with ``\S`` (the
# search skips blanks without trying a match), with possessive repeats of characters
# (nothing to undo) and greedy ones of groups: Python < 3.11.5 mis-matches those possessive.
WORD = re.compile(r"\S(?:(?<=\w)\w*+(?:['’\-]\w++)*)?")
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "rev",
        "gov",
        "sen",
        "rep",
        "inc",
        "ltd",
        "co",
        "corp",
        "no",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "fig",
        "approx",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
OPENERS = frozenset("\"'“‘«([")


_start, _end, _group = re.Match.start, re.Match.end, re.Match.group


class Token(NamedTuple):
    """One word or punctuation mark; ``lower`` has curly apostrophes straightened."""

    start: int
    end: int
    text: str
    lower: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum() or self.text[0] == "_"

    @property
    def is_capitalised(self) -> bool:
        return self.text[0].isupper()


def tokenize(
    text: str,
    start: int = 0,
    end: int | None = None,
    low: str | None = None,
    words: list[str] | None = None,
) -> list[Token]:
    """The tokens of ``text[start:end]``, offsets into ``text``.

    ``low`` may be :func:`lowered` ``text``, to save lower-casing word by word, and
    ``words`` the lower-cased words ``WORD.findall(low, start, end)`` already found.
    """
    end = len(text) if end is None else end
    if low is None:
        return [
            Token(m.start(), m.end(), m.group(), m.group().lower().replace("’", "'"))
            for m in WORD.finditer(text, start, end)
        ]
    # Built column by column with C-level maps: a sentence has dozens of tokens.  The
    # words are found in ``text`` itself: lower-casing that keeps every offset keeps every
    # character's word class too, so the tokens are those of ``low``.
    found = list(WORD.finditer(text, start, end))
    return tokens_of(found, WORD.findall(low, start, end) if words is None else words)


def tokens_of(found: list[re.Match[str]], words: list[str]) -> list[Token]:
    """The tokens of the word matches ``found`` in a text, ``words`` their lower cases."""
    columns = zip(map(_start, found), map(_end, found), map(_group, found), words, strict=True)
    return list(map(tuple.__new__, repeat(Token), columns))  # no Python-level call per token


# No word holds a blank, so a text's words are those of its blank-separated chunks, in
# order.  A text repeats its chunks ("the", "said,"), so each chunk seen is kept with its
# lower-cased words: most chunks then cost a lookup instead of lower-casing and regex
# matches (lower-casing a chunk lower-cases its characters as in the whole text: a blank
# ends the context of a final sigma too).
CHUNKS_MAX = 200_000  # a table of chunks is emptied when full: memory stays bounded
# Punctuation marks that WORD reads as a word each wherever they stand (no word character,
# no blank, no joiner of words but at a word's edge; "’" is left out, being straightened):
# a chunk that is one word between such marks is split without a regex match.
MARKS = ".,;:!?\"'()[]{}“”‘«»—–…-/"


class ChunkWords(dict[str, tuple[str, ...]]):
    """The lower-cased words of each chunk, learnt when the chunk is first read.

    Read with ``map(table.__getitem__, chunks)``: a known chunk costs a C-level look-up,
    a new one a call of ``__missing__``, and nothing is read twice (a ``KeyError`` and a
    second reading of every chunk would cost more on a text of new words).  The words
    learnt are returned, not read back, so a reader gets them even if another thread (a
    threaded Dask worker) empties the table meanwhile.  The table's size is asked by
    :func:`make_room` before each text, not on each miss, where it cost a good part of a
    miss (a call, and an int object for the size).
    """

    def __missing__(self, chunk: str) -> tuple[str, ...]:
        low = chunk.lower()
        if low.isalnum():  # one word (``\w`` is isalnum() or "_"): no regex match needed
            words: tuple[str, ...] = (low,)
        else:
            word = low.strip(MARKS)
            if word.isalnum():  # one word between marks ("said," "(the"): each mark a word
                head, _, tail = low.partition(word)
                words = (*head, word, *tail)
            else:
                words = tuple(WORD.findall(low.replace("’", "'")))
        self[chunk] = words
        return words

    # Called directly by a table that learns from a chunk's words (the lexicon's
    # :class:`~.lexicon.KeyChunks`): a Python call costs less than a miss, which calls
    # ``__missing__`` from C.
    learn = __missing__


CHUNK_WORDS = ChunkWords()


def make_room(*tables: dict[str, bool]) -> None:
    """Empty ``CHUNK_WORDS``, and each of the chunk ``tables`` that learn with it, if it
    holds more than ``CHUNKS_MAX`` chunks.

    Asked before a text is read, not on each miss: a table then holds at most
    ``CHUNKS_MAX`` chunks and the new chunks of one text, so memory stays bounded."""
    for table in (CHUNK_WORDS, *tables):
        if len(table) > CHUNKS_MAX:
            table.clear()


def words(text: str, start: int, end: int) -> list[str]:
    """``WORD.findall(lowered(text), start, end)``: the lower-cased words of
    ``text[start:end]``, for a text that :func:`keeps_offsets`."""
    make_room()
    return words_of(text[start:end].split())


def words_of(chunks: list[str]) -> list[str]:
    """The lower-cased words of the blank-separated ``chunks`` of a text, in order."""
    return list(chain.from_iterable(map(CHUNK_WORDS.__getitem__, chunks)))


def lowered(text: str) -> str | None:
    """``text`` in lower case with straight apostrophes, if that keeps every offset."""
    low = text.lower().replace("’", "'")
    return low if len(low) == len(text) else None


# The only character lower-cased to more than one ("İ" to "i̇"; a test checks the Unicode
# data): a text without it keeps its length, so every offset, when lower-cased.
LONGER_WHEN_LOWERED = "\u0130"


def keeps_offsets(text: str) -> bool:
    """Does :func:`lowered` ``text`` keep every offset?  Told without lower-casing it."""
    return LONGER_WHEN_LOWERED not in text


# "\n", or ".!?" and blanks: one pattern per mark, since a search skips to a literal
# several times faster than to a class; no two can overlap (a blank is no mark).  Each
# with its mark in END_MARKS: a text without it (most have no "!" or "?") is not searched.
END_MARKS = ("\n", ".", "!", "?")
ENDS = tuple(re.compile(p) for p in (r"\n", r"\.[ \t\u00a0]+", r"![ \t\u00a0]+", r"\?[ \t\u00a0]+"))
NON_BLANK = re.compile(r"\S")  # searched for, not ``strip()``: no copy of the sentence
WORD_BEFORE = re.compile(r"\w+\Z")


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each sentence; blank stretches are left out."""
    start, size, non_blank = 0, len(text), NON_BLANK.search
    for m in ends(text):
        at, end = m.span()
        if end == at + 1:  # a line break
            stop = at
        else:
            after = text[end] if end < size else ""
            if not (after.isupper() or after.isdigit() or after in OPENERS) or not after:
                continue
            if text[at] == "." and _abbreviation_before(text, at):
                continue
            stop = at + 1
        # A sentence mostly opens with a visible character: then no search for one.
        if start < stop and (not text[start].isspace() or non_blank(text, start, stop)):
            yield start, stop
        start = end
    if non_blank(text, start):
        yield start, size


def ends(text: str) -> list[re.Match[str]]:
    """The matches of ``ENDS`` in ``text``, in order: those of ``\\n|[.!?][ \\t\\u00a0]+``."""
    # At most four ascending runs: the sort merges them in linear time.  Looking for a
    # mark with ``in`` costs less than setting up a search that finds nothing.
    found = [p.finditer(text) for mark, p in zip(END_MARKS, ENDS, strict=True) if mark in text]
    return sorted(chain.from_iterable(found), key=_start)


def _abbreviation_before(text: str, dot: int) -> bool:
    """Is the word right before this full stop a title, an initial or a short form?"""
    word = WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if word is None:
        return False
    w = word.group()
    return len(w) == 1 or w.lower() in ABBREVIATIONS
