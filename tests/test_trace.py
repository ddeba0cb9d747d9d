"""Loading control and trace mode, as users of pluggy-based tools expect them."""

from __future__ import annotations

import re
import sys

import pytest

from tei_annotate import Annotation, Layer, annotate, hookimpl, make_host

MARK = """
from tei_annotate import Annotation, Layer, hookimpl

@hookimpl
def register_layers(register):
    register(Layer("{name}", lambda d, c: [Annotation(0, 1, "seg")], produces=("seg",)))
"""


@pytest.fixture
def site(tmp_path, monkeypatch, install_plugin):
    for name in ("alpha", "beta"):
        install_plugin(
            tmp_path, f"annotate-{name}", "1.0", f"tracetest_{name}", MARK.format(name=name)
        )
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in ("alpha", "beta"):
        sys.modules.pop(f"tracetest_{name}", None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, {"alpha", "beta"}),
        ("", set()),
        ("tracetest_alpha", {"alpha"}),
        ("annotate-beta", {"beta"}),
        (" tracetest_alpha , annotate-beta ", {"alpha", "beta"}),
    ],
)
def test_load_plugins_env_selects_by_entry_point_or_distribution(
    site, monkeypatch, value, expected
):
    if value is None:
        monkeypatch.delenv("TEI_ANNOTATE_LOAD_PLUGINS", raising=False)
    else:
        monkeypatch.setenv("TEI_ANNOTATE_LOAD_PLUGINS", value)
    host = make_host()
    assert {n for n in host.layers if n in ("alpha", "beta")} == expected


class Words:
    @hookimpl
    def register_layers(self, register):
        register(
            Layer("words", lambda d, c: [Annotation(0, 5, "seg")], produces=("seg",), version="2")
        )


def test_trace_reports_each_plugin_step_with_timing(site, monkeypatch, capsys):
    monkeypatch.setenv("TEI_ANNOTATE_TRACE_PLUGINS", "1")
    monkeypatch.setenv("TEI_ANNOTATE_LOAD_PLUGINS", "annotate-alpha")
    host = make_host(plugins=[Words()])
    annotate("Title\n\nText.", ["words", "alpha"], host=host).render("tei", host)
    lines = capsys.readouterr().err.splitlines()
    assert all(re.fullmatch(r"trace: .* \(\d+\.\d ms\)", line) for line in lines), lines
    text = "\n".join(lines)
    assert "trace: import plugin 'tracetest_alpha' from distribution 'annotate-alpha' 1.0" in text
    assert (
        "register_layers (plugin 'tracetest_alpha' from distribution 'annotate-alpha' 1.0): layer 'alpha'"
        in text
    )
    assert "trace: layer 'words' (plugin 'Words') " in text
    assert "on <string>: 1 annotations, 0 entries" in text
    assert "trace: format 'tei' (plugin 'tei_annotate.builtins'): " in text
    assert "beta" not in text


def test_trace_off_prints_nothing(monkeypatch, capsys):
    monkeypatch.setenv("TEI_ANNOTATE_TRACE_PLUGINS", "0")
    host = make_host(load_entrypoints=False, plugins=[Words()])
    annotate("Title", ["words"], host=host).render("tei", host)
    assert capsys.readouterr().err == ""


def test_trace_loader_hook_names_the_plugins_asked(monkeypatch, capsys):
    monkeypatch.setenv("TEI_ANNOTATE_TRACE_PLUGINS", "yes")
    host = make_host(load_entrypoints=False)
    host.load_document(b"Title", "t.txt")
    err = capsys.readouterr().err
    assert "trace: hook load_document (tei_annotate.builtins) -> Document 't.txt' (" in err
