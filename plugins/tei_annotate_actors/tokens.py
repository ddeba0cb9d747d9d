"""Words of a block with their offsets, and where sentences start.

Names are decided on words, so the text is cut once, with one linear-time
regular expression, into words and single punctuation marks.  A possessive
ending ("Trump’s") is its own token so it stays outside the name.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from itertools import accumulate, chain, compress, count, repeat
from operator import itemgetter, not_, sub
from typing import NamedTuple

from .memo import by_key

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
# No token holds a blank, so a block's tokens are those of its blank-separated chunks, in
# order, once a dot ending a chunk is read in its context (see CONTEXT_DOT).  Chunks recur
# ("the", "said,"), so each chunk seen is kept with its token texts and each token's step
# to the next (its length, +1 after the chunk's last): most chunks cost a lookup, not
# regex matches.  Emptied when full, so memory stays bounded on any corpus.
_TEXTS: dict[str, tuple[str, ...]] = {}
_STEPS: dict[str, tuple[int, ...]] = {}
CHUNKS_MAX = 200_000
# Where the last token of a chunk may read past it: a dot after a capital and at most three
# small letters, before blanks and a word ("Mr. Smith", "J. Doe"; TOKEN's look-aheads need
# both).  The dot opens the pattern: a literal first is searched for fast.
CONTEXT_DOT = re.compile(
    r"\.(?:(?<=[A-Z]\.)|(?<=[A-Z][a-z]\.)|(?<=[A-Z][a-z]{2}\.)|(?<=[A-Z][a-z]{3}\.))(?=[ \t]+\w)"
)
# What TOKEN's initials look for after the dot; short of it, a word follows the blanks.
BEFORE_CAPITAL = re.compile(r"[ \t]+(?:[A-Z]|and[ \t]+[A-Z])")
WIDE_BLANK = re.compile(r"\s{2,}")
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
    # Spans one blank apart have the chunks of the text from the first to the last (no
    # look-ahead of the tokenizer crosses a line break), with no wider blank to step over:
    # one read of the chunk tables for a run of such lines, not one per line.
    runs = [list(spans[0])]
    for start, end in spans[1:]:
        if start == runs[-1][1] + 1 and text[start - 1].isspace():
            runs[-1][1] = end
        else:
            runs.append([start, end])
    texts, starts = _chunk_tokens(text, *runs[0])
    for start, end in runs[1:]:
        run_texts, run_starts = _chunk_tokens(text, start, end)
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


def _chunk_tokens(text: str, start: int, end: int) -> tuple[list[str], list[int]]:
    """Texts and starts of the tokens of ``text[start:end]``, from the chunk tables."""
    block = text[start:end]
    chunks = block.split()
    if not chunks:
        return [], []
    first = start + len(block) - len(block.lstrip())
    try:
        texts = list(chain.from_iterable(map(_TEXTS.__getitem__, chunks)))
    except KeyError:
        texts, starts = _learn(chunks, first, _TEXTS)
    else:
        try:
            # the steps are summed as they are read: no list of them is made
            starts = list(
                accumulate(chain.from_iterable(map(_STEPS.__getitem__, chunks)), initial=first)
            )
        except KeyError:
            texts, starts = _learn(chunks, first, _STEPS)
    if starts.pop() != start + len(block.rstrip()) + 1:  # chunks more than one blank apart
        starts = _respace(block, start, first, starts)
    if "." in block:
        return _read_dots_in_context(block, start, texts, starts)
    return texts, starts


def _learn(
    chunks: list[str], first: int, missed: Mapping[str, object]
) -> tuple[list[str], list[int]]:
    """The token texts and starts of ``chunks`` (as read from the tables: the first at
    ``first``, each chunk one blank after the last, and one more start after the end),
    once the chunks ``missed`` lacks are put in both tables.

    A text read for the first time brings new chunks to most of its blocks, but most
    of a block's chunks are known: the new ones are put together (see :func:`_put`),
    then the block is read from the tables.
    """
    # a set difference with a plain dict looks the chunks up without a call per chunk
    # (with a dict subclass, CPython would walk the whole table instead); the order the
    # new chunks are put in is of no consequence
    new = list(set(chunks).difference(missed))
    if new:  # none when another thread has just learnt them
        _put(new)
    try:
        return (
            list(chain.from_iterable(map(_TEXTS.__getitem__, chunks))),
            list(accumulate(chain.from_iterable(map(_STEPS.__getitem__, chunks)), initial=first)),
        )
    except KeyError:  # another thread (a threaded Dask worker) emptied the tables
        texts, starts, ends = _regex_tokens("\n".join(chunks), first)
        starts.append(ends[-1] + 1)
        return texts, starts


def _put(new: list[str]) -> None:
    """Put the ``new`` chunks in both tables.

    Most new chunks are a word alone or a word and one mark after it ("said,",
    "Iraq."): letters and digits only are one word, with no look-ahead of the tokenizer
    to try and no possessive to split off; a mark after them is a token of its own.
    Those are put without a regex match, the others are cut with one pass over them.
    """
    _make_room()
    one = list(map(str.isalnum, new))
    if True in one:
        words = list(compress(new, one))
        _TEXTS.update(zip(words, zip(words), strict=True))
        _STEPS.update(zip(words, map(_one_word_steps, map(len, words)), strict=True))
        if False not in one:
            return
        new = list(compress(new, map(not_, one)))
    heads = list(map(_HEAD, new))
    two = list(map(str.isalnum, heads))
    if True in two:
        pairs = list(compress(new, two))
        marks = list(map(_LAST, pairs))
        if "_" not in marks:  # "word_" is one word
            _TEXTS.update(zip(pairs, zip(compress(heads, two), marks, strict=True), strict=True))
            _STEPS.update(zip(pairs, map(_word_mark_steps, map(len, pairs)), strict=True))
            if False not in two:
                return
            new = list(compress(new, map(not_, two)))
    _cut(new)


def _cut(new: list[str]) -> None:
    """Put the ``new`` chunks in both tables, cut with one regular expression pass over
    them joined by line breaks (no token and no look-ahead of the tokenizer crosses one).
    """
    texts, starts, ends = _regex_tokens("\n".join(new), 0)
    # a chunk's tokens are not apart; the next chunk's first token is one line break on
    bounds = [0, *compress(count(1), map(sub, starts[1:], ends)), len(texts)]
    starts.append(ends[-1] + 1)
    cuts = list(map(slice, bounds, bounds[1:]))
    _TEXTS.update(zip(new, map(tuple(texts).__getitem__, cuts), strict=True))
    _STEPS.update(zip(new, map(tuple(map(sub, starts[1:], starts)).__getitem__, cuts), strict=True))


_HEAD = itemgetter(slice(None, -1))  # a chunk but its last character
_LAST = itemgetter(-1)


@by_key
def _one_word_steps(length: int) -> tuple[int, ...]:
    """The steps of a chunk that is one word, by its length: one tuple shared by them all."""
    return (length + 1,)


@by_key
def _word_mark_steps(length: int) -> tuple[int, ...]:
    """The steps of a chunk that is a word and one mark, by its length."""
    return (length - 1, 2)


def _make_room() -> None:
    """Empty both chunk tables when full, so memory stays bounded on any corpus."""
    if len(_TEXTS) > CHUNKS_MAX:
        _TEXTS.clear()
        _STEPS.clear()


def _in_context(key: str) -> tuple[str, ...]:
    """The token texts of a chunk whose final dot is read in its context: ``key`` is
    the chunk with a blank and a letter after it (see ``CONTEXT_DOT``), and only the
    chunk's own tokens are kept."""
    texts, starts, _ = _regex_tokens(key, 0)
    del texts[bisect_left(starts, key.find(" ")) :]
    _make_room()
    words = _TEXTS[key] = tuple(texts)
    return words


