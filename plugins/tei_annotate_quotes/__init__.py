"""The ``quotes`` layer: direct, partial, scare and reported speech, each with its speaker.

Registered through the ``tei_annotate`` entry point group like any third-party
plugin; it reads the ``actors`` layer for the names and descriptions of speakers.
"""

from __future__ import annotations

from collections.abc import Callable

from tei_annotate import Layer, hookimpl

from .layer import annotate_quotes

__all__ = ["LAYER", "register_layers"]
__version__ = "0.1.0"

LAYER = Layer(
    name="quotes",
    annotate=annotate_quotes,
    version=__version__,
    description="quotations and reported speech (said, soCalled) with their speakers",
    requires=("actors",),
    produces=("said", "soCalled", "rs", "person", "personGrp"),
)


@hookimpl
def register_layers(register: Callable[[Layer], None]) -> None:
    register(LAYER)
