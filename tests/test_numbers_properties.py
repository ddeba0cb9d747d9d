"""Property tests: any mix of number-like tokens gives in-range spans and valid TEI."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tei_annotate_numbers
from tei_annotate import annotate, make_host, validate_tei
from tei_annotate.invariants import check_lossless
from tei_annotate_numbers import scan

PIECES = [
    "1",
    "30,000",
    "1.3",
    "2016",
    "950",
    "21st",
    "million",
    "bn",
    "$",
    "£",
    "US",
    "%",
    "per",
    "cent",
    "percent",
    "a",
    "one",
    "twenty",
    "-",
    "three",
    "fifth",
    "thirds",
    "half",
    "and",
    "between",
    "more",
    "than",
    "up",
    "to",
    "or",
    "less",
    "plus",
    "+",
    "Dec",
    ".",
    "December",
    "May",
    "15",
    "10:30",
    "p.m.",
    "o’clock",
    "km",
    "square",
    "miles",
    "years",
    "euros",
    "dollars",
    "thousands",
    "of",
    "tens",
    "G8",
    "section",
    "[1]",
    "°",
    "N",
    "’s",
    "(",
    ")",
    "CTF",
    "The",
    ",",
    ";",
    "s",
    "USD",
    "1990s",
    "80s",
    "-plus",
    "1,5",
]
SEPARATORS = ["", " ", " ", " ", "-", ", "]


def texts_of(pieces: list[str]) -> st.SearchStrategy[str]:
    """Up to thirty pieces, each followed by a separator."""
    return st.lists(
        st.tuples(st.sampled_from(pieces), st.sampled_from(SEPARATORS)), min_size=1, max_size=30
    ).map(lambda parts: "".join(p + s for p, s in parts))


texts = texts_of(PIECES)


@given(texts)
@settings(max_examples=300, deadline=None)
def test_numbers_scan_spans_are_inside_the_text(text):
    for start, end, element, attrs in scan(text):
        assert 0 <= start < end <= len(text)
        assert element in ("num", "measure", "date", "time")
        assert all(isinstance(v, str) and v for v in attrs.values())


@given(texts)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_numbers_any_output_is_valid_lossless_tei(text):
    host = make_host(load_entrypoints=False, plugins=[tei_annotate_numbers])
    source = f"Numbers\n\n{text}\n"
    xml = annotate(source, layers=["numbers"], host=host).render("tei", host)
    validate_tei(xml)
    assert check_lossless(xml, source) == []
