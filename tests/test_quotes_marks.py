"""Pairing quotation marks: which characters open and close a quotation."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tei_annotate_quotes.marks import pair_block


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in pair_block(text, 0, len(text))]


def test_pairing_curly_double_quotes():
    assert quoted("He said “we will win” and left.") == ["“we will win”"]


def test_pairing_straight_double_quotes_by_their_neighbours():
    text = 'She called it "a farce" and "a shame".'
    assert quoted(text) == ['"a farce"', '"a shame"']


def test_pairing_single_quotes_nested_in_double():
    text = "“What, we turn up, say ‘Hallo’, and then frown?”"
    qs = pair_block(text, 0, len(text))
    assert [(text[q.start : q.end], q.depth) for q in qs] == [
        (text, 0),
        ("‘Hallo’", 1),
    ]


def test_pairing_guillemets():
    assert quoted("Il a dit «non merci» hier.") == ["«non merci»"]


def test_apostrophes_are_not_quote_marks():
    text = "He’s sure Europe’s voters’ mood in the ’90s isn’t ‘settled’ yet."
    assert quoted(text) == ["‘settled’"]


def test_plural_possessive_does_not_close_a_single_quote_early():
    text = "‘The voters’ anger is real,’ she said."
    assert quoted(text) == ["‘The voters’ anger is real,’"]


def test_unclosed_quote_opening_a_paragraph_runs_to_its_end():
    text = "“The first paragraph of a long quotation"
    qs = pair_block(text, 0, len(text))
    assert [(q.start, q.end, q.closed) for q in qs] == [(0, len(text), False)]


def test_unbalanced_mark_inside_a_paragraph_never_swallows_the_text():
    text = "He said “yes and then walked away. Nobody followed."
    assert quoted(text) == []


def test_stray_closing_mark_is_ignored():
    assert quoted("It was over” for good, “she said”.") == ["“she said”"]


def test_doubled_single_quotes_pair_as_one_double_mark():
    text = "''It's anti-reform,'' said Mr. Holtz-Eakin."
    qs = pair_block(text, 0, len(text))
    assert [(text[q.start : q.end], q.inner) for q in qs] == [
        ("''It's anti-reform,''", (2, 19)),
    ]


def test_pairing_reads_only_its_own_paragraph():
    text = "A “quote” here.\nAnother “one” there."
    qs = pair_block(text, 16, len(text))
    assert [text[q.start : q.end] for q in qs] == ["“one”"]


@given(st.text(alphabet="ab .,\n“”‘’\"'«»„", max_size=60))
def test_pairing_any_text_gives_nested_spans_inside_the_paragraph(text):
    qs = pair_block(text, 0, len(text))
    for q in qs:
        assert 0 <= q.start < q.end <= len(text)
        s, e = q.inner
        assert q.start <= s <= e <= q.end
    for a in qs:  # spans nest or are disjoint: they never cross
        for b in qs:
            assert (
                a.end <= b.start
                or b.end <= a.start
                or (
                    (a.start <= b.start and b.end <= a.end)
                    or (b.start <= a.start and a.end <= b.end)
                )
            )


def test_pairing_german_low_high_quotes():
    assert quoted("Er sagte „nein danke“ und ging.") == ["„nein danke“"]


def test_markup_attribute_values_are_not_quotations():
    assert quoted('<tweet tweet-id="78349"></tweet> and “this”') == ["“this”"]
