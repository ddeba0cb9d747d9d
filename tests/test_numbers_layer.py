"""The numbers layer in the pipeline: registration, TEI output, and what is not a number."""

from __future__ import annotations

import time

import pytest
from lxml import etree

import tei_annotate_numbers
from tei_annotate import annotate, make_host, validate_tei
from tei_annotate.invariants import check_lossless, check_nothing_dropped, check_provenance
from tei_annotate_numbers import scan
from tei_annotate_numbers.tokens import TOKEN, Tokens
from tei_annotate_numbers.values import digits_value, tei_number

TEI = "{http://www.tei-c.org/ns/1.0}"


@pytest.fixture
def numbers_host():
    return make_host(load_entrypoints=False, plugins=[tei_annotate_numbers])


def marked(text: str) -> list[str]:
    return [text[s:e] for s, e, _, _ in scan(text)]


def test_numbers_layer_is_registered_by_entry_point():
    host = make_host()
    assert "numbers" in host.layers
    assert set(host.layers["numbers"].produces) == {"num", "measure", "date", "time"}


def test_numbers_seed_output_validates_as_tei(numbers_host, seed_text, tei_schema):
    result = annotate(seed_text, layers=["numbers"], host=numbers_host)
    xml = result.render("tei", numbers_host)
    validate_tei(xml)
    assert check_lossless(xml, seed_text) == []
    assert check_nothing_dropped(xml, result) == []
    assert check_provenance(xml, result) == []
    root = etree.fromstring(xml)
    body = root.find(f"{TEI}text")
    values = {
        "".join(el.itertext()): el.get("value") or el.get("quantity") or el.get("when")
        for el in body.iter(f"{TEI}num", f"{TEI}measure", f"{TEI}date")
    }
    assert values["1.3 million"] == "1300000"
    assert values["30,000"] == "30000"
    assert values["90 per cent"] == "90"
    assert values["nine years"] == "9"
    assert values["fifth"] == "0.2"
    assert values["2029"] == "2029"
    assert "G8" not in "".join(values) and "G7" not in "".join(values)
    resp = {el.get("resp") for el in body.iter(f"{TEI}num", f"{TEI}measure", f"{TEI}date")}
    assert resp == {"#app.numbers"}


def test_numbers_bounded_money_nests_measure_inside_num(numbers_host):
    xml = annotate("Costs\n\nIt cost more than $5 million.", layers=["numbers"], host=numbers_host)
    root = etree.fromstring(xml.render("tei", numbers_host))
    num = next(root.iter(f"{TEI}num"))
    assert num.get("atLeast") == "5000000"
    measure = num.find(f"{TEI}measure")
    assert (measure.get("unit"), measure.get("quantity"), measure.text) == (
        "USD",
        "5000000",
        "$5 million",
    )


def test_numbers_every_block_is_scanned_separately(numbers_host):
    result = annotate("Title 2016\n\nIt had 5\nhundred", layers=["numbers"], host=numbers_host)
    spans = [result.document.text[a.start : a.end] for a in result.annotations]
    assert "5" in spans
    assert not any("\n" in s for s in spans)


@pytest.mark.parametrize(
    "text",
    [
        "Russia should rejoin the G8 soon.",
        "Russia back into the G8 (currently G7) club.",
        "A Boeing 737 landed.",
        "The COVID-19 pandemic spread.",
        "The F-16 jets flew.",
        "The CTF 50 ships sailed.",
        "Task Force (CTF) 50 sailed.",
        "Under section 119.3 of the code.",
        "Under Resolutions 2254 and 2118.",
        "Chapter one of the book.",
        "The university is old.[1][2]",
        "Call 910-432-3383 today.",
        "Coordinates: 35°01′57″N 43°38′47″E / 35.0325; 43.6463889",
        "He visited the 3rd Battalion and the 5th Fleet.",
        "After the Second World War it fell.",
        "One of the best. Every one of them came.",
        "France is one of our partners.",
        "The last one broke down.",
        "Including one in Baghdad.",
        "At first he refused; first and foremost he waited.",
        "A second round of talks.",
        "It is a 3D film on 5G phones.",
        "Formula One drivers came.",
        "It runs 24/7 all year.",
        'The tweet timestamp="1474387200" was kept.',
        "The photo pic.twitter.com/P2qpm3h3Pm went viral.",
        "In the mid-80s he was famous.",
        "Traffic goes to port 8080.",
    ],
)
def test_numbers_names_labels_and_pronouns_are_not_numbers(text):
    assert marked(text) == []


