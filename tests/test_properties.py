"""Property-based: any text, any stand-off annotations, any subset of layers, in any order."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tei_annotate import Annotation, Entry, Node, annotate, make_host, validate_tei
from tei_annotate.invariants import check_lossless, check_nothing_dropped, check_provenance

from .helpers import LayerPlugin, static_layer

ALPHABET = st.sampled_from(
    list("abc XYZ.,;:!?-—“”‘’\"'«»<>&\t")
    + ["\x00", "\x07", "\x0c", "\x1f", "\ufffe", "\u202e", "\u0301", "\u200d"]
    + list("Путин說話مرحبا")
)
LINE = st.text(ALPHABET, max_size=40) | st.text(
    st.sampled_from("ab “”"), min_size=300, max_size=2000
)
NEWLINE = st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\n  \n"])


@st.composite
def texts(draw):
    lines = draw(st.lists(LINE, min_size=1, max_size=8))
    seps = draw(st.lists(NEWLINE, min_size=len(lines), max_size=len(lines)))
    return "".join(line + sep for line, sep in zip(lines, seps, strict=True))[: -1 or None]


@st.composite
def spans(draw, size, n=6):
    if size == 0:
        return []
    out = []
    for _ in range(draw(st.integers(0, n))):
        start = draw(st.integers(0, size - 1))
        out.append((start, draw(st.integers(start + 1, size))))
    return out


def make_layers(text, data):
    size = len(text)
    people = data.draw(spans(size))
    actors = [Entry("pers.x", "person", [Node("persName", text="X")])]
    actors += [Annotation(s, e, "persName", links={"ref": "pers.x"}) for s, e in people]
    actors += [Annotation(s, min(e, s + 3), "roleName") for s, e in people[:2]]
    quotes = [
        Annotation(s, e, "said", {"direct": "true"}, links={"who": "pers.x"})
        for s, e in data.draw(spans(size))
    ]
    marks = [
        Annotation(s, e, data.draw(st.sampled_from(["seg", "num"])))
        for s, e in data.draw(spans(size))
    ]
    return [
        static_layer("actors", actors, produces=["persName", "roleName", "person"]),
        static_layer("quotes", quotes, requires=["actors"], produces=["said"]),
        static_layer("marks", marks, produces=["seg", "num"]),
    ]


SUBSETS = [s for n in (1, 2, 3) for s in itertools.combinations(["actors", "quotes", "marks"], n)]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts(), data=st.data(), subset=st.sampled_from(SUBSETS))
def test_any_text_and_annotations_give_valid_lossless_complete_tei(text, data, subset):
    layers = make_layers(text, data)
    host = make_host(load_entrypoints=False, plugins=[LayerPlugin(*layers)])
    result = annotate(text, subset, host=host)
    xml = result.render("tei", host)
    validate_tei(xml)
    assert check_lossless(xml, text) == []
    assert check_nothing_dropped(xml, result) == []
    assert check_provenance(xml, result) == []
    standoff = result.render("tei-standoff", host)
    validate_tei(standoff)
    assert check_nothing_dropped(standoff, result) == []

    reversed_host = make_host(load_entrypoints=False, plugins=[LayerPlugin(*reversed(layers))])
    again = annotate(text, list(reversed(subset)), host=reversed_host).render("tei", reversed_host)
    assert again == xml
