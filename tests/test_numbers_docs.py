"""Every row of the table in docs/numbers.md is what the numbers layer really writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import tei_annotate_numbers
from tei_annotate import annotate, make_host

DOC = Path(__file__).resolve().parent.parent / "docs" / "numbers.md"
ROW = re.compile(r"^\| (?P<text>[^|`]+) \| `(?P<tei>[^`]+)` \|$", re.M)
ROWS = [(m["text"], m["tei"]) for m in ROW.finditer(DOC.read_text(encoding="utf-8"))]


def test_numbers_docs_table_has_rows():
    assert len(ROWS) >= 10


@pytest.mark.parametrize(("text", "tei"), ROWS, ids=[r[0] for r in ROWS])
def test_numbers_docs_example_matches_the_output(text, tei):
    host = make_host(load_entrypoints=False, plugins=[tei_annotate_numbers])
    xml = annotate(f"Example\n\n{text}\n", layers=["numbers"], host=host).render("tei", host)
    paragraph = re.search(r"<p [^>]*>(.*?)</p>", xml.decode("utf-8"), re.S)
    assert paragraph is not None
    assert paragraph.group(1).replace(' resp="#app.numbers"', "") == tei
