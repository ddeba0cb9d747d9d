"""Whatever a user feeds ``annotate``: valid lossless output or one clear line, never a traceback.

Each test backs a row of the table in ``docs/robustness.md``.
"""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tei_annotate import Annotation, InputError, annotate, annotate_bytes, validate_tei
from tei_annotate.invariants import check_lossless
from tei_annotate.loader import decode

from .helpers import LayerPlugin, static_layer


def write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


# -- empty and blank ---------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \t", b"\n\n\r\n", codecs.BOM_UTF8])
def test_empty_or_blank_file_gives_valid_tei_with_its_whitespace(run, tmp_path, data):
    code, out, err = run(write(tmp_path / "empty.txt", data), "--validate")
    assert (code, err) == (0, "")
    assert check_lossless(out, data.decode("utf-8-sig")) == []


# -- not text ----------------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (PNG, "looks like a PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "looks like a PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00", "looks like a ZIP archive"),
        (b"\x1f\x8b\x08\x00\x00\x00", "looks like a gzip file"),
        (bytes(range(256)) * 8, "looks like binary data"),
        (b"\x00" * 4096, "looks like binary data (100% control characters"),
        ("Title\n\nText.\n".encode("utf-16-le"), "UTF-16-LE text without a byte-order mark"),
        ("Title\n\nText.\n".encode("utf-16-be"), "give --encoding utf-16-be"),
    ],
)
def test_binary_file_is_refused_saying_what_it_looks_like(run, tmp_path, data, message):
    code, out, err = run(write(tmp_path / "file.bin", data))
    assert (code, out) == (1, b"")
    assert err.startswith("annotate: [E100] ") and message in err and err.count("\n") == 1


def test_binary_looking_file_is_read_when_the_encoding_is_given(tmp_path):
    data = b"\x00" * 100
    assert decode(data, "x", "utf-8") == "\x00" * 100
    with pytest.raises(InputError, match="give --encoding to read it as text anyway"):
        decode(data, "x")


def test_text_with_a_few_control_characters_is_still_text():
    text = "Title\n\nA bell \x07, a NUL \x00 and an escape \x1b in a sentence of prose.\n"
    assert decode(text.encode(), "x") == text


def test_latin1_text_read_as_utf8_names_the_first_bad_byte_not_binary():
    data = "Un café très noir, s'il vous plaît, et l'addition.\n".encode("latin-1")
    with pytest.raises(InputError, match=r"not valid utf-8 at byte offset 6 \(0xe9\)"):
        decode(data, "x")


# -- encodings and line ends keep every offset ------------------------------------------------


def marks(*words: str):
    """A layer marking each occurrence of ``words`` as seg: offsets are code points."""

    def find(doc, ctx):
        for w in words:
            start = doc.text.find(w)
            while start >= 0:
                yield Annotation(start, start + len(w), "seg")
                start = doc.text.find(w, start + 1)

    return LayerPlugin(static_layer("marks", find, produces=["seg"]))


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_bom_encoded_file_keeps_text_and_code_point_offsets(run, host, tmp_path, codec):
    text = "Zürich 𝔘nicode\r\n\r\nΑθήνα and “Zürich” again.\n"
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    host.register(marks("Zürich"))
    code, out, err = run(write(tmp_path / "u.txt", data), "-p", "marks", "--validate")
    assert (code, err) == (0, "")
    assert check_lossless(out, text) == []
    assert out.count('<seg resp="#app.marks">Zürich</seg>'.encode()) == 2


@pytest.mark.parametrize("newline", ["\r", "\r\n", "\n\r"])
def test_cr_and_crlf_line_ends_keep_offsets_after_them(host, newline):
    text = newline.join(["Title", "", "First line ends.", "Target word here.", ""])
    host.register(marks("Target"))
    result = annotate_bytes(text.encode(), ["marks"], host=host)
    (a,) = result.annotations
    assert result.document.text[a.start : a.end] == "Target"
    xml = result.render("tei", host)
    validate_tei(xml)
    assert check_lossless(xml, text) == []
    assert b"&#13;" in xml  # a CR survives XML parsing only as a character reference


