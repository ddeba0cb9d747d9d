"""The candidate filter: reading phrases only at candidate tokens finds what reading at
every token finds."""

from __future__ import annotations

from itertools import product
from string import ascii_lowercase

from hypothesis import given, settings

from tei_annotate_numbers import scan
from tei_annotate_numbers.candidates import BOUND_FIRST_WORDS, NUMBER_STEMS, candidates
from tei_annotate_numbers.exclusions import is_headline
from tei_annotate_numbers.lexicon import AT_LEAST, AT_MOST, LABEL_NOUNS
from tei_annotate_numbers.phrases import _at
from tei_annotate_numbers.tokens import Tokens
from tei_annotate_numbers.words import cardinal_word, denominator, ordinal_word, plural_scale

from .test_numbers_properties import PIECES, texts_of


def scan_every_token(text: str) -> list[tuple[int, int, str, dict[str, str]]]:
    """The reader without the filter: a phrase is tried at every token."""
    toks = Tokens(text)
    headline = is_headline(toks.texts())
    out, i = [], 0
    while i < len(toks):
        found, nxt = _at(toks, i, text, headline)
        out.extend(found)
        i = max(nxt, i + 1)
    return [(toks[f.first].start, toks[f.last].end, f.element, dict(f.attrs)) for f in out]


def _starts_a_number(word: str) -> bool:
    """What the grammar reads a number from: a cardinal, an ordinal from "third" up,
    a fraction word, a vague plural, "dozen", "trillion"."""
    ordinal = ordinal_word(word)
    return bool(
        cardinal_word(word) is not None
        or (ordinal is not None and ordinal >= 3)
        or denominator(word)
        or plural_scale(word)
        or word.lower() in ("dozen", "trillion", "half")
    )


def test_candidates_every_number_word_is_an_anchor():
    """Whatever text2num reads as a number, in any case and with any plural -s."""
    short = ["".join(p) for n in (1, 2, 3) for p in product(ascii_lowercase, repeat=n)]
    stems = [s + end for s in NUMBER_STEMS for end in ("", "s", "es", "th", "ths", "ieth", "ss")]
    words = short + stems + [w.upper() for w in stems] + [w.title() for w in stems]
    missed = [w for w in words if _starts_a_number(w) and candidates([w]) != [0]]
    assert missed == []


def test_candidates_first_and_second_alone_start_nothing():
    assert candidates(["first"]) == candidates(["Second"]) == []
    assert candidates(["twenty", "-", "first"]) == [0]


def test_candidates_word_classes_do_not_overlap():
    """A number word is never also a bound or a label, so one test per token suffices."""
    bound_words = {w for phrase in AT_LEAST + AT_MOST for w in phrase} | BOUND_FIRST_WORDS
    assert {w.rstrip("s") for w in bound_words | LABEL_NOUNS} & NUMBER_STEMS == set()


def test_candidates_text_without_numbers_has_none():
    words = Tokens("More than ever, at least in Section B, they said so.").texts()
    assert candidates(words) == []


def test_candidates_bound_counts_only_with_a_number_behind_it():
    words = Tokens("more than ever and no fewer than US$ 5").texts()
    assert words.index("more") not in candidates(words)
    assert words.index("no") in candidates(words)


def test_candidates_bound_counts_only_when_whole():
    """ "in 2016" starts a date at "2016"; only "in excess of 5" is a bound."""
    words = Tokens("in 2016, in excess of 5").texts()
    assert candidates(words) == [1, 3, 6]


def test_candidates_word_after_a_label_is_read_when_numbers_follow():
    """ "Section B, 5": the label rule skips "5" from "B", so "B" must be read."""
    words = Tokens("Section B, 5 men").texts()
    assert words.index("B") in candidates(words)
    assert scan("Section B, 5 men") == scan_every_token("Section B, 5 men")


def test_candidates_currency_word_before_the_sign_is_read():
    words = Tokens("a grant of US$5 million").texts()
    assert {words.index("US"), words.index("$")} <= set(candidates(words))


# Beyond the property tests' pieces: what the filter must not lose (labels, brackets,
# bounds far from their number, articles before number words).
texts = texts_of(
    [
        *PIECES,
        *("5th", "15", "10:30", "One", "dozen", "m", "an", "the", "no", "fewer", "in"),
        *("excess", "over", "nearly", "old", "Section", "Resolution", "Chapter", "No", "B"),
        *("[", "]", "F", "Boeing", "Second", "World", ". ", "\n", "first", "second"),
        *("at", "least", "most", "not", "less", "higher", "below"),
    ]
)


@given(texts)
@settings(max_examples=500, deadline=None)
def test_candidates_scan_finds_what_reading_every_token_finds(text):
    assert scan(text) == scan_every_token(text)
