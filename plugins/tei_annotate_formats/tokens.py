"""A plain segmentation into sentences (one per block) and tokens that never cut an annotation.

Annotation tools such as INCEpTION anchor span layers to tokens, so every
annotation boundary must be a token boundary: tokens are words and single
punctuation marks, cut again wherever an annotation starts or ends inside one.
"""

from __future__ import annotations

import bisect
import re

from tei_annotate import Result

__all__ = ["tokens"]

WORD = re.compile(r"\w+|[^\w\s]")


def tokens(result: Result) -> list[tuple[int, int]]:
    """(start, end) of each token of the blocks, in order."""
    text = result.document.text
    cuts = sorted({x for a in result.annotations for x in (a.start, a.end)})
    out = []
    for block in result.document.blocks:
        for m in WORD.finditer(text, block.start, block.end):
            start = m.start()
            i = bisect.bisect_right(cuts, start)
            while i < len(cuts) and cuts[i] < m.end():
                out.append((start, cuts[i]))
                start = cuts[i]
                i += 1
            out.append((start, m.end()))
    return out
