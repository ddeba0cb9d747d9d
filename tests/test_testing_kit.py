"""tei_annotate.testing, run the way a plugin author's own test suite runs it."""

from __future__ import annotations

import importlib.metadata

import pytest

from tei_annotate import Annotation, Format, Layer, annotate, hookimpl
from tei_annotate.invariants import check_nothing_dropped
from tei_annotate.tei import render_tei
from tei_annotate.testing import SAMPLE_TEXTS, assert_text_unchanged

pytest_plugins = ["pytester"]

PLUGIN = """
from tei_annotate import Annotation, Entry, Layer, Node, hookimpl

def _exclaim(document, context):
    for block in document.blocks:
        text = document.block_text(block)
        at = text.find("!")
        if at >= 0:
            yield Annotation(block.start + at, block.start + at + 1, "{element}",
                             attrs={{"type": "exclamation"}}, links={{"ana": "mark.bang"}})
    yield Entry("mark.bang", "category", group="mark", children=[Node("catDesc", text="bang")])

class Exclaim:
    @hookimpl
    def register_layers(self, register):
        register(Layer("exclaim", _exclaim, version="1.0", produces=("{element}", "category")))
"""

TESTS = """
from plugin_under_test import Exclaim

def test_contract(tei, tei_register):
    tei_register(Exclaim())
    tei.check_layer("exclaim", texts=["Hi!\\n\\nWow! It works.\\n"])

def test_annotations(tei, tei_register):
    tei_register(Exclaim())
    assert tei.annotations("Hi!", "exclaim") == [("{element}", "!")]

def test_unregistered_after_test(tei_host):
    assert "exclaim" not in tei_host.layers
"""


def run_author_suite(pytester, element: str):
    pytester.makepyfile(plugin_under_test=PLUGIN.format(element=element))
    pytester.makepyfile(test_author=TESTS.format(element=element))
    pytester.makeini("[pytest]\nfilterwarnings = error\n")
    return pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")


def test_testing_kit_is_a_pytest11_plugin():
    eps = importlib.metadata.entry_points(group="pytest11")
    assert any(ep.value == "tei_annotate.testing" for ep in eps)


def test_testing_kit_passes_a_good_layer(pytester):
    run_author_suite(pytester, "seg").assert_outcomes(passed=3)


def test_testing_kit_fails_a_layer_producing_invalid_tei(pytester):
    result = run_author_suite(pytester, "bogus")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*tei output is not valid TEI:*", "*bogus*"])


class Dropper:
    """A broken output format that loses the first character of a paragraph."""

    @hookimpl
    def register_formats(self, register):
        def render(result):
            return render_tei(result).replace(b'<p xml:id="p1">M', b'<p xml:id="p1">')

        register(Format("dropper", render, suffix=".xml", is_tei=True))


def test_text_unchanged_catches_a_lost_character(host):
    host.register(Dropper())
    result = annotate("Title\n\nMore text.\n", host=host)
    assert_text_unchanged(result, formats=("tei",), host=host)
    with pytest.raises(
        pytest.fail.Exception, match=r"text changed:\n  <text> differs from the source at offset 7"
    ):
        assert_text_unchanged(result, formats=("dropper",), host=host)


@pytest.mark.parametrize("text", SAMPLE_TEXTS)
def test_sample_texts_keep_the_contract_without_layers(host, text):
    from tei_annotate.testing import LayerTester

    marker = Layer(
        "every-block",
        lambda d, c: [Annotation(b.start, b.end, "seg") for b in d.blocks],
        produces=("seg",),
    )

    class P:
        @hookimpl
        def register_layers(self, register):
            register(marker)

    host.register(P())
    LayerTester(host).check_layer("every-block", texts=[text])


def test_nothing_dropped_joins_a_layer_chain_in_standoff(host):
    """A quote a layer chains across paragraphs is one annotation in both renderings."""

    def chained(document, context):
        first, second = document.blocks[1], document.blocks[2]
        yield Annotation(first.start, first.end, "said", id="q1", links={"next": "q2"})
        yield Annotation(second.start, second.end, "said", id="q2", links={"prev": "q1"})

    class Chain:
        @hookimpl
        def register_layers(self, register):
            register(Layer("chain", chained, produces=("said",)))

    host.register(Chain())
    result = annotate("Title\n\n“One paragraph.\n\n“And another.”\n", ["chain"], host=host)
    for fmt in ("tei", "tei-standoff"):
        assert check_nothing_dropped(result.render(fmt, host), result) == [], fmt


def test_combines_with_builtins_catches_a_layer_that_depends_on_company():
    from tei_annotate import make_host
    from tei_annotate.testing import assert_combines_with_builtins, builtin_layers

    calls = []

    def stateful(document, context):
        calls.append(1)
        return [Annotation(0, len(calls) % 2 + 1, "seg")]

    class Stateful:
        @hookimpl
        def register_layers(self, register):
            register(Layer("stateful", stateful, produces=("seg",)))

    host = make_host(plugins=[Stateful()])
    assert {"actors", "numbers"} <= set(builtin_layers(host))
    with pytest.raises(
        pytest.fail.Exception, match="layer 'stateful' annotates differently beside"
    ):
        assert_combines_with_builtins(host, "stateful", "Title\n\nText.")
