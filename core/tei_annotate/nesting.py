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

import attrs

from .model import Annotation, Block

__all__ = ["Placed", "nest", "split_by_blocks"]

# For spans of equal extent, which element goes outside.
LEVEL = {"said": 0, "q": 0, "quote": 0, "cit": 0, "soCalled": 1, "seg": 2}
INNER = {"roleName": 4, "forename": 4, "surname": 4, "addName": 4, "genName": 4, "nameLink": 4}


def level(element: str) -> int:
    return LEVEL.get(element, INNER.get(element, 3))


@attrs.define
class Placed:
    """One rendered piece of an annotation: ``index`` is its position in the result."""

    index: int
    start: int
    end: int
    children: list[Placed] = attrs.Factory(list)


def split_by_blocks(
    annotations: Sequence[Annotation], blocks: Sequence[Block]
) -> tuple[dict[int, list[tuple[int, int, int]]], list[int]]:
    """Per block index, the (start, end, annotation index) pieces; and annotations in no block."""
    starts = [b.start for b in blocks]
    pieces: dict[int, list[tuple[int, int, int]]] = {}
    orphans = []
    for k, a in enumerate(annotations):
        i = max(bisect.bisect_right(starts, a.start) - 1, 0)
        placed = False
        while i < len(blocks) and blocks[i].start < a.end:
            b = blocks[i]
            s, e = max(a.start, b.start), min(a.end, b.end)
            if s < e:
                pieces.setdefault(i, []).append((s, e, k))
                placed = True
            i += 1
        if not placed:
            orphans.append(k)
    return pieces, orphans


def nest(
    pieces: Sequence[tuple[int, int, int]],
    annotations: Sequence[Annotation],
    rank: dict[str, int],
    start: int,
    end: int,
) -> list[Placed]:
    """Top-level placed pieces for one block spanning ``start``..``end``."""

    def key(s: int, e: int, k: int) -> tuple[int, int, int, int, int]:
        a = annotations[k]
        return (s, -e, level(a.element), rank.get(a.layer, 0), k)

    heap = [(key(s, e, k), s, e, k) for s, e, k in pieces]
    heapq.heapify(heap)
    root = Placed(-1, start, end)
    stack = [root]
    while heap:
        _, s, e, k = heapq.heappop(heap)
        while s >= stack[-1].end:
            stack.pop()
        top = stack[-1]
        if e > top.end:  # crosses the open element: cut here, continue after it
            heapq.heappush(heap, (key(top.end, e, k), top.end, e, k))
            e = top.end
        node = Placed(k, s, e)
        top.children.append(node)
        stack.append(node)
    return root.children
