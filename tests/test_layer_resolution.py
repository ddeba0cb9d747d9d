import pytest

from tei_annotate import PluginError, make_host, resolve_layers

from .helpers import LayerPlugin, static_layer


def layers(*specs):
    return {name: static_layer(name, [], requires=req) for name, req in specs}


def test_resolve_adds_requirements_before_the_layers_needing_them():
    available = layers(("quotes", ["actors"]), ("actors", []), ("numbers", []))
    assert [lay.name for lay in resolve_layers(["quotes"], available)] == ["actors", "quotes"]


def test_resolve_order_does_not_depend_on_the_requested_order():
    available = layers(("quotes", ["actors"]), ("actors", []), ("numbers", []), ("hedging", []))
    a = resolve_layers(["numbers", "quotes", "hedging"], available)
    b = resolve_layers(["hedging", "quotes", "numbers"], available)
    assert [x.name for x in a] == [x.name for x in b]


def test_resolve_unknown_layer_lists_the_available_ones():
    with pytest.raises(PluginError, match=r"unknown layer 'nope' \(available: a, b\)"):
        resolve_layers(["nope"], layers(("a", []), ("b", [])))


def test_resolve_cycle_names_the_layers_in_it():
    with pytest.raises(PluginError, match="cycle: a, b"):
        resolve_layers(["a"], layers(("a", ["b"]), ("b", ["a"])))


def test_resolve_missing_requirement_names_the_layer_that_needs_it():
    with pytest.raises(PluginError, match="layer 'a' requires 'ghost'"):
        resolve_layers(["a"], layers(("a", ["ghost"])))


def test_register_duplicate_layer_name_names_both_plugins():
    first = LayerPlugin(static_layer("dup", []))
    second = LayerPlugin(static_layer("dup", []))
    with pytest.raises(PluginError, match="registered twice: by plugin .* and by plugin"):
        make_host(load_entrypoints=False, plugins=[first, second])


@pytest.mark.parametrize("name", ["has.dot", "Upper", "core", "tei-annotate", "9lives", ""])
def test_register_invalid_layer_name_is_refused(name):
    with pytest.raises(PluginError, match="invalid layer name"):
        make_host(load_entrypoints=False, plugins=[LayerPlugin(static_layer(name, []))])


def test_unregister_removes_the_plugins_layers(host):
    plugin = LayerPlugin(static_layer("temp", []))
    host.register(plugin)
    assert "temp" in host.layers
    host.unregister(plugin)
    assert "temp" not in host.layers