def test_nul_and_control_characters_in_a_file_are_encoded_and_kept(run, tmp_path):
    prose = "A paragraph of ordinary prose in which the controls below are a small minority. "
    text = (
        "Title\x00\n\nC0: " + "".join(map(chr, range(32))) + f" DEL \x7f and \ufffe. {prose * 2}\n"
    )
    code, out, err = run(write(tmp_path / "c.txt", text.encode()), "--validate")
    assert (code, err) == (0, "")
    assert check_lossless(out, text) == []
    assert b'<g type="U+0000"/>' in out and b'<g type="U+FFFE"/>' in out


def test_title_of_only_control_characters_gains_no_whitespace():
    xml = annotate("\x07\x07\n\nBody.\n").render("tei")
    assert b'<title><g type="U+0007"/><g type="U+0007"/></title>' in xml


def test_right_to_left_and_combining_characters_are_kept_and_offsets_hold(host):
    text = "عنوان الخبر\n\nقال \u202bالرئيس\u202c إن e\u0301\u0301te\u0301 ज़िंदगी 👩‍👩‍👧 שלום\n"
    host.register(marks("e\u0301\u0301", "👩‍👩‍👧", "שלום"))
    result = annotate(text, ["marks"], host=host)
    assert [text[a.start : a.end] for a in result.annotations] == [
        "e\u0301\u0301",
        "👩‍👩‍👧",
        "שלום",
    ]
    xml = result.render("tei", host)
    validate_tei(xml)
    assert check_lossless(xml, text) == []


# -- size: linear time, bounded memory ----------------------------------------------------------


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        annotate(text).render("tei")
        best = min(best, time.perf_counter() - start)
    return best


def test_core_time_grows_linearly_with_a_single_long_line():
    line = "All work and no play makes Jack a dull boy. "
    small, large = (("Title\n\n" + line * (mb * 2**20 // len(line))) for mb in (2, 16))
    ratio = _seconds(large) / _seconds(small)
    assert ratio < 8 * 2.5, f"16 MB took {ratio:.1f}x the time of 2 MB (linear is 8x)"


SIZE_PROBE = textwrap.dedent(
    """
    import resource, sys, time
    from tei_annotate.cli import main
    start = time.perf_counter()
    try:
        main([sys.argv[1], "-o", sys.argv[2]])
    except SystemExit as exc:
        assert not exc.code, exc.code
    print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    """
)


def test_100_mb_single_line_is_annotated_in_seconds_within_bounded_memory(tmp_path):
    src, out = tmp_path / "big.txt", tmp_path / "big.xml"
    line = "Grüße from a line that never ends, with “quotes” & <brackets>. "
    with src.open("w", encoding="utf-8") as fh:
        fh.write("Title\n\n")
        for _ in range(100 * 2**20 // len(line.encode()) // 1024):
            fh.write(line * 1024)
    size = src.stat().st_size
    probe = subprocess.run(
        [sys.executable, "-c", SIZE_PROBE, str(src), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, rss_kib = map(float, probe.stdout.split())
    assert out.stat().st_size > size
    assert seconds < 60, f"{seconds:.1f} s for {size / 2**20:.0f} MB"
    assert rss_kib * 1024 < 12 * size, f"peak {rss_kib / 1024:.0f} MB for {size / 2**20:.0f} MB"
    with out.open("rb") as fh:  # the line is whole and last in the file
        fh.seek(-200, os.SEEK_END)
        assert fh.read().endswith(b"&lt;brackets&gt;. </p></body></text>\n</TEI>\n")


def test_lone_surrogate_in_utf16_is_a_decoding_error_with_its_offset():
    data = "Title\n\nab\ud800c\n".encode("utf-16", "surrogatepass")
    with pytest.raises(InputError, match=r"not valid utf-16-le at byte offset 20 \(0x00\)"):
        decode(data, "x")


def test_lone_surrogate_given_through_the_python_api_is_encoded_and_kept():
    text = "Title\n\nab\ud800c and \udfff.\n"
    xml = annotate(text).render("tei")
    validate_tei(xml)
    assert b'<g type="U+D800"/>' in xml and check_lossless(xml, text) == []
