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
from typing import TypeAlias

from .model import Annotation, Block

__all__ = ["Placed", "nest", "split_by_blocks"]

# For spans of equal extent, which element goes outside.
LEVEL = {"said": 0, "q": 0, "quote": 0, "cit": 0, "soCalled": 1, "seg": 2}
INNER = {"roleName": 4, "forename": 4, "surname": 4, "addName": 4, "genName": 4, "nameLink": 4}


def level(element: str) -> int:
    return LEVEL.get(element, INNER.get(element, 3))


# One rendered piece of an annotation: (start, end, annotation index in the result, its
# place among that annotation's pieces, which come in document order, child pieces).  A
# tuple: a class's __init__ per piece cost a measurable share of rendering.
Placed: TypeAlias = tuple[int, int, int, int, list["Placed"]]


def split_by_blocks(
    annotations: Sequence[Annotation], blocks: Sequence[Block]
) -> tuple[dict[int, list[tuple[int, int, int]]], list[int]]:
    """Per block index, the (start, end, annotation index) pieces; and annotations in no block."""
    starts = [b.start for b in blocks]
    ends = [b.end for b in blocks]
    nblocks = len(blocks)
    # A span that starts in block i and ends by limits[i] lies in block i alone.
    limits = list(map(min, ends, [*starts[1:], *ends[-1:]]))
    pieces: dict[int, list[tuple[int, int, int]]] = {}
    orphans = []
    for k, a in enumerate(annotations):
        start, end = a.start, a.end
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and start < end <= limits[i]:  # the usual case
            pieces.setdefault(i, []).append((start, end, k))
            continue
        i = max(i, 0)
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
    heap = [(s, -e, order[k], k) for s, e, k in pieces]
    heapq.heapify(heap)
    top: Placed = (start, end, -1, 0, [])
    stack = [top]
    top_end = end
    while heap:
        s, minus_e, rank, k = heapq.heappop(heap)
        while s >= top_end:
            stack.pop()
            top = stack[-1]
            top_end = top[1]
        e = -minus_e
        if e > top_end:  # crosses the open element: cut here, continue after it
            heapq.heappush(heap, (top_end, minus_e, rank, k))
            e = top_end
        node: Placed = (s, e, k, counts[k], [])
        counts[k] += 1
        top[4].append(node)
        stack.append(node)
        top, top_end = node, e
    return stack[0][4]
