"""Finding cues: the longest lexicon entry at each word whose context rule agrees.

One left-to-right pass over each sentence's words, trying only the few cues that
start with the current word, so the time grows linearly with the text.
"""

from __future__ import annotations

from collections.abc import Iterator

from attrs import frozen

from .lexicon import Cue, Lexicon
from .rules import RULES
from .tokens import Token, sentences, tokenize

__all__ = ["Match", "find_cues"]

# Cues naming a source ("experts believe") may hold a cue of their own ("believe"),
# which is marked inside them; the holder has settled its reading, so no rule is asked.
HOLDERS = frozenset({"weasel", "evidential"})
NO_CUE = "none"


@frozen
class Match:
    """A cue found in the text: its character span and category."""

    start: int
    end: int
    category: str
    cue: Cue


def find_cues(text: str, lexicon: Lexicon) -> list[Match]:
    """Every cue in ``text`` in document order; inner cues follow the cue holding them."""
    found: list[Match] = []
    for sentence in sentences(text, tokenize(text)):
        found.extend(_scan(sentence, 0, len(sentence), lexicon, outer=None, checked=True))
    return found


def _scan(
    s: list[Token], lo: int, hi: int, lexicon: Lexicon, outer: str | None, checked: bool
) -> Iterator[Match]:
    i = lo
    while i < hi:
        cue = _cue_at(s, i, hi, lexicon, checked)
        if cue is None:
            i += 1
            continue
        j = i + len(cue.words)
        if cue.category not in (outer, NO_CUE):
            yield Match(s[i].start, s[j - 1].end, cue.category, cue)
        if cue.category in HOLDERS and j - i > 1:
            yield from _scan(s, i + 1, j, lexicon, outer=cue.category, checked=False)
        i = j


def _cue_at(s: list[Token], i: int, hi: int, lexicon: Lexicon, checked: bool) -> Cue | None:
    for cue in lexicon.by_first.get(s[i].lower, ()):
        n = len(cue.words)
        if i + n > hi or any(s[i + k].lower != w for k, w in enumerate(cue.words)):
            continue
        if cue.rule is None or not checked or RULES[cue.rule](s, i, i + n):
            return cue
    return None
