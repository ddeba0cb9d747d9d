"""The Python entry points: annotate a string or load a file, with any installed layers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from .loader import text_document
from .model import Document
from .pipeline import run_layers
from .plugins import PluginHost, get_host
from .result import Result

__all__ = ["annotate", "annotate_bytes", "annotate_document", "annotate_file"]


def annotate(
    text: str,
    layers: Iterable[str] = (),
    *,
    options: Mapping[str, Mapping[str, object]] | None = None,
    name: str = "<string>",
    host: PluginHost | None = None,
    timeout: float | None = None,
) -> Result:
    """Annotate ``text`` with ``layers`` (and the layers they require).

    ``timeout``: seconds each layer may run before it is stopped with a LayerError.

    >>> annotate("Title\\n\\nA paragraph.").render("tei")[:5]
    b'<?xml'
    """
    return annotate_document(
        text_document(text, name), layers, options=options, host=host, timeout=timeout
    )


def annotate_document(
    document: Document,
    layers: Iterable[str] = (),
    *,
    options: Mapping[str, Mapping[str, object]] | None = None,
    host: PluginHost | None = None,
    timeout: float | None = None,
) -> Result:
    """Run ``layers`` (and the layers they require) on a loaded document."""
    host = host or get_host()
    return run_layers(document, host.resolve(layers), options, timeout=timeout)


def annotate_bytes(
    data: bytes,
    layers: Iterable[str] = (),
    *,
    options: Mapping[str, Mapping[str, object]] | None = None,
    name: str = "<bytes>",
    encoding: str | None = None,
    host: PluginHost | None = None,
    timeout: float | None = None,
) -> Result:
    """Load ``data`` with the first loader that accepts it, then annotate it."""
    host = host or get_host()
    selected = host.resolve(layers)  # fail on a bad layer name before reading anything
    document = host.load_document(data, name, encoding)
    return run_layers(document, selected, options, timeout=timeout)


def annotate_file(
    path: str | Path,
    layers: Iterable[str] = (),
    *,
    options: Mapping[str, Mapping[str, object]] | None = None,
    encoding: str | None = None,
    host: PluginHost | None = None,
    timeout: float | None = None,
) -> Result:
    """Read and annotate one file."""
    path = Path(path)
    return annotate_bytes(
        path.read_bytes(),
        layers,
        options=options,
        name=path.name,
        encoding=encoding,
        host=host,
        timeout=timeout,
    )
