"""The ``numbers`` layer: scan each block of the document and mark what the grammar finds."""

from __future__ import annotations

from tei_annotate import Annotation, Document, LayerContext

from .phrases import scan

__all__ = ["ELEMENTS", "annotate"]

ELEMENTS: tuple[str, ...] = ("num", "measure", "date", "time")


def annotate(document: Document, context: LayerContext) -> list[Annotation]:
    """Numbers, measures, dates and clock times; each block is scanned on its own so no
    phrase runs across a line break.  A list, not a generator: the host lists what a
    layer returns, and a list is not resumed once per annotation."""
    layer = context.layer  # named here, the host need not copy each annotation to stamp it
    text = document.text
    return [
        Annotation(block.start + start, block.start + end, element, attrs=attrs, layer=layer)
        for block in document.blocks
        for start, end, element, attrs in scan(text[block.start : block.end])
    ]
