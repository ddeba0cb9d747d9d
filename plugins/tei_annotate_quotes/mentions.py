"""Who can be a speaker: names and descriptions the actors layer marked, pronouns, and
descriptions of people it left unmarked ("a French diplomat", "sources")."""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import compress
from typing import NamedTuple, TypeVar

from tei_annotate import Annotation

from .frame import PRONOUN_BYTES, Frame, letter_runs
from .lexicon import DETERMINERS, GROUP_NOUNS, INDEFINITE, ROLE_NOUNS, SUBJECT_PRONOUNS, words
from .text import Tokens, positions, tokenize

__all__ = [
    "Mention",
    "MentionIndex",
    "actor_mentions",
    "bare_descriptions",
    "bare_pronouns",
    "descriptions",
    "pronouns",
]

PRONOUNS = frozenset(SUBJECT_PRONOUNS)
# A subject pronoun that is a whole token of ``text.Tokens``, in any case: no word
# character before it, nor one joined to it by an apostrophe, dot or hyphen; none after.
PRONOUN_TOKEN = re.compile(
    r"(?<!\w)(?<!\w[’'.\-])(?:"
    + "|".join(
        "".join(f"[{c.upper()}{c}]" for c in w)
        for w in sorted(PRONOUNS, key=lambda w: (-len(w), w))
    )
    + r")(?!\w|[’'.\-]\w)"
)
BY_START, BY_END = operator.attrgetter("start"), operator.attrgetter("end")
ELEMENT = operator.attrgetter("element")
_new = tuple.__new__  # builds a Mention without the named tuple's Python-level ``__new__``
S = TypeVar("S", Annotation, "Mention")
ACTOR_TYPES = {"persName": "person", "orgName": "org", "placeName": "place"}
MENTION_ELEMENTS = frozenset({*ACTOR_TYPES, "rs"})
MAX_MODIFIERS = 4
COVER_WINDOW = 50  # mentions back to look for one covering a span
LOOKBACK = 5000  # characters back to look for an antecedent: keeps lookups local
SENTENCE_OPENERS = '.!?“"”'  # the tokens after which a word opens its sentence
NEXT_CHUNK = re.compile(r"\S*\s*\S*")  # the rest of a word and the next one
STOP = words('and or but who whom which that said says told , ; : ( ) “ ” " —')


class Mention(NamedTuple):
    """A stretch of text that may name a speaker.

    ``ref`` is the registry entry when known; ``marked`` says the actors layer already
    marks it (quotes must not mark it again); ``kind`` is name, description or pronoun.
    A named tuple: a document makes thousands (one per actor mention), and
    ``tuple.__new__`` builds one with no Python-level call; nothing changes a mention.
    """

    start: int
    end: int
    kind: str
    type: str
    ref: str | None = None
    marked: bool = False
    definite: bool = True
    head: str = ""


def actor_mentions(annotations: Sequence[Annotation], group_ids: set[str]) -> list[Mention]:
    """The outermost name and description annotations of the actors layer."""
    spans = list(
        compress(annotations, map(MENTION_ELEMENTS.__contains__, map(ELEMENT, annotations)))
    )
    out: list[Mention] = []
    end = -1
    for a in _reading_order(spans):
        if a.end <= end:
            continue  # inside a longer mention (a roleName, a name inside a description)
        end = a.end
        element = a.element
        if element == "rs":
            kind, typ = "description", "person"
            for key, value in a.attrs:  # a.attrib.get("type", "person") without a dict
                if key == "type":
                    typ = value
        else:
            kind, typ = "name", ACTOR_TYPES[element]
        ref = None
        for name, targets in a.links:  # a.link("ref") without building a dict
            if name == "ref":
                ref = targets[0] if targets else None
        if ref in group_ids:
            typ = "group"
        out.append(_new(Mention, (a.start, end, kind, typ, ref, True, True, "")))
    return out


def _reading_order(spans: list[S]) -> list[S]:
    """``spans`` sorted by start, the longer first at the same start, ties kept in order:
    two stable sorts on one attribute each, which build no key tuples."""
    spans.sort(key=BY_END, reverse=True)
    spans.sort(key=BY_START)
    return spans


