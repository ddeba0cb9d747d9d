"""The ``xmi`` format, read back by dkpro-cassis as INCEpTION's importer would."""

from __future__ import annotations

import itertools

import pytest
from lxml import etree

from tei_annotate_formats.xmi import NAMED_ENTITY, SENTENCE, TOKEN, custom_type_name

from .clients import check_xmi, load_xmi
from .contract_layers import contract_result

XMI_NS = "http:///de/tudarmstadt/ukp/dkpro/core/api/ner/type.ecore"


@pytest.fixture(scope="module")
def rendered():  # type: ignore[no-untyped-def]
    result, host = contract_result()
    fmt = host.format("xmi")
    assert fmt.companions is not None
    return result, fmt.render(result), fmt.companions(result)[".typesystem.xml"]


def test_xmi_cassis_finds_every_annotation_at_its_offsets(rendered):
    check_xmi(*rendered[1:], rendered[0])


def test_xmi_names_are_dkpro_named_entities_with_registry_ids(rendered):
    _, xmi, ts = rendered
    cas = load_xmi(xmi, ts)
    entities = {(ne.get_covered_text(), ne.value, ne.identifier) for ne in cas.select(NAMED_ENTITY)}
    assert ("Vladimir Putin", "PER", "pers.putin") in {
        (t.removeprefix("President "), v, i) for t, v, i in entities
    }
    assert ("a diplomat", "PER", "pers.anonymous-diplomat") in entities
    assert ("European Commission", "ORG", "org.european-commission") in entities


def test_xmi_other_layers_keep_their_attributes_and_pointers(rendered):
    _, xmi, ts = rendered
    cas = load_xmi(xmi, ts)
    nums = {
        (n.get_covered_text(), n.teiType, n.value) for n in cas.select(custom_type_name("numbers"))
    }
    assert ("3.5 per cent", "percentage", "3.5") in nums
    said = cas.select(custom_type_name("quotes"))
    assert [(s.element, s.direct, s.who) for s in said] == [("said", "true", "pers.putin")]
    hedges = {(h.get_covered_text(), h.ana) for h in cas.select(custom_type_name("hedging"))}
    assert ("reportedly", "hedge.evidential") in hedges


def test_xmi_offsets_count_utf16_code_units_for_java_readers(rendered):
    result, xmi, _ = rendered
    text = result.document.text
    last = max((a for a in result.annotations if a.element == "persName"), key=lambda a: a.start)
    assert "😀" in text[: last.start]  # one code point, two UTF-16 units
    root = etree.fromstring(xmi)
    begins = {int(e.get("begin")) for e in root.iter(f"{{{XMI_NS}}}NamedEntity")}
    assert last.start + 1 in begins
    assert last.start not in begins


def test_xmi_check_fails_when_an_offset_is_shifted(rendered):
    result, xmi, ts = rendered
    root = etree.fromstring(xmi)
    first = next(root.iter(f"{{{XMI_NS}}}NamedEntity"))
    first.set("begin", str(int(first.get("begin")) + 1))
    broken = etree.tostring(root)
    with pytest.raises(AssertionError, match="not in the CAS"):
        check_xmi(broken, ts, result)


def test_xmi_check_fails_when_a_type_is_missing_from_the_type_system(rendered):
    result, xmi, ts = rendered
    broken_ts = ts.replace(custom_type_name("numbers").encode(), b"webanno.custom.Elsewhere")
    with pytest.raises(Exception, match=r"numbers|TeiAnnotateNumbers"):
        check_xmi(xmi, broken_ts, result)


def test_xmi_keeps_characters_xml_cannot_hold_as_glyphs():
    result, host = contract_result("Title\x07 bell\n\nVladimir Putin said \x01“yes” 😀.\n")
    fmt = host.format("xmi")
    assert fmt.companions is not None
    check_xmi(fmt.render(result), fmt.companions(result)[".typesystem.xml"], result)


def test_xmi_tokens_and_sentences_anchor_every_annotation(rendered):
    result, xmi, ts = rendered
    cas = load_xmi(xmi, ts)
    sentences = [(s.begin, s.end) for s in cas.select(SENTENCE)]
    assert sentences == [(b.start, b.end) for b in result.document.blocks]
    toks = [(t.begin, t.end) for t in cas.select(TOKEN)]
    assert all(s < e for s, e in toks) and toks == sorted(toks)
    assert all(e <= s for (_, e), (s, _) in itertools.pairwise(toks))  # no overlap
    starts, ends = {s for s, _ in toks}, {e for _, e in toks}
    text = result.document.text
    for a in result.annotations:
        assert a.start in starts and a.end in ends, text[a.start : a.end]
    assert tuple(text[s:e] for s, e in toks[:3]) != ("Putin", "’", "s")
