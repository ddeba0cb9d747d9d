"""The actors tokenizer: words, marks, possessives and sentence starts, with offsets."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tei_annotate_actors.tokens import (
    ARABIC_ARTICLE,
    POSSESSIVE,
    SENTENCE_END,
    SPLIT,
    SPLIT_ASCII,
    Token,
    scan,
    scan_lines,
    token,
    tokenize,
)

# The tokens, plainly: initialisms, initials, abbreviated titles, words, single marks.
TOKEN = re.compile(
    r"""
    (?:[A-Z]\.){2,}
  | [A-Z]\.(?=[ \t]+(?:[A-Z]|and[ \t]+[A-Z]))
  | (?:Inc|Ltd|Corp|Co|St|Dr|Mr|Mrs|Ms|Gen|Lt|Col|Capt|Sgt|Spc|Pfc|Pvt|Cpl|Brig|Adm|Prof|Rev|Gov|Sen|Rep|Maj|Cmdr|Cdr|Amb|Hon|Jr|Sr|Ft|Mt|Del|Det|Fr|Msgr|Supt|Insp|Pres|Sec|Atty|Ald)\.(?=[ \t]+\w)
  | \w+(?:[-'’]\w+)*
  | \S
    """,
    re.VERBOSE,
)


def reference_tokenize(text: str, start: int, end: int) -> list[Token]:
    """The rules of :func:`tokenize` written as a plain loop over the matches."""
    out: list[Token] = []
    initial = True
    for m in TOKEN.finditer(text, start, end):
        word, s = m.group(), m.start()
        if not word[0].isalnum():  # a mark
            out.append(Token(s, s + 1, word, False, False, False))
            if word in SENTENCE_END or (word in "\"'" and text[s + 1 : s + 2].isalnum()):
                initial = True
            continue
        n = len(word)
        if n > 2 and word.endswith(POSSESSIVE):
            out.append(token(s, s + n - 2, word[:-2], initial))
            out.append(Token(s + n - 2, s + n, word[-2:], False, False, False))
        else:
            out.append(token(s, s + n, word, initial))
        initial = False
    return out


def texts(text):
    return [t.text for t in tokenize(text, 0, len(text))]


def test_tokenize_splits_a_possessive_ending_off_its_word():
    assert texts("Trump’s aide and O'Neill's") == ["Trump", "’s", "aide", "and", "O'Neill", "'s"]


def test_tokenize_keeps_initialisms_titles_and_initials_whole():
    assert texts("Mr. Smith of the U.S. met Stephen J. Townsend.") == [
        "Mr.", "Smith", "of", "the", "U.S.", "met", "Stephen", "J.", "Townsend", ".",
    ]  # fmt: skip


def test_tokenize_marks_sentence_starts_after_stops_and_opening_quotes():
    text = 'He left. "Then she came," she said: Go'
    starts = [t.text for t in tokenize(text, 0, len(text)) if t.initial]
    assert starts == ["He", "Then", "Go"]


def test_tokenize_reads_an_arabic_article_as_capitalised():
    (tok,) = tokenize("al-Abadi", 0, 8)
    assert tok.capitalised and tok.is_word and ARABIC_ARTICLE.match(tok.text)


def test_tokenize_offsets_are_into_the_whole_text():
    text = "xx Kaja Kallas’s yy"
    toks = tokenize(text, 3, 16)
    assert [(text[t.start : t.end], t.text) for t in toks] == [
        ("Kaja", "Kaja"),
        ("Kallas", "Kallas"),
        ("’s", "’s"),
    ]


PIECES = st.sampled_from(
    [" ", "\t", "\n", "a", "s", "S", "I", "’", "'", '"', "-", "_", ".", ":", "!", "“", "(",
     "al-", "ibn-", "Mr.", "U.S.", "J.", " and ", "’s", "'s", "Inc.", "é", "9", "x", "Q",
     "Msgr.", "Co.", "Dr", "A.B", "Ab.", "Abcd."]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join), st.data())
def test_tokenize_agrees_with_the_plain_loop_on_any_block(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    s = scan(text, start, end)
    tokens = s.tokens
    assert tokens == reference_tokenize(text, start, end)
    assert s.capitals == [k for k, t in enumerate(tokens) if t.capitalised]
    assert s.texts == [t.text for t in tokens]
    assert s.starts == [t.start for t in tokens]
    assert s.ends == [t.end for t in tokens]
    assert s.initial == [t.initial for t in tokens]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*map(chr, range(128)), "Mr.", "U.S.", "J. and B", "'s"])).map("".join)
)
def test_the_ascii_pattern_splits_ascii_text_as_the_unicode_one(text):
    assert SPLIT_ASCII.split(text) == SPLIT.split(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(PIECES, max_size=12).map("".join), max_size=6), st.data())
def test_scan_lines_agrees_with_a_scan_of_each_line(lines, data):
    text = "\n".join(lines)
    spans, at = [], 0
    for line in lines:
        spans.append((at, at + len(line)))
        at += len(line) + 1
    spans = [sp for sp in spans if data.draw(st.booleans())]  # some lines are left out
    alone = [scan(text, s, e) for s, e in spans]
    assert scan_lines(text, spans) == alone
    assert scan_lines(text, spans, chunk=data.draw(st.integers(0, 40))) == alone  # in groups


def test_scan_lines_scans_spans_that_are_not_whole_lines_one_by_one():
    text = "Mr. Smith met J. Doe"
    spans = [(0, 9), (10, 20)]  # "J." is an initial only before " Doe"
    assert scan_lines(text, spans) == [scan(text, s, e) for s, e in spans]


def test_an_initials_dot_is_read_in_its_own_context():
    # "J." is an initial only before a capital, across blanks but not across a line break
    text = "J. Doe met J. and b, J.\tand Bo, J.  x and J.\nDoe"
    assert scan(text, 0, len(text)).tokens == reference_tokenize(text, 0, len(text))
    assert texts(text).count("J.") == 2


def test_scan_lines_reads_paragraphs_apart_by_blank_lines_as_each_alone():
    text = "Mr.\n\n  Smith met J.\t\n\nDoe’s aide.  \n\n\nDr.\n"
    spans, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((at, at + len(line)))
        at += len(line) + 1
    assert scan_lines(text, spans) == [scan(text, s, e) for s, e in spans]
    assert [t.text for b in scan_lines(text, spans) for t in b.tokens] == [
        "Mr",
        ".",
        "Smith",
        "met",
        "J",
        ".",
        "Doe",
        "’s",
        "aide",
        ".",
        "Dr",
        ".",
    ]