def pronouns(frame: Frame, taken: MentionIndex) -> list[Mention]:
    """Subject pronouns no layer has marked yet."""
    out = []
    starts, ends, texts, lowers = frame.starts, frame.ends, frame.texts, frame.lowers
    for i in frame.positions(PRONOUNS):
        # ``lower`` drops a final dot: "I." (an initial) is no pronoun
        if texts[i][-1] != "." and not taken.covers(starts[i], ends[i]):
            low = lowers[i]
            out.append(
                Mention(
                    starts[i], ends[i], "pronoun", SUBJECT_PRONOUNS[low], None, False, True, low
                )
            )
    return out


def bare_pronouns(
    text: str,
    lo: int,
    hi: int,
    taken: MentionIndex,
    words: Iterable[bytes] = PRONOUN_BYTES,
    letters: bytes | None = None,
) -> list[Mention]:
    """``pronouns`` of a paragraph with no quotation, found in its text without a frame.

    ``words``: the pronouns (lower case) to look for, ``letters``: its ``letter_runs``,
    when the caller knows them."""
    out = []
    block = text[lo:hi]  # sliced as ``Tokens.extend`` does: no look-behind before it
    if letters is None:
        letters = letter_runs(block)
    # each found checked for a token by one regex match (a regex search tries every character)
    for i in _whole_runs(letters, words):
        m = PRONOUN_TOKEN.match(block, i)
        if m is None:
            continue
        word = m[0]
        s, e = m.span()
        if word == "I" and block[e : e + 1] == ".":
            continue  # "I." is an initial (``Tokens`` joins the dot to it)
        if not taken.covers(lo + s, lo + e):
            low = word.lower()
            out.append(
                Mention(lo + s, lo + e, "pronoun", SUBJECT_PRONOUNS[low], None, False, True, low)
            )
    return out


def _whole_runs(letters: bytes, words: Iterable[bytes]) -> list[int]:
    """The offsets in a block, ascending, of ``words`` (lower case) standing as whole runs
    of ASCII letters, as pronouns and role nouns do, found in its ``letters`` (see
    ``frame.letter_runs``) by ``bytes.find``."""
    at: list[int] = []
    for w in words:
        run = b" " + w + b" "
        i = letters.find(run)
        while i >= 0:
            at.append(i)  # the offset in ``block`` (``letters`` has one space before)
            i = letters.find(run, i + len(w) + 1)
    at.sort()
    return at


def bare_descriptions(
    text: str,
    lo: int,
    hi: int,
    nouns: Iterable[bytes],
    taken: MentionIndex,
    letters: bytes | None = None,
) -> list[Mention]:
    """``descriptions`` of a paragraph with no quotation, whose role nouns (in lower case)
    are ``nouns``, from the few words around each one rather than the paragraph's tokens.
    ``letters``: its ``frame.letter_runs``, when the caller knows them.

    No token spans a space, so the tokens after a space are those of the paragraph:
    ``descriptions`` reads a role noun's next token and MAX_MODIFIERS + 1 before it,
    and each run of non-spaces holds at least one token."""
    out: list[Mention] = []
    if letters is None:
        letters = letter_runs(text[lo:hi])
    for p in map(lo.__add__, _whole_runs(letters, nouns)):
        if not text[p].islower():  # a capitalised one must open its sentence: no tokens needed
            j = p
            while j > lo and text[j - 1].isspace():
                j -= 1
            if j > lo and text[j - 1] not in SENTENCE_OPENERS:
                continue  # the token before ends with ``text[j - 1]``
        end = NEXT_CHUNK.match(text, p, hi).end()  # type: ignore[union-attr]
        reach = 8 * (MAX_MODIFIERS + 1)
        while True:  # back over MAX_MODIFIERS + 1 runs of non-spaces, or to ``lo``
            start = max(lo, p - reach)
            runs = text[start:p].rsplit(None, MAX_MODIFIERS + 1)
            if start == lo:
                break
            if len(runs) > MAX_MODIFIERS + 1:
                start += len(runs[0])  # at the space after the first run, which may be cut
                break
            reach *= 4
        tokens = tokenize(text, start, end)
        i = bisect.bisect_left(tokens.starts, p)
        if i < len(tokens) and tokens.starts[i] == p and tokens.lowers[i] in ROLE_NOUNS:
            out += descriptions(text, tokens, taken, [i])
    return out


