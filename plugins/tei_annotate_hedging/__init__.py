"""Hedging: the words by which a text distances itself from its claims, and boosters.

Cues come from data files (``data/*.tsv``) that a user can extend with
``--option hedging.lexicon=FILE``; context rules (:mod:`.rules`) keep the month
"May", the noun "might", past-ability "could", topic "about" and the like out.
Each cue becomes ``<seg type="hedge" ana="#hedge.CATEGORY">``; boosters
("clearly", "made it clear") ``<seg type="booster" ana="#hedge.booster">``.
"""

from __future__ import annotations

from collections.abc import Callable

from tei_annotate import Layer, hookimpl

from .layer import LAYER, annotate_hedges
from .lexicon import load_lexicon
from .matcher import find_cues

__all__ = ["LAYER", "annotate_hedges", "find_cues", "load_lexicon"]


@hookimpl
def register_layers(register: Callable[[Layer], None]) -> None:
    register(LAYER)
