"""Every hook a plugin can implement.  Plugins import ``hookimpl`` from ``tei_annotate``.

Hooks only grow by new optional arguments: an implementation may accept fewer
arguments than its spec, so adding one never breaks an existing plugin.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from .formats import Format
    from .layers import Layer
    from .model import Document

PROJECT = "tei_annotate"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def register_layers(register: Callable[[Layer], None]) -> None:
    """Register annotation layers; runs once when plugins are loaded.

    :param register: call it with each :class:`~tei_annotate.Layer`; it rejects a
        name another plugin already took, naming both plugins.
    """


@hookspec
def register_formats(register: Callable[[Format], None]) -> None:
    """Register output formats (``--format NAME``); runs once when plugins are loaded.

    :param register: call it with each :class:`~tei_annotate.Format`.
    """


@hookspec(firstresult=True)
def load_document(data: bytes, name: str, encoding: str | None) -> Document | None:
    """Turn input bytes into a :class:`~tei_annotate.Document`.

    Stops at first non-None result.  Return None to let another loader try; the
    built-in plain-text loader runs last.

    :param data: the raw bytes of the input.
    :param name: the input's file name, or ``"<stdin>"``.
    :param encoding: the encoding the user asked for (``--encoding``), or None.
    """
