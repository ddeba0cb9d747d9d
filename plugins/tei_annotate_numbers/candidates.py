"""Where a number phrase can start: the only tokens the grammar needs to look at.

Reading a phrase at every token is what made the layer slow, and almost every token
of a news text starts nothing.  A token is a candidate if the grammar could mark
something from it, or could skip over a later token from it:

- an *anchor*, without which nothing is marked: digits, a word a number can start
  with (cardinal, ordinal from "third" up, fraction, "dozen", a vague plural; alone,
  "first" and "second" are no number), a month name, a currency sign (and a word
  written onto it, "US$"), a currency code, "a"/"an" before a number word;
- a whole bound ("more than", "up to", "between") with an anchor close enough behind
  it to be the number it bounds;
- a word after a labelling noun that a number follows ("Section A, 5"), since the
  label rule skips the coordinated numbers from there.

Tests check that every word the grammar can start a number from (as text2num reads
it) is an anchor, and that :func:`phrases.scan` reads the same phrases as it would at
every token: this stays a filter, never a second grammar.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import compress

from .currency import CURRENCY_SIGNS, currency_codes
from .dates import month_names
from .lexicon import AT_LEAST, AT_MOST, LABEL_NOUNS, by_first_word
from .tables import LIMIT, Table
from .tokens import chunk_words, known_chunks, learn_chunk, learn_letters
from .words import NUMBER_STEMS

__all__ = ["NUMBER_STEMS", "candidates", "may_hold_number"]

# A bound can only matter if its number starts within this many tokens: three words of
# bound ("no fewer than"), two of currency ("US", "$"), then "a" before a scale word.
BOUND_REACH = 6
BOUND_PHRASES = by_first_word((*AT_LEAST, *AT_MOST, ("between",)))
BOUND_FIRST_WORDS = frozenset(BOUND_PHRASES)
ARTICLES = frozenset({"a", "an"})
# The label rule skips a number two tokens after the word it starts from ("A , 5").
LABEL_REACH = 2


# What a token can be for the filter, as bits; most tokens are none of these.
ANCHOR, NUMBER_WORD, SIGN, BOUND, LABEL = 1, 2, 4, 8, 16
# The kinds a token that anchors a number can have, whatever else it is.
_ANCHOR_KINDS = frozenset(k for k in range(32) if k & (ANCHOR | NUMBER_WORD | SIGN))


@cache
def _anchor_words() -> frozenset[str]:
    """Tokens that are anchors as written: month names and currency codes."""
    return frozenset(month_names()) | currency_codes()


# What is left of every token text with a kind once lower-cased and stripped of its
# trailing "s" (as NUMBER_STEMS are), filled when first needed (:func:`_kind_stems`):
# read at every new word, it is a module global and not a cached function's result.
_STEMS: frozenset[str] = frozenset()


def _kind_stems() -> frozenset[str]:
    """:data:`_STEMS`, made on first need (month names and currency codes are read from
    CLDR): a text whose stem is not there has no kind, unless it starts with a digit, and
    most words are judged with this one lookup."""
    global _STEMS
    lowered = (*(w.lower() for w in _anchor_words()), *CURRENCY_SIGNS)
    words = (*lowered, *BOUND_FIRST_WORDS, *LABEL_NOUNS)
    _STEMS = NUMBER_STEMS | frozenset(w.rstrip("s") for w in words)
    return _STEMS


def _kind(text: str) -> int:
    """The kind of a token text that is not letters only: digits or a single character."""
    return ANCHOR if text[0].isdecimal() else _word_kind(text)


def _word_kind(text: str) -> int:
    """The kind of a token text that does not start with a digit, for the tables below
    (which learn it)."""
    low = text.lower()
    if (stem := low.rstrip("s")) not in (_STEMS or _kind_stems()):
        return 0
    if stem in NUMBER_STEMS:
        return NUMBER_WORD
    kind = ANCHOR if text in _anchor_words() else SIGN if text in CURRENCY_SIGNS else 0
    if low in BOUND_FIRST_WORDS:
        kind |= BOUND
    if low in LABEL_NOUNS:
        kind |= LABEL
    return kind


class _Kinds(Table[str, int]):
    """Kinds of the token texts seen so far: a news text repeats its words, so most tokens
    cost one lookup (an unseen one is learnt when first read, see :mod:`tables`), and
    whether the text, read as a chunk, holds an anchor (:data:`_ANCHORED`) with it: a
    token's text, read as a chunk, is that one token.  The chunk tables' entries of a
    word of letters are learnt too if they are not known yet (the word was read in a
    chunk of several tokens, "said,"): one miss then learns all the word needs."""

    __slots__ = ()

    def __missing__(self, word: str) -> int:
        if len(self) >= LIMIT:
            self.clear()
        if word.isalpha():
            kind = self[word] = _word_kind(word)
            if word not in known_chunks:
                learn_letters(word)
        else:
            kind = self[word] = _kind(word)
        if len(_ANCHORED) >= LIMIT:
            _ANCHORED.clear()
        _ANCHORED[word] = kind in _ANCHOR_KINDS
        return kind


class _Anchored(Table[str, bool]):
    """Whether a whitespace chunk holds an anchor, for the chunks seen so far: about half
    the blocks of a news text hold none, and are then rejected without being tokenized.
    A chunk of one token has that token's kind, learnt with it (:data:`_KINDS`), as are
    its entries in the chunk tables; a chunk of several tokens holds their kinds."""

    __slots__ = ()

    def __missing__(self, chunk: str) -> bool:
        if len(self) >= LIMIT:
            self.clear()
        if chunk.isalpha():
            learn_letters(chunk)
            kind = _word_kind(chunk)
        elif len(words := chunk_words(chunk) if chunk in known_chunks else learn_chunk(chunk)) > 1:
            kinds = map(_KINDS.__getitem__, words)
            anchored = self[chunk] = not _ANCHOR_KINDS.isdisjoint(kinds)
            return anchored
        else:
            kind = _kind(chunk)
        anchored = self[chunk] = kind in _ANCHOR_KINDS
        if len(_KINDS) >= LIMIT:
            _KINDS.clear()
        _KINDS[chunk] = kind
        return anchored


_KINDS = _Kinds()
_ANCHORED = _Anchored()


def _kinds(words: Sequence[str]) -> list[int]:
    return list(map(_KINDS.__getitem__, words))


def may_hold_number(chunks: list[str]) -> bool:
    """False if no token of the whitespace-split ``chunks`` is an anchor: then
    :func:`candidates` of their tokens is empty."""
    return any(map(_ANCHORED.__getitem__, chunks))


def candidates(words: Sequence[str]) -> list[int]:
    """Indices of the tokens (given as their texts) a phrase, date or time can start at."""
    kinds = _kinds(words)
    if _ANCHOR_KINDS.isdisjoint(kinds):
        return []  # most texts hold no number: one pass in C says so
    anchors: set[int] = set()
    bounds: list[int] = []
    labels: list[int] = []
    for i in compress(range(len(kinds)), kinds):
        kind = kinds[i]
        if kind & (ANCHOR | NUMBER_WORD | SIGN):
            anchors.add(i)
            if i and (
                kind & SIGN  # "US$", "A$"
                or (kind & NUMBER_WORD and words[i - 1].lower() in ARTICLES)
            ):
                anchors.add(i - 1)
        if kind & BOUND:
            bounds.append(i)
        if kind & LABEL:
            labels.append(i)
    if not anchors:
        return []
    found = set(anchors)
    found.update(
        b
        for b in bounds
        if not anchors.isdisjoint(range(b + 1, b + BOUND_REACH + 1)) and _bound_at(words, b)
    )
    for label in labels:
        found.update(f for f in (label + 1, label + 2) if f + LABEL_REACH in anchors)
    return sorted(found)


def _bound_at(words: Sequence[str], i: int) -> bool:
    """Do the words at i spell a whole bound ("in" only as "in excess of")?"""
    return any(
        len(words) >= i + len(phrase)
        and all(words[i + k].lower() == w for k, w in enumerate(phrase))
        for phrase in BOUND_PHRASES[words[i].lower()]
    )
