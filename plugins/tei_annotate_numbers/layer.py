"""The ``numbers`` layer: scan each block of the document and mark what the grammar finds."""

from __future__ import annotations

from collections.abc import Iterator

from tei_annotate import Annotation, Document, LayerContext

from .phrases import scan

__all__ = ["ELEMENTS", "annotate"]

ELEMENTS: tuple[str, ...] = ("num", "measure", "date", "time")


def annotate(document: Document, context: LayerContext) -> Iterator[Annotation]:
    """Numbers, measures, dates and clock times; each block is scanned on its own so no
    phrase runs across a line break."""
    layer = context.layer  # named here, the host need not copy each annotation to stamp it
    for block in document.blocks:
        text = document.block_text(block)
        for start, end, element, attrs in scan(text):
            yield Annotation(
                block.start + start, block.start + end, element, attrs=attrs, layer=layer
            )
