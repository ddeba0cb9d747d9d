"""Splitting text into word, digit and punctuation tokens with their offsets.

The number grammar works on tokens, not on regular expressions over the text, so
no pattern can backtrack: the only regex here matches each token in one pass.
Most tokens of a news text are never looked at (the grammar only reads near
numbers, see :mod:`candidates`), so a :class:`Token` is built on first access.
"""

from __future__ import annotations

import re

__all__ = ["Token", "Tokens", "lower_at", "token_at", "touches"]

# A digit group keeps its inner separators ("30,000", "1.3", "119.3"); a word is a run of
# letters; anything else is one character.  No alternative can match the empty string and
# no quantifier is nested in an ambiguous way, so matching is linear in the text length.
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|\S")
_group = re.Match.group


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

    A dict keeps the repeated lookups of the grammar in C; ``__missing__`` turns the
    regex match into a :class:`Token` the first time an index is read.
    """

    __slots__ = ("_matches", "n")

    def __init__(self, text: str) -> None:
        super().__init__()
        self._matches = list(TOKEN.finditer(text))
        self.n = len(self._matches)

    def __missing__(self, i: int) -> Token:
        m = self._matches[i]  # IndexError and negative indices as a list has them
        tok = self[i] = Token(m.group(), *m.span())
        return tok

    def __len__(self) -> int:
        return self.n

    def texts(self) -> list[str]:
        """The text of every token, without building the tokens."""
        return list(map(_group, self._matches))


def token_at(toks: Tokens, i: int) -> Token | None:
    """Token i, or None outside the list."""
    return toks[i] if 0 <= i < toks.n else None


def lower_at(toks: Tokens, i: int) -> str:
    """Token i lower-cased, or "" outside the list."""
    return toks[i].lower if 0 <= i < toks.n else ""


def touches(toks: Tokens, i: int) -> bool:
    """Token i starts where token i-1 ends: no space between them."""
    return 0 < i < toks.n and toks[i].start == toks[i - 1].end
