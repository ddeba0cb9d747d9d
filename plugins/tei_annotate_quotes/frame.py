"""The frame of a paragraph: its words with each quotation folded into one placeholder.

Attribution patterns ("…,” she said", "X told reporters: “…”") are patterns over
the frame, so they never look inside quoted words.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from itertools import compress
from operator import itemgetter

from .lexicon import DETERMINERS, SCANNED, SPEECH_VERBS
from .marks import Quotation
from .text import Tokens, sentence_spans

__all__ = ["QUOTE", "Frame"]

QUOTE = "\x00quote"
FIRST = itemgetter(0)


class Frame(Tokens):
    """Tokens of one block outside its outermost quotations, and its sentences.

    Each outermost quotation is one token whose text is ``QUOTE``.
    """

    __slots__ = (
        "_speech",
        "hi",
        "hits",
        "lo",
        "quotations",
        "quote_at",
        "sentence_starts",
        "sentences",
        "text",
    )

    def __init__(self, text: str, lo: int, hi: int, quotations: Sequence[Quotation]) -> None:
        super().__init__()
        self._speech: frozenset[int] | None = None
        self.text, self.lo, self.hi = text, lo, hi
        tops = [q for q in quotations if q.depth == 0] if quotations else []
        self.quotations = tops
        self.quote_at: list[int] = []  # token index of each quotation's placeholder
        pos = lo
        for q in tops:
            self.extend(text, pos, q.start)
            self.quote_at.append(len(self.starts))
            self.add(q.start, q.end, QUOTE, QUOTE)
            pos = q.end
        self.extend(text, pos, hi)
        lowers = self.lowers
        # every token a rule looks for, in one pass in C: ``positions`` then only filters these
        self.hits = list(compress(range(len(lowers)), map(SCANNED.__contains__, lowers)))
        self.sentences = sentence_spans(
            text, lo, hi, [(q.start, q.end) for q in tops] if tops else ()
        )
        self.sentence_starts = list(map(FIRST, self.sentences))

    def words(self) -> Tokens:
        """The tokens without the quotation placeholders."""
        return self.without(self.quote_at) if self.quote_at else self

    @property
    def speech(self) -> frozenset[int]:
        """Indices of the reporting verbs, found once: "said", but not the adjective in "the
        estimated toll" nor "to talk" (only "to" + said/told reports)."""
        if self._speech is None:
            self._speech = self._reporting_verbs()
        return self._speech

    def _reporting_verbs(self) -> frozenset[int]:
        lowers = self.lowers
        return frozenset(
            i
            for i in self.positions(SPEECH_VERBS)
            if (before := lowers[i - 1] if i else "") not in DETERMINERS
            and (before != "to" or lowers[i] in ("said", "told"))
        )

    def positions(self, vocabulary: frozenset[str]) -> list[int]:
        """Ascending indices of the tokens whose lower case is in ``vocabulary``, which
        must be part of ``lexicon.SCANNED``."""
        if not self.hits:
            return []
        lowers = self.lowers
        return [i for i in self.hits if lowers[i] in vocabulary]

    def index(self, offset: int) -> int:
        """Index of the token starting at ``offset`` (or the first after it)."""
        return bisect.bisect_left(self.starts, offset)

    def sentence(self, offset: int) -> tuple[int, int]:
        """Token index range [i, j) of the sentence holding ``offset``."""
        k = bisect.bisect_right(self.sentence_starts, offset) - 1
        if k >= 0 and offset < self.sentences[k][1]:
            s, e = self.sentences[k]
            return self.index(s), self.index(e)
        return self.index(self.lo), len(self.starts)

    def lower(self, i: int) -> str:
        """The lower case of token ``i``, "" outside the frame."""
        return self.lowers[i] if 0 <= i < len(self.starts) else ""

    def is_quote(self, i: int) -> bool:
        return 0 <= i < len(self.starts) and self.texts[i] == QUOTE
