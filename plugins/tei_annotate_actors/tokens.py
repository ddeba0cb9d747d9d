"""Words of a block with their offsets, and where sentences start.

Names are decided on words, so the text is cut once, with one linear-time
regular expression, into words and single punctuation marks.  A possessive
ending ("Trump’s") is its own token so it stays outside the name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate, repeat
from operator import itemgetter
from typing import NamedTuple

from attrs import frozen

__all__ = ["Token", "TokenBlock", "token", "tokenize"]

TOKEN = re.compile(
    r"""
    (?:[A-Z]\.){2,}                 # dotted initialisms: U.S., U.K.
  | [A-Z]\.(?=[ \t]+(?:[A-Z]|and[ \t]+[A-Z]))  # an initial: Stephen J. Townsend, Charles G. and
  | (?:Inc|Ltd|Corp|Co|St|Dr|Mr|Mrs|Ms|Gen|Lt|Col|Capt|Sgt|Spc|Pfc|Pvt|Cpl|Brig|Adm|Prof|Rev|Gov|Sen|Rep|Maj|Cmdr|Cdr|Amb|Hon|Jr|Sr|Ft|Mt|Del|Det|Fr|Msgr|Supt|Insp|Pres|Sec|Atty|Ald)\.(?=[ \t]+\w)
  | \w+(?:[-'’]\w+)*                # words, with inner hyphens and apostrophes
  | \S                              # any other mark
    """,
    re.VERBOSE,
)
POSSESSIVE = ("’s", "'s", "’S", "'S")
# Marks after which the next word opens a sentence (or a quotation, which reads the same).
SENTENCE_END = frozenset(".!?:“‘«(")


ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|as|an|ar|at|ash|ibn|bin)-[A-Z]")


class Token(NamedTuple):
    """A word or mark: offsets into the document, and whether it opens a sentence.

    A named tuple: documents have tens of thousands of tokens, and the word tests
    used everywhere are computed once, by :func:`token`.
    """

    start: int
    end: int
    text: str
    initial: bool
    is_word: bool
    capitalised: bool  # like a name; "al-Abadi" counts, its article is lower-case by convention


def token(start: int, end: int, text: str, initial: bool) -> Token:
    c = text[0]
    return Token(
        start,
        end,
        text,
        initial,
        c.isalnum(),
        c.isupper() or (c in "aeib" and ARABIC_ARTICLE.match(text) is not None),
    )


# The same pattern as one group: ``split`` gives the tokens and the spaces between them
# as plain strings (no match object per token), and the offsets follow from their lengths.
SPLIT = re.compile(f"({TOKEN.pattern})", re.VERBOSE)
# Marks that may open a sentence (quotes only before a letter or digit, see :func:`tokenize`).
OPENING_MARK = re.compile(r"""[.!?:“‘«("']""")
_first = itemgetter(0)
_new = tuple.__new__  # builds a Token without the Python-level ``__new__`` call


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]`` (one block); the first word is sentence-initial.

    The per-token tests run as ``map`` over parallel lists, and the tokens are built
    from them in one pass: documents have tens of thousands of tokens.
    """
    block = text[start:end]
    parts = SPLIT.split(block)  # spaces, token, spaces, token, ..., spaces
    if "’s" in block or "'s" in block or "’S" in block or "'S" in block:
        parts = _split_possessives(parts)
    texts = parts[1::2]
    n = len(texts)
    if not n:
        return []
    offsets = list(accumulate(map(len, parts), initial=start))
    starts, ends = offsets[1:-1:2], offsets[2::2]
    firsts = list(map(_first, texts))
    is_word = list(map(str.isalnum, firsts))
    capitalised = list(map(str.isupper, firsts))
    if "-" in block:  # "al-Abadi" is capitalised like a name
        for m in ARABIC_ARTICLE.finditer(block):
            i = _index(starts, m.start() + start)
            if i is not None and ARABIC_ARTICLE.match(texts[i]):
                capitalised[i] = True
    if "_" in block:  # a word opening with "_" is read as a one-character mark
        for i, c in enumerate(firsts):
            if c == "_":
                ends[i] = starts[i] + 1
    initial = [False] * n
    if True in is_word:
        initial[is_word.index(True)] = True
        for m in OPENING_MARK.finditer(block):
            s = m.start() + start
            i = _index(starts, s)
            if i is None or len(texts[i]) != 1:
                continue  # a dot inside "U.S.", an apostrophe inside a word
            if texts[i] in SENTENCE_END or text[s + 1 : s + 2].isalnum():
                nxt = _next_word(is_word, i + 1)
                if nxt is not None:
                    initial[nxt] = True
    return list(
        map(
            _new,
            repeat(Token),
            zip(starts, ends, texts, initial, is_word, capitalised, strict=True),
        )
    )


def _split_possessives(parts: list[str]) -> list[str]:
    """``parts`` with a possessive ending ("Trump’s") split off its word, as a token of its own."""
    out: list[str] = []
    done = 0
    for j in range(1, len(parts), 2):
        w = parts[j]
        if w.endswith(POSSESSIVE) and len(w) > 2 and w[0].isalnum():
            out += parts[done:j]
            out += (w[:-2], "", w[-2:])
            done = j + 1
    if not done:
        return parts
    out += parts[done:]
    return out


def _index(starts: list[int], offset: int) -> int | None:
    """Index of the token starting at ``offset``, if one does."""
    i = bisect_left(starts, offset)
    return i if i < len(starts) and starts[i] == offset else None


def _next_word(is_word: list[bool], i: int) -> int | None:
    try:
        return is_word.index(True, i)
    except ValueError:
        return None


@frozen
class TokenBlock:
    """The tokens of one block; ``heading`` if it capitalises every word, ``prose`` if a paragraph."""

    tokens: list[Token]
    heading: bool
    prose: bool
