"""Every row of the table in docs/quotes.md is what the quotes layer really writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

import tei_annotate_actors
import tei_annotate_quotes
from tei_annotate import annotate, make_host

DOC = Path(__file__).resolve().parent.parent / "docs" / "quotes.md"
ROW = re.compile(r"^\| (?P<text>[^|`]+) \| `(?P<tei>[^`]+)` \|$", re.M)
ROWS = [(m["text"], m["tei"]) for m in ROW.finditer(DOC.read_text(encoding="utf-8"))]
TEI = "{http://www.tei-c.org/ns/1.0}"


@pytest.fixture(scope="module")
def quotes_host():
    return make_host(load_entrypoints=False, plugins=[tei_annotate_actors, tei_annotate_quotes])


def quotes_markup(xml: bytes) -> str:
    """The first paragraph with only the quotes layer's elements, without @resp."""
    paragraph = etree.fromstring(xml).find(f".//{TEI}body/{TEI}p")
    assert paragraph is not None
    for el in paragraph.iter():
        if el.get("resp") == "#app.actors":
            el.tag = f"{TEI}unwrap"
    etree.strip_tags(paragraph, f"{TEI}unwrap")
    inner = (paragraph.text or "") + "".join(
        etree.tostring(child, encoding="unicode") for child in paragraph
    )
    return re.sub(r' xmlns="[^"]*"', "", inner).replace(' resp="#app.quotes"', "")


def test_quotes_docs_table_has_rows():
    assert len(ROWS) >= 12


@pytest.mark.parametrize(("text", "tei"), ROWS, ids=[r[0][:40] for r in ROWS])
def test_quotes_docs_example_matches_the_output(quotes_host, text, tei):
    result = annotate(f"Example\n\n{text}\n", layers=["quotes"], host=quotes_host)
    assert quotes_markup(result.render("tei", quotes_host)) == tei
