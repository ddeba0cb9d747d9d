"""The string writer serializes exactly as lxml would: escaping, empty elements, indenting."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_annotate import tei
from tei_annotate.model import Entry, Node
from tei_annotate.xmlout import El, attributes, check_tags, indented, text
from tei_annotate.xmltext import UNSAFE

CHARS = st.sampled_from(
    list("ab &<>\"'\t\n\r]") + ["\x00", "\x07", "\ufffe", "\u00a0", "\u2028", "\u200b", "é", "説"]
)
SAFE_VALUE = st.text(CHARS, max_size=6).filter(lambda s: UNSAFE.search(s) is None)
TAGS = st.sampled_from(["a", "persName", "g2"])


@st.composite
def nodes(draw: Any, depth: int = 1) -> Node:
    """Header data as layers give it, written as it comes."""
    names = draw(st.lists(st.sampled_from(["type", "n", "xml:lang"]), max_size=2, unique=True))
    kids = draw(st.lists(nodes(depth + 1), max_size=2)) if depth < 3 else []
    attrs = {name: draw(SAFE_VALUE) for name in names}
    return Node(draw(TAGS), attrs, draw(st.text(CHARS, max_size=8)), kids)


@st.composite
def elements(draw: Any, depth: int = 0) -> El:
    names = draw(st.lists(st.sampled_from(["type", "n", "xml:lang"]), max_size=2, unique=True))
    attrib = {name: draw(SAFE_VALUE) for name in names}
    kids = draw(st.lists(elements(depth + 1) | nodes(depth + 1), max_size=3)) if depth < 3 else []
    indent = draw(st.booleans()) if not kids else True
    return El(draw(TAGS), attrib, draw(st.text(CHARS, max_size=8)), kids, indent=indent)


def _append_text(parent: Any, s: str) -> None:
    """What the lxml writer did: characters XML cannot hold as <g type="U+XXXX"/>."""
    pos = 0
    last = None
    for m in [*UNSAFE.finditer(s), None]:
        chunk = s[pos : m.start() if m else len(s)]
        if chunk:
            if last is None:
                parent.text = (parent.text or "") + chunk
            else:
                last.tail = (last.tail or "") + chunk
        if m:
            last = etree.SubElement(parent, "g", {"type": f"U+{ord(m.group()):04X}"})
            pos = m.end()


def _lxml(el: El | Node, later: list[tuple[Any, str]], parent: Any = None) -> Any:
    pairs = el.attrs if isinstance(el, Node) else (el.attrib or {}).items()
    attrib = {
        ("{http://www.w3.org/XML/1998/namespace}" + k[4:] if k.startswith("xml:") else k): v
        for k, v in pairs
    }
    node = (
        etree.Element(el.tag, attrib)
        if parent is None
        else etree.SubElement(parent, el.tag, attrib)
    )
    if isinstance(el, Node) or el.indent:
        _append_text(node, el.text)
    else:
        later.append((node, el.text))
    for child in el.children:
        _lxml(child, later, node)
    return node


@settings(max_examples=400, deadline=None)
@given(elements())
def test_xmlout_indented_matches_lxml_indent_and_serialization(el):
    later: list[tuple[Any, str]] = []
    root = _lxml(el, later)
    etree.indent(root)
    for node, s in later:  # content added after indenting keeps its whitespace
        _append_text(node, s)
    assert indented(el) == etree.tostring(root, encoding="unicode")


@given(st.text(CHARS, max_size=20))
def test_xmlout_text_matches_lxml_text_escaping(s):
    root = etree.Element("r")
    _append_text(root, s)
    assert etree.tostring(root, encoding="unicode") == (f"<r>{text(s)}</r>" if s else "<r/>")


@given(SAFE_VALUE)
def test_xmlout_attributes_match_lxml_attribute_escaping(value):
    expected = etree.tostring(etree.Element("r", {"v": value}), encoding="unicode")
    assert f"<r{attributes({'v': value})}/>" == expected


@pytest.mark.parametrize("value", ["\x00", "a\x07", "\ufffe"])
def test_xmlout_attributes_refuse_what_xml_cannot_hold(value):
    with pytest.raises(ValueError):
        attributes({"v": value})


@pytest.mark.parametrize("name", ["a b", "p:q", "1st", "", "{x}y"])
def test_xmlout_attributes_refuse_names_lxml_refuses(name):
    with pytest.raises(ValueError):
        attributes({name: "v"})
    assert attributes({"xml:lang": "en", "type": "x"}) == ' xml:lang="en" type="x"'


@pytest.mark.parametrize("name", ["a b", "p:q", "xml:lang", "{x}y", ""])
def test_xmlout_check_tags_refuses_element_names_lxml_refuses(name):
    with pytest.raises(ValueError):
        check_tags({name})
    check_tags({"persName", "said"})


@st.composite
def entries(draw: Any) -> Entry:
    """Header entries: mostly leaves of text (written without an El), some deeper."""
    kids = draw(st.lists(nodes(draw(st.sampled_from([1, 1, 2]))), max_size=4))
    names = draw(st.lists(st.sampled_from(["type", "role"]), max_size=2, unique=True))
    links = draw(st.lists(st.sampled_from(["corresp", "sameAs"]), max_size=1, unique=True))
    return Entry(
        id=draw(st.sampled_from(["pers.a", "org.b", 'q"&<t'])),
        element=draw(st.sampled_from(["person", "org"])),
        children=kids,
        attrs={name: draw(SAFE_VALUE) for name in names},
        links={name: draw(st.lists(st.sampled_from(["x", "y.z"]), max_size=2)) for name in links},
        layer=draw(st.sampled_from(["actors", "a\tb"])),
    )


@given(entries())
@settings(max_examples=300)
def test_entries_of_leaves_are_written_as_the_general_writer_writes_them(entry):
    expected = indented(tei._entry_el(entry), level=tei.ENTRY_LEVEL)
    tei._ENTRY_XML.clear()
    assert tei._entry_xml(entry) == expected
