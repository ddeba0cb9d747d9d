"""Finding plugins and collecting what they register.

Plugins are entry points in the group ``tei_annotate``; the built-in layers are
found the same way.  Loading is lazy and happens once per process.
``TEI_ANNOTATE_LOAD_PLUGINS=a,b`` loads only those external plugins (by entry-point
or distribution name); set to an empty string it loads none of them.
A plugin that fails to import or register is kept aside as broken, with its
reason, so the others still load and ``annotate plugins`` can show it.
"""

from __future__ import annotations

import importlib.metadata
import os
from collections.abc import Callable, Iterable
from typing import Any

import attrs
import pluggy

from . import builtins, hookspecs
from .errors import InputError, PluginError, TeiAnnotateError
from .formats import Format
from .layers import Layer, check_name, resolve_layers
from .model import Document
from .trace import Tracer
from .version import OWN_DISTRIBUTION, own_version

__all__ = ["BrokenPlugin", "PluginHost", "get_host", "make_host"]

GROUP = hookspecs.PROJECT
LOAD_ENV = "TEI_ANNOTATE_LOAD_PLUGINS"


@attrs.frozen
class BrokenPlugin:
    """An installed plugin that could not be imported or registered, and why."""

    name: str
    distribution: str
    version: str
    reason: str

    def __str__(self) -> str:
        dist = f"{self.distribution or '?'!r} {self.version}".rstrip()
        return f"plugin {self.name!r} from distribution {dist} is broken: {self.reason}"


@attrs.define
class PluginHost:
    """A plugin manager and the layers and formats its plugins registered."""

    pm: pluggy.PluginManager
    layers: dict[str, Layer] = attrs.Factory(dict)
    formats: dict[str, Format] = attrs.Factory(dict)
    layer_plugin: dict[str, str] = attrs.Factory(dict)
    format_plugin: dict[str, str] = attrs.Factory(dict)
    distributions: dict[str, tuple[str, str]] = attrs.Factory(dict)
    broken: dict[str, BrokenPlugin] = attrs.Factory(dict)
    tracer: Tracer = attrs.Factory(Tracer)

    def register(self, plugin: object, name: str | None = None) -> None:
        """Register a plugin object or module and collect its layers and formats.

        Without ``name`` a module goes by its module name and an object by its
        class name (pluggy's fallback, an id number, says nothing in a message).
        """
        if name is None:
            readable = getattr(plugin, "__name__", None) or type(plugin).__name__
            name = None if self.pm.has_plugin(readable) else readable
        self.pm.register(plugin, name=name)
        plugin_name = self.pm.get_name(plugin) or repr(plugin)
        for hook, collect in (
            (self.pm.hook.register_layers, self._add_layer),
            (self.pm.hook.register_formats, self._add_format),
        ):
            for impl in hook.get_hookimpls():
                if impl.plugin is plugin:
                    with self.tracer.timed(f"{hook.name} ({self.origin(plugin_name)})") as added:
                        _call(impl, lambda item, c=collect, a=added: c(item, plugin_name, a))  # type: ignore[misc]

    def origin(self, plugin: str) -> str:
        """``plugin 'x' from distribution 'd' 1.0``, for messages."""
        dist, version = self.distributions.get(plugin, ("", ""))
        where = f" from distribution {dist!r} {version}".rstrip() if dist else ""
        return f"plugin {plugin!r}{where}"

    def resolve(self, wanted: Iterable[str]) -> list[Layer]:
        """:func:`resolve_layers` over this host's layers; errors also name broken plugins."""
        try:
            return resolve_layers(wanted, self.layers)
        except PluginError as exc:
            if not self.broken:
                raise
            broken = "; ".join(str(b) for b in self.broken.values())
            raise PluginError(f"{exc.args[0]}; also installed but {broken}") from None

    def unregister(self, plugin: object) -> None:
        """Remove a plugin and everything it registered."""
        name = self.pm.get_name(plugin)
        self.pm.unregister(plugin)
        for table, owners in ((self.layers, self.layer_plugin), (self.formats, self.format_plugin)):
            for key in [k for k, owner in owners.items() if owner == name]:
                del table[key], owners[key]

    def _add_layer(self, layer: object, plugin: str, added: list[str]) -> None:
        if not isinstance(layer, Layer):
            raise PluginError(f"plugin {plugin!r} registered {layer!r}, which is not a Layer")
        check_name(layer.name, plugin)
        if layer.name in self.layers:
            raise PluginError(
                f"layer {layer.name!r} is registered twice: by plugin "
                f"{self.layer_plugin[layer.name]!r} and by plugin {plugin!r}"
            )
        layer = attrs.evolve(layer, origin=self.origin(plugin))
        self.layers[layer.name] = self.tracer.layer(layer)
        self.layer_plugin[layer.name] = plugin
        added.append(f"layer {layer.name!r}")

    def _add_format(self, fmt: object, plugin: str, added: list[str]) -> None:
        if not isinstance(fmt, Format):
            raise PluginError(f"plugin {plugin!r} registered {fmt!r}, which is not a Format")
        if fmt.name in self.formats:
            raise PluginError(
                f"format {fmt.name!r} is registered twice: by plugin "
                f"{self.format_plugin[fmt.name]!r} and by plugin {plugin!r}"
            )
        self.formats[fmt.name] = self.tracer.format(fmt, plugin)
        self.format_plugin[fmt.name] = plugin
        added.append(f"format {fmt.name!r}")

    def format(self, name: str) -> Format:
        try:
            return self.formats[name]
        except KeyError:
            valid = ", ".join(sorted(self.formats))
            raise PluginError(f"unknown format {name!r} (available: {valid})") from None

    def load_document(self, data: bytes, name: str, encoding: str | None = None) -> Document:
        """The document a loader makes of ``data``; the first loader that accepts it wins.

        A loader that raises, or returns something else than a Document, is named.
        """
        impls = self.pm.hook.load_document.get_hookimpls()
        try:
            doc = self.pm.hook.load_document(data=data, name=name, encoding=encoding)
        except TeiAnnotateError:
            raise
        except Exception as exc:
            raise PluginError(
                f"{name}: the loader of plugin {_raised_in(exc, impls)!r} failed: "
                f"{type(exc).__name__}: {exc}"
            ) from exc
        if doc is None:
            raise InputError(f"{name}: no loader accepts this input")
        if not isinstance(doc, Document):
            suspects = ", ".join(repr(i.plugin_name) for i in impls if i.plugin is not builtins)
            raise PluginError(
                f"{name}: a loader returned {type(doc).__name__}, not a Document "
                f"(loaders of plugins {suspects})"
            )
        return doc

    def distribution(self, layer: str) -> tuple[str, str]:
        """(distribution name, version) the layer's plugin was installed with."""
        return self.distributions.get(self.layer_plugin.get(layer, ""), ("", ""))


