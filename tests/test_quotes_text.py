"""Words and sentences the quotes layer reads its patterns from."""

from __future__ import annotations

import time
from itertools import accumulate

from tei_annotate_quotes.frame import Frame, Frames, may_scan
from tei_annotate_quotes.lexicon import ROLE_NOUNS, SCANNED, SPEECH_VERBS
from tei_annotate_quotes.marks import find_quotations
from tei_annotate_quotes.mentions import PRONOUNS
from tei_annotate_quotes.reported import CUES
from tei_annotate_quotes.text import SPLIT, _spaced, sentence_spans, tokenize


def _sentences(text: str, masked: list[tuple[int, int]] | None = None) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text, 0, len(text), masked or [])]


def test_tokenize_splits_a_final_dot_but_keeps_an_abbreviation():
    text = "Mr. Kamin left the U.S. today."
    tokens = tokenize(text, 0, len(text))
    got = list(zip(tokens.texts, tokens.lowers, strict=True))
    assert got == [
        ("Mr.", "mr"),
        ("Kamin", "kamin"),
        ("left", "left"),
        ("the", "the"),
        ("U.S.", "u.s"),
        ("today", "today"),
        (".", ""),
    ]


def test_tokenize_offsets_point_at_the_words():
    text = "  He’s “sure”, she said."
    tokens = tokenize(text, 0, len(text))
    assert tokens.texts == ["He’s", "“", "sure", "”", ",", "she", "said", "."]
    for start, end, word in zip(tokens.starts, tokens.ends, tokens.texts, strict=True):
        assert text[start:end] == word


def test_tokens_cut_on_spaces_are_those_of_the_regex():
    # a paragraph with no white space but spaces is cut on them, not searched token by token
    # (a word and one mark, "said," "voters’" "½.", are cut without ``SPLIT``; "x_" is a word)
    text = " “We’re done,” said Mr. O’Neil--Smith  of the U.S. (D-Wis.) at 3.5% _x_ ½ ٣ a-b- "
    text += "he said, voters’ x_ ½. "
    for lo in range(len(text)):
        block = text[lo:]
        parts = SPLIT.split(block)
        starts = list(accumulate(map(len, parts), initial=lo))[1:-1:2]
        assert _spaced(block, lo) == (parts[1::2], starts), block


def test_sentence_ends_after_a_run_of_marks():
    assert _sentences("Really?! Yes... Then he left.") == ["Really?!", "Yes...", "Then he left."]


def test_sentence_does_not_end_after_an_abbreviation():
    assert _sentences("Mr. Kamin said so. He left.") == ["Mr. Kamin said so.", "He left."]


def test_no_sentence_ends_inside_a_masked_quotation():
    text = "He said “No. Never. Not now” and left. Then she spoke."
    q = (text.index("“"), text.index("”") + 1)
    assert _sentences(text, [q]) == ["He said “No. Never. Not now” and left.", "Then she spoke."]


def test_sentence_spans_stay_linear_with_many_quotations_in_a_paragraph():
    def run(n: int) -> float:
        text = "He said “Yes. No.” " * n
        masked = [(i, i + 10) for i in range(8, len(text), 19)]
        start = time.process_time()
        sentence_spans(text, 0, len(text), masked)
        return time.process_time() - start

    run(200)  # warm up
    small, big = run(2000), run(20000)
    assert big < 40 * max(small, 1e-4)


def test_frame_positions_match_a_plain_scan_of_the_words():
    text = "He said the officials said it; they think so, a spokesman said, according to him."
    frame = Frame(text, 0, len(text), [])
    for vocabulary in (PRONOUNS, ROLE_NOUNS, SPEECH_VERBS, CUES):
        plain = [i for i, w in enumerate(frame.lowers) if w in vocabulary]
        assert frame.positions(vocabulary) == plain


def test_frame_positions_vocabularies_lie_in_the_scanned_words():
    # Frame.positions only finds words of SCANNED: every vocabulary it is asked about
    for vocabulary in (PRONOUNS, ROLE_NOUNS, SPEECH_VERBS, CUES):
        assert vocabulary <= SCANNED


def test_may_scan_misses_no_paragraph_holding_a_scanned_word():
    texts = [
        "He said so.",
        "(he) x-said it's SAID, they—we",
        "I. M. Pei and J. Doe.",
        "it2 _it_ 3he said_ x.said",
        "“It is,” she said.",
        "The attack made global headlines.",
        "Spokesman: officials, according to reports.",
        "naïve café; the ’90s",
        "6:05 p.m.",
        "",
    ]
    for text in texts:
        if Frame(text, 0, len(text), []).hits:
            assert may_scan(text, 0, len(text)), text
    assert not may_scan("The attack made global headlines.", 0, 33)


def test_frames_build_only_the_paragraphs_asked_for():
    text = "The attack made global headlines.\nHe said so."
    frames = Frames(text, [(0, 33), (34, 45)], [[], []])
    assert frames.scanned == [1]
    assert frames.sentence_starts(0) == [0]  # without building its frame
    assert frames._built[0] is None
    assert frames[0].sentence_starts == [0] and frames[1].lowers == ["he", "said", "so", ""]


def test_may_scan_reads_words_next_to_other_characters():
    for text in ("“He", "naïve—they", "«it»", "spo\u212aesman", "x’said"):
        assert may_scan(text, 0, len(text)), text
    assert not may_scan("naïve “café”", 0, 12)


def test_frames_mark_paragraphs_with_no_word_reported_speech_looks_for():
    text = "He left. It rained.\nShe said so.\nThey “came”.\nNothing here.\nThe aides left."
    blocks = [(0, 19), (20, 32), (33, 45), (46, 59), (60, 75)]
    quotations = [[], [], find_quotations(text, [(33, 45)]), [], []]
    frames = Frames(text, blocks, quotations)
    assert frames.scanned == [0, 1, 2, 4]
    found = {k: words for k, (_, words) in frames.unreported.items()}
    assert found == {0: {b"he", b"it"}, 4: {b"aides"}}  # the pronouns and role nouns