def descriptions(
    text: str, tokens: Tokens, taken: MentionIndex, heads: Sequence[int] | None = None
) -> list[Mention]:
    """Noun phrases headed by a role noun: "a former Kremlin insider", "the source", "aides".

    ``heads``: the indices of the role nouns in ``tokens`` when the caller knows them."""
    out = []
    starts, ends, texts = tokens.starts, tokens.ends, tokens.texts
    n = len(starts)
    # no role noun ends in a dot, so ``lowers`` sorts them out
    for i in positions(tokens.lowers, ROLE_NOUNS) if heads is None else heads:
        word = texts[i]
        head = word.lower()
        if head not in ROLE_NOUNS or (not word[:1].islower() and not _sentence_initial(texts, i)):
            continue
        nxt = texts[i + 1] if i + 1 < n else None
        if nxt is not None and (nxt[:1].isupper() or nxt in "-’'"):
            continue  # a title before a name ("press secretary Josh Earnest") or "source’s"
        if taken.covers(starts[i], ends[i]) and not _only_inner(taken, starts[i], ends[i]):
            continue
        det = None
        for j in range(i - 1, max(i - 2 - MAX_MODIFIERS, -1), -1):
            w = texts[j].lower()
            if w in DETERMINERS:
                det = j
                break
            if w in STOP or not texts[j][:1].isalnum():
                break
        if det is None and not head.endswith("s"):
            continue
        start = starts[det] if det is not None else starts[i]
        definite = det is None or texts[det].lower() not in INDEFINITE
        typ = "group" if head in GROUP_NOUNS or head.endswith("s") else "person"
        if det is not None and texts[det].lower() in ("his", "her", "their", "its"):
            continue  # "his aides": a relation to someone, left to the actors layer
        out.append(Mention(start, ends[i], "description", typ, definite=definite, head=head))
    return out


def _sentence_initial(texts: Sequence[str], i: int) -> bool:
    return i == 0 or texts[i - 1] in SENTENCE_OPENERS


def _only_inner(taken: MentionIndex, start: int, end: int) -> bool:
    """True when the actor mention covering the head noun is the head itself, not a longer name."""
    return all(m.start >= start and m.end <= end for m in taken.covering(start, end))


class MentionIndex:
    """Mentions sorted by start, for 'what is before/after/covering this offset' lookups."""

    def __init__(self, mentions: Iterable[Mention], ordered: bool = False) -> None:
        """``ordered``: the mentions come in reading order already (``actor_mentions``)."""
        self.items = list(mentions) if ordered else _reading_order(list(mentions))
        self.starts: list[int] = list(map(BY_START, self.items))
        self.ends: list[int] = list(map(BY_END, self.items))
        # True when the ends ascend with the starts (the actors' outermost mentions): then
        # the mentions covering a span are found by bisection, not by scanning a window
        self.flat = self.ends == sorted(self.ends)

    def add(self, mentions: Iterable[Mention]) -> None:
        self.__init__([*self.items, *mentions])  # type: ignore[misc]

    def covering(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_right(self.starts, start)
        lo = max(0, i - COVER_WINDOW)
        if self.flat:  # the ends ascend too: those reaching ``end`` close the window
            return self.items[bisect.bisect_left(self.ends, end, lo, i) : i]
        return [m for m in self.items[lo:i] if m.end >= end]

    def covers(self, start: int, end: int) -> bool:
        """Is ``covering(start, end)`` not empty?"""
        i = bisect.bisect_right(self.starts, start)
        if i == 0:
            return False
        if self.flat:  # the ends ascend too: the last one is the furthest
            return self.ends[i - 1] >= end
        return max(self.ends[max(0, i - COVER_WINDOW) : i]) >= end

    def between(self, start: int, end: int) -> list[Mention]:
        """Mentions lying inside [start, end), outermost only."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        out: list[Mention] = []
        for m in self.items[lo:hi]:
            if m.end > end:
                continue
            if out and m.end <= out[-1].end:
                continue
            out.append(m)
        return out

    def before(self, offset: int, window: int = LOOKBACK) -> list[Mention]:
        """Mentions ending at or before ``offset`` and starting at most ``window``
        characters before it, nearest last."""
        lo = bisect.bisect_left(self.starts, offset - window)
        hi = bisect.bisect_left(self.starts, offset)
        return [m for m in self.items[lo:hi] if m.end <= offset]

    def nearest_first(self, offset: int, window: int = LOOKBACK) -> Iterator[Mention]:
        """``before(offset, window)`` nearest first, one at a time: a search for an
        antecedent stops at the first good one, usually a few mentions back."""
        lo = bisect.bisect_left(self.starts, offset - window)
        items = self.items
        for k in range(bisect.bisect_left(self.starts, offset) - 1, lo - 1, -1):
            if items[k].end <= offset:
                yield items[k]
