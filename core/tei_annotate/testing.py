"""A pytest plugin for people who write tei-annotate plugins.

Installed with tei-annotate and registered through the ``pytest11`` entry point, so
its fixtures need no import.  A plugin's whole test can be::

    def test_sentiment_keeps_the_contract(tei):
        tei.check_layer("sentiment")

Fixtures: ``tei_host`` (a fresh host with the installed plugins), ``tei_register``
(register a plugin object for one test), ``tei`` (a :class:`LayerTester`).
The ``assert_*`` functions work without pytest's fixtures too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

import attrs
import pytest
from lxml import etree

from .api import annotate
from .invariants import check_lossless, check_nothing_dropped, check_provenance
from .plugins import PluginHost, make_host
from .result import Result
from .validate import SAFE_PARSER, check_pointers, validate_tei
from .version import OWN_DISTRIBUTION

__all__ = [
    "SAMPLE_TEXTS",
    "LayerTester",
    "assert_combines_with_builtins",
    "assert_nothing_dropped",
    "assert_pointers_resolve",
    "assert_provenance",
    "assert_text_unchanged",
    "assert_valid_tei",
    "builtin_layers",
    "tei",
    "tei_host",
    "tei_register",
]

TEI_FORMATS = ("tei", "tei-standoff")
# Small made-up news texts with the hard cases: typographic quotes, a quote
# across paragraphs, numbers, a section head, astral characters, a control
# character, page furniture, and no final newline.
SAMPLE_TEXTS: tuple[str, ...] = (
    "Minister warns of a difficult winter\n\n"
    "The energy minister, Anna Berg, said on Tuesday that prices “may rise by 20 per cent” "
    "before March. Critics argue the plan is a failure.\n\n"
    "Suppliers were delighted. “It is a wonderful result,” one executive said, adding that "
    "profits had doubled.\n",
    "Floods hit the north\n\n"
    "Heavy rain caused terrible damage in three towns, officials reported.\n\n"
    "The response\n\n"
    "“We are doing everything we can.\n\n"
    "“Nobody will be left behind,” the mayor said. Residents praised the volunteers 👏.\n\n"
    "Comments\n",
    "Short\n\nA single\tline with a tab, a bell \x07 and no final newline",
)


# ------------------------------------------------------------------ assertions
def _xml(result_or_xml: Result | bytes, fmt: str, host: PluginHost | None) -> bytes:
    if isinstance(result_or_xml, bytes):
        return result_or_xml
    return result_or_xml.render(fmt, host)


def assert_valid_tei(
    result_or_xml: Result | bytes,
    formats: Sequence[str] = TEI_FORMATS,
    host: PluginHost | None = None,
) -> None:
    """The output validates against tei_all and every pointer resolves, in each TEI format."""
    for fmt in formats if not isinstance(result_or_xml, bytes) else ("tei",):
        try:
            validate_tei(_xml(result_or_xml, fmt, host), f"<{fmt} output>")
        except Exception as exc:
            problems = "\n  ".join(getattr(exc, "problems", ()) or (str(exc),))
            pytest.fail(f"{fmt} output is not valid TEI:\n  {problems}", pytrace=False)


def assert_pointers_resolve(
    result: Result, formats: Sequence[str] = TEI_FORMATS, host: PluginHost | None = None
) -> None:
    """Every ``@ref``, ``@who``, ``@ana``, ``@next``... points at an ``xml:id`` in the document."""
    _problems(
        lambda xml, r: check_pointers(etree.fromstring(xml, SAFE_PARSER)),
        "dangling pointers",
        result,
        formats,
        host,
    )


def _problems(
    check: Callable[[bytes, Result], list[str]],
    what: str,
    result: Result,
    formats: Sequence[str],
    host: PluginHost | None,
) -> None:
    for fmt in formats:
        problems = check(result.render(fmt, host), result)
        if problems:
            pytest.fail(f"{fmt}: {what}:\n  " + "\n  ".join(problems), pytrace=False)


def assert_text_unchanged(
    result: Result, formats: Sequence[str] = TEI_FORMATS, host: PluginHost | None = None
) -> None:
    """``<text>`` holds the source, each block its line, character for character."""
    _problems(
        lambda xml, r: check_lossless(xml, r.document.text), "text changed", result, formats, host
    )


def assert_nothing_dropped(
    result: Result, formats: Sequence[str] = TEI_FORMATS, host: PluginHost | None = None
) -> None:
    """Every annotation appears in the output at its offsets, inline or in ``<standOff>``."""
    _problems(check_nothing_dropped, "annotations dropped", result, formats, host)


def assert_provenance(
    result: Result, formats: Sequence[str] = TEI_FORMATS, host: PluginHost | None = None
) -> None:
    """Each layer has its ``application`` in the header and each element its ``@resp``."""
    _problems(check_provenance, "provenance missing", result, formats, host)


def builtin_layers(host: PluginHost) -> list[str]:
    """The layers that ship with tei-annotate itself, as installed in ``host``."""
    return sorted(n for n in host.layers if host.distribution(n)[0] == OWN_DISTRIBUTION)


def _check(result: Result, host: PluginHost | None) -> None:
    assert_valid_tei(result, host=host)
    assert_text_unchanged(result, host=host)
    assert_pointers_resolve(result, host=host)
    assert_nothing_dropped(result, host=host)
    assert_provenance(result, host=host)


def assert_combines_with_builtins(
    host: PluginHost,
    layer: str,
    text: str,
    options: Mapping[str, Mapping[str, object]] | None = None,
) -> None:
    """``layer`` beside each built-in layer, and beside all of them, keeps the contract.

    Its own annotations must not change with company it does not require: a
    layer sees only the results of the layers it asked for.
    """
    alone = annotate(text, [layer], options=options, host=host)
    _check(alone, host)
    others = [b for b in builtin_layers(host) if b not in {lay.name for lay in alone.layers}]
    for company in [[b] for b in others] + ([others] if len(others) > 1 else []):
        combined = annotate(text, [layer, *company], options=options, host=host)
        if combined.results[layer].annotations != alone.results[layer].annotations:
            pytest.fail(
                f"layer {layer!r} annotates differently beside {', '.join(company)}",
                pytrace=False,
            )
        _check(combined, host)


# ------------------------------------------------------------------ the tester
@attrs.define
class LayerTester:
    """Runs layers on texts with one host and checks the results (the ``tei`` fixture)."""

    host: PluginHost

    def run(
        self,
        text: str,
        layers: Iterable[str],
        options: Mapping[str, Mapping[str, object]] | None = None,
    ) -> Result:
        """Annotate ``text`` with ``layers`` (and what they require)."""
        return annotate(text, layers, options=options, host=self.host)

    def annotations(self, text: str, layer: str, **options: object) -> list[tuple[str, str]]:
        """``(element, covered text)`` for each annotation ``layer`` makes on ``text``."""
        result = self.run(text, [layer], {layer: options} if options else None)
        return [(a.element, text[a.start : a.end]) for a in result.results[layer].annotations]

    def check(self, result: Result) -> None:
        """Valid TEI, text unchanged, pointers resolved, nothing dropped, provenance, in each TEI format."""
        _check(result, self.host)

    def check_layer(
        self,
        layer: str,
        texts: Iterable[str] = SAMPLE_TEXTS,
        options: Mapping[str, Mapping[str, object]] | None = None,
    ) -> None:
        """Everything above on each text, alone and combined with every built-in layer."""
        for text in texts:
            assert_combines_with_builtins(self.host, layer, text, options)


# ------------------------------------------------------------------ fixtures
@pytest.fixture
def tei_host() -> PluginHost:
    """A fresh host with the installed plugins (``TEI_ANNOTATE_LOAD_PLUGINS`` applies)."""
    return make_host()


@pytest.fixture
def tei_register(tei_host: PluginHost) -> Iterator[Callable[[object], object]]:
    """Register plugin objects on ``tei_host`` for one test; they are removed afterwards."""
    added: list[object] = []

    def register(plugin: object) -> object:
        tei_host.register(plugin)
        added.append(plugin)
        return plugin

    yield register
    for plugin in reversed(added):
        if tei_host.pm.is_registered(plugin):
            tei_host.unregister(plugin)


@pytest.fixture
def tei(tei_host: PluginHost) -> LayerTester:
    """A :class:`LayerTester` on ``tei_host``."""
    return LayerTester(tei_host)
