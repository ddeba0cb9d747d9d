"""Turning overlapping stand-off spans into a proper XML hierarchy, dropping nothing.

Spans are opened longest-first at each offset; a span that outlives the element
it was opened in is cut there and continued after it.  The pieces of one
annotation are later chained with ``@next``/``@prev``.  The order is a total
function of the annotations themselves, so the tree never depends on the order
in which plugins were listed or registered.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Sequence

from .model import Annotation, Block

__all__ = ["Placed", "nest", "split_by_blocks"]

# For spans of equal extent, which element goes outside.
LEVEL = {"said": 0, "q": 0, "quote": 0, "cit": 0, "soCalled": 1, "seg": 2}
INNER = {"roleName": 4, "forename": 4, "surname": 4, "addName": 4, "genName": 4, "nameLink": 4}


def level(element: str) -> int:
    return LEVEL.get(element, INNER.get(element, 3))


class Placed:
    """One rendered piece of an annotation: ``index`` is its position in the result,
    ``position`` its place among that annotation's pieces (which come in document order)."""

    __slots__ = ("children", "end", "index", "position", "start")

    def __init__(self, index: int, start: int, end: int, position: int = 0) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.position = position
        self.children: list[Placed] = []


def split_by_blocks(
    annotations: Sequence[Annotation], blocks: Sequence[Block]
) -> tuple[dict[int, list[tuple[int, int, int]]], list[int]]:
    """Per block index, the (start, end, annotation index) pieces; and annotations in no block."""
    starts = [b.start for b in blocks]
    ends = [b.end for b in blocks]
    nblocks = len(blocks)
    pieces: dict[int, list[tuple[int, int, int]]] = {}
    orphans = []
    for k, a in enumerate(annotations):
        start, end = a.start, a.end
        i = max(bisect.bisect_right(starts, start) - 1, 0)
        placed = False
        while i < nblocks and starts[i] < end:
            s, e = max(start, starts[i]), min(end, ends[i])
            if s < e:
                pieces.setdefault(i, []).append((s, e, k))
                placed = True
            i += 1
        if not placed:
            orphans.append(k)
    return pieces, orphans


def nest(
    pieces: Sequence[tuple[int, int, int]],
    order: Sequence[tuple[int, int]],
    start: int,
    end: int,
    counts: list[int],
) -> list[Placed]:
    """Top-level placed pieces for one block spanning ``start``..``end``.

    ``order[k]``: (level, layer rank) of annotation ``k``, which break ties between spans of
    equal extent; ``counts[k]``: pieces of annotation ``k`` placed so far, advanced here."""
    heap = [(s, -e, *order[k], k) for s, e, k in pieces]
    heapq.heapify(heap)
    root = Placed(-1, start, end)
    stack = [root]
    top = root
    while heap:
        s, minus_e, lv, rk, k = heapq.heappop(heap)
        while s >= top.end:
            stack.pop()
            top = stack[-1]
        e = -minus_e
        if e > top.end:  # crosses the open element: cut here, continue after it
            heapq.heappush(heap, (top.end, minus_e, lv, rk, k))
            e = top.end
        node = Placed(k, s, e, counts[k])
        counts[k] += 1
        top.children.append(node)
        stack.append(node)
        top = node
    return root.children
