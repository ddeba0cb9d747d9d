"""The core's own plugin: the plain-text loader and the built-in output formats.

It goes through the same hooks a third-party plugin would, so a plugin can add a
loader or a format without touching core code.
"""

from __future__ import annotations

from collections.abc import Callable

from .formats import Format
from .hookspecs import hookimpl
from .jsonout import render_json
from .loader import load_text
from .model import Document
from .tei import render_tei


@hookimpl(trylast=True)
def load_document(data: bytes, name: str, encoding: str | None) -> Document:
    return load_text(data, name, encoding)


@hookimpl
def register_formats(register: Callable[[Format], None]) -> None:
    register(
        Format(
            "tei", render_tei, suffix=".xml", description="TEI P5, annotations inline", is_tei=True
        )
    )
    register(
        Format(
            "tei-standoff",
            lambda result: render_tei(result, inline=False),
            suffix=".xml",
            description="TEI P5, annotations in <standOff> pointing into the text",
            is_tei=True,
        )
    )
    register(
        Format("json", render_json, suffix=".json", description="text and annotations as JSON")
    )
