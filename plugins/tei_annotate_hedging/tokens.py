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
    "Token",
    "ends",
    "lowered",
    "sentence_spans",
    "tokenize",
    "tokens_of",
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


def lowered(text: str) -> str | None:
    """``text`` in lower case with straight apostrophes, if that keeps every offset."""
    low = text.lower().replace("’", "'")
    return low if len(low) == len(text) else None


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
