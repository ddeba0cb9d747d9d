"""Words and sentences of a paragraph, with quoted words kept out of the sentence frame.

Attribution reads the frame around a quotation ("…,” he said.), so sentence ends
inside quoted words must not cut it: quoted stretches are masked before splitting.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import attrs

__all__ = ["Token", "sentence_spans", "tokenize"]

WORD = re.compile(r"\w+(?:[’'.\-]\w+)*\.?|[^\w\s]")
# "Mr." "U.S." "G.K." keep their dot; a lone capital with a dot is an initial.
ABBREVIATION = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Gen|Lt|Col|Capt|Sgt|St|Jr|Sr|Prof|Rev|Hon|No|Vol|vs|etc|Inc|Corp|Ltd|Co|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|(?<![A-Za-z])[A-Z](?:\.[A-Z])*|[A-Z]-[A-Z][A-Za-z.]*)\.\Z"
)
# Tried only where a run of end marks starts (the look-behind): every mark of a run has
# the same text after it, so starting inside the run could not match either, and
# trying each one made a long run of dots quadratic.
END = re.compile(
    r"(?<![.!?…])[.!?…]+[”’\"')\]]*(?=\s+[“‘\"'(\[]?[A-Z0-9])|(?<![.!?…])[.!?…]+[”’\"')\]]*\s*\Z"
)
# An abbreviation is looked for in the last characters of a word only, so a long
# "A.A.A.…" token costs no more than a short one.
ABBREVIATION_TAIL = 40


@attrs.frozen
class Token:
    start: int
    end: int
    text: str
    lower: str = attrs.field(eq=False)

    @lower.default
    def _lower(self) -> str:
        return self.text.lower().rstrip(".")


def _abbreviation(word: str) -> bool:
    return ABBREVIATION.search(word[-ABBREVIATION_TAIL:]) is not None


def tokenize(text: str, lo: int, hi: int) -> list[Token]:
    """Words and punctuation of ``text[lo:hi]``; a word's final dot is split off unless it
    ends an abbreviation."""
    out: list[Token] = []
    for m in WORD.finditer(text, lo, hi):
        s, e, w = m.start(), m.end(), m.group()
        if w.endswith(".") and len(w) > 1 and not _abbreviation(w):
            out.append(Token(s, e - 1, w[:-1]))
            out.append(Token(e - 1, e, "."))
        else:
            out.append(Token(s, e, w))
    return out


def sentence_spans(
    text: str, lo: int, hi: int, masked: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """Sentence (start, end) spans of ``text[lo:hi]``; no sentence ends inside a masked span."""
    chars = list(text[lo:hi])
    for s, e in masked:
        for i in range(max(s, lo) + 1, min(e, hi) - 2):  # the last quoted character may end it
            if chars[i - lo] in ".!?…":
                chars[i - lo] = "x"
    flat = "".join(chars)
    spans: list[tuple[int, int]] = []
    start = 0
    for m in END.finditer(flat):
        before = flat[max(start, m.start() - ABBREVIATION_TAIL) : m.start() + 1].split()
        if before and _abbreviation(before[-1]) and m.end() < len(flat):
            continue
        spans.append((lo + start, lo + m.end()))
        start = m.end()
        while start < len(flat) and flat[start].isspace():
            start += 1
    if start < len(flat) and flat[start:].strip():
        spans.append((lo + start, hi))
    return spans


def sentence_of(spans: Sequence[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The sentence span holding ``offset`` (the last one before it if between sentences)."""
    starts = [s for s, _ in spans]
    i = max(bisect.bisect_right(starts, offset) - 1, 0)
    return spans[i] if spans else (offset, offset)
