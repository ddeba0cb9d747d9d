"""Real TEI readers accept what we write: jing against tei_all.rng, standoffconverter's text."""

from __future__ import annotations

import itertools

import pytest
from lxml import etree

from tei_annotate import validate_tei

from .clients import check_jing, check_standoff, standoff_elements
from .contract_layers import ARTICLE, NAMES, contract_result

COMBINATIONS = [list(c) for n in range(len(NAMES) + 1) for c in itertools.combinations(NAMES, n)]
TEXTS = {
    "article": ARTICLE,
    "awkward": "\ufeffOnly a title\x07 with a bell\r\n\r\n  Indented “quote\n\nacross” 12 lines  \n",
}


def _tei_outputs():  # type: ignore[no-untyped-def]
    for (label, text), layers in itertools.product(TEXTS.items(), COMBINATIONS):
        result, host = contract_result(text, layers)
        for name, fmt in sorted(host.formats.items()):
            if fmt.is_tei:
                yield f"{label}-{'+'.join(layers) or 'none'}-{name}", result, fmt.render(result)


@pytest.fixture(scope="module")
def tei_outputs():  # type: ignore[no-untyped-def]
    return list(_tei_outputs())


def test_jing_accepts_every_tei_output(tei_outputs, tmp_path):
    paths = []
    for label, _, data in tei_outputs:
        path = tmp_path / f"{label}.xml"
        path.write_bytes(data)
        paths.append(path)
    assert len(paths) == len(TEXTS) * len(COMBINATIONS) * 2
    check_jing(paths)


def test_jing_rejects_a_broken_tei_document(tei_outputs, tmp_path):
    _, _, data = tei_outputs[-1]
    root = etree.fromstring(data)
    body = root.find(".//{http://www.tei-c.org/ns/1.0}body")
    etree.SubElement(body, "{http://www.tei-c.org/ns/1.0}persName")  # not allowed in body
    path = tmp_path / "broken.xml"
    path.write_bytes(etree.tostring(root))
    with pytest.raises(AssertionError, match="jing rejects"):
        check_jing([path])


def test_lxml_and_pointer_checks_accept_every_tei_output(tei_outputs, tei_schema):
    for _, _, data in tei_outputs:
        validate_tei(data)


def test_standoffconverter_reads_the_source_text_from_every_tei_output(tei_outputs):
    for label, result, data in tei_outputs:
        assert data, label
        check_standoff(data, result.document.text)


def test_standoffconverter_finds_each_unfragmented_annotation_at_its_offsets():
    result, host = contract_result()
    found = set(standoff_elements(result.render("tei", host)))
    fragmented = {"said"}  # the toy quote runs over a paragraph break
    for a in result.annotations:
        if a.element not in fragmented:
            assert (a.element, a.start, a.end) in found, a


def test_standoffconverter_check_fails_when_a_character_is_lost():
    result, host = contract_result()
    data = result.render("tei", host).replace(b"Prices rose", b"Prices ros", 1)
    with pytest.raises(AssertionError, match="differs from the source"):
        check_standoff(data, result.document.text)
