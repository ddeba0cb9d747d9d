"""What a plugin registers: a layer, its options, and what it sees when it runs."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs

from .errors import OptionError, PluginError
from .model import Annotation, Document, Entry

__all__ = [
    "Layer",
    "LayerContext",
    "LayerResult",
    "Option",
    "resolve_layers",
]

NAME = re.compile(r"[a-z][a-z0-9_-]*\Z")
RESERVED = frozenset({"tei-annotate", "core"})
OPTION_TYPES: dict[type, Callable[[str], Any]] = {
    str: str,
    int: int,
    float: float,
    Path: Path,
    bool: lambda s: {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}[
        s.strip().lower()
    ],
}


@attrs.frozen
class Option:
    """A setting a layer accepts: ``--option LAYER.NAME=VALUE``."""

    name: str
    type: type = str
    default: Any = None
    help: str = ""

    def convert(self, layer: str, value: object) -> Any:
        """The value in this option's type, or an OptionError naming layer and option."""
        if isinstance(value, self.type) and not (self.type is int and isinstance(value, bool)):
            return value
        try:
            return OPTION_TYPES[self.type](str(value))
        except (KeyError, ValueError, TypeError):
            raise OptionError(
                f"option {layer}.{self.name} expects {self.type.__name__}, got {value!r}"
            ) from None


@attrs.frozen
class LayerResult:
    """What one layer returned, after the host validated it (read-only)."""

    layer: str
    annotations: tuple[Annotation, ...] = ()
    entries: tuple[Entry, ...] = ()

    def by_element(self, *elements: str) -> tuple[Annotation, ...]:
        return tuple(a for a in self.annotations if a.element in elements)

    def entry(self, entry_id: str) -> Entry | None:
        return next((e for e in self.entries if e.id == entry_id), None)


def _readonly(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(value))


@attrs.frozen
class LayerContext:
    """Everything a layer may read: the results of the layers it requires, and its options."""

    layer: str
    results: Mapping[str, LayerResult] = attrs.field(converter=_readonly)
    options: Mapping[str, Any] = attrs.field(converter=_readonly)

    def entries(self, *elements: str) -> tuple[Entry, ...]:
        """Registry entries from required layers, optionally only of some elements."""
        return tuple(
            e
            for r in self.results.values()
            for e in r.entries
            if not elements or e.element in elements
        )


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _options(value: Iterable[Option]) -> tuple[Option, ...]:
    return tuple(value)


AnnotateFn = Callable[[Document, LayerContext], Iterable[Annotation | Entry]]


@attrs.frozen
class Layer:
    """A named annotation layer.

    ``annotate(document, context)`` returns annotations and header entries.
    ``requires`` names layers whose results it reads; ``produces`` lists the TEI
    elements it may emit (inline and in the header); the host refuses others.
    ``origin`` is filled in by the host (the plugin and distribution that
    registered the layer) so every error about the layer can name them.
    """

    name: str
    annotate: AnnotateFn = attrs.field(eq=False)
    version: str = "0.0.0"
    description: str = ""
    requires: tuple[str, ...] = attrs.field(default=(), converter=_names)
    produces: tuple[str, ...] = attrs.field(default=(), converter=_names)
    options: tuple[Option, ...] = attrs.field(default=(), converter=_options)
    origin: str = attrs.field(default="", eq=False, kw_only=True)

    def option_values(self, given: Mapping[str, object]) -> dict[str, Any]:
        """Defaults overlaid with ``given``, typed; unknown names are an OptionError."""
        known = {o.name: o for o in self.options}
        unknown = [name for name in given if name not in known]
        if unknown:
            valid = ", ".join(sorted(known)) or "none"
            raise OptionError(
                f"layer {self.name!r} has no option {min(unknown)!r} (its options: {valid})"
            )
        return {
            name: opt.convert(self.name, given[name]) if name in given else opt.default
            for name, opt in known.items()
        }


def check_name(name: str, plugin: str) -> None:
    if not NAME.match(name) or name in RESERVED:
        raise PluginError(
            f"plugin {plugin!r} registers an invalid layer name {name!r}: use lower-case "
            "letters, digits, '-' or '_', no dots, and not 'core' or 'tei-annotate'"
        )


def resolve_layers(wanted: Iterable[str], available: Mapping[str, Layer]) -> list[Layer]:
    """The wanted layers plus everything they require, in dependency order.

    Ties are broken by name, so the order (and the output) never depends on the
    order the user listed layers or plugins were registered in.
    """
    selected: dict[str, Layer] = {}
    pending = list(dict.fromkeys(wanted))
    requested_by: dict[str, str] = {}
    while pending:
        name = pending.pop()
        if name in selected:
            continue
        if name not in available:
            valid = ", ".join(sorted(available)) or "none installed"
            if name in requested_by:
                raise PluginError(
                    f"layer {requested_by[name]!r} requires {name!r}, which no installed "
                    f"plugin provides (available: {valid})"
                )
            raise PluginError(f"unknown layer {name!r} (available: {valid})")
        layer = selected[name] = available[name]
        for req in layer.requires:
            requested_by.setdefault(req, name)
            pending.append(req)
    order: list[Layer] = []
    done: set[str] = set()
    while len(order) < len(selected):
        ready = sorted(
            n for n, lay in selected.items() if n not in done and set(lay.requires) <= done
        )
        if not ready:
            stuck = sorted(n for n in selected if n not in done)
            raise PluginError(f"layers require each other in a cycle: {', '.join(stuck)}")
        done.add(ready[0])
        order.append(selected[ready[0]])
    return order
