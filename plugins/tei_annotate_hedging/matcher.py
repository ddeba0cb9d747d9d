"""Finding cues: the longest lexicon entry at each word whose context rule agrees.

One left-to-right pass over each sentence's words, looking up only the few cue
lengths that start with the current word, so the time grows linearly with the text.
Sentences without any cue's key word are skipped before they are tokenized.
"""

from __future__ import annotations

from collections.abc import Iterator

from attrs import frozen

from .lexicon import Cue, Lexicon
from .rules import RULES
from .tokens import WORD, Token, lowered, sentence_spans, tokenize

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
    low = lowered(text)
    for start, end in sentence_spans(text):
        if low is not None and lexicon.keys.isdisjoint(WORD.findall(low, start, end)):
            continue  # no word that any cue needs: most sentences end here
        s = tokenize(text, start, end, low)
        words = [t.lower for t in s]
        found.extend(_scan(s, words, 0, len(s), lexicon, outer=None, checked=True))
    return found


def _scan(
    s: list[Token],
    words: list[str],
    lo: int,
    hi: int,
    lexicon: Lexicon,
    outer: str | None,
    checked: bool,
) -> Iterator[Match]:
    i = lo
    while i < hi:
        cue = _cue_at(s, words, i, hi, lexicon, checked)
        if cue is None:
            i += 1
            continue
        j = i + len(cue.words)
        if cue.category not in (outer, NO_CUE):
            yield Match(s[i].start, s[j - 1].end, cue.category, cue)
        if cue.category in HOLDERS and j - i > 1:
            yield from _scan(s, words, i + 1, j, lexicon, outer=cue.category, checked=False)
        i = j


def _cue_at(
    s: list[Token], words: list[str], i: int, hi: int, lexicon: Lexicon, checked: bool
) -> Cue | None:
    """The longest cue starting at word ``i`` whose rule agrees (rules are skipped when
    not ``checked``)."""
    for n in lexicon.lengths.get(words[i], ()):
        if i + n > hi:
            continue
        cue = lexicon.table.get(tuple(words[i : i + n]))
        if cue is not None and (cue.rule is None or not checked or RULES[cue.rule](s, i, i + n)):
            return cue
    return None
