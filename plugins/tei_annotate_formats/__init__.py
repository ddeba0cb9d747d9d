"""Output formats for digital-humanities tools: a reading page, UIMA XMI and brat stand-off.

Registered through the ``register_formats`` hook from an entry point, exactly as a
third-party package would; every format works for any layer, built-in or not.
"""

from __future__ import annotations

from collections.abc import Callable

from tei_annotate import Format, hookimpl

from .brat import render_ann, render_txt
from .html import render_html
from .xmi import render_typesystem, render_xmi

__all__ = ["register_formats"]


@hookimpl
def register_formats(register: Callable[[Format], None]) -> None:
    register(
        Format(
            "html",
            render_html,
            suffix=".html",
            description="one self-contained page showing every layer, for people to read",
        )
    )
    register(
        Format(
            "xmi",
            render_xmi,
            suffix=".xmi",
            description="UIMA CAS XMI (DKPro Core types) for INCEpTION; writes .typesystem.xml beside it",
            companions=lambda result: {".typesystem.xml": render_typesystem(result)},
        )
    )
    register(
        Format(
            "brat",
            render_ann,
            suffix=".ann",
            description="brat stand-off annotations; writes the matching .txt beside them",
            companions=lambda result: {".txt": render_txt(result)},
        )
    )
