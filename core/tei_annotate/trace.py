"""Trace mode: which plugin did what, and how long it took.

``TEI_ANNOTATE_TRACE_PLUGINS=1`` prints one ``trace:`` line on stderr for every
plugin import, registration hook, loader call, layer run and format render, with
the plugin (and distribution) responsible and the time taken, as datasette's
``DATASETTE_TRACE_PLUGINS`` does.  When the variable is unset every method here is
a no-op, so the host can call them unconditionally.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TextIO

import attrs

if TYPE_CHECKING:
    import pluggy

    from .formats import Format
    from .layers import Layer, LayerContext
    from .model import Annotation, Document, Entry
    from .result import Result

__all__ = ["TRACE_ENV", "Tracer"]

TRACE_ENV = "TEI_ANNOTATE_TRACE_PLUGINS"
OFF = frozenset({"", "0", "false", "no", "off"})


@attrs.define
class Tracer:
    """Writes ``trace:`` lines when enabled; ``stream`` defaults to stderr at write time."""

    enabled: bool = False
    stream: TextIO | None = None
    _started: list[float] = attrs.Factory(list)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Tracer:
        value = (os.environ if environ is None else environ).get(TRACE_ENV, "")
        return cls(enabled=value.strip().lower() not in OFF)

    def emit(self, message: str) -> None:
        if self.enabled:
            print(f"trace: {message}", file=self.stream or sys.stderr, flush=True)

    @contextmanager
    def timed(self, what: str) -> Iterator[list[str]]:
        """Time the block and emit ``what: details (N ms)``; append details to the yielded list."""
        if not self.enabled:
            yield []
            return
        details: list[str] = []
        start = time.perf_counter()
        try:
            yield details
        except BaseException as exc:
            self.emit(f"{what}: raised {type(exc).__name__} ({_ms(start)})")
            raise
        shown = f": {', '.join(details)}" if details else ""
        self.emit(f"{what}{shown} ({_ms(start)})")

    def monitor(self, pm: pluggy.PluginManager) -> None:
        """Trace every hook call made through ``pm.hook`` (loaders, future hooks)."""
        if not self.enabled:
            return

        def before(hook_name: str, impls: Sequence[Any], kwargs: Mapping[str, Any]) -> None:
            self._started.append(time.perf_counter())

        def after(outcome: Any, hook_name: str, impls: Sequence[Any], kwargs: Any) -> None:
            start = self._started.pop()
            names = ", ".join(i.plugin_name for i in reversed(impls)) or "no plugin"
            result = "raised" if outcome.exception is not None else _summary(outcome.get_result())
            self.emit(f"hook {hook_name} ({names}) -> {result} ({_ms(start)})")

        pm.add_hookcall_monitoring(before, after)

    def layer(self, layer: Layer) -> Layer:
        """The layer with its ``annotate`` timed and its output counted."""
        if not self.enabled:
            return layer
        run = layer.annotate
        label = f"layer {layer.name!r} ({layer.origin or 'unregistered'})"

        def annotate(document: Document, context: LayerContext) -> Iterable[Annotation | Entry]:
            with self.timed(f"{label} on {document.name}") as details:
                items = list(run(document, context))
                entries = sum(type(i).__name__ == "Entry" for i in items)
                details.append(f"{len(items) - entries} annotations, {entries} entries")
            return items

        return attrs.evolve(layer, annotate=annotate)

    def format(self, fmt: Format, plugin: str) -> Format:
        """The format with its ``render`` timed."""
        if not self.enabled:
            return fmt
        render: Callable[[Result], bytes] = fmt.render

        def timed_render(result: Result) -> bytes:
            with self.timed(f"format {fmt.name!r} (plugin {plugin!r})") as details:
                data = render(result)
                details.append(f"{len(data)} bytes")
            return data

        return attrs.evolve(fmt, render=timed_render)


def _ms(start: float) -> str:
    return f"{(time.perf_counter() - start) * 1000:.1f} ms"


def _summary(value: object) -> str:
    if value is None:
        return "None"
    name = getattr(value, "name", None)
    return f"{type(value).__name__} {name!r}" if isinstance(name, str) else type(value).__name__
