"""The sentiment layer, tested with the fixtures tei_annotate.testing gives every plugin."""

from __future__ import annotations

import pytest
from tei_annotate_sentiment.sentences import sentences

from tei_annotate import OptionError

NEWS = (
    "Storm season\n\n"
    "Critics argue the plan is a failure. The minister spoke on Tuesday. "
    "Suppliers were delighted with the wonderful result!\n"
)


def test_sentiment_is_installed_through_its_entry_point(tei_host):
    assert tei_host.layer_plugin["sentiment"] == "sentiment"
    assert tei_host.distribution("sentiment")[0] == "tei-annotate-sentiment"


def test_sentiment_keeps_the_tei_contract_alone_and_with_builtin_layers(tei):
    tei.check_layer("sentiment")
    tei.check_layer("sentiment", options={"sentiment": {"cues": True, "threshold": 0.1}})


def test_sentiment_marks_clearly_toned_sentences_only(tei):
    assert tei.annotations(NEWS, "sentiment") == [
        ("seg", "Critics argue the plan is a failure."),
        ("seg", "Suppliers were delighted with the wonderful result!"),
    ]


def test_sentiment_links_each_sentence_to_its_tone_category(tei):
    result = tei.run(NEWS, ["sentiment"])
    layer = result.results["sentiment"]
    assert [a.link("ana") for a in layer.annotations] == [
        ("sentiment.negative",),
        ("sentiment.positive",),
    ]
    assert [(e.id, e.group) for e in layer.entries] == [
        ("sentiment.negative", "sentiment"),
        ("sentiment.positive", "sentiment"),
    ]
    tei.check(result)


def test_sentiment_threshold_option_controls_what_counts(tei):
    assert tei.annotations(NEWS, "sentiment", threshold=0.95) == []


def test_sentiment_cues_mark_the_words_carrying_the_tone(tei):
    cues = [
        text
        for element, text in tei.annotations(NEWS, "sentiment", cues=True)
        if len(text.split()) == 1
    ]
    assert cues == ["Critics", "argue", "failure", "delighted", "wonderful"]


def test_sentiment_lexicon_option_adds_domain_words(tei, tmp_path):
    lexicon = tmp_path / "words.tsv"
    lexicon.write_text("# newsroom words\nstalemate\t-2.5\n", encoding="utf-8")
    text = "Talks\n\nThe talks ended in stalemate.\n"
    assert tei.annotations(text, "sentiment") == []
    assert tei.annotations(text, "sentiment", lexicon=lexicon) == [
        ("seg", "The talks ended in stalemate.")
    ]


def test_sentiment_bad_lexicon_file_is_one_clear_error(tei, tmp_path):
    lexicon = tmp_path / "words.tsv"
    lexicon.write_text("stalemate minus two\n", encoding="utf-8")
    with pytest.raises(OptionError, match="line 1: expected word<TAB>number"):
        tei.run("T\n\nText.", ["sentiment"], {"sentiment": {"lexicon": lexicon}})


def test_sentiment_ill_typed_option_is_rejected(tei):
    with pytest.raises(OptionError, match=r"option sentiment\.threshold expects float"):
        tei.run("T\n\nText.", ["sentiment"], {"sentiment": {"threshold": "high"}})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two! Three?", ["One.", "Two!", "Three?"]),
        ("“It works,” she said. Then left.", ["“It works,” she said.", "Then left."]),
        ("He met Dr. Smith and J. Doe. Fine.", ["He met Dr. Smith and J. Doe.", "Fine."]),
        ("No final stop", ["No final stop"]),
        ("Quote ends here.” Next one.", ["Quote ends here.”", "Next one."]),
    ],
)
def test_sentences_split_news_prose(text, expected):
    assert [text[s:e] for s, e in sentences(text, 0, len(text))] == expected
