"""TEI given as input: read back to its exact text, and hostile XML refused with a clear error."""

from __future__ import annotations

import pytest

import tei_annotate_teiinput as teiinput
from tei_annotate import InputError, annotate, annotate_bytes
from tei_annotate.invariants import check_lossless

TEI_OPEN = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>'
TEI_CLOSE = "</body></text></TEI>"


@pytest.fixture
def xml_host(host):
    host.register(teiinput, name="tei-input")
    return host


def test_own_output_reads_back_to_the_exact_source(xml_host):
    text = "Title\x07 &\r\n\r\n  A “paragraph” <with> markup-like text.\t\n\nComments\n"
    xml = annotate(text, host=xml_host).render("tei", xml_host)
    again = annotate_bytes(xml, name="again.xml", host=xml_host)
    assert again.document.text == text
    assert check_lossless(again.render("tei", xml_host), text) == []


@pytest.mark.parametrize("codec", ["utf-8", "utf-16", "utf-32"])
def test_tei_in_any_unicode_encoding_is_read(xml_host, codec):
    xml = f'<?xml version="1.0" encoding="{codec}"?>{TEI_OPEN}<p>Zürich</p>{TEI_CLOSE}'
    doc = xml_host.load_document(xml.encode(codec), "z.xml")
    assert doc.text == "Zürich"


def test_billion_laughs_is_refused_without_expanding(run, xml_host, tmp_path):
    lol = "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' if i else '<!ENTITY lol0 "lol">'
        for i in range(10)
    )
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        f'<?xml version="1.0"?><!DOCTYPE TEI [{lol}]>{TEI_OPEN}<p>&lol9;</p>{TEI_CLOSE}'
    )
    code, out, err = run(str(bomb))
    assert (code, out) == (1, b"")
    assert err == (
        "annotate: [E100] bomb.xml: refused: the document declares entities; entity "
        "declarations are not accepted in input XML (they can expand without bound or "
        "read local files)\n"
    )


def test_small_entity_declarations_are_refused_too(xml_host):
    xml = f'<!DOCTYPE TEI [<!ENTITY a "b">]>{TEI_OPEN}<p>&a;</p>{TEI_CLOSE}'
    with pytest.raises(InputError, match=r"refused: the document declares entities \(a\)"):
        xml_host.load_document(xml.encode("utf-16"), "x.xml")


@pytest.mark.parametrize(
    "doctype",
    [
        '<!ENTITY xxe SYSTEM "file://{secret}">',
        '<!ENTITY % xxe SYSTEM "file://{secret}"> %xxe;',
        '<!ENTITY xxe SYSTEM "http://127.0.0.1:9/secret">',
    ],
)
def test_external_entity_is_refused_and_the_file_never_read(run, xml_host, tmp_path, doctype):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT")
    doc = doctype.format(secret=secret)
    xxe = tmp_path / "xxe.xml"
    xxe.write_text(f'<?xml version="1.0"?><!DOCTYPE TEI [{doc}]>{TEI_OPEN}<p>&xxe;</p>{TEI_CLOSE}')
    code, out, err = run(str(xxe))
    assert (code, out) == (1, b"")
    assert "refused: the document declares entities (xxe)" in err
    assert "SECRET" not in err


def test_external_dtd_is_not_loaded_and_undeclared_entities_are_refused(xml_host, tmp_path):
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY nbsp SYSTEM "file:///etc/passwd">')
    xml = f'<!DOCTYPE TEI SYSTEM "file://{dtd}">{TEI_OPEN}<p>a&nbsp;b</p>{TEI_CLOSE}'
    with pytest.raises(InputError, match=r"refused: entity reference &nbsp; on line 1"):
        xml_host.load_document(xml.encode(), "x.xml")


def test_character_references_are_fine(xml_host):
    xml = f"{TEI_OPEN}<p>caf&#233; &#x201C;ok&#x201D; &amp; &lt;</p>{TEI_CLOSE}"
    assert xml_host.load_document(xml.encode(), "x.xml").text == "café “ok” & <"


def test_excessively_deep_xml_is_refused(xml_host):
    xml = TEI_OPEN + "<hi>" * 5000 + "x" + "</hi>" * 5000 + TEI_CLOSE
    with pytest.raises(InputError, match="Excessive depth in document"):
        xml_host.load_document(xml.encode(), "deep.xml")


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        ('<?xml version="1.0"?><rss><channel/></rss>', "root is <rss>, not a TEI document"),
        (f"{TEI_OPEN}<p>unclosed{TEI_CLOSE}", "not well-formed XML"),
        ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/></TEI>', "without a <text>"),
    ],
)
def test_xml_that_is_not_readable_tei_is_one_clear_error(xml_host, xml, message):
    with pytest.raises(InputError, match=message):
        xml_host.load_document(xml.encode(), "x.xml")


@pytest.mark.parametrize(
    "text",
    [
        "<b>Bold</b> claims\n\nare prose here.\n",
        "<!DOCTYPE html><html><body>a page</body></html>\n",
        "Title\n\n<?xml is mentioned mid-text\n",
    ],
)
def test_prose_or_html_starting_with_a_bracket_stays_plain_text(xml_host, text):
    assert xml_host.load_document(text.encode(), "t.txt").text == text


def test_loader_is_installed_as_a_plugin():
    from tei_annotate import make_host

    host = make_host()
    assert host.pm.get_plugin("tei-input") is teiinput
