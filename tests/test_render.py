"""How stand-off annotations become inline TEI."""

import json

from lxml import etree

from tei_annotate import Annotation, Entry, Node, annotate, validate_tei
from tei_annotate.invariants import annotation_spans, check_lossless, check_nothing_dropped

from .helpers import LayerPlugin, static_layer

NS = {"t": "http://www.tei-c.org/ns/1.0"}
TEXT = "Title\n\nAlpha beta gamma delta.\nSecond para here.\n"


def render(host, *layers, fmt="tei"):
    host.register(LayerPlugin(*layers))
    result = annotate(TEXT, [lay.name for lay in layers], host=host)
    xml = result.render(fmt, host)
    validate_tei(xml)
    return result, xml, etree.fromstring(xml)


def test_crossing_spans_become_fragments_chained_with_next_and_prev(host):
    one = static_layer("one", [Annotation(7, 17, "persName")])  # "Alpha beta"
    two = static_layer("two", [Annotation(13, 23, "said")])  # "beta gamma"
    result, xml, root = render(host, one, two)
    said = root.findall(".//t:said", NS)
    assert [s.text for s in said] == ["beta", " gamma"]
    assert said[0].get("next") == "#" + said[1].get("{http://www.w3.org/XML/1998/namespace}id")
    assert said[1].get("prev") == "#" + said[0].get("{http://www.w3.org/XML/1998/namespace}id")
    assert check_nothing_dropped(xml, result) == []


def test_span_across_paragraphs_is_split_per_block_with_part(host):
    result, xml, root = render(host, static_layer("one", [Annotation(13, 37, "seg")]))
    segs = root.findall(".//t:seg", NS)
    assert [(s.text, s.get("part")) for s in segs] == [("beta gamma delta.", "I"), ("Second", "F")]
    assert check_nothing_dropped(xml, result) == []


def test_fragments_are_numbered_in_document_order_whatever_the_annotation_order(host):
    # the layer lists a span of the second paragraph before the one crossing both
    layer = static_layer("one", [Annotation(31, 37, "persName"), Annotation(13, 37, "seg")])
    result, xml, root = render(host, layer)
    segs = root.findall(".//t:seg", NS)
    assert [(s.text, s.get("part")) for s in segs] == [("beta gamma delta.", "I"), (None, "F")]
    assert segs[0].get("next") == "#" + segs[1].get("{http://www.w3.org/XML/1998/namespace}id")
    assert check_nothing_dropped(xml, result) == []


def test_equal_spans_put_quotes_outside_names(host):
    names = static_layer("aaa", [Annotation(7, 12, "persName")])
    quotes = static_layer("zzz", [Annotation(7, 12, "said")])
    _, _, root = render(host, names, quotes)
    assert root.find(".//t:said/t:persName", NS) is not None


def test_annotation_between_blocks_goes_to_standoff(host):
    result, xml, root = render(host, static_layer("one", [Annotation(5, 7, "seg")]))
    ann = root.find("t:standOff/t:listAnnotation/t:annotation", NS)
    assert ann.get("target") == "#string-range(title,5,0)"
    assert check_nothing_dropped(xml, result) == []


def test_layer_chained_fragments_keep_their_chain_when_cut(host):
    pieces = [
        Annotation(7, 23, "said", id="q1", links={"next": "q2"}),
        Annotation(31, 37, "said", id="q2", links={"prev": "q1"}),
    ]
    names = static_layer("aaa", [Annotation(13, 30, "persName")])  # cuts q1
    result, xml, root = render(host, names, static_layer("zzz", pieces))
    ids = {el.get("{http://www.w3.org/XML/1998/namespace}id"): el for el in root.iter()}
    q2 = ids["q2"]
    last_of_q1 = ids[q2.get("prev")[1:]]
    assert last_of_q1.get("next") == "#q2"
    assert check_nothing_dropped(xml, result) == []


def test_output_is_byte_identical_whatever_the_plugin_order(host):
    one = static_layer("one", [Annotation(7, 17, "persName"), Annotation(13, 35, "seg")])
    two = static_layer("two", [Annotation(13, 23, "said"), Annotation(7, 12, "num")])
    host.register(LayerPlugin(one, two))
    a = annotate(TEXT, ["one", "two"], host=host).render("tei", host)
    b = annotate(TEXT, ["two", "one"], host=host).render("tei", host)
    assert a == b


def test_every_annotation_carries_resp_and_each_layer_an_application(host):
    _, _, root = render(host, static_layer("one", [Annotation(7, 12, "persName", cert="high")]))
    app = root.find(".//t:appInfo/t:application[@ident='one']", NS)
    assert app.get("version") == "1.0"
    name = root.find(".//t:persName", NS)
    assert (name.get("resp"), name.get("cert")) == ("#app.one", "high")


def test_entries_go_to_their_lists_in_the_header(host):
    items = [
        Entry("pers.a", "person", [Node("persName", text="Alpha")]),
        Entry("org.b", "org", [Node("orgName", text="Beta")]),
        Entry("place.c", "place", [Node("placeName", text="Gamma")]),
        Entry("tax.x", "category", [Node("catDesc", text="X")], group="tax"),
        Annotation(7, 12, "persName", links={"ref": "pers.a"}),
    ]
    _, _, root = render(host, static_layer("one", items))
    assert root.find(".//t:particDesc/t:listPerson/t:person/t:persName", NS).text == "Alpha"
    assert root.find(".//t:particDesc/t:listOrg/t:org", NS) is not None
    assert root.find(".//t:settingDesc/t:listPlace/t:place", NS) is not None
    assert root.find(".//t:classDecl/t:taxonomy/t:category", NS) is not None


def test_tei_standoff_keeps_the_body_plain_and_every_annotation(host):
    items = [Annotation(7, 17, "persName"), Annotation(13, 35, "seg")]
    result, xml, root = render(host, static_layer("one", items), fmt="tei-standoff")
    assert root.find(".//t:body//t:persName", NS) is None
    assert len(root.findall("t:standOff//t:annotation", NS)) == 2
    assert check_lossless(xml, TEXT) == []
    assert check_nothing_dropped(xml, result) == []


def test_json_format_has_text_and_annotations_with_offsets(host):
    host.register(LayerPlugin(static_layer("one", [Annotation(7, 12, "persName", {"type": "x"})])))
    data = json.loads(annotate(TEXT, ["one"], host=host).render("json", host))
    (ann,) = data["annotations"]
    assert data["text"][ann["start"] : ann["end"]] == "Alpha"
    assert ann["layer"] == "one" and ann["attributes"] == {"type": "x"}


def test_annotation_spans_reads_back_offsets(host):
    _result, xml, _ = render(host, static_layer("one", [Annotation(7, 17, "persName")]))
    assert annotation_spans(xml) == {("one", "persName", 7, 17): 1}
