"""An annotated document: the source plus every layer's validated results."""

from __future__ import annotations

from collections.abc import Mapping
from itertools import chain
from typing import TYPE_CHECKING

import attrs

from .collector import collector_paused
from .layers import Layer, LayerResult
from .model import Annotation, Document, Entry

if TYPE_CHECKING:
    from .plugins import PluginHost

__all__ = ["Result"]


@attrs.frozen
class Result:
    """What :func:`tei_annotate.annotate` returns; render it in any registered format."""

    document: Document
    layers: tuple[Layer, ...]
    results: Mapping[str, LayerResult]

    @property
    def annotations(self) -> tuple[Annotation, ...]:
        """Every annotation, layer by layer in dependency order."""
        return tuple(chain.from_iterable(self.results[lay.name].annotations for lay in self.layers))

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(chain.from_iterable(self.results[lay.name].entries for lay in self.layers))

    def render(self, format: str = "tei", host: PluginHost | None = None) -> bytes:
        """The document in a registered output format, as the bytes of a file."""
        from .plugins import get_host

        renderer = (host or get_host()).format(format)
        with collector_paused():
            return renderer.render(self)

    def to_tei(self) -> str:
        """The inline TEI rendering as a string."""
        return self.render("tei").decode("utf-8")
