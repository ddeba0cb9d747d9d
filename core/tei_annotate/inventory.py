"""What ``annotate plugins`` reports: layers with their options, formats, plugins, broken ones."""

from __future__ import annotations

from typing import Any

from .plugins import PluginHost

__all__ = ["describe", "describe_lines"]


def describe(host: PluginHost) -> dict[str, Any]:
    """Everything the host loaded, as JSON-ready data (``annotate plugins --json``)."""
    layers = []
    for name in sorted(host.layers):
        layer = host.layers[name]
        dist, version = host.distribution(name)
        layers.append(
            {
                "name": name,
                "version": layer.version,
                "description": layer.description,
                "requires": list(layer.requires),
                "produces": list(layer.produces),
                "options": [
                    {
                        "name": o.name,
                        "type": o.type.__name__,
                        "default": _jsonable(o.default),
                        "help": o.help,
                    }
                    for o in layer.options
                ],
                "plugin": host.layer_plugin[name],
                "distribution": dist,
                "distribution_version": version,
            }
        )
    formats = [
        {
            "name": f.name,
            "suffix": f.suffix,
            "description": f.description,
            "plugin": host.format_plugin[n],
        }
        for n, f in sorted(host.formats.items())
    ]
    plugins = []
    for name, plugin in sorted(host.pm.list_name_plugin(), key=lambda np: str(np[0])):
        dist, version = host.distributions.get(name, ("", ""))
        plugins.append(
            {
                "name": name,
                "distribution": dist,
                "version": version,
                "hooks": sorted(h.name for h in host.pm.get_hookcallers(plugin) or ()),
                "layers": sorted(k for k, v in host.layer_plugin.items() if v == name),
                "formats": sorted(k for k, v in host.format_plugin.items() if v == name),
            }
        )
    broken = [
        {"name": b.name, "distribution": b.distribution, "version": b.version, "error": b.reason}
        for b in sorted(host.broken.values(), key=lambda b: b.name)
    ]
    return {"layers": layers, "formats": formats, "plugins": plugins, "broken": broken}


def describe_lines(host: PluginHost) -> list[str]:
    """The same, one line per layer, then formats, then each broken plugin."""
    data = describe(host)
    lines = [] if data["layers"] else ["No layers installed."]
    for r in data["layers"]:
        req = f" (requires {', '.join(r['requires'])})" if r["requires"] else ""
        opts = ", ".join(f"{o['name']}: {o['type']} = {o['default']!r}" for o in r["options"])
        opts = f" [options: {opts}]" if opts else ""
        source = r["distribution"] or r["plugin"]
        lines.append(f"{r['name']} {r['version']}{req} [{source}]: {r['description']}{opts}")
    lines.append(f"formats: {', '.join(f['name'] for f in data['formats'])}")
    lines += [str(b) for b in sorted(host.broken.values(), key=lambda b: b.name)]
    return lines


def _jsonable(value: object) -> object:
    return value if isinstance(value, str | int | float | bool | type(None)) else str(value)
