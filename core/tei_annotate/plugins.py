"""Finding plugins and collecting what they register.

Plugins are entry points in the group ``tei_annotate``; the built-in layers are
found the same way.  Loading is lazy and happens once per process.
``TEI_ANNOTATE_LOAD_PLUGINS=a,b`` loads only those external plugins (by entry-point
or distribution name); set to an empty string it loads none of them.
"""

from __future__ import annotations

import importlib.metadata
import os
from collections.abc import Callable, Iterable
from typing import Any

import attrs
import pluggy

from . import builtins, hookspecs
from .errors import InputError, PluginError
from .formats import Format
from .layers import Layer, check_name
from .model import Document

__all__ = ["PluginHost", "get_host", "make_host"]

GROUP = hookspecs.PROJECT
OWN_DISTRIBUTION = "tei-annotate"
LOAD_ENV = "TEI_ANNOTATE_LOAD_PLUGINS"


@attrs.define
class PluginHost:
    """A plugin manager and the layers and formats its plugins registered."""

    pm: pluggy.PluginManager
    layers: dict[str, Layer] = attrs.Factory(dict)
    formats: dict[str, Format] = attrs.Factory(dict)
    layer_plugin: dict[str, str] = attrs.Factory(dict)
    format_plugin: dict[str, str] = attrs.Factory(dict)
    distributions: dict[str, tuple[str, str]] = attrs.Factory(dict)

    def register(self, plugin: object, name: str | None = None) -> None:
        """Register a plugin object or module and collect its layers and formats."""
        self.pm.register(plugin, name=name)
        plugin_name = self.pm.get_name(plugin) or repr(plugin)
        for hook, collect in (
            (self.pm.hook.register_layers, self._add_layer),
            (self.pm.hook.register_formats, self._add_format),
        ):
            for impl in hook.get_hookimpls():
                if impl.plugin is plugin:
                    _call(impl, lambda item, c=collect: c(item, plugin_name))  # type: ignore[misc]

    def unregister(self, plugin: object) -> None:
        """Remove a plugin and everything it registered."""
        name = self.pm.get_name(plugin)
        self.pm.unregister(plugin)
        for table, owners in ((self.layers, self.layer_plugin), (self.formats, self.format_plugin)):
            for key in [k for k, owner in owners.items() if owner == name]:
                del table[key], owners[key]

    def _add_layer(self, layer: object, plugin: str) -> None:
        if not isinstance(layer, Layer):
            raise PluginError(f"plugin {plugin!r} registered {layer!r}, which is not a Layer")
        check_name(layer.name, plugin)
        if layer.name in self.layers:
            raise PluginError(
                f"layer {layer.name!r} is registered twice: by plugin "
                f"{self.layer_plugin[layer.name]!r} and by plugin {plugin!r}"
            )
        self.layers[layer.name] = layer
        self.layer_plugin[layer.name] = plugin

    def _add_format(self, fmt: object, plugin: str) -> None:
        if not isinstance(fmt, Format):
            raise PluginError(f"plugin {plugin!r} registered {fmt!r}, which is not a Format")
        if fmt.name in self.formats:
            raise PluginError(
                f"format {fmt.name!r} is registered twice: by plugin "
                f"{self.format_plugin[fmt.name]!r} and by plugin {plugin!r}"
            )
        self.formats[fmt.name] = fmt
        self.format_plugin[fmt.name] = plugin

    def format(self, name: str) -> Format:
        try:
            return self.formats[name]
        except KeyError:
            valid = ", ".join(sorted(self.formats))
            raise PluginError(f"unknown format {name!r} (available: {valid})") from None

    def load_document(self, data: bytes, name: str, encoding: str | None = None) -> Document:
        """The document a loader makes of ``data``; the first loader that accepts it wins."""
        doc = self.pm.hook.load_document(data=data, name=name, encoding=encoding)
        if doc is None:
            raise InputError(f"{name}: no loader accepts this input")
        return doc  # type: ignore[no-any-return]

    def distribution(self, layer: str) -> tuple[str, str]:
        """(distribution name, version) the layer's plugin was installed with."""
        return self.distributions.get(self.layer_plugin.get(layer, ""), ("", ""))


def _call(impl: Any, register: Callable[[object], None]) -> None:
    kwargs = {"register": register} if "register" in impl.argnames else {}
    impl.function(**kwargs)


def _wanted(env: str | None) -> set[str] | None:
    if env is None:
        return None
    return {n.strip() for n in env.split(",") if n.strip()}


def _entry_points() -> Iterable[importlib.metadata.EntryPoint]:
    eps = importlib.metadata.entry_points(group=GROUP)
    return sorted(eps, key=lambda ep: (ep.name, ep.value))


def make_host(load_entrypoints: bool = True, plugins: Iterable[object] = ()) -> PluginHost:
    """A fresh host with the core plugin, the installed plugins (unless told not to) and ``plugins``."""
    pm = pluggy.PluginManager(GROUP)
    pm.add_hookspecs(hookspecs)
    host = PluginHost(pm)
    host.register(builtins, name="tei_annotate.builtins")
    host.distributions["tei_annotate.builtins"] = (OWN_DISTRIBUTION, _own_version())
    if load_entrypoints:
        wanted = _wanted(os.environ.get(LOAD_ENV))
        seen: set[str] = set()
        for ep in _entry_points():
            dist = ep.dist.name if ep.dist else ""
            if ep.name in seen:
                continue
            if dist != OWN_DISTRIBUTION and wanted is not None and not wanted & {ep.name, dist}:
                continue
            seen.add(ep.name)
            try:
                plugin = ep.load()
            except Exception as exc:
                raise PluginError(
                    f"plugin {ep.name!r} from distribution {dist or '?'!r} failed to import: "
                    f"{type(exc).__name__}: {exc}"
                ) from exc
            host.register(plugin, name=ep.name)
            host.distributions[ep.name] = (dist, ep.dist.version if ep.dist else "")
    for plugin in plugins:
        host.register(plugin)
    pm.check_pending()
    return host


def _own_version() -> str:
    try:
        return importlib.metadata.version(OWN_DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return "0+unknown"


_HOST: PluginHost | None = None


def get_host() -> PluginHost:
    """The process-wide host, with installed plugins loaded on first use."""
    global _HOST
    if _HOST is None:
        _HOST = make_host()
    return _HOST
