"""The frame of a paragraph: its words with each quotation folded into one placeholder.

Attribution patterns ("…,” she said", "X told reporters: “…”") are patterns over
the frame, so they never look inside quoted words.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from itertools import compress
from operator import itemgetter

from .lexicon import (
    DETERMINERS,
    REPORTED_CUES,
    ROLE_NOUNS,
    SCANNED,
    SPEECH_VERBS,
    SUBJECT_PRONOUNS,
)
from .marks import Quotation
from .text import Tokens, sentence_spans

__all__ = ["QUOTE", "Frame", "Frames", "may_scan"]

QUOTE = "\x00quote"
FIRST = itemgetter(0)
# ASCII letters to lower case, every other byte to a space (see ``may_scan``)
LETTER_WORDS = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))
KELVIN = "\u212a"  # the one character whose lower case is ASCII ("k")
SCANNED_BYTES = frozenset(w.encode() for w in SCANNED)
# the words reported speech looks for
REPORTING_BYTES = frozenset(w.encode() for w in REPORTED_CUES)
ROLE_BYTES = frozenset(w.encode() for w in ROLE_NOUNS)
PRONOUN_BYTES = frozenset(w.encode() for w in SUBJECT_PRONOUNS)
SPEAKER_BYTES = ROLE_BYTES | PRONOUN_BYTES


def may_scan(text: str, lo: int, hi: int) -> bool:
    """May a token of ``text[lo:hi]`` have its lower case in ``lexicon.SCANNED``?  False
    only when none can, found in C without tokenizing: every scanned word is made of ASCII
    letters, so it is a whole run of letters once every other character is a space (no
    character but the Kelvin sign has an ASCII lower case)."""
    found = _words(text[lo:hi])
    return found is None or not SCANNED_BYTES.isdisjoint(found[1])


def _words(block: str) -> tuple[bytes, list[bytes]] | None:
    """``block``'s ``letter_runs`` and the words made of ASCII letters in it; None if it
    holds a Kelvin sign, whose lower case "k" makes any word a possible scanned one."""
    if KELVIN in block:
        return None
    letters = letter_runs(block)
    return letters, letters.split()


def letter_runs(block: str) -> bytes:
    """``block`` with its ASCII letters in lower case and every other character a space,
    between two spaces: a word made of ASCII letters is where `` word `` is found."""
    return b" " + block.encode("ascii", "replace").translate(LETTER_WORDS) + b" "


class Frame(Tokens):
    """Tokens of one block outside its outermost quotations, and its sentences.

    Each outermost quotation is one token whose text is ``QUOTE``.
    """

    __slots__ = (
        "_sentence_starts",
        "_sentences",
        "_speech",
        "hi",
        "hits",
        "lo",
        "quotations",
        "quote_at",
        "text",
    )

    def __init__(self, text: str, lo: int, hi: int, quotations: Sequence[Quotation]) -> None:
        super().__init__()
        self._speech: frozenset[int] | None = None
        self._sentences: list[tuple[int, int]] | None = None
        self._sentence_starts: list[int] = []
        self.text, self.lo, self.hi = text, lo, hi
        tops = [q for q in quotations if q.depth == 0] if quotations else []
        self.quotations = tops
        self.quote_at: list[int] = []  # token index of each quotation's placeholder
        pos = lo
        for q in tops:
            self.extend(text, pos, q.start)
            self.quote_at.append(len(self.starts))
            self.add(q.start, q.end, QUOTE, QUOTE)
            pos = q.end
        self.extend(text, pos, hi)
        lowers = self.lowers
        # every token a rule looks for, in one pass in C: ``positions`` then only filters these
        self.hits = list(compress(range(len(lowers)), map(SCANNED.__contains__, lowers)))

    @property
    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence, split on first use: most paragraphs hold no
        quotation and no reporting verb, and no rule reads their sentences."""
        return self._sentences if self._sentences is not None else self._split_sentences()

    @property
    def sentence_starts(self) -> list[int]:
        """The start of each sentence, ascending."""
        if self._sentences is None:
            self._split_sentences()
        return self._sentence_starts

    def _split_sentences(self) -> list[tuple[int, int]]:
        tops = self.quotations
        masked = [(q.start, q.end) for q in tops] if tops else ()
        self._sentences = sentence_spans(self.text, self.lo, self.hi, masked)
        self._sentence_starts = list(map(FIRST, self._sentences))
        return self._sentences

    def words(self) -> Tokens:
        """The tokens without the quotation placeholders."""
        return self.without(self.quote_at) if self.quote_at else self

    @property
    def speech(self) -> frozenset[int]:
        """Indices of the reporting verbs, found once: "said", but not the adjective in "the
        estimated toll" nor "to talk" (only "to" + said/told reports)."""
        if self._speech is None:
            self._speech = self._reporting_verbs()
        return self._speech

    def _reporting_verbs(self) -> frozenset[int]:
        lowers = self.lowers
        return frozenset(
            i
            for i in self.positions(SPEECH_VERBS)
            if (before := lowers[i - 1] if i else "") not in DETERMINERS
            and (before != "to" or lowers[i] in ("said", "told"))
        )

    def positions(self, vocabulary: frozenset[str]) -> list[int]:
        """Ascending indices of the tokens whose lower case is in ``vocabulary``, which
        must be part of ``lexicon.SCANNED``."""
        hits = self.hits
        if not hits:
            return []
        # filtered in C: no Python code per hit
        return list(
            compress(hits, map(vocabulary.__contains__, map(self.lowers.__getitem__, hits)))
        )

    def index(self, offset: int) -> int:
        """Index of the token starting at ``offset`` (or the first after it)."""
        return bisect.bisect_left(self.starts, offset)

    def sentence(self, offset: int) -> tuple[int, int]:
        """Token index range [i, j) of the sentence holding ``offset``."""
        k = bisect.bisect_right(self.sentence_starts, offset) - 1
        if k >= 0 and offset < self.sentences[k][1]:
            s, e = self.sentences[k]
            return self.index(s), self.index(e)
        return self.index(self.lo), len(self.starts)

    def lower(self, i: int) -> str:
        """The lower case of token ``i``, "" outside the frame."""
        return self.lowers[i] if 0 <= i < len(self.starts) else ""

    def is_quote(self, i: int) -> bool:
        return 0 <= i < len(self.starts) and self.texts[i] == QUOTE


