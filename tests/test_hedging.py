"""The hedging layer: cues with categories, their disambiguation, boosters, the lexicon option."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from lxml import etree

import tei_annotate_hedging
from tei_annotate import OptionError, annotate, make_host, validate_tei
from tei_annotate.invariants import check_lossless, check_nothing_dropped, check_provenance
from tei_annotate_hedging.lexicon import expand, load_lexicon
from tei_annotate_hedging.matcher import find_cues
from tei_annotate_hedging.rules import PRECHECKS, RULES, WORD_RULES
from tei_annotate_hedging.tokens import (
    WORD,
    ends,
    lowered,
    sentence_spans,
    tokenize,
)

TEI = "{http://www.tei-c.org/ns/1.0}"


@pytest.fixture
def hedging_host():
    return make_host(load_entrypoints=False, plugins=[tei_annotate_hedging])


def cues(text: str) -> list[tuple[str, str]]:
    """(surface, category) of every cue in ``text``."""
    return [(text[m.start : m.end], m.category) for m in find_cues(text, load_lexicon())]


def hedges(text: str) -> list[str]:
    return [w for w, cat in cues(text) if cat != "booster"]


# ---------------------------------------------------------------- categories and spans
def test_cues_get_their_taxonomy_category():
    found = dict(cues("It is likely to rain. Officials believe so. Talks end if the wind turns."))
    assert found == {"likely": "epistemic", "believe": "doxastic", "if": "conditional"}


def test_multiword_cue_is_one_span():
    text = "Even though it has been reported that talks stalled, the firms look set to merge."
    assert hedges(text) == ["it has been reported", "look set to"]


def test_approximator_phrases_are_one_span():
    assert hedges("He is at least partly aware of it and, to a degree, sympathetic.") == [
        "at least partly",
        "to a degree",
    ]


def test_weasel_source_holds_its_belief_verb():
    assert cues("Critics argue that the plan failed. Experts believe it will fail.") == [
        ("Critics argue", "weasel"),
        ("Experts believe", "weasel"),
        ("believe", "doxastic"),
    ]


def test_boosters_are_their_own_category():
    found = cues("He has made it clear that he is clearly keen and extremely confident.")
    assert found == [
        ("made it clear", "booster"),
        ("clearly", "booster"),
        ("extremely", "booster"),
    ]


# ---------------------------------------------------------------- disambiguation
def test_may_the_month_is_no_cue():
    assert hedges("The ceasefire began in May 2024 and ended on 3 May.") == []


def test_may_the_name_is_no_cue():
    assert hedges("The speech by Theresa May was short. Derrick May played a set.") == []


def test_may_the_modal_is_a_cue():
    assert hedges("May this be the end? This may be bravado. Talks may, in fact, fail.") == [
        "May",
        "may",
        "may",
    ]


def test_might_the_noun_is_no_cue():
    assert hedges("Russia's military might is vast. The might of Rome fell.") == []


def test_might_the_modal_is_a_cue():
    assert hedges("Russia might challenge Nato.") == ["might"]


def test_could_of_past_ability_is_no_cue():
    assert hedges("As a boy he could swim across the lake. She could not sleep.") == []


def test_could_of_possibility_is_a_cue():
    assert hedges("The dispute could take years. His exit could lead to a crisis.") == [
        "could",
        "could",
    ]


def test_about_as_topic_is_no_cue():
    assert hedges("Putin spoke about Ukraine and asked about the talks.") == []


def test_about_before_a_number_approximates():
    assert cues("About 2,000 troops and around a dozen tanks crossed, about half of them.") == [
        ("About", "approximator"),
        ("around", "approximator"),
        ("about", "approximator"),
    ]


def test_questioned_as_doubt_not_as_interrogation():
    assert hedges("Its reliability has also been questioned.") == ["questioned"]
    assert hedges("The suspect has been questioned by police. He was questioned.") == []


def test_claims_as_neutral_noun_is_no_cue():
    assert hedges("Insurance claims rose. He claimed the title in 2001.") == []


def test_claims_with_content_clause_is_evidential():
    assert cues("He claimed that the vote was rigged.") == [("claimed", "evidential")]
    assert cues("The report claims the army used gas.") == [("claims", "evidential")]


def test_appears_as_coming_into_view_is_no_cue():
    assert hedges("The character appears in the second film. A ship appears on the horizon.") == []


def test_appears_of_seeming_is_a_cue():
    assert hedges("The leader appears unimpressed. It appears to be over.") == [
        "appears",
        "appears",
    ]


def test_concessive_and_comparative_if_are_no_cue():
    assert hedges("It was a gain, if fleeting. He acted as if nothing happened.") == []


def test_if_all_else_fails_is_an_idiom_not_a_condition():
    assert hedges("If all else fails, they will strike.") == []


def test_belief_of_named_individual_is_attribution_not_hedge():
    assert hedges("Trump regards such gestures as a powerful incentive.") == []


def test_belief_without_named_holder_hedges():
    assert hedges("Such gestures are regarded as an incentive. We believe it works.") == [
        "regarded",
        "believe",
    ]


def test_would_hedges_only_under_a_condition():
    assert hedges("He would later become king.") == []
    assert hedges("If he left, the party would split.") == ["If", "would"]


def test_sentence_initial_should_with_a_comma_is_a_condition():
    assert cues("Should the talks fail, the war goes on. Should we go?") == [
        ("Should", "conditional")
    ]


def test_possible_hedges_predicatively_not_in_set_phrases():
    assert hedges("It is possible that he left. Come as soon as possible.") == ["possible"]


# ---------------------------------------------------------------- the lexicon
def test_lexicon_pattern_spells_every_alternative():
    assert sorted(expand("(look|looks) set to")) == ["look set to", "looks set to"]
    assert sorted(expand("(at least|) partly")) == [" partly", "at least partly"]


def test_lexicon_option_adds_and_withdraws_cues(tmp_path):
    extra = tmp_path / "extra.tsv"
    extra.write_text("in all probability\tepistemic\nperhaps\tnone\n", encoding="utf-8")
    text = "Perhaps it will, in all probability, rain."
    found = [(text[m.start : m.end], m.category) for m in find_cues(text, load_lexicon(extra))]
    assert found == [("in all probability", "epistemic")]


def test_lexicon_option_can_add_a_category(tmp_path):
    extra = tmp_path / "extra.tsv"
    extra.write_text(
        "@category\tshield\thedge\tPlausibility shields.\nas far as we know\tshield\n",
        encoding="utf-8",
    )
    lexicon = load_lexicon(extra)
    assert lexicon.categories["shield"].description == "Plausibility shields."
    text = "As far as we know, it is over."
    assert [m.category for m in find_cues(text, lexicon)] == ["shield"]


def test_lexicon_with_unknown_category_is_an_error_listing_valid_ones(tmp_path):
    extra = tmp_path / "extra.tsv"
    extra.write_text("maybe\tfuzzy\n", encoding="utf-8")
    with pytest.raises(OptionError, match=r"extra.tsv:1: unknown category 'fuzzy' \(valid: "):
        load_lexicon(extra)


def test_lexicon_missing_file_is_an_option_error(tmp_path):
    with pytest.raises(OptionError, match="cannot read"):
        load_lexicon(tmp_path / "nope.tsv")


# ---------------------------------------------------------------- tokens and speed
def test_offsets_hold_when_lower_casing_changes_the_length():
    text = "İstanbul officials may resign; it’s likely."  # "İ".lower() is two characters
    assert [text[m.start : m.end] for m in find_cues(text, load_lexicon())] == ["may", "likely"]


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_tokens_found_in_the_text_are_those_of_its_lower_cased_copy(text):
    low = lowered(text)
    assume(low is not None)
    words = WORD.findall(low)
    spans = [m.span() for m in WORD.finditer(low)]
    tokens = tokenize(text, 0, len(text), low)
    assert [(t.start, t.end) for t in tokens] == spans
    assert [t.lower for t in tokens] == words
    assert tokenize(text, 0, len(text), low, words) == tokens
    assert [t.text for t in tokens] == [text[a:b] for a, b in spans]


def test_cues_are_indexed_by_their_word_or_first_two_words():
    lexicon = load_lexicon()
    for words, cue in lexicon.table.items():
        if len(words) == 1:
            assert lexicon.singles[words[0]] is cue
        else:
            assert len(words) in lexicon.phrases[words[:2]]


# Characters where the word and sentence patterns branch, and any others.
TRICKY_TEXT = st.text(
    alphabet=st.sampled_from("ab_1 \t\n'’-.!?,éΣA²½\u00a0\u2003") | st.characters(codec="utf-8"),
    max_size=60,
)


@given(TRICKY_TEXT)
def test_the_fast_patterns_match_as_their_plain_forms(text):
    plain_word = re.compile(r"\w+(?:['’\-]\w+)*|\S")
    plain_end = re.compile(r"\n|[.!?][ \t\u00a0]+")
    assert [m.span() for m in WORD.finditer(text)] == [m.span() for m in plain_word.finditer(text)]
    assert [m.span() for m in ends(text)] == [m.span() for m in plain_end.finditer(text)]


# Words that the rules with a precheck look at, so random sentences reach every branch.
RULE_VOCABULARY = [
    "about", "around", "some", "nearly", "a", "an", "one", "third", "30", "2,000", "$",
    "dozen", "years", "would", "will", "if", "unless", "without", "it", "is", "was",
    "possible", "that", "to", "seems", "their", "his", "view", "viewed", "as", "Should",
    "should", "the", "talks", "fail", ",", ";", ":", "“", "”", "(", "?", ".", "He",
    "The", "May", "25", "later", "then", "be", "have", "kind", "of", "claims", "claimed",
    "could", "not", "no", "so", "order", "regard", "with", "in", "this", "see", "lead",
    "walked", "has", "almost", "must", "they", "also", "weeks", "belief",
]  # fmt: skip


@pytest.mark.parametrize("name", sorted(PRECHECKS))
@given(data=st.data())
def test_a_precheck_fails_only_where_its_rule_fails(name, data):
    text = " ".join(data.draw(st.lists(st.sampled_from(RULE_VOCABULARY), min_size=1, max_size=12)))
    tokens = tokenize(text)
    i = data.draw(st.integers(0, len(tokens) - 1))
    j = data.draw(st.integers(i + 1, min(len(tokens), i + 3)))
    if not PRECHECKS[name]([t.lower for t in tokens], i, j):
        assert not RULES[name](tokens, i, j)


def test_a_rule_reads_either_tokens_or_words():
    assert RULES.keys().isdisjoint(WORD_RULES)
    assert PRECHECKS.keys() <= RULES.keys()  # a word rule is cheap enough to need none


def test_sentences_do_not_end_at_titles_or_initials():
    text = "Mr. Smith met U.S. Senate envoys. They left.\n\nNew line"
    got = [text[a:b] for a, b in sentence_spans(text)]
    assert got == ["Mr. Smith met U.S. Senate envoys.", "They left.", "New line"]


def test_would_and_will_hedge_only_under_a_condition_outside_quotes():
    assert hedges("If the talks fail, he will leave.") == ["If", "will"]
    assert hedges("If they stay, he told reporters: “We will fight.”") == ["If"]


def test_cue_search_runs_in_linear_time_on_pathological_input():
    for bad in (
        "a'" * 100_000,
        "-" * 200_000,
        "a-" * 100_000 + "!",
        "would " * 50_000,  # every cue looks for a condition in its clause
        "Trump, who " * 30_000 + "regards",
        "Mr. " * 50_000,
        "( Should " * 30_000,  # every opener asks whether a comma follows
        "( Should , " * 30_000,
    ):
        t = time.perf_counter()
        tokenize(bad)
        find_cues(bad, load_lexicon())
        assert time.perf_counter() - t < 10.0  # quadratic work would take minutes


# ---------------------------------------------------------------- the layer in TEI
def test_hedging_layer_renders_seg_with_ana_and_taxonomy(hedging_host):
    xml = annotate("Title\n\nThis may be bravado, clearly.", ["hedging"], host=hedging_host)
    root = etree.fromstring(xml.render("tei", hedging_host))
    segs = root.findall(f".//{TEI}body//{TEI}seg")
    assert [(s.get("type"), s.get("ana"), s.text) for s in segs] == [
        ("hedge", "#hedge.epistemic", "may"),
        ("booster", "#hedge.booster", "clearly"),
    ]
    taxonomy = root.find(f".//{TEI}classDecl/{TEI}taxonomy")
    ids = [c.get("{http://www.w3.org/XML/1998/namespace}id") for c in taxonomy]
    assert taxonomy.get("{http://www.w3.org/XML/1998/namespace}id") == "hedge"
    assert "hedge.epistemic" in ids and "hedge.booster" in ids
    assert all(c.find(f"{TEI}catDesc").text for c in taxonomy)


def test_hedging_on_seed_is_valid_lossless_tei(hedging_host, seed_text, tei_schema):
    result = annotate(seed_text, ["hedging"], host=hedging_host)
    xml = result.render("tei", hedging_host)
    validate_tei(xml)
    assert check_lossless(xml, seed_text) == []
    assert check_nothing_dropped(xml, result) == []
    assert check_provenance(xml, result) == []
    assert xml.count(b'type="hedge"') >= 14


def test_hedging_option_lexicon_reaches_the_layer(hedging_host, tmp_path):
    extra = tmp_path / "extra.tsv"
    extra.write_text("bravado\tepistemic\n", encoding="utf-8")
    result = annotate(
        "Title\n\nThis is bravado.",
        ["hedging"],
        options={"hedging": {"lexicon": str(extra)}},
        host=hedging_host,
    )
    assert [a.attrib["type"] for a in result.annotations] == ["hedge"]


DOC = Path(__file__).resolve().parent.parent / "docs" / "hedging.md"
DOC_EXAMPLE = re.compile(r"<!-- seed-example -->\n```xml\n(.*?)\n```", re.S)


def test_hedging_doc_examples_are_cut_from_the_seed_output(hedging_host, seed_text):
    xml = annotate(seed_text, ["hedging"], host=hedging_host).render("tei", hedging_host)
    examples = DOC_EXAMPLE.findall(DOC.read_text(encoding="utf-8"))
    assert len(examples) >= 2
    for snippet in examples:
        assert snippet.encode("utf-8") in xml, snippet


def test_weasel_seg_holds_the_belief_seg_in_valid_tei(hedging_host):
    result = annotate("Title\n\nExperts believe it may rain.", ["hedging"], host=hedging_host)
    xml = result.render("tei", hedging_host)
    validate_tei(xml)
    assert (
        b'<seg type="hedge" ana="#hedge.weasel" resp="#app.hedging">Experts '
        b'<seg type="hedge" ana="#hedge.doxastic" resp="#app.hedging">believe</seg></seg>'
    ) in xml
