"""The ``actors`` layer: people, organisations and places, one registry entry each.

Registered through the ``tei_annotate`` entry point group like any third-party
layer.  Names are found and typed by general rules (:mod:`.candidates`,
:mod:`.evidence`) with knowledge from maintained data packages
(:mod:`.gazetteer`); mentions of one actor share an entry (:mod:`.registry`);
described actors point at the named ones (:mod:`.described`).
"""

from __future__ import annotations

from collections.abc import Callable

from tei_annotate import Layer, hookimpl

from .layer import OPTIONS, PRODUCES, annotate

__all__ = ["VERSION", "register_layers"]

VERSION = "0.1.0"


@hookimpl
def register_layers(register: Callable[[Layer], None]) -> None:
    register(
        Layer(
            name="actors",
            annotate=annotate,
            version=VERSION,
            description="persons, organisations and places, with titles, roles and a registry",
            produces=PRODUCES,
            options=OPTIONS,
        )
    )
