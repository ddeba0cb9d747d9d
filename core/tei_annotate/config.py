"""Project settings from ``annotate.toml`` or ``[tool.tei-annotate]`` in ``pyproject.toml``.

A project keeps the layers it runs and their options beside its texts::

    # annotate.toml                       # or, in pyproject.toml:
    plugins = ["actors", "sentiment"]     # [tool.tei-annotate]
    [options.sentiment]                   # plugins = [...]
    threshold = 0.3                       # [tool.tei-annotate.options.sentiment]

The file is found as ruff and black find theirs: from the working directory
upwards, stopping at the first ``annotate.toml``, or the first ``pyproject.toml``
(which ends the search whether or not it has the table).  Command-line values win:
``--plugins`` replaces ``plugins``, ``--option`` overrides one key.  Options are
checked against each layer's declared :class:`~tei_annotate.Option` as soon as
the file is read, so a typo fails with one line naming the file, even for a
layer this run does not use.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from .errors import OptionError
from .plugins import PluginHost

__all__ = ["CONFIG_FILE", "Config", "find_config", "load_config"]

CONFIG_FILE = "annotate.toml"
PYPROJECT = "pyproject.toml"
TOOL_TABLE = "tei-annotate"
KEYS = ("plugins", "options")

Options = dict[str, dict[str, object]]


@attrs.frozen
class Config:
    """Settings read from one file (``path`` None: no file, all defaults)."""

    path: Path | None = None
    plugins: tuple[str, ...] = ()
    options: Mapping[str, Mapping[str, object]] = attrs.Factory(dict)

    def settings(
        self,
        host: PluginHost,
        plugins: Sequence[str] = (),
        options: Mapping[str, Mapping[str, object]] | None = None,
    ) -> tuple[list[str], Options]:
        """The layers to run and their options, command line over file.

        File options for layers this run does not select are dropped; options
        given on the command line for such a layer stay, so the run rejects them.
        """
        self.check(host)
        wanted = list(plugins) or list(self.plugins)
        selected = {layer.name for layer in host.resolve(wanted)}
        merged: Options = {
            name: self._values(host, name) for name in self.options if name in selected
        }
        for name, values in (options or {}).items():
            merged.setdefault(name, {}).update(values)
        return wanted, merged

    def check(self, host: PluginHost) -> None:
        """Reject options for unknown layers, unknown keys and ill-typed values, naming the file."""
        for name, values in self.options.items():
            layer = host.layers.get(name)
            try:
                if layer is None:
                    valid = ", ".join(sorted(host.layers)) or "none installed"
                    raise OptionError(f"options for unknown layer {name!r} (available: {valid})")
                layer.option_values(values)
            except OptionError as exc:
                raise OptionError(f"{self.path}: {exc.args[0]}") from None

    def _values(self, host: PluginHost, layer: str) -> dict[str, object]:
        """One layer's file options; a relative ``Path`` option is relative to the file."""
        base = self.path.parent if self.path else Path()
        types = {o.name: o.type for o in host.layers[layer].options}
        return {
            key: base / value if types.get(key) is Path and isinstance(value, str) else value
            for key, value in self.options[layer].items()
        }


def find_config(start: Path | None = None) -> Path | None:
    """The settings file that applies in ``start`` (default: the working directory)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder / CONFIG_FILE
        if (folder / PYPROJECT).is_file():
            return folder / PYPROJECT
    return None


def load_config(path: Path | None = None, *, start: Path | None = None) -> Config:
    """Read ``path``, or the file :func:`find_config` finds; no file gives an empty Config."""
    path = path or find_config(start)
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise OptionError(f"{path}: cannot read: {exc.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise OptionError(f"{path}: not valid TOML: {exc}") from None
    if path.name == PYPROJECT:
        table = data.get("tool", {}).get(TOOL_TABLE)
        if table is None:
            return Config()
        return _config(path, table, f"[tool.{TOOL_TABLE}]")
    return _config(path, data, "")


def _config(path: Path, table: Any, where: str) -> Config:
    def fail(message: str) -> OptionError:
        return OptionError(f"{path}: {where + ' ' if where else ''}{message}")

    if not isinstance(table, dict):
        raise fail("must be a table")
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise fail(f"unknown key {unknown[0]!r} (valid: {', '.join(KEYS)})")
    plugins = table.get("plugins", [])
    if isinstance(plugins, str):
        plugins = [p.strip() for p in plugins.split(",") if p.strip()]
    if not (isinstance(plugins, list) and all(isinstance(p, str) for p in plugins)):
        raise fail("'plugins' must be a list of layer names")
    options = table.get("options", {})
    if not (isinstance(options, dict) and all(isinstance(v, dict) for v in options.values())):
        raise fail("'options' must hold one table per layer, as [options.LAYER]")
    return Config(path=path, plugins=tuple(plugins), options=options)
