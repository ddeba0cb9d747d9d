"""Building test layers and plugins from plain data."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from tei_annotate import Annotation, Entry, Layer, hookimpl

Item = Annotation | Entry


def static_layer(
    name: str,
    items: Iterable[Item] | Callable[..., Iterable[Item]],
    requires: Sequence[str] = (),
    produces: Sequence[str] | None = None,
    **kwargs: object,
) -> Layer:
    """A layer returning fixed items (or calling ``items(document, context)``)."""
    fn = items if callable(items) else None
    fixed = [] if fn else list(items)  # type: ignore[arg-type]
    if produces is None:
        produces = sorted({i.element for i in fixed})
    return Layer(
        name,
        (lambda doc, ctx: fn(doc, ctx)) if fn else (lambda doc, ctx: list(fixed)),
        version="1.0",
        description=f"test layer {name}",
        requires=tuple(requires),
        produces=tuple(produces),
        **kwargs,  # type: ignore[arg-type]
    )


class LayerPlugin:
    """A plugin object registering the given layers."""

    def __init__(self, *layers: Layer) -> None:
        self.layers = layers

    @hookimpl
    def register_layers(self, register):
        for layer in self.layers:
            register(layer)