def _raised_in(exc: BaseException, impls: Iterable[Any]) -> str:
    """The plugin whose hook implementation the traceback of ``exc`` passes through."""
    codes = {impl.function.__code__: impl.plugin_name for impl in impls}
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code in codes:
            return str(codes[tb.tb_frame.f_code])
        tb = tb.tb_next
    return "?"


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
    """A fresh host with the core plugin, the installed plugins (unless told not to) and ``plugins``.

    An installed plugin that fails to import or register lands in ``host.broken``;
    a plugin passed in ``plugins`` is the caller's own code, so its errors raise.
    """
    pm = pluggy.PluginManager(GROUP)
    pm.add_hookspecs(hookspecs)
    host = PluginHost(pm, tracer=Tracer.from_env())
    host.tracer.monitor(pm)
    host.distributions["tei_annotate.builtins"] = (OWN_DISTRIBUTION, own_version())
    host.register(builtins, name="tei_annotate.builtins")
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
            host.distributions[ep.name] = (dist, ep.dist.version if ep.dist else "")
            _load_entry_point(host, ep)
    for plugin in plugins:
        host.register(plugin)
    pm.check_pending()
    return host


def _load_entry_point(host: PluginHost, ep: importlib.metadata.EntryPoint) -> None:
    """Import and register one installed plugin, or record it as broken."""
    dist, version = host.distributions[ep.name]
    stage = "import"
    plugin: object = None
    try:
        with host.tracer.timed(f"import {host.origin(ep.name)}"):
            plugin = ep.load()
        stage = "register"
        host.register(plugin, name=ep.name)
        host.pm.check_pending()  # a misspelled hook in this plugin
    except Exception as exc:
        if plugin is not None and host.pm.is_registered(plugin):
            host.unregister(plugin)
        host.broken[ep.name] = BrokenPlugin(ep.name, dist, version, f"{stage}: {_reason(exc)}")


def _reason(exc: BaseException) -> str:
    """An exception as one line, without our error code (the caller adds its own)."""
    text = str(exc.args[0]) if isinstance(exc, TeiAnnotateError) and exc.args else str(exc)
    return " ".join(f"{type(exc).__name__}: {text}".split())


_HOST: PluginHost | None = None


def get_host() -> PluginHost:
    """The process-wide host, with installed plugins loaded on first use."""
    global _HOST
    if _HOST is None:
        _HOST = make_host()
    return _HOST
