import codecs
import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tei_annotate import InputError, annotate, annotate_bytes, validate_tei
from tei_annotate.blocks import classify_lines
from tei_annotate.invariants import check_lossless
from tei_annotate.loader import decode

ARTICLE = (
    "A headline about things\n\n"
    "First paragraph of the article.\n"
    "Second paragraph, with more words.\n"
    "The section head\n"
    "A paragraph inside the section.\n"
    "Comments\n"
    "Post a Comment"
)


def kinds(text):
    return [b.kind for b in annotate(text).document.blocks]


def test_decode_strips_a_utf8_bom():
    assert decode(codecs.BOM_UTF8 + "Hé".encode(), "x") == "Hé"


def test_decode_reads_utf16_with_its_bom():
    assert decode("Zürich".encode("utf-16"), "x") == "Zürich"


def test_invalid_utf8_error_names_file_and_byte_offset():
    with pytest.raises(
        InputError, match=r"a.txt: not valid utf-8 at byte offset 4 \(0xe9\); give --encoding"
    ):
        decode(b"cafe\xe9!", "a.txt")


def test_explicit_encoding_reads_latin1():
    assert decode("café".encode("latin-1"), "x", "latin-1") == "café"


def test_unknown_encoding_is_a_clear_error():
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        decode(b"x", "x", "klingon")


def test_first_line_is_the_title():
    doc = annotate(ARTICLE).document
    assert doc.title == "A headline about things"
    assert doc.blocks[0].kind == "title"


def test_short_unpunctuated_line_between_paragraphs_is_a_section_head():
    assert kinds(ARTICLE) == ["title", "p", "p", "head", "p", "boilerplate", "boilerplate"]


def test_sentence_without_final_punctuation_stays_a_paragraph():
    text = "T\n\nOne paragraph here.\nHe has mocked an offer that Russia should rejoin the club\nMore text.\n"
    assert kinds(text) == ["title", "p", "p", "p"]


def test_trailing_web_furniture_is_kept_in_back():
    xml = annotate(ARTICLE).render("tei")
    assert b'<back><div type="boilerplate"><p xml:id="bp1">Comments</p>' in xml
    assert check_lossless(xml, ARTICLE) == []


def test_furniture_words_inside_the_article_are_not_boilerplate():
    text = "T\n\nComments\nA real paragraph follows.\n"
    assert kinds(text) == ["title", "p", "p"]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_ends_are_preserved_exactly(newline):
    text = newline.join(["Title", "", "  Indented para.\t", "Next para."]) + newline
    result = annotate(text)
    xml = result.render("tei")
    validate_tei(xml)
    assert check_lossless(xml, text) == []
    assert [result.document.block_text(b) for b in result.document.blocks] == [
        "Title",
        "  Indented para.\t",
        "Next para.",
    ]


def test_control_characters_are_encoded_not_dropped():
    text = "Title\x07\n\nBell \x07 and form feed \x0c and NUL \x00 here.\n"
    xml = annotate(text).render("tei")
    validate_tei(xml)
    assert b'<g type="U+0007"/>' in xml and b'<g type="U+0000"/>' in xml
    assert check_lossless(xml, text) == []


@pytest.mark.parametrize("text", ["", "   ", "\n\n", " \t\n \n"])
def test_empty_or_blank_input_renders_valid_lossless_tei(text):
    xml = annotate(text).render("tei")
    validate_tei(xml)
    assert check_lossless(xml, text) == []


def test_annotate_bytes_uses_the_loader_hook(host):
    result = annotate_bytes(codecs.BOM_UTF8 + b"T\n\nP.", name="in.txt", host=host)
    assert result.document.text == "T\n\nP."
    assert result.document.name == "in.txt"


def test_block_at_finds_the_line_holding_an_offset_and_none_between_lines():
    doc = annotate("Title\n\nBody line.\n").document
    assert doc.block_at(0).id == "title"
    assert doc.block_at(5) is None
    assert doc.block_at(7).id == "p1"
    assert doc.block_at(100) is None


@given(st.text(st.sampled_from(["a", " ", "\t", "\n", "\r", "\x0c", "\u2028", "é"])))
def test_blocks_are_the_lines_between_lf_crlf_cr_that_hold_more_than_spaces_and_tabs(text):
    lines, pos = [], 0
    for m in [*re.finditer(r"\r\n|\r|\n", text), None]:
        end = m.start() if m else len(text)
        if text[pos:end].strip(" \t"):
            lines.append((pos, end))
        pos = m.end() if m else pos
    assert [(b.start, b.end) for b in classify_lines(text)] == lines


def test_a_long_blank_line_is_read_in_linear_time():
    start = time.process_time()
    assert classify_lines("Title\n" + " \t" * 50_000 + "\nText.") != ()
    assert time.process_time() - start < 0.5  # a backtracking scan takes seconds
