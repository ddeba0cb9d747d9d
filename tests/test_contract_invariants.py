"""The TEI contract's four invariants, each shown to hold and shown to be detected when broken."""

import pytest
from lxml import etree

from tei_annotate import Annotation, Entry, Node, ValidationError, annotate, validate_tei
from tei_annotate.invariants import check_lossless, check_nothing_dropped, check_provenance

from .helpers import LayerPlugin, static_layer

NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.fixture
def seed_result(host, seed_text):
    """The seed article with two test layers whose spans cross each other and paragraphs."""
    words = [(m.start(), m.end()) for m in __import__("re").finditer(r"\w+", seed_text)]
    names = [Entry("pers.w", "person", [Node("persName", text="W")])]
    names += [Annotation(s, e, "persName", links={"ref": "pers.w"}) for s, e in words[::7]]
    segs = [Annotation(words[i][0], words[i + 3][1], "seg") for i in range(0, len(words) - 3, 5)]
    host.register(LayerPlugin(static_layer("names", names), static_layer("segs", segs)))
    result = annotate(seed_text, ["names", "segs"], host=host)
    return result, result.render("tei", host)


def test_invariant_1_output_is_valid_tei_with_resolving_pointers(seed_result, tei_schema):
    validate_tei(seed_result[1])


def test_invariant_1_detects_a_dangling_pointer(seed_result):
    broken = seed_result[1].replace(b'ref="#pers.w"', b'ref="#pers.nobody"', 1)
    with pytest.raises(ValidationError, match="points at '#pers.nobody'"):
        validate_tei(broken)


def test_invariant_1_detects_a_schema_error(seed_result):
    broken = (
        seed_result[1]
        .replace(b"<persName ", b"<persname ", 1)
        .replace(b"</persName>", b"</persname>", 1)
    )
    with pytest.raises(ValidationError, match="line"):
        validate_tei(broken)


def test_invariant_2_blocks_reproduce_the_source_lines(seed_result, seed_text):
    assert check_lossless(seed_result[1], seed_text) == []


def test_invariant_2_detects_a_changed_character(seed_result, seed_text):
    broken = seed_result[1].replace(b"Kremlin", b"Kremlim", 1)
    assert check_lossless(broken, seed_text)


def test_invariant_3_every_annotation_is_present(seed_result):
    result, xml = seed_result
    assert check_nothing_dropped(xml, result) == []


def test_invariant_3_detects_a_dropped_annotation(seed_result):
    result, xml = seed_result
    root = etree.fromstring(xml)
    name = root.find(".//t:body//t:persName", NS)
    name.getparent().remove(name)
    assert check_nothing_dropped(root, result)


def test_invariant_4_provenance_for_each_layer_and_annotation(seed_result):
    result, xml = seed_result
    assert check_provenance(xml, result) == []


def test_invariant_4_detects_missing_resp(seed_result):
    result, xml = seed_result
    root = etree.fromstring(xml)
    del root.find(".//t:body//t:seg", NS).attrib["resp"]
    assert check_provenance(root, result)
