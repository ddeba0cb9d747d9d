"""Splitting text into word, digit and punctuation tokens with their offsets.

The number grammar works on tokens, not on regular expressions over the text, so
no pattern can backtrack: the only regex here matches each token in one pass.
"""

from __future__ import annotations

import re

from attrs import frozen

__all__ = ["Token", "lower_at", "token_at", "tokenize", "touches"]

# A digit group keeps its inner separators ("30,000", "1.3", "119.3"); a word is a run of
# letters; anything else is one character.  No alternative can match the empty string and
# no quantifier is nested in an ambiguous way, so matching is linear in the text length.
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|\S")


@frozen
class Token:
    """One token: its text and code-point offsets into the document text."""

    text: str
    start: int
    end: int
    lower: str = ""

    @property
    def is_digits(self) -> bool:
        return self.text[0].isdigit()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def is_capitalised(self) -> bool:
        return self.text[0].isupper()


def tokenize(text: str) -> list[Token]:
    """All tokens of ``text`` in order."""
    return [Token(m.group(), m.start(), m.end(), m.group().lower()) for m in TOKEN.finditer(text)]


def token_at(toks: list[Token], i: int) -> Token | None:
    """Token i, or None outside the list."""
    return toks[i] if 0 <= i < len(toks) else None


def lower_at(toks: list[Token], i: int) -> str:
    """Token i lower-cased, or "" outside the list."""
    return toks[i].lower if 0 <= i < len(toks) else ""


def touches(toks: list[Token], i: int) -> bool:
    """Token i starts where token i-1 ends: no space between them."""
    return 0 < i < len(toks) and toks[i].start == toks[i - 1].end
