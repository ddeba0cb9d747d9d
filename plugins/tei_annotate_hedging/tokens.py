"""Words and sentences with their offsets: the only view of the text the rules need.

One linear regex finds the words; sentences end at a line break, or at ``.!?``
followed by a capital, a digit or an opening quote (not after a title or an
initial such as "Mr." or "U.").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

__all__ = ["Token", "sentences", "tokenize"]

# A word with inner apostrophes or hyphens ("couldn't", "so-called", "mid-May"), or one
# other visible character.  Every repetition starts with a separator, so no backtracking.
WORD = re.compile(r"\w+(?:['’\-]\w+)*|\S")
TERMINAL = frozenset(".!?")
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


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``text[start:end]``, offsets into ``text``."""
    return [
        Token(m.start(), m.end(), m.group(), m.group().lower().replace("’", "'"))
        for m in WORD.finditer(text, start, len(text) if end is None else end)
    ]


def sentences(text: str, tokens: list[Token]) -> Iterator[list[Token]]:
    """Split ``tokens`` into sentences (lists of tokens, never empty)."""
    current: list[Token] = []
    for k, tok in enumerate(tokens):
        if current and "\n" in text[current[-1].end : tok.start]:
            yield current
            current = []
        current.append(tok)
        if tok.text in TERMINAL and k + 1 < len(tokens) and _ends_sentence(tokens, k):
            yield current
            current = []
    if current:
        yield current


def _ends_sentence(tokens: list[Token], k: int) -> bool:
    nxt = tokens[k + 1]
    if not (nxt.text[0].isupper() or nxt.text[0].isdigit() or nxt.text in OPENERS):
        return False
    if tokens[k].text == "." and k > 0:
        prev = tokens[k - 1]
        if prev.end == tokens[k].start and (
            prev.lower in ABBREVIATIONS or (len(prev.text) == 1 and prev.text.isupper())
        ):
            return False
    return True
