"""Pairing quotation marks into quotations, one paragraph at a time.

Marks are read left to right with a stack.  Curly marks say which side they are;
straight marks and the right single quote are read from their neighbours, because
the same character is an apostrophe in "He’s" and "Europe’s".  A quotation left
open at the end of its paragraph is kept only when it opened the paragraph (the
convention for quotes running over several paragraphs: no closing mark, and the
next paragraph opens again); any other unclosed mark is dropped, so a stray mark
never swallows the text after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal, NamedTuple

__all__ = ["Quotation", "find_quotations"]

DOUBLE = '“”"„«»‟'
SINGLE = "‘’'‚‹›‛"
OPENERS = "“„«‘‚‹‟‛"
CLOSERS = "”»’›"
# Marks that may close a quotation opened by each opener.
CLOSES = {
    "“": '”"',
    "„": '“”"',
    "‟": '”"',
    "«": "»",
    '"': '"”“',
    "‘": "’'",
    "‚": "‘’",
    "‛": "’'",
    "'": "'’",
    "‹": "›",
}
MAX_DEPTH = 8
DIGRAPHS = {"''": '"', "‘‘": "“", "’’": "”", "``": "“"}
MARK = re.compile(f"[{re.escape(DOUBLE + SINGLE)}]")
# The digraphs made of marks (a backtick is no mark): two marks read as one.
MARK_DIGRAPHS = frozenset(d for d in DIGRAPHS if MARK.match(d))
# A mark that may open or close a quotation: any but a single quote between two letters
# or digits ("He’s"), which ``side`` reads as an apostrophe.  (The mark comes first and
# the look-behind after it, so the regex engine can skip straight to the marks.)
MAY_PAIR = re.compile(
    f"[{re.escape(DOUBLE + SINGLE)}](?:(?<=[{re.escape(DOUBLE)}])|(?![^\\W_])|(?<![^\\W_].))"
)
_new = tuple.__new__
OPEN_BEFORE = "([{—–-/…"  # characters after which a straight mark opens

Side = Literal["open", "close", "both", "none"]


class Quotation(NamedTuple):
    """A paired quotation: ``start`` is its opening mark, ``end`` is after its closing mark.

    ``closed`` is False for a paragraph-opening quotation that runs to the end of
    its paragraph; ``depth`` is 0 for an outermost quotation.  A named tuple, built
    by ``tuple.__new__`` with no Python-level call.
    """

    start: int
    end: int
    closed: bool
    depth: int
    double: bool
    open_len: int = 1
    close_len: int = 1

    def at_depth(self, depth: int) -> Quotation:
        """This quotation at another depth."""
        return _new(Quotation, (*self[:3], depth, *self[4:]))

    @property
    def inner(self) -> tuple[int, int]:
        """The quoted words, marks excluded."""
        return self.start + self.open_len, self.end - self.close_len if self.closed else self.end


def _is_word(c: str) -> bool:
    return c.isalnum()


def side(text: str, i: int, lo: int, hi: int, n: int = 1) -> Side:
    """Which side of a quotation the mark at ``i`` (``n`` characters) can stand on."""
    c = _kind(text, i, n)
    before = text[i - 1] if i > lo else " "
    after = text[i + n] if i + n < hi else " "
    if c in SINGLE and _is_word(before) and _is_word(after):
        return "none"  # He’s, rock'n'roll
    if before == "=":
        return "none"  # markup left in the text: tweet_id="778"
    if c in "’'" and after.isdigit() and not _is_word(before):
        return "none"  # the ’90s
    if c in OPENERS:
        return "open"
    if c in CLOSERS:
        return "close"
    # straight marks
    opens = (before.isspace() or before in OPEN_BEFORE or before in OPENERS) and not after.isspace()
    closes = not before.isspace() and (not _is_word(after) or after in CLOSERS)
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "both" if c == '"' else "none"


def _marks(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(offset, length) of each mark (see :func:`_read_digraphs`).

    (One character class is scanned far faster by the regex engine than an alternation
    with the digraphs.)"""
    return _read_digraphs(text, map(re.Match.start, MARK.finditer(text, lo, hi)), hi)


def _read_digraphs(text: str, at: Iterable[int], hi: int) -> list[tuple[int, int]]:
    """(offset, length) of the marks at the ascending offsets ``at`` (before ``hi``); two
    single quotes written for a double one count as one.

    Read left to right, a digraph takes its second mark along."""
    out: list[tuple[int, int]] = []
    taken = -1
    for i in at:
        if i == taken:
            continue
        if i + 2 <= hi and text[i : i + 2] in MARK_DIGRAPHS:
            out.append((i, 2))
            taken = i + 1
        else:
            out.append((i, 1))
    return out


