"""The frame of a paragraph: its words with each quotation folded into one placeholder.

Attribution patterns ("…,” she said", "X told reporters: “…”") are patterns over
the frame, so they never look inside quoted words.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from .marks import Quotation
from .text import Token, sentence_spans, tokenize

__all__ = ["QUOTE", "Frame"]

QUOTE = "\x00quote"


class Frame:
    """Tokens of one block outside its outermost quotations, and its sentences."""

    def __init__(self, text: str, lo: int, hi: int, quotations: Sequence[Quotation]) -> None:
        self.text, self.lo, self.hi = text, lo, hi
        tops = [q for q in quotations if q.depth == 0]
        self.quotations = tops
        tokens: list[Token] = []
        pos = lo
        for q in tops:
            tokens.extend(tokenize(text, pos, q.start))
            tokens.append(Token(q.start, q.end, QUOTE))
            pos = q.end
        tokens.extend(tokenize(text, pos, hi))
        self.tokens = tokens
        self.starts = [t.start for t in tokens]
        self.sentences = sentence_spans(text, lo, hi, [(q.start, q.end) for q in tops])
        self.sentence_starts = [s for s, _ in self.sentences]

    def index(self, offset: int) -> int:
        """Index of the token starting at ``offset`` (or the first after it)."""
        return bisect.bisect_left(self.starts, offset)

    def sentence(self, offset: int) -> tuple[int, int]:
        """Token index range [i, j) of the sentence holding ``offset``."""
        k = bisect.bisect_right(self.sentence_starts, offset) - 1
        if k >= 0 and offset < self.sentences[k][1]:
            s, e = self.sentences[k]
            return self.index(s), self.index(e)
        return self.index(self.lo), len(self.tokens)

    def lower(self, i: int) -> str:
        return self.tokens[i].lower if 0 <= i < len(self.tokens) else ""

    def is_quote(self, i: int) -> bool:
        return 0 <= i < len(self.tokens) and self.tokens[i].text == QUOTE
