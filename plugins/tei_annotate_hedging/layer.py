"""The ``hedging`` layer: cue spans as ``seg`` and the taxonomy as header categories."""

from __future__ import annotations

import functools
from pathlib import Path

from tei_annotate import Annotation, Document, Entry, Layer, LayerContext, Node, Option

from .lexicon import Lexicon, load_lexicon
from .matcher import find_cues

__all__ = ["LAYER", "TAXONOMY", "annotate_hedges"]

TAXONOMY = "hedge"
VERSION = "0.1.0"


def category_id(name: str) -> str:
    return f"{TAXONOMY}.{name}"


@functools.lru_cache(maxsize=16)
def categories(lexicon: Lexicon, layer: str = "") -> tuple[Entry, ...]:
    """One ``category`` per class of the lexicon, with its ``catDesc``, owned by ``layer``.

    Built once per lexicon (entries are frozen), not once per document.
    """
    return tuple(
        Entry(
            id=category_id(name),
            element="category",
            group=TAXONOMY,
            children=[Node("catDesc", text=cat.description)],
            layer=layer,
        )
        for name, cat in lexicon.categories.items()
    )


def annotate_hedges(document: Document, context: LayerContext) -> list[Annotation | Entry]:
    """Hedge and booster cues of ``document`` (see :mod:`tei_annotate_hedging`).

    A list, not a generator: the host lists what a layer returns, and the taxonomy's
    entries (every document has them) are then copied in one step, not resumed one by one.
    """
    lexicon = load_lexicon(context.options.get("lexicon"))
    layer = context.layer  # named here, the host need not copy each item to stamp it
    items: list[Annotation | Entry] = [*categories(lexicon, layer)]
    for m in find_cues(document.text, lexicon):
        items.append(
            Annotation(
                m.start,
                m.end,
                "seg",
                attrs={"type": lexicon.categories[m.category].seg_type},
                links={"ana": category_id(m.category)},
                layer=layer,
            )
        )
    return items


LAYER = Layer(
    name="hedging",
    annotate=annotate_hedges,
    version=VERSION,
    description="Hedge cues (seg type=hedge, ana=#hedge.CATEGORY) and boosters (seg type=booster)",
    produces=("seg", "category"),
    options=(
        Option(
            "lexicon",
            Path,
            None,
            "a tab-separated file of extra cues (CUE<TAB>CATEGORY[<TAB>RULE]); "
            "category 'none' withdraws a built-in cue",
        ),
    ),
)