def test_numbers_one_before_a_noun_counts():
    assert marked("Near the town, one strike hit a bridge.") == ["one"]


def test_numbers_year_before_a_plural_noun_is_a_count():
    found = scan("They sent 1500 troops.")
    assert [(el, at) for _, _, el, at in found] == [("num", {"type": "cardinal", "value": "1500"})]


def test_numbers_digits_value_rejects_malformed_groups():
    assert digits_value("1,5") is None
    assert digits_value("1.2.3") is None
    assert digits_value("12,345.5") == pytest.approx(12345.5)


@pytest.mark.parametrize(
    ("value", "text"),
    [(1300000, "1300000"), (0.2, "0.2"), (2.5, "2.5")],
)
def test_numbers_tei_number_writes_exact_decimals(value, text):
    from fractions import Fraction

    assert tei_number(Fraction(str(value))) == text


def test_numbers_tei_number_writes_thirds_as_a_ratio():
    from fractions import Fraction

    assert tei_number(Fraction(2, 3)) == "2/3"


PATHOLOGICAL = [
    "1,",
    "1.",
    "one ",
    "twenty-",
    "$",
    "[1]",
    "1-",
    "more than ",
    "between 1 and ",
    "Dec. ",
    "°′″",
    "1990s ",
    "a fifth of ",
]


def _seconds(text: str) -> float:
    started = time.perf_counter()
    scan(text)
    return time.perf_counter() - started


@pytest.mark.parametrize("unit", PATHOLOGICAL)
def test_numbers_scan_time_grows_linearly_on_pathological_input(unit):
    """Four times the input takes about four times as long (a quadratic reader: sixteen)."""
    small = min(_seconds(unit * 1000) for _ in range(3))
    large = min(_seconds(unit * 4000) for _ in range(3))
    assert large < 10 * small + 0.2


def test_numbers_a_score_is_two_numbers_not_a_range():
    found = scan("A 5-4 decision and a 4-4 tie.")
    assert [at for _, _, _, at in found] == [{"type": "cardinal", "value": v} for v in "5444"]


def test_numbers_every_kind_of_output_validates_as_tei(numbers_host, tei_schema):
    text = (
        "Figures\n\n"
        "In 950 and in the 1990s, on Dec. 15, 2016 at 10:30 a.m., between 11-13 Dec., "
        "more than $5 million, 15 to 20 percent, two-thirds, the 21st, 40 km, "
        "between 10 and 20 km, thousands, 1.3 million and 2014-2016.\n"
    )
    validate_tei(annotate(text, layers=["numbers"], host=numbers_host).render("tei", numbers_host))


def test_numbers_impossible_day_is_not_a_date():
    assert [el for _, _, el, _ in scan("It was due on February 30, 2015.")] != ["date"]
    assert [at for _, _, el, at in scan("On 29 February.") if el == "date"] == [{"when": "--02-29"}]


def test_numbers_open_end_stays_outside_the_measure():
    found = {
        (text[s:e], el) for text in ["Those making $100,000 or more."] for s, e, el, _ in scan(text)
    }
    assert found == {("$100,000 or more", "num"), ("$100,000", "measure")}


def test_numbers_other_digit_characters_are_not_numbers():
    """Superscripts and circled numbers are digits to ``str.isdigit`` but not decimal: they
    are read as nothing (they used to crash the layer), decimal digits of any script count."""
    assert marked("area of 5 ² here, ① and December ² 10:²") == ["5", "December", "10"]
    assert [at for *_, at in scan("٣ men")] == [{"type": "cardinal", "value": "3"}]


@pytest.mark.parametrize(
    "text",
    [
        "30 km, $5bn. ",
        "30 km, $5bn.\n \t",
        "  30 km",
        "30  km",
        "30\u2003km\n",
        "a\u00a0b 30% ",
        "",
    ],
)
def test_token_offsets_are_those_of_the_regex_whatever_the_whitespace(text):
    toks = Tokens(text)
    got = [(toks[i].text, toks[i].start, toks[i].end) for i in range(len(toks))]
    assert got == [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]
