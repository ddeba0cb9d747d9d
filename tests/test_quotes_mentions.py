"""The mention index answers 'what covers this span' alike whether it bisects or scans."""

from __future__ import annotations

import random

from tei_annotate_quotes.frame import Frame
from tei_annotate_quotes.mentions import (
    COVER_WINDOW,
    Mention,
    MentionIndex,
    bare_descriptions,
    bare_pronouns,
    descriptions,
    pronouns,
)


def _scanned(index: MentionIndex, start: int, end: int) -> list[Mention]:
    """The window scan every index can use, whatever the shape of its mentions."""
    i = sum(1 for s in index.starts if s <= start)
    return [m for m in index.items[max(0, i - COVER_WINDOW) : i] if m.end >= end]


def test_covering_bisects_the_same_mentions_as_a_scan_when_ends_ascend():
    rnd = random.Random(7)
    for _ in range(200):
        spans, pos, reach = [], 0, 0
        for _ in range(rnd.randint(0, 120)):
            pos += rnd.randint(0, 6)
            spans.append((pos, pos + rnd.randint(1, 5)))
        outermost = []  # as the actors' mentions are kept: none inside a longer one
        for s, e in sorted(spans, key=lambda x: (x[0], -x[1])):
            if e > reach:
                outermost.append((s, e))
                reach = e
        index = MentionIndex(Mention(s, e, "name", "person") for s, e in outermost)
        assert index.flat
        for _ in range(30):
            start = rnd.randint(0, pos + 5)
            end = start + rnd.randint(1, 6)
            assert index.covering(start, end) == _scanned(index, start, end)
            assert index.covers(start, end) == bool(_scanned(index, start, end))


def test_covering_scans_when_a_mention_lies_inside_another():
    index = MentionIndex(
        [Mention(0, 30, "description", "person"), Mention(10, 17, "name", "person")]
    )
    assert not index.flat
    assert index.covering(12, 14) == index.items
    assert index.covers(20, 25)
    assert not index.covers(20, 31)


def test_bare_pronouns_find_the_pronouns_a_frame_finds():
    """A paragraph with no quotation has its pronouns read from its text, not its frame:
    the two must agree on every token boundary ("he’s", "x-it", "I." an initial)."""
    rnd = random.Random(11)
    parts = ["he", "She", "I", "it", "IT", "they", "We", "I.", "i.", ".", "..", "’", "'", "-"]
    parts += [" ", "\n", "x", "2", "_", "é", "\u212a", "ſhe", "İt", "(", "“", "Mr", "he’s"]
    taken = MentionIndex([Mention(3, 6, "name", "person")])
    for _ in range(3000):
        text = "ab" + "".join(rnd.choice(parts) for _ in range(rnd.randint(1, 12))) + "cd"
        for index in (MentionIndex([]), taken):
            lo, hi = 2, len(text) - 2
            assert bare_pronouns(text, lo, hi, index) == pronouns(Frame(text, lo, hi, []), index)


def test_bare_descriptions_find_the_descriptions_a_frame_finds():
    """A paragraph with no quotation has its descriptions read from the words around each
    role noun: they must agree with the paragraph's tokens at any distance from its start."""
    rnd = random.Random(13)
    parts = ["the", "a", "his", "former", "Kremlin", "aides", "source", "Source", "official"]
    parts += ["officials", "Officials", "AIDES", "Mr.", "U.S.", ".", ",", "’", "-", "é", "(", "“"]
    parts += ["x", "spokesman’s", "!", "”"]
    gaps = [" "] * 8 + ["", "  ", "\n", "\xa0", "\u2009"]
    taken = MentionIndex([Mention(5, 12, "name", "person")])
    nouns = {b"aides", b"source", b"official", b"officials", b"spokesman"}
    for _ in range(3000):
        words = (rnd.choice(parts) + rnd.choice(gaps) for _ in range(rnd.randint(1, 30)))
        text = "ab " + "".join(words) + " cd"
        for index in (MentionIndex([]), taken):
            for lo in (0, 2, 3):
                hi = len(text) - rnd.randint(0, 3)
                want = descriptions(text, Frame(text, lo, hi, []), index)
                assert bare_descriptions(text, lo, hi, nouns, index) == want, (text, lo, hi)
