"""One test per hook (docs/plugins.md documents each; test_docs checks both exist)."""

from __future__ import annotations

import pytest

from tei_annotate import (
    Block,
    Document,
    Format,
    Layer,
    PluginError,
    annotate,
    annotate_bytes,
    hookimpl,
)


def _noop(document, context):
    return []


class Layers:
    @hookimpl
    def register_layers(self, register):
        register(Layer("alpha", _noop, version="1.0"))
        register(Layer("beta", _noop, requires=("alpha",)))


def test_hook_register_layers(host):
    host.register(Layers())
    assert sorted(host.layers) == ["alpha", "beta"]
    assert host.layer_plugin["alpha"] == "Layers"
    assert host.layers["alpha"].origin == "plugin 'Layers'"
    assert [layer.name for layer in host.resolve(["beta"])] == ["alpha", "beta"]


def test_hook_register_layers_rejects_a_taken_name_naming_both_plugins(host):
    host.register(Layers(), name="first")
    with pytest.raises(
        PluginError, match="registered twice: by plugin 'first' and by plugin 'second'"
    ):
        host.register(Layers(), name="second")


@pytest.mark.parametrize("bad", ["Upper", "with.dot", "core", ""])
def test_hook_register_layers_rejects_invalid_names(host, bad):
    class Bad:
        @hookimpl
        def register_layers(self, register):
            register(Layer(bad, _noop))

    with pytest.raises(PluginError, match="invalid layer name"):
        host.register(Bad())


def test_hook_register_layers_impl_may_take_fewer_arguments(host):
    class NoArgs:
        @hookimpl
        def register_layers(self):
            pass

    host.register(NoArgs())
    assert host.pm.is_registered(host.pm.get_plugin("NoArgs"))


def test_hook_register_formats(host):
    class Upper:
        @hookimpl
        def register_formats(self, register):
            register(Format("upper", lambda r: r.document.text.upper().encode(), suffix=".txt"))

    host.register(Upper())
    assert annotate("Title\n\nText.", host=host).render("upper", host) == b"TITLE\n\nTEXT."
    with pytest.raises(PluginError, match="format 'upper' is registered twice"):
        host.register(Upper(), name="again")


def test_hook_load_document(host):
    class Shouting:
        """Reads ``.shout`` files: one paragraph, the whole text."""

        @hookimpl
        def load_document(self, data, name):
            if not name.endswith(".shout"):
                return None
            text = data.decode()
            return Document(text=text, blocks=[Block("p", 0, len(text), "p1")], name=name)

    host.register(Shouting())
    loud = annotate_bytes(b"HELLO. THERE.", name="a.shout", host=host).document
    assert [b.kind for b in loud.blocks] == ["p"]
    plain = annotate_bytes(b"Hello\n\nThere.", name="a.txt", host=host).document
    assert [b.kind for b in plain.blocks] == ["title", "p"]