def _offsets(block: str, c: str, lo: int) -> list[int]:
    """Offsets of each ``c`` in ``block`` (at offset ``lo``), ascending."""
    out: list[int] = []
    i = block.find(c)
    while i >= 0:
        out.append(lo + i)
        i = block.find(c, i + 1)
    return out


def _loose_apostrophe(text: str, block: str, lo: int, hi: int) -> bool:
    """Does the ASCII ``block`` hold a ' that ``MAY_PAIR`` finds (one not between two
    letters or digits) or open with one?  A regex tests each character against all the
    marks, where ``str.find`` skips to the few apostrophes."""
    for i in _offsets(block, "'", lo):
        if i == lo or i + 1 == hi or not text[i + 1].isalnum() or not text[i - 1].isalnum():
            return True
    return False


def _ascii_marks(text: str, block: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """``_marks`` for an ASCII ``block`` (at offset ``lo``): its " and ', found by
    ``str.find``, where ``MARK`` tests each character against all the marks."""
    at = _offsets(block, '"', lo)
    if "'" in block:
        at += _offsets(block, "'", lo)
        at.sort()
    return _read_digraphs(text, at, hi)


def _kind(text: str, i: int, n: int) -> str:
    """The mark character, a digraph standing for its double counterpart."""
    return DIGRAPHS[text[i : i + 2]] if n == 2 else text[i]


def _plural_possessive(text: str, i: int, hi: int) -> bool:
    """A ’ after -s before a lower-case word ("voters’ concerns") is likely an apostrophe."""
    return (
        text[i] in "’'"
        and text[i - 1] in "sz"
        and i + 2 < hi
        and text[i + 1] == " "
        and (text[i + 2].islower() or text[i + 2].isdigit())
    )


def pair_block(text: str, lo: int, hi: int) -> list[Quotation]:
    """Quotations opened inside ``text[lo:hi]`` (one paragraph)."""
    block = text[lo:hi]
    if block.isascii():  # the only marks are " and ', found by ``str.find`` in C
        if '"' not in block and not _loose_apostrophe(text, block, lo, hi):
            return []  # no mark, or only apostrophes inside words
        marks = _ascii_marks(text, block, lo, hi)
    elif MAY_PAIR.search(text, lo, hi) is None and (lo >= hi or text[lo] not in SINGLE):
        return []  # most paragraphs hold no mark, or only apostrophes inside words
    else:
        marks = _marks(text, lo, hi)
    stack: list[tuple[int, int, str]] = []  # open marks: offset, length, kind
    found: list[Quotation] = []
    for k, (i, n) in enumerate(marks):
        c = _kind(text, i, n)
        where = side(text, i, lo, hi, n)
        if where == "none":
            continue
        match = None
        for j in range(len(stack) - 1, max(len(stack) - MAX_DEPTH, 0) - 1, -1):
            if c in CLOSES[stack[j][2]]:  # deeper nesting is a flood of stray marks
                match = j
                break
        low_nine = match is not None and stack[match][2] in "„‚"
        if (where in ("close", "both") or low_nine) and match is not None:
            if _plural_possessive(text, i, hi) and _later_close(text, marks[k + 1 :], c):
                continue
            opener, length, kind = stack[match]
            del stack[match:]  # marks opened inside and never closed are dropped
            found.append(_new(Quotation, (opener, i + n, True, match, kind in DOUBLE, length, n)))
        elif where in ("open", "both"):
            stack.append((i, n, c))
    if stack and stack[0][0] == _first_visible(text, lo, hi) and stack[0][2] in DOUBLE:
        found.append(_new(Quotation, (stack[0][0], hi, False, 0, True, stack[0][1], 1)))
    found.sort(key=lambda q: (q.start, -q.end))
    return _redepth(found)


def _later_close(text: str, rest: list[tuple[int, int]], c: str) -> bool:
    return any(text[k] == c for k, _ in rest)


def _first_visible(text: str, lo: int, hi: int) -> int:
    i = lo
    while i < hi and text[i].isspace():
        i += 1
    return i


def _redepth(found: list[Quotation]) -> list[Quotation]:
    """Depth from actual containment (stack depth counts dropped marks too)."""
    out: list[Quotation] = []
    open_: list[Quotation] = []
    for q in found:
        while open_ and open_[-1].end <= q.start:
            open_.pop()
        out.append(q if q.depth == len(open_) else q.at_depth(len(open_)))
        open_.append(q)
    return out


def find_quotations(text: str, blocks: Iterable[tuple[int, int]]) -> list[Quotation]:
    """Every quotation in the text, paragraph by paragraph, in document order."""
    out: list[Quotation] = []
    for lo, hi in blocks:
        out.extend(pair_block(text, lo, hi))
    return out
