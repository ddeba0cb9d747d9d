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

from collections.abc import Iterable, Iterator
from typing import Literal

import attrs

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
OPEN_BEFORE = "([{—–-/…"  # characters after which a straight mark opens

Side = Literal["open", "close", "both", "none"]


@attrs.frozen
class Quotation:
    """A paired quotation: ``start`` is its opening mark, ``end`` is after its closing mark.

    ``closed`` is False for a paragraph-opening quotation that runs to the end of
    its paragraph; ``depth`` is 0 for an outermost quotation.
    """

    start: int
    end: int
    closed: bool
    depth: int
    double: bool

    @property
    def inner(self) -> tuple[int, int]:
        """The quoted words, marks excluded."""
        return self.start + 1, self.end - 1 if self.closed else self.end


def _is_word(c: str) -> bool:
    return c.isalnum()


def side(text: str, i: int, lo: int, hi: int) -> Side:
    """Which side of a quotation the mark at ``i`` can stand on, from its neighbours."""
    c = text[i]
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    if c in SINGLE and _is_word(before) and _is_word(after):
        return "none"  # He’s, rock'n'roll
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


def _marks(text: str, lo: int, hi: int) -> Iterator[int]:
    for i in range(lo, hi):
        if text[i] in DOUBLE or text[i] in SINGLE:
            yield i


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
    stack: list[int] = []
    found: list[Quotation] = []
    marks = list(_marks(text, lo, hi))
    for n, i in enumerate(marks):
        c = text[i]
        where = side(text, i, lo, hi)
        if where == "none":
            continue
        match = next(
            (k for k in range(len(stack) - 1, -1, -1) if c in CLOSES[text[stack[k]]]), None
        )
        if where in ("close", "both") and match is not None:
            if _plural_possessive(text, i, hi) and _later_close(text, marks[n + 1 :], c):
                continue
            opener = stack[match]
            del stack[match:]  # marks opened inside and never closed are dropped
            found.append(Quotation(opener, i + 1, True, match, text[opener] in DOUBLE))
        elif where in ("open", "both"):
            stack.append(i)
    if stack and stack[0] == _first_visible(text, lo, hi) and text[stack[0]] in DOUBLE:
        found.append(Quotation(stack[0], hi, False, 0, True))
    found.sort(key=lambda q: (q.start, -q.end))
    return _redepth(found)


def _later_close(text: str, rest: list[int], c: str) -> bool:
    return any(text[k] == c for k in rest)


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
        out.append(attrs.evolve(q, depth=len(open_)))
        open_.append(q)
    return out


def find_quotations(text: str, blocks: Iterable[tuple[int, int]]) -> list[Quotation]:
    """Every quotation in the text, paragraph by paragraph, in document order."""
    out: list[Quotation] = []
    for lo, hi in blocks:
        out.extend(pair_block(text, lo, hi))
    return out
