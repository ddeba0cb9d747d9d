"""Overlapping spans as properly nested runs, for markup that cannot cross (HTML).

A span crossing another is cut where it must be and nowhere else: every piece keeps
its annotation index, so a reader can light up all pieces of one annotation.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from attrs import frozen

__all__ = ["Close", "Open", "Text", "runs"]


@frozen
class Open:
    index: int


@frozen
class Close:
    index: int


@frozen
class Text:
    start: int
    end: int


Event = Open | Close | Text


def runs(spans: Sequence[tuple[int, int, int]], start: int, end: int) -> list[Event]:
    """Events for ``(index, start, end)`` spans clipped to ``[start, end)``, outermost first.

    Spans that start earlier (then end later, then come first) open outside the others,
    so nesting spans are never cut and crossing ones are cut once per crossing.
    """
    clipped = [(max(s, start), min(e, end), i) for i, s, e in spans if s < end and e > start]
    clipped = [c for c in clipped if c[0] < c[1]]
    order = {i: k for k, (_, _, i) in enumerate(sorted(clipped, key=lambda c: (c[0], -c[1], c[2])))}
    bounds = sorted({start, end, *(c[0] for c in clipped), *(c[1] for c in clipped)})
    events: list[Event] = []
    stack: list[int] = []
    for x, y in itertools.pairwise(bounds):
        want = sorted((i for s, e, i in clipped if s <= x and e >= y), key=order.__getitem__)
        keep = 0
        while keep < min(len(stack), len(want)) and stack[keep] == want[keep]:
            keep += 1
        for i in reversed(stack[keep:]):
            events.append(Close(i))
        for i in want[keep:]:
            events.append(Open(i))
        stack = want
        events.append(Text(x, y))
    events.extend(Close(i) for i in reversed(stack))
    return events
