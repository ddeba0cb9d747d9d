"""tei-annotate layer ``numbers``: numbers, quantities, money and dates with their values.

Registered through the ``tei_annotate`` entry-point group like any third-party plugin.
"""

from __future__ import annotations

from collections.abc import Callable

from tei_annotate import Layer, hookimpl

from .layer import ELEMENTS, annotate
from .phrases import scan

__all__ = ["annotate", "register_layers", "scan"]
__version__ = "0.1.0"


@hookimpl
def register_layers(register: Callable[[Layer], None]) -> None:
    register(
        Layer(
            name="numbers",
            annotate=annotate,
            version=__version__,
            description="numbers, measures, money (ISO 4217) and dates with normalised values",
            produces=ELEMENTS,
        )
    )