def _regex_tokens(block: str, start: int) -> tuple[list[str], list[int], list[int]]:
    """Texts, starts and ends of the tokens of ``block`` (at ``start``), matched one by one."""
    # spaces, token, spaces, token, ..., spaces
    parts = (SPLIT_ASCII if block.isascii() else SPLIT).split(block)
    offsets = list(accumulate(map(len, parts), initial=start))
    return _split_possessives(block, start, parts[1::2], offsets[1:-1:2], offsets[2::2])


def _respace(block: str, start: int, first: int, starts: list[int]) -> list[int]:
    """Token offsets when some chunks are more than one blank apart: the step over each
    wider blank (``starts`` are the offsets as if every blank were one character)."""
    steps = list(map(sub, starts[1:], starts))
    steps.append(1)  # after the last token: to the end popped below
    wider = 0
    for m in WIDE_BLANK.finditer(block, first - start):
        blank = m.start() + start - wider  # where it would be
        i = bisect_left(starts, blank) - 1  # the token before it
        extra = m.end() - m.start() - 1
        steps[i] += extra
        wider += extra
    starts = list(accumulate(steps, initial=first))
    starts.pop()
    return starts


def _read_dots_in_context(
    block: str, start: int, texts: list[str], starts: list[int]
) -> tuple[list[str], list[int]]:
    """The lists with each chunk whose final dot may belong to an initial or a title
    ("J. Doe", "Mr. Smith") read in its context; new lists made in one pass."""
    # (first token of the chunk, end of its tokens, its tokens in context)
    cuts: list[tuple[int, int, Sequence[str]]] = []
    for m in CONTEXT_DOT.finditer(block):
        dot = m.end() - 1 + start
        i = j = bisect_right(starts, dot) - 1  # the chunk's last token
        while j and starts[j - 1] + len(texts[j - 1]) == starts[j]:
            j -= 1  # tokens of one chunk are not apart
        after = "A" if BEFORE_CAPITAL.match(block, m.end()) else "a"
        key = f"{block[starts[j] - start : m.end()]} {after}"
        known = _TEXTS.get(key)
        cuts.append((j, i + 1, _in_context(key) if known is None else known))
    if not cuts:
        return texts, starts
    new_texts: list[str] = []
    new_starts: list[int] = []
    done = 0
    for j, i, words in cuts:
        new_texts += texts[done:j]
        new_texts += words
        new_starts += starts[done:j]
        new_starts += accumulate(map(len, words[:-1]), initial=starts[j])
        done = i
    new_texts += texts[done:]
    new_starts += starts[done:]
    return new_texts, new_starts


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
    block: str, start: int, texts: list[str], starts: list[int], ends: list[int]
) -> tuple[list[str], list[int], list[int]]:
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
        if ends[i] == s + 2 and len(word) > 2 and word[0].isalnum():
            cuts.append((i, s))
    if not cuts:
        return texts, starts, ends
    new_texts: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    done = 0
    for i, s in cuts:
        word = texts[i]
        new_texts += texts[done:i]
        new_texts += word[:-2], word[-2:]
        new_starts += starts[done:i]
        new_starts += starts[i], s
        new_ends += ends[done:i]
        new_ends += s, s + 2
        done = i + 1
    new_texts += texts[done:]
    new_starts += starts[done:]
    new_ends += ends[done:]
    return new_texts, new_starts, new_ends
