"""Words and sentences of a paragraph, with quoted words kept out of the sentence frame.

Attribution reads the frame around a quotation ("…,” he said.), so sentence ends
inside quoted words must not cut it: quoted stretches are masked before splitting.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from itertools import accumulate

__all__ = ["Tokens", "indices", "positions", "sentence_spans", "tokenize"]

# A word, or one punctuation mark; a dot right after a word is joined to it afterwards
# when the two make an abbreviation.  (``++``: nothing to backtrack into; the group's
# repeat is greedy, as Python < 3.11.5 mis-matches a possessive one.)  ``\w`` is
# written with the ASCII word characters first: the regex engine tests those against a
# bitmap and looks a character's Unicode category up only when that fails.
_W = r"[a-zA-Z0-9_\w]"
WORD = re.compile(rf"{_W}++(?:[’'.\-]{_W}++)*|[^a-zA-Z0-9_ \w\s]")
# Splitting on the captured tokens gives spaces and tokens in turn, with no match objects.
SPLIT = re.compile(f"({WORD.pattern})")
# "Mr." "U.S." "G.K." keep their dot; a lone capital with a dot is an initial.
_TITLES = """Mr Mrs Ms Dr Rep Sen Gov Gen Lt Col Capt Sgt St Jr Sr Prof Rev Hon No Vol vs etc Inc
    Corp Ltd Co Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"""
ABBREVIATED = _TITLES.split()
ABBREVIATION = re.compile(
    rf"(?:{'|'.join(ABBREVIATED)}|(?<![A-Za-z])[A-Z](?:\.[A-Z])*|[A-Z]-[A-Z][A-Za-z.]*)\.\Z"
)
# What ``ABBREVIATION`` can find in a word with a lower-case letter before its last
# character and no hyphen: only a listed abbreviation, then the dot (an initial ends in
# a capital, and only the "X-Men." form ends in a lower-case letter).
ABBREVIATED_DOTS = tuple(f"{w}." for w in ABBREVIATED)
# A run of end marks, then a capital after a space or the end of the paragraph.  The
# look-behind after the first mark tries only the first mark of a run (every mark of a
# run has the same text after it, and trying each one made a long run of dots
# quadratic); putting a mark first lets the regex engine skip straight to the marks.
# The spaces before the next sentence are group 1, so its start comes with the match.
END = re.compile(r"[.!?…](?<![.!?…]{2})[.!?…]*[”’\"')\]]*(?:(\s+)(?=[“‘\"'(\[]?[A-Z0-9])|\s*\Z)")
ENDS = ".!?…"  # the marks an ``END`` match opens with
# An abbreviation is looked for in the last characters of a word only, so a long
# "A.A.A.…" token costs no more than a short one.
ABBREVIATION_TAIL = 40


class Tokens:
    """Words and punctuation marks as parallel lists: ``starts``, ``ends``, ``texts`` and
    ``lowers`` (a word's lower case without a final dot).

    A paragraph makes hundreds of tokens and the rules read one or two fields of each:
    four lists cost far less to build and to read than one object per token.
    """

    __slots__ = ("ends", "lowers", "starts", "texts")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.texts: list[str] = []
        self.lowers: list[str] = []

    def __len__(self) -> int:
        return len(self.starts)

    def add(self, start: int, end: int, text: str, lower: str) -> None:
        self.starts.append(start)
        self.ends.append(end)
        self.texts.append(text)
        self.lowers.append(lower)

    def extend(self, text: str, lo: int, hi: int) -> None:
        """Add the words and punctuation of ``text[lo:hi]``; a word's final dot is a token
        of its own unless it ends an abbreviation.

        A paragraph with no white space but spaces is cut on them (see ``_spaced``);
        otherwise ``SPLIT`` cuts the text into spaces and tokens in turn, and the running
        sum of their lengths gives the offsets.  Only the dots, a few per paragraph, are
        then looked at one by one.
        """
        block = text[lo:hi]
        if block.isprintable():  # no white space but " " (the usual case)
            texts, starts = _spaced(block, lo)
            ends = list(map(operator.add, starts, map(len, texts)))
        else:
            parts = SPLIT.split(block)
            bounds = list(accumulate(map(len, parts), initial=lo))
            texts, starts, ends = parts[1::2], bounds[1:-1:2], bounds[2::2]
        first = len(self.starts)
        if first:
            self.starts += starts
            self.ends += ends
            self.texts += texts
            self.lowers += map(str.lower, texts)
        else:  # the usual case, a paragraph without quotations: no copies
            self.starts, self.ends = starts, ends
            self.texts, self.lowers = texts, list(map(str.lower, texts))
        n = texts.count(".")
        if n:
            dots, i = [], -1
            for _ in range(n):
                i = texts.index(".", i + 1)
                dots.append(first + i)
            self._dots(dots, first)

    def _dots(self, dots: list[int], first: int) -> None:
        """Each "." (at the ascending indices ``dots``) has no lower case; it joins the word
        right before it when the two make an abbreviation ("Mr.", "U.S.").  Done from the
        last one, so the indices before stay valid."""
        starts, ends, texts, lowers = self.starts, self.ends, self.texts, self.lowers
        for i in reversed(dots):
            lowers[i] = ""
            if i == first or ends[i - 1] != starts[i]:
                continue
            word = texts[i - 1]
            if (word[-1].isalnum() or word[-1] == "_") and _abbreviation(word + "."):
                texts[i - 1] = word + "."
                ends[i - 1] = ends[i]
                del starts[i], ends[i], texts[i], lowers[i]

    def without(self, drop: Sequence[int]) -> Tokens:
        """A copy without the tokens at the ascending indices ``drop``."""
        out = Tokens()
        out.starts, out.ends = self.starts[:], self.ends[:]
        out.texts, out.lowers = self.texts[:], self.lowers[:]
        for i in reversed(drop):
            del out.starts[i], out.ends[i], out.texts[i], out.lowers[i]
        return out


def _spaced(block: str, lo: int) -> tuple[list[str], list[int]]:
    """The tokens of ``block`` (at offset ``lo``), whose only white space is " ", and
    their starts.  Most runs between two spaces are one word: one token, found with no
    regex search (a search costs more than all the rest of a token).  Only the others,
    such as "said," or "“We", are split by ``SPLIT``: no token holds a space, and every
    other character is in a token, so the tokens of a run are those of the block.  The
    commonest of those, a word and one mark ("said,"), needs no search either: ``\\w``
    is a letter, a digit or "_", and a mark after a word is a token of its own."""
    texts: list[str] = []
    starts: list[int] = []
    pos = lo
    for run in block.split(" "):
        if run.isalnum():  # a word: ``\w`` is a letter, a digit or "_"
            texts.append(run)
            starts.append(pos)
        elif run[:-1].isalnum() and run[-1] != "_":  # "said,": a word, then one mark
            texts += (run[:-1], run[-1])
            starts += (pos, pos + len(run) - 1)
        elif run:
            tokens = SPLIT.split(run)[1::2]
            texts += tokens
            starts += accumulate(map(len, tokens[:-1]), initial=pos)
        pos += len(run) + 1
    return texts, starts


def positions(words: list[str], vocabulary: frozenset[str]) -> list[int]:
    """Ascending indices of the ``words`` that are in ``vocabulary``.

    Most words of a paragraph are in no word class the rules look for, so the scan is
    left to C: one set intersection, then ``list.index`` for each word found.
    """
    return indices(words, vocabulary.intersection(words))


def indices(words: list[str], found: AbstractSet[str]) -> list[int]:
    """Ascending indices of the ``words`` that are in ``found`` (words known to occur)."""
    out: list[int] = []
    for w in found:
        i = -1
        for _ in range(words.count(w)):
            i = words.index(w, i + 1)
            out.append(i)
    out.sort()
    return out


def _abbreviation(word: str) -> bool:
    if word.islower() and not word.endswith(("vs.", "etc.")):
        return False  # every other abbreviation holds a capital letter
    tail = word[-ABBREVIATION_TAIL:]
    if tail[-2:-1].islower() and "-" not in tail:  # "Smith.": no regex search needed
        return tail.endswith(ABBREVIATED_DOTS)
    return ABBREVIATION.search(tail) is not None


def tokenize(text: str, lo: int, hi: int) -> Tokens:
    """Words and punctuation of ``text[lo:hi]`` (see ``Tokens.extend``)."""
    tokens = Tokens()
    tokens.extend(text, lo, hi)
    return tokens


def sentence_spans(
    text: str, lo: int, hi: int, masked: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """Sentence (start, end) spans of ``text[lo:hi]``; no sentence ends inside a masked span."""
    flat = text[lo:hi]
    pieces: list[str] = []
    pos = 0
    for s, e in sorted(masked):  # the last quoted character may end it
        a, b = max(max(s, lo) + 1 - lo, pos), min(e, hi) - 2 - lo
        if a < b:
            # the end marks hidden: four C scans, where ``str.translate`` looks every
            # character of a non-ASCII string up in its table
            hidden = flat[a:b].replace(".", "x").replace("!", "x").replace("?", "x")
            pieces += (flat[pos:a], hidden.replace("…", "x"))
            pos = b
    if pieces:
        flat = "".join(pieces) + flat[pos:]
    spans: list[tuple[int, int]] = []
    start = 0
    size = len(flat)
    for m in _ends(flat):
        e, after = m.span(1)
        if e < 0:  # the end of the paragraph
            e = after = m.end()
        else:
            s = m.start()
            before = flat[max(start, s - ABBREVIATION_TAIL) : s + 1].rsplit(None, 1)
            if before and _abbreviation(before[-1]):
                continue
        spans.append((lo + start, lo + e))
        start = after
    if start < size and flat[start:].strip():
        spans.append((lo + start, hi))
    return spans


def _ends(flat: str) -> list[re.Match[str]]:
    """The matches ``END.finditer(flat)`` gives, found for less: a match opens with an
    end mark, so ``END`` is tried only at the marks, found by ``str.find`` in C, where a
    search tests every character against the four marks.  Left to right, each mark
    after the end of the last match, as ``finditer`` resumes there."""
    at: list[int] = []
    for mark in ENDS:
        i = flat.find(mark)
        while i >= 0:
            at.append(i)
            i = flat.find(mark, i + 1)
    if len(at) > 1:
        at.sort()
    out: list[re.Match[str]] = []
    pos = 0
    for i in at:
        if i >= pos and (m := END.match(flat, i)) is not None:
            out.append(m)
            pos = m.end()
    return out


def sentence_of(spans: Sequence[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The sentence span holding ``offset`` (the last one before it if between sentences)."""
    starts = [s for s, _ in spans]
    i = max(bisect.bisect_right(starts, offset) - 1, 0)
    return spans[i] if spans else (offset, offset)
