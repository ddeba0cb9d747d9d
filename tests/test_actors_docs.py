"""Every row of the table in docs/actors.md is what the actors layer really writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import tei_annotate_actors
from tei_annotate import annotate, make_host

DOC = Path(__file__).resolve().parent.parent / "docs" / "actors.md"
ROW = re.compile(r"^\| (?P<text>[^|`]+) \| `(?P<tei>[^`]+)` \|$", re.M)
ROWS = [(m["text"], m["tei"]) for m in ROW.finditer(DOC.read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def actors_host():
    return make_host(load_entrypoints=False, plugins=[tei_annotate_actors])


def test_actors_docs_table_has_rows():
    assert len(ROWS) >= 10


@pytest.mark.parametrize(("text", "tei"), ROWS, ids=[r[0] for r in ROWS])
def test_actors_docs_example_matches_the_output(actors_host, text, tei):
    xml = annotate(f"Example\n\n{text}\n", layers=["actors"], host=actors_host)
    paragraph = re.search(r"<p [^>]*>(.*?)</p>", xml.render("tei", actors_host).decode(), re.S)
    assert paragraph is not None
    assert paragraph.group(1).replace(' resp="#app.actors"', "") == tei
