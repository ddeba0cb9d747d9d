"""Finding cues: the longest lexicon entry at each word whose context rule agrees.

One left-to-right pass over each sentence's words, looking up only the few cue
lengths that start with the current words, so the time grows linearly with the text.
Sentences without any cue's key word are skipped before they are tokenized, and only
the words some cue begins with are looked at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress, count, islice

from attrs import frozen

from .lexicon import Cue, Lexicon
from .rules import PRECHECKS, RULES, WORD_RULES
from .tokens import (
    WORD,
    Token,
    lowered,
    sentence_spans,
    tokenize,
    tokens_of,
)

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
    # The words are read from the text lower-cased once, when that keeps every offset
    # (the words of a lower-cased text are those it would have lower-cased word by word).
    low = lowered(text)
    keys, findall = lexicon.keys, WORD.findall
    for start, end in sentence_spans(text):
        if low is None:  # lower-casing moves offsets: tokenize word by word
            tokens: list[Token] | None = tokenize(text, start, end)
            lows = [t.lower for t in tokens]
        else:
            lows = findall(low, start, end)
            if keys.isdisjoint(lows):
                continue  # no word that any cue needs: most sentences end here
            tokens = None
        firsts = _starts(lows, lexicon)
        if firsts:
            sentence = _Sentence(text, start, end, lows, tokens)
            found.extend(_scan(sentence, firsts, 0, len(lows), lexicon, None, True))
    return found


def _starts(lows: list[str], lexicon: Lexicon) -> list[int]:
    """Indices of the words a cue can start at: a one-word cue or the first two words of a
    longer one.  Most words that begin a cue ("of", "to", "in") begin only phrases, and
    seldom with the next word: they are ruled out here, not by a call of :func:`_cue_at`."""
    singles, phrases, last = lexicon.singles, lexicon.phrases, len(lows) - 1
    return [
        k
        for k in compress(count(), map(lexicon.firsts.__contains__, lows))
        if lows[k] in singles or (k < last and (lows[k], lows[k + 1]) in phrases)
    ]


class _Sentence:
    """A sentence's lower-cased words; its tokens are built only if a rule reads them.

    Most sentences that hold a key word hold no cue, and a token costs more than a word;
    a cue's offsets need only the words' matches up to its last word.
    """

    __slots__ = ("_found", "_more", "_tokens", "words")

    def __init__(
        self, text: str, start: int, end: int, words: list[str], tokens: list[Token] | None
    ) -> None:
        self.words, self._tokens = words, tokens
        self._found: list[re.Match[str]] = []  # the first matches of WORD, taken as needed
        self._more = WORD.finditer(text, start, end)

    @property
    def tokens(self) -> list[Token]:
        if self._tokens is None:
            self._found.extend(self._more)
            self._tokens = tokens_of(self._found, self.words)
        return self._tokens

    def span(self, i: int, j: int) -> tuple[int, int]:
        """The character span of words ``[i, j)``, matching no word after ``j``: cues come
        in order, so a sentence's words are matched once however many cues it holds."""
        if self._tokens is not None:
            return self._tokens[i].start, self._tokens[j - 1].end
        found = self._found
        if len(found) < j:
            found.extend(islice(self._more, j - len(found)))
        return found[i].start(), found[j - 1].end()


def _scan(
    sentence: _Sentence,
    firsts: list[int],
    lo: int,
    hi: int,
    lexicon: Lexicon,
    outer: str | None,
    checked: bool,
) -> Iterator[Match]:
    """Cues at the word indices ``firsts`` (see :func:`_starts`) within ``[lo, hi)``."""
    i = lo
    for k in firsts:
        if k < i:
            continue
        if k >= hi:
            break
        cue = _cue_at(sentence, k, hi, lexicon, checked)
        if cue is None:
            continue
        j = k + len(cue.words)
        if cue.category not in (outer, NO_CUE):
            start, end = sentence.span(k, j)
            yield Match(start, end, cue.category, cue)
        if cue.category in HOLDERS and j - k > 1:
            yield from _scan(sentence, firsts, k + 1, j, lexicon, outer=cue.category, checked=False)
        i = j


def _cue_at(sentence: _Sentence, i: int, hi: int, lexicon: Lexicon, checked: bool) -> Cue | None:
    """The longest cue starting at word ``i`` whose rule agrees (rules are skipped when
    not ``checked``): the phrases that begin with the next two words, then the word."""
    words = sentence.words
    if i + 1 < hi:
        for n in lexicon.phrases.get((words[i], words[i + 1]), ()):
            cue = lexicon.table.get(tuple(words[i : i + n])) if i + n <= hi else None
            if cue is not None and _agrees(cue, sentence, i, i + n, checked):
                return cue
    cue = lexicon.singles.get(words[i])
    return cue if cue is not None and _agrees(cue, sentence, i, i + 1, checked) else None


def _agrees(cue: Cue, sentence: _Sentence, i: int, j: int, checked: bool) -> bool:
    """Does the cue's rule hold at ``[i, j)``?  It is asked only if ``checked``; a rule
    reading tokens only if its precheck (if any) lets it hold."""
    if cue.rule is None or not checked:
        return True
    word_rule = WORD_RULES.get(cue.rule)
    if word_rule is not None:
        return word_rule(sentence.words, i, j)
    pre = PRECHECKS.get(cue.rule)
    if pre is not None and not pre(sentence.words, i, j):
        return False
    return RULES[cue.rule](sentence.tokens, i, j)
