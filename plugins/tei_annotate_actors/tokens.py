"""Words of a block with their offsets, and where sentences start.

Names are decided on words, so the text is cut once, with one linear-time
regular expression, into words and single punctuation marks.  A possessive
ending ("Trump’s") is its own token so it stays outside the name.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate, compress, count, repeat
from operator import itemgetter
from typing import NamedTuple

__all__ = [
    "Token",
    "TokenBlock",
    "scan",
    "scan_lines",
    "token",
    "tokenize",
    "window",
]

TOKEN = re.compile(
    r"""
    (?=[A-Z][a-z]{0,3}\.)           # a capital and a dot: only there are these tried
    (?:
        (?:[A-Z]\.){2,}             # dotted initialisms: U.S., U.K.
      | [A-Z]\.(?=[ \t]+(?:[A-Z]|and[ \t]+[A-Z]))  # an initial: Stephen J. Townsend, Charles G. and
      | (?:Inc|Ltd|Corp|Co|St|Dr|Mr|Mrs|Ms|Gen|Lt|Col|Capt|Sgt|Spc|Pfc|Pvt|Cpl|Brig|Adm|Prof|Rev|Gov|Sen|Rep|Maj|Cmdr|Cdr|Amb|Hon|Jr|Sr|Ft|Mt|Del|Det|Fr|Msgr|Supt|Insp|Pres|Sec|Atty|Ald)\.(?=[ \t]+\w)
    )
  | \w++(?:[-'’]\w++)*             # words, with inner hyphens and apostrophes; ++ never
                                    # gives back (the same match: nothing follows) and keeps no
                                    # state to backtrack to; the group's * stays greedy, as
                                    # Python < 3.11.5 mis-matches a possessive group repeat
  | \S                              # any other mark
    """,
    re.VERBOSE,
)
POSSESSIVE = ("’s", "'s", "’S", "'S")
# A possessive ending at the end of a word (not "’s-" or "’st" inside one), one pattern
# per apostrophe: a pattern opening with a literal is searched for fast.
POSSESSIVE_ENDS = tuple(
    (mark, re.compile(f"{mark}(?<=\\w{mark})[sS](?![-'’]?\\w)")) for mark in "’'"
)
# Marks after which the next word opens a sentence (or a quotation, which reads the same).
SENTENCE_END = frozenset(".!?:“‘«(")


ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|as|an|ar|at|ash|ibn|bin)-[A-Z]")
# Where an article may end: each token ARABIC_ARTICLE matches holds one of these.
CAPITAL_AFTER_HYPHEN = re.compile(r"-[A-Z]")


class Token(NamedTuple):
    """A word or mark: offsets into the document, and whether it opens a sentence.

    A named tuple: documents have tens of thousands of tokens, and the word tests
    used everywhere are computed once, by :func:`token`.
    """

    start: int
    end: int
    text: str
    initial: bool
    is_word: bool
    capitalised: bool  # like a name; "al-Abadi" counts, its article is lower-case by convention


def token(start: int, end: int, text: str, initial: bool) -> Token:
    c = text[0]
    return Token(
        start,
        end,
        text,
        initial,
        c.isalnum(),
        c.isupper() or (c in "aeib" and ARABIC_ARTICLE.match(text) is not None),
    )


# The same pattern as one group: ``split`` gives the tokens and the spaces between them
# as plain strings (no match object per token), and the offsets follow from their lengths.
# Every token opens with a non-space, so the guard turns spaces away with one test, not
# one per branch.
SPLIT = re.compile(f"(?=\\S)({TOKEN.pattern})", re.VERBOSE)
# The same for ASCII text, where it splits alike: a third of the documents are ASCII, and
# ASCII classes are tested without the Unicode tables.  Python counts \x1c-\x1f as spaces.
SPLIT_ASCII = re.compile(SPLIT.pattern.replace(r"\S", r"[^\s\x1c-\x1f]"), re.VERBOSE | re.ASCII)
# Straight quotes open a quotation only right before a letter or digit.
QUOTES = frozenset("\"'")
OPENING_MARK = re.compile(f"[{re.escape(''.join(sorted(SENTENCE_END | QUOTES)))}]")
_first = itemgetter(0)
_new = tuple.__new__  # builds a Token without the Python-level ``__new__`` call


class TokenBlock(NamedTuple):
    """A block's tokens as parallel lists: later stages read a few tokens of a block (near
    its capitals and determiners), so :class:`Token` objects are built only for those.
    ``heading`` if the block capitalises every word, ``prose`` if it is a paragraph.
    The ends follow from the starts and texts: read for a few tokens, they are not stored."""

    texts: list[str]
    starts: list[int]
    initial: list[bool]
    is_word: list[bool]
    capitalised: list[bool]
    capitals: list[int]  # indices of the capitalised tokens: names start at or next to them
    heading: bool = False
    prose: bool = False

    @property
    def tokens(self) -> list[Token]:
        return window(self, 0, len(self.texts))

    @property
    def ends(self) -> list[int]:
        return _ends(self.texts, self.starts)

    def end(self, i: int) -> int:
        """Where token ``i`` ends (see :func:`_ends`)."""
        text = self.texts[i]
        return self.starts[i] + (1 if text[0] == "_" else len(text))


def _ends(texts: Sequence[str], starts: Sequence[int]) -> list[int]:
    """Where the tokens end; a word opening with "_" is read as a one-character mark."""
    return [s + (1 if t[0] == "_" else len(t)) for s, t in zip(starts, texts, strict=True)]


def window(scan: TokenBlock, i: int, j: int) -> list[Token]:
    """The tokens ``i`` to ``j`` (exclusive, ``0 <= i``) of a scan or a block, as objects."""
    starts, texts = scan.starts[i:j], scan.texts[i:j]
    return list(
        map(
            _new,
            repeat(Token),
            zip(
                starts,
                _ends(texts, starts),
                texts,
                scan.initial[i:j],
                scan.is_word[i:j],
                scan.capitalised[i:j],
                strict=True,
            ),
        )
    )


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]`` (one block); the first word is sentence-initial."""
    return scan(text, start, end).tokens


def scan(text: str, start: int, end: int) -> TokenBlock:
    """The tokens of ``text[start:end]``, as parallel lists."""
    return _scan_spans(text, ((start, end),))


def _scan_spans(text: str, spans: Sequence[tuple[int, int]]) -> TokenBlock:
    """The tokens of the ``spans`` of ``text`` (in order, apart), as one scan; the first
    word of each span opens a sentence.

    The per-token tests run as ``map`` over parallel lists: documents have tens of
    thousands of tokens.
    """
    if not spans:
        return TokenBlock([], [], [], [], [], [])
    # Spans apart only by blanks and a line break are read with one pass of the regex
    # from the first to the last: no token and no look-ahead of TOKEN crosses a line
    # break, and what lies between them is no token.
    runs = [list(spans[0])]
    for start, end in spans[1:]:
        gap = text[runs[-1][1] : start]
        if gap.isspace() and not LINE_BREAKS.isdisjoint(gap):
            runs[-1][1] = end
        else:
            runs.append([start, end])
    texts: list[str] = []
    starts: list[int] = []
    for start, end in runs:
        run_texts, run_starts = _regex_tokens(text[start:end], start)
        texts += run_texts
        starts += run_starts
    if not texts:
        return TokenBlock([], [], [], [], [], [])
    start = spans[0][0]
    block = text[start : spans[-1][1]]  # with what lies between the spans: no token there
    n = len(texts)
    firsts = list(map(_first, texts))
    is_word = list(map(str.isalnum, firsts))
    capitalised = list(map(str.isupper, firsts))
    if "-" in block:  # "al-Abadi" is capitalised like a name
        for m in CAPITAL_AFTER_HYPHEN.finditer(block):  # a literal first: a fast search
            i = bisect_right(starts, m.start() + start) - 1  # the token holding the hyphen
            if i >= 0 and ARABIC_ARTICLE.match(texts[i]):
                capitalised[i] = True
    initial = [False] * n
    if True in is_word:
        _mark_sentence_starts(text, "".join(firsts), texts, starts, is_word, initial)
        for span_start, _ in spans[1:]:
            try:
                initial[is_word.index(True, bisect_left(starts, span_start))] = True
            except ValueError:
                break  # no word after it
    return TokenBlock(
        texts, starts, initial, is_word, capitalised, list(compress(count(), capitalised))
    )


def _regex_tokens(block: str, start: int) -> tuple[list[str], list[int]]:
    """Texts and starts of the tokens of ``block`` (at ``start``), split by one regex pass."""
    # spaces, token, spaces, token, ..., spaces
    parts = (SPLIT_ASCII if block.isascii() else SPLIT).split(block)
    offsets = list(accumulate(map(len, parts), initial=start))
    return _split_possessives(block, start, parts[1::2], offsets[1:-1:2])


LINE_BREAKS = frozenset("\r\n")
# Characters of lines scanned at once: an article, but not a book, whose token lists would
# no longer fit in the processor's caches.
LINES_AT_ONCE = 16_384


def scan_lines(
    text: str, spans: Sequence[tuple[int, int]], chunk: int = LINES_AT_ONCE
) -> list[TokenBlock]:
    """:func:`scan` of each span of ``text``, lines together when the spans are whole lines.

    No token and no look-ahead of the tokenizer crosses a line break, so lines in
    order cut from one scan of the text from the first to the last have the tokens
    they have alone, once each first word is marked as opening a sentence: a
    scan's fixed cost is paid once for lines of up to ``chunk`` characters (a
    whole article), not once per paragraph.
    """
    if not _whole_lines(text, spans):
        return [scan(text, start, end) for start, end in spans]
    out: list[TokenBlock] = []
    first, n = 0, len(spans)
    while first < n:
        last, begin = first + 1, spans[first][0]
        while last < n and spans[last][1] - begin <= chunk:
            last += 1
        out += _scan_together(text, spans[first:last])
        first = last
    return out


def _scan_together(text: str, spans: Sequence[tuple[int, int]]) -> list[TokenBlock]:
    """:func:`scan` of whole lines, in order, from one scan of the text they span."""
    whole = _scan_spans(text, spans)
    texts, starts, initial, is_word, capitalised, caps = whole[:6]
    out = []
    for start, end in spans:
        a = bisect_left(starts, start)
        b = bisect_left(starts, end, a)
        c = bisect_left(caps, a)
        block_caps = caps[c : bisect_left(caps, b, c)]
        if a:
            block_caps = list(map(a.__rsub__, block_caps))  # k - a
        columns = (texts[a:b], starts[a:b], initial[a:b], is_word[a:b], capitalised[a:b])
        out.append(_new(TokenBlock, (*columns, block_caps, False, False)))
    return out


def _whole_lines(text: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Are ``spans`` (at least one) in order, each beginning and ending at a line break or
    an end of ``text``?"""
    if not spans:
        return False
    last, size = 0, len(text)
    for start, end in spans:
        if start < last or end < start:
            return False
        if start and text[start - 1] not in LINE_BREAKS:
            return False
        if end < size and text[end] not in LINE_BREAKS:
            return False
        last = end
    return True


def _mark_sentence_starts(
    text: str,
    heads: str,
    texts: list[str],
    starts: list[int],
    is_word: list[bool],
    initial: list[bool],
) -> None:
    """Set ``initial`` on the first word of the block and the first word after each mark
    that opens a sentence (a quote mark only right before a letter or digit).

    ``heads`` has the first character of each token: a token opening with one of these
    marks is that mark alone (or a possessive "'s"), so one search finds the marks
    without a test per token."""
    first = is_word.index
    initial[first(True)] = True
    word = -1
    for m in OPENING_MARK.finditer(heads):
        i = m.start()
        if i < word:
            continue  # the word after this mark is marked already
        mark = texts[i]
        if mark in QUOTES:
            if not text[starts[i] + 1 : starts[i] + 2].isalnum():
                continue
        elif mark not in SENTENCE_END:
            continue  # "'s"
        try:
            word = first(True, i + 1)
        except ValueError:
            return  # no word after it
        initial[word] = True


def _split_possessives(
    block: str, start: int, texts: list[str], starts: list[int]
) -> tuple[list[str], list[int]]:
    """The lists with each possessive ending ("Trump’s") split off its word, as a token of
    its own: new lists made in one pass (inserting in place would move a whole
    document's tokens once per possessive)."""
    found = [
        m.start() for mark, end in POSSESSIVE_ENDS if mark in block for m in end.finditer(block)
    ]
    cuts = []  # (index of the word, offset of its ending), in order
    for at in sorted(found):
        s = at + start
        i = bisect_right(starts, s) - 1
        word = texts[i]
        if starts[i] + len(word) == s + 2 and len(word) > 2 and word[0].isalnum():
            cuts.append((i, s))
    if not cuts:
        return texts, starts
    new_texts: list[str] = []
    new_starts: list[int] = []
    done = 0
    for i, s in cuts:
        word = texts[i]
        new_texts += texts[done:i]
        new_texts += word[:-2], word[-2:]
        new_starts += starts[done:i]
        new_starts += starts[i], s
        done = i + 1
    new_texts += texts[done:]
    new_starts += starts[done:]
    return new_texts, new_starts