class Frames:
    """The frames of a document's paragraphs, each built when first asked for: a
    paragraph with no quotation and no word any rule looks for (``may_scan``) needs
    none, unless a rule reads a neighbouring paragraph or its sentences.  Nor does one
    with no quotation and no word reported speech looks for (``unreported``, which gives
    its ``letter_runs`` and the pronouns and role nouns among them, read once for both):
    ``mentions.bare_pronouns`` and ``mentions.bare_descriptions`` find its speakers in
    its text."""

    __slots__ = (
        "_built",
        "_sentence_starts",
        "blocks",
        "quotations",
        "scanned",
        "text",
        "unreported",
    )

    def __init__(
        self, text: str, blocks: Sequence[tuple[int, int]], quotations: list[list[Quotation]]
    ) -> None:
        self.text, self.blocks, self.quotations = text, blocks, quotations
        self._built: list[Frame | None] = [None] * len(blocks)
        self._sentence_starts: dict[int, list[int]] = {}
        # the indices of the paragraphs that may hold something for a rule, ascending
        self.scanned: list[int] = []
        self.unreported: dict[int, tuple[bytes, frozenset[bytes]]] = {}
        for k, (lo, hi) in enumerate(blocks):
            if quotations[k]:
                self.scanned.append(k)
                continue
            found = _words(text[lo:hi])
            if found is None:
                self.scanned.append(k)
                continue
            letters, runs = found
            if not SCANNED_BYTES.isdisjoint(runs):
                self.scanned.append(k)
                if REPORTING_BYTES.isdisjoint(runs):
                    self.unreported[k] = (letters, SPEAKER_BYTES.intersection(runs))

    def __len__(self) -> int:
        return len(self.blocks)

    def __getitem__(self, k: int) -> Frame:
        frame = self._built[k]
        if frame is None:
            lo, hi = self.blocks[k]
            frame = self._built[k] = Frame(self.text, lo, hi, self.quotations[k])
        return frame

    def sentence_starts(self, k: int) -> list[int]:
        """The sentence starts of paragraph ``k``, without its tokens if it has no frame."""
        frame = self._built[k]
        if frame is not None or self.quotations[k]:
            return self[k].sentence_starts
        found = self._sentence_starts.get(k)
        if found is None:  # no quotation to mask
            spans = sentence_spans(self.text, *self.blocks[k])
            found = self._sentence_starts[k] = list(map(FIRST, spans))
        return found
