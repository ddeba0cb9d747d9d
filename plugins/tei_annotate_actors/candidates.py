"""Candidate name spans: runs of capitalised words, trimmed of what is not a name.

English marks proper names with capitals, but also the first word of a sentence
and every word of some headings.  A run of capitalised words (with the few
lower-case connectors names contain: "of the", "de", "al-") is a candidate; a
sentence-initial word without other evidence is dropped from it; leading titles
("President", "Foreign Minister", "Gen.") are kept apart as the name's role.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from attrs import define, field

from . import gazetteer
from .lexicon import (
    ABBREVIATED_TITLES,
    FUNCTION_WORDS,
    GEO_HEADS,
    GEO_NOUNS,
    GEO_OPENERS,
    HONORIFICS,
    MONTHS_AND_DAYS,
    NAME_CONNECTORS,
    NON_ACTOR_HEADS,
    NON_ACTOR_OPENERS,
    ORG_HEADS,
    ORG_OPENERS,
    PARTY_LABELS,
    SHIP_PREFIXES,
    SURNAME_PARTICLES,
    TITLE_MODIFIERS,
    TITLE_NOUNS,
)
from .memo import by_word, learn
from .tokens import Token, TokenBlock, token, window

__all__ = [
    "Candidate",
    "all_capitals",
    "extend_to_title",
    "find_candidates",
    "is_office",
    "key",
    "shape",
    "title_cased",
    "trim",
    "word_key",
]

ROMAN = re.compile(r"[IVX]+\Z")
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)\Z")
ACRONYM = re.compile(r"(?:[A-Z]\.){2,}\Z|[A-Z][A-Z0-9&]*[A-Z0-9](?:-[A-Z0-9]+)*\Z")
# Endings of adjectives, participles and adverbs that open sentences before names.
NON_NAME_ENDINGS = (
    "ed",
    "ing",
    "ly",
    "ous",
    "ful",
    "ive",
    "less",
    "able",
    "ible",
    "ent",
    "ant",
    "ish",
    "al",
    "ic",
    "ary",
    "ory",
    "est",
    "er",
)
# Plural titles, a role only before names: "Senators Charles E. Grassley and Patrick Leahy".
PLURAL_TITLES = frozenset({"senators", "presidents", "ministers", "generals", "representatives"})
# Titles that also begin place names ("St. Petersburg", "Prince Edward Island").
SAINTLY_TITLES = frozenset({"saint", "st", "san", "santa", "king", "queen", "prince", "princess"})
# Words of a title's complement before the name: "Secretary of State", "of Foreign Affairs".
COMPLEMENT_WORDS = frozenset({"state", "affairs", "the", "and", "staff"})
# Joining "of"/"for": the word before it must be a head that takes such a complement.
OF_JOINERS = ORG_HEADS | ORG_OPENERS | GEO_HEADS | GEO_NOUNS | TITLE_NOUNS | {"affairs", "people"}


def word_key(word: str) -> str:
    """A word as looked up in the word classes: lower case, no final dot.  Unremembered,
    for the tests that are themselves remembered, as :func:`looks_acronym`."""
    return word.lower().rstrip(".")


key = by_word(word_key)  # the same, remembered by word


# What the second character of an ACRONYM is, in either form: most capitalised words
# have a small letter there and are turned away without the pattern.
ACRONYM_SECOND = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789&.")


def looks_acronym(word: str) -> bool:
    """Written as an acronym ("NATO", "U.S.", "G7")?  Unremembered, for the tests that are
    themselves remembered (:func:`.evidence._name_facts`): their words are seldom asked
    again, and a miss of :func:`is_acronym` costs several times this test."""
    return (
        word[1:2] in ACRONYM_SECOND
        and len(word.replace(".", "")) >= 2
        and ACRONYM.match(word) is not None
    )


is_acronym = by_word(looks_acronym)  # the same, remembered by word


@by_word
def is_function_word(word: str) -> bool:
    """A closed-class word ("The", "However", "I’m"); all-capital "US" or "IT" is not one."""
    if len(word) > 1 and word.isupper():
        return False
    # the word's key: most words asked are then looked up by it (trim), so learnt too
    k = word_key(word)
    learn(key, word, k)
    if "’" in k or "'" in k:  # contractions: "I’m", "It’s", "Don't"
        k = k.replace("’", "'").split("'")[0]
        return k in FUNCTION_WORDS or k in ("don", "won", "can", "isn", "aren", "didn", "doesn")
    return k in FUNCTION_WORDS


def is_capitalised(tok: Token) -> bool:
    """Capitalised like a name (see :class:`.tokens.Token`)."""
    return tok.capitalised


@define(init=False)
class Candidate:
    """A name found in the text, with its role words and its context.

    The offsets and words every later stage reads are computed once, when the
    candidate is made (tens of thousands of candidates: one plain call each).
    """

    role: list[Token]
    prev: list[str]  # up to three token texts before the span
    next: list[str]  # up to three token texts after the span
    kind: str | None  # "person" | "org" | "place"
    strength: int
    ref: str | None
    hint: str | None  # a type proposed by a statistical backend
    start: int  # of the title if there is one, else of the name
    end: int
    name_start: int
    words: list[str] = field(repr=False)  # the texts of the name's word tokens

    def __init__(
        self,
        name_start: int,
        end: int,
        words: list[str],
        role: list[Token] | None = None,
        prev: list[str] | None = None,
        next: list[str] | None = None,
    ) -> None:
        self.role = role = [] if role is None else role
        self.prev = [] if prev is None else prev
        self.next = [] if next is None else next
        self.kind = None
        self.strength = 0
        self.ref = None
        self.hint = None
        self.name_start = name_start
        self.start = role[0].start if role else name_start
        self.end = end
        self.words = words

    @classmethod
    def of(
        cls, tokens: list[Token], role: list[Token], prev: list[str], next: list[str]
    ) -> Candidate:
        """The candidate naming ``tokens``."""
        words = [t.text for t in tokens if t.is_word]
        return cls(tokens[0].start, tokens[-1].end, words, role, prev, next)

    def text(self, source: str) -> str:
        return source[self.name_start : self.end]


def all_capitals(texts: Sequence[str]) -> bool:
    """Is a block (its token texts) written in capitals ("ABSTRACT", "GARLAND STEPS ASIDE")?"""
    words = 0
    first = ""
    for text in texts:
        if text.isalpha():
            if not text.isupper():
                return False  # most blocks are prose: the first word settles it
            words += 1
            first = first or text
    return words > 1 or len(first) > 4


def title_cased(texts: Sequence[str]) -> bool:
    """Is a block (its token texts) in title case ("Wealthy Voters Abandon Republican Party")?

    Title case capitalises every content word, so a single lower-case word that is
    not a short function word ("frigate", "joined") shows the block is a sentence.
    """
    if all_capitals(texts):
        return True
    words = 0
    for t in texts:
        if t.isalpha():
            if t.islower() and len(t) > 3 and t not in FUNCTION_WORDS:
                return False  # most titles are sentences: one such word settles it
            words += 1
    return words >= 3


def _runs(block: TokenBlock) -> list[tuple[int, int]]:
    """Token ranges of capitalised words joined by name connectors.

    In a title-case heading every word is capitalised, so a capitalised function
    word ends a run there and only "of" joins ("Bank of England").
    """
    texts, is_word, capitalised, heading = (
        block.texts,
        block.is_word,
        block.capitalised,
        block.heading,
    )
    runs: list[tuple[int, int]] = []
    n, i = len(texts), 0
    for at in _openers(texts, block.capitals):
        if at < i:
            continue  # inside the last run
        i = at
        text = texts[i]
        nxt_cap = i + 1 < n and capitalised[i + 1]
        starts = is_word[i] and (
            capitalised[i]
            or (nxt_cap and ORDINAL.match(text) is not None)
            # a surname particle may open a name: "de Mistura"
            or (text in SURNAME_PARTICLES and nxt_cap and not (i and is_word[i - 1]))
        )
        if not starts:
            continue
        j, seen_of = i + 1, False
        while j < n:
            t = texts[j]
            # a run goes on over capitalised words and ordinals before them ("3rd Infantry");
            # most words end it, so a digit is looked for before the pattern (\d: isdecimal)
            if is_word[j] and (
                capitalised[j]
                or (t[0].isdecimal() and ORDINAL.match(t) and j + 1 < n and capitalised[j + 1])
            ):
                if heading and is_function_word(t):
                    break
                j += 1
                continue
            if heading and t != "of":
                break
            if t in NAME_CONNECTORS and j + 1 < n:
                k = j + 1
                if t in ("of", "for", "and") and texts[k] == "the" and k + 1 < n:
                    k += 1
                if not (is_word[k] and capitalised[k]):
                    break
                before = key(texts[j - 1])
                if t == "on" and before in ORG_HEADS and key(texts[k]) not in MONTHS_AND_DAYS:
                    j = k  # "Commission on Presidential Debates"
                    continue
                if t in ("of", "for") and before in OF_JOINERS:
                    seen_of = True
                    j = k
                    continue
                if t == "and" and seen_of and not _whole_name_follows(texts, capitalised, k):
                    j = k
                    continue
                if t in SURNAME_PARTICLES and t != "and":
                    j = k
                    continue
                break
            break
        runs.append((i, j))
        i = j
    return runs


def _openers(texts: Sequence[str], caps: Sequence[int]) -> list[int]:
    """Where a run may start: a capitalised word, or a number or a particle right before one
    ("3rd Infantry", "de Mistura"); most words are lower case and never looked at."""
    out: list[int] = []
    for k in caps:
        if k and (not out or out[-1] < k - 1):
            before = texts[k - 1]
            if before in SURNAME_PARTICLES or before[0].isdecimal():
                out.append(k - 1)
        out.append(k)
    return out


def _whole_name_follows(texts: Sequence[str], capitalised: Sequence[bool], k: int) -> bool:
    """Is the name from ``k`` complete by itself ("... and the Red Sea", "... and ISIL")?"""
    m = k
    while m < len(texts) and capitalised[m]:
        m += 1
    last = texts[m - 1]
    return (m - k == 1 and is_acronym(last)) or key(last) in ORG_HEADS or key(last) in GEO_HEADS


@by_word
def is_office(word: str) -> bool:
    """A title noun that names an office ("Secretary", "Prime Minister"), not "Mr."."""
    k = key(word)
    return k in TITLE_NOUNS and k not in HONORIFICS


def _title_word(word: str) -> bool:
    """A title or honorific ("Minister", "Mr.", "Republican").  Unremembered, for the runs
    :func:`_plan` judges once: most are a new name, whose words no other test asks, and a
    miss of :func:`_is_title` costs several times this test."""
    k = word_key(word)  # without learning the word in key's table
    return (
        k in TITLE_NOUNS
        or k in HONORIFICS
        or k in PARTY_LABELS
        or word == "HE"
        or (word.endswith(".") and k in ABBREVIATED_TITLES)
    )


_is_title = by_word(_title_word)  # the same, remembered by word


def _evidence(w: str, run_len: int, known: Callable[[str], bool], heading: bool = False) -> bool:
    """Is there a reason to read a sentence-initial word ``w`` as (part of) a name?"""
    never, shouted, shouted_place, marked, alone, in_heading, in_text = _word_evidence(w)
    if never:
        return False
    if heading and shouted is not None:  # in capitals: "GARLAND" if "Garland" is known
        return known(shouted) or shouted_place
    if marked or known(w):
        return True
    if run_len == 1:
        return alone
    return in_heading if heading else in_text


@by_word
def _word_evidence(w: str) -> tuple[bool, str | None, bool, bool, bool, bool, bool]:
    """What ``w`` alone says for :func:`_evidence`, judged once per word: (never a name,
    the word title-cased if a heading shouts it, that a place, marked as a name, evidence
    in a run of one word, in a longer run of a heading, in a longer run elsewhere); a word
    that is never a name has nothing else, as nothing else of it is read."""
    k = key(w)
    never = is_function_word(w) or k in MONTHS_AND_DAYS
    if never:  # nothing else is read of the word
        return True, None, False, False, False, False, False
    shouted = w.title() if w.isupper() and len(w) > 4 else None
    shouted_place = shouted is not None and gazetteer.find_place_kind(shouted) is not None
    # "G8", "Q-West", "McDonald": capitals inside a word mark a name
    rest = w[1:]  # most are small letters: the string tests settle it without a loop
    marked = looks_acronym(w) or (
        not (rest.isalpha() and rest.islower()) and any(c.isdigit() or c.isupper() for c in rest)
    )
    if _title_word(w) or k in TITLE_MODIFIERS or gazetteer.looks_demonym(w):
        return never, shouted, shouted_place, marked, False, True, True  # "French Navy"
    if k in ORG_OPENERS or k in GEO_OPENERS or k in ORG_HEADS or k in GEO_HEADS:
        return never, shouted, shouted_place, marked, False, True, True
    if (
        gazetteer.find_place_kind(w) in ("country", "region")
        or gazetteer.city_population(w) >= 100_000
    ):
        return never, shouted, shouted_place, marked, True, True, True
    given = gazetteer.looks_given_name(w)
    # before another capitalised word a sentence opens with a name ("Merrick Garland was")
    # unless the word looks like an adjective, a participle or an adverb ("Confident Putin")
    return (
        never,
        shouted,
        shouted_place,
        marked,
        False,
        given,
        given or not k.endswith(NON_NAME_ENDINGS),
    )


def find_candidates(block: TokenBlock, known: Callable[[str], bool]) -> list[Candidate]:
    """Candidate names of one block.

    ``known(word)`` says whether the document uses ``word`` capitalised inside a
    sentence, which makes it a name wherever it stands.  In a heading every
    word is treated as sentence-initial.
    """
    out: list[Candidate] = []
    heading = block.heading
    for i, j in _runs(block):
        if heading:  # every word is capitalised: keep the stretches with evidence
            for a, b in _evident_stretches(block.texts, i, j, known):
                a, b = trim(block, a, b, known)
                if a < b:
                    out += shape(block, a, b)
        else:
            i, j = trim(block, i, j, known)
            if i < j:  # a third of the runs are one word capitalised by its position
                out += shape(block, i, j)
    return out


def _evident_stretches(
    texts: Sequence[str], i: int, j: int, known: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """Maximal stretches of ``texts[i:j]`` whose every word has evidence of a name."""
    out, start = [], None
    for k in range(i, j + 1):
        ok = k < j and (texts[k] == "of" or _evidence(texts[k], j - i, known, True))
        if ok and start is None:
            start = k
        elif not ok and start is not None:
            out.append((start, k))
            start = None
    return out


def trim(block: TokenBlock, i: int, j: int, known: Callable[[str], bool]) -> tuple[int, int]:
    """The run ``i:j`` of the block's tokens without words capitalised only by their position."""
    texts, heading = block.texts, block.heading
    initial, is_word = block.initial, block.is_word
    while i < j and (
        is_function_word(texts[i])
        or key(texts[i]) in MONTHS_AND_DAYS
        or ((initial[i] or heading) and not _evidence(texts[i], j - i, known, heading))
    ):
        i += 1
    # in headings, trailing words need evidence too
    while heading and i < j and not _evidence(texts[j - 1], j - i, known, heading):
        j -= 1
    while i < j and (not is_word[j - 1] or texts[j - 1] in NAME_CONNECTORS):
        j -= 1
    return i, j


def shape(block: TokenBlock, i: int, j: int) -> list[Candidate]:
    """Candidates from the trimmed run ``i:j`` of the block's tokens: titles apart,
    compounds split."""
    if i >= j:
        return []
    texts = block.texts
    words = texts[i] if j - i == 1 else " ".join(texts[i:j])
    if "-" in words:  # a hyphen may cut a word or split a compound: the general way
        return _shape(block, i, j)
    plan = _plan(words)
    if plan is None:
        return []
    a, b, c, d = plan
    return [
        Candidate(
            block.starts[i + c],
            block.end(i + d - 1),
            # a run's tokens are all words (capitalised words and connectors)
            [words] if j - i == 1 else words.split(" ")[c:d],
            window(block, i + a, i + b) if a < b else [],  # most names have no title
            texts[i - 3 if i > 3 else 0 : i],
            texts[j : j + 3],
        )
    ]


@by_word
def _plan(words: str) -> tuple[int, int, int, int] | None:
    """(role start, role end, name start, name end), as word indices, of a run of ``words``
    (space-separated, no hyphen), or None if it makes no candidate.

    The rules of :func:`_shape` read only the words of a run, and without a hyphen they
    make at most one candidate from a slice of them, so a run's words are judged once
    (most runs are a single name: "Trump", "the United States").
    """
    return _cut_words(words.split(" "))


def _shape(block: TokenBlock, i: int, j: int) -> list[Candidate]:
    cut = _cut(window(block, i, j))
    if cut is None:
        return []
    role, name = cut
    prev, next = block.texts[max(0, i - 3) : i], block.texts[j : j + 3]
    return [
        Candidate.of(part, role if part[0] is name[0] else [], prev, next)
        for part in _split_compound(name)
    ]


def _cut(span: list[Token]) -> tuple[list[Token], list[Token]] | None:
    """(role, name) of a run, or None if it names no actor."""
    if span and "-" in span[-1].text and span[-1].text[0].isupper():
        span[-1:] = _capitalised_prefix(span[-1])  # "ISIL-held", "Minister-designate"
    while len(span) > 1 and "-" in span[0].text and _hyphen_adjective(span[0]):
        span.pop(0)  # "Arabic-speaking Iraq": the adjective is not part of the name
    if not span:
        return None
    cut = _cut_words([tok.text for tok in span])
    if cut is None:
        return None
    a, b, c, d = cut
    return span[a:b], span[c:d]


def _cut_words(texts: list[str]) -> tuple[int, int, int, int] | None:
    """(role start, role end, name start, name end) as indices of a run's words, whose
    hyphens :func:`_cut` has dealt with, or None if it names no actor; (0, 0) for no role.

    The rules read the words alone, so a run of plain words (:func:`_plan`) is cut
    without making tokens of them."""
    first = texts[0]
    n = len(texts)
    if n > 1 and (first in SHIP_PREFIXES or key(first) in NON_ACTOR_OPENERS):
        return None  # "USS Hopper", "Operation Inherent Resolve": not actors
    last = -2 if n > 1 and ROMAN.match(texts[-1]) else -1
    if key(texts[last]) in NON_ACTOR_HEADS:
        return None  # "Criminal Code", "Book of Revelation", "World War II": texts, laws, events
    # a demonym before an acronym is not part of it: "Kurdish YPG"
    skip = n == 2 and gazetteer.looks_demonym(first) and is_acronym(texts[1])
    a, b, c, d = _split_role(texts[1:] if skip else texts)
    if c == d or MONTHS_AND_DAYS.issuperset(map(key, texts[c + skip : d + skip])):
        return None
    if d - c == 1 and is_function_word(texts[c + skip]):
        return None
    if not skip:
        return a, b, c, d
    return (a + 1, b + 1, c + 1, d + 1) if a < b else (0, 0, c + 1, d + 1)


def _hyphen_adjective(tok: Token) -> bool:
    """ "Arabic-speaking", "U.S.-led": a capitalised word made an adjective by a suffix."""
    parts = tok.text.split("-")
    return len(parts) > 1 and parts[0][:1].isupper() and parts[-1].islower()


def _capitalised_prefix(tok: Token) -> list[Token]:
    """The capitalised parts of a hyphenated word before a lower-case part, as one token."""
    parts = tok.text.split("-")
    keep = 0
    for p in parts:
        if not p[:1].isupper() and not p[:1].isdigit():
            break
        keep += 1
    if keep == len(parts):
        return [tok]
    if keep == 0:
        return []
    text = "-".join(parts[:keep])
    return [token(tok.start, tok.start + len(text), text, tok.initial)]


def extend_to_title(texts: Sequence[str], i: int) -> int:
    """Index where a name starting at token ``i`` starts with the titles before it ("Gen. X")."""
    while (
        i > 0
        and texts[i - 1][:1].isupper()
        and (_is_title(texts[i - 1]) or key(texts[i - 1]) in TITLE_MODIFIERS)
    ):
        i -= 1
    return i


def _split_compound(name: list[Token]) -> list[list[Token]]:
    """ "US-Ukraine talks": a hyphenated pair of places is two names."""
    if len(name) != 1 or "-" not in name[0].text:
        return [name]
    tok, parts, pos = name[0], [], name[0].start
    for piece in tok.text.split("-"):
        parts.append(token(pos, pos + len(piece), piece, False))
        pos += len(piece) + 1
    if all(
        p.text[:1].isupper()
        and (gazetteer.place_kind(p.text) == "country" or gazetteer.country_initials(p.text))
        for p in parts
    ):
        return [[p] for p in parts]
    return [name]


@by_word
def _role_prefix_word(word: str) -> bool:
    """May ``word`` stand before a title as part of it ("US", "Iraqi", "Army", "Foreign")?"""
    k = key(word)
    return (
        k in TITLE_MODIFIERS
        or k in ORG_HEADS
        or gazetteer.looks_demonym(word)
        or gazetteer.place_kind(word) == "country"
        or (is_acronym(word) and gazetteer.country_initials(word) is not None)
    )


def _split_role(texts: list[str]) -> tuple[int, int, int, int]:
    """(title start, title end, name start, name end), as indices of a run's words:
    "General Valery Gerasimov" -> General | Valery Gerasimov; (0, 0) for no title.

    The title may start with words that qualify it ("U.S. Army General Joseph
    Votel", "Turkish Foreign Minister Mevlüt Çavuşoğlu") and take a complement
    ("Secretary of State John Kerry").
    """
    t, size = None, len(texts)
    final = size - 1
    for n, w in enumerate(texts):
        if _title_word(w) or (n < final and key(w) in PLURAL_TITLES):
            t = n
            break
    if t is None or not all(map(_role_prefix_word, texts[:t])):
        return 0, 0, 0, _strip_trailing_title(texts)
    k = t
    while k < size and (
        _title_word(texts[k])
        or key(texts[k]) in PLURAL_TITLES
        or (key(texts[k]) in TITLE_MODIFIERS and k + 1 < size)
        or texts[k] == "-"
    ):
        k += 1
    if k < size and texts[k] in ("of", "for"):
        k += 1
        while k < size and (
            key(texts[k]) in TITLE_MODIFIERS
            or key(texts[k]) in COMPLEMENT_WORDS
            or gazetteer.place_kind(texts[k]) == "country"
        ):
            k += 1
    if k == size and k - t >= 2 and key(texts[k - 2]) in HONORIFICS:
        return 0, k - 1, k - 1, size  # "Mr. King": after an honorific, a name
    if k == size:
        return 0, size, size, size
    last = key(texts[-1])
    if (
        last in ORG_HEADS
        or last in GEO_HEADS
        or _place_named_for_title(texts[t], texts[k:])
        or texts[k] in NAME_CONNECTORS
    ):
        # "General Staff": the title is in the name
        return (0, 0, 0, size) if t == 0 else (0, 0, k, size)
    return 0, k, k, size


def _place_named_for_title(title: str, rest: list[str]) -> bool:
    """ "St. Petersburg", "Prince Edward Island": a title that is part of a place name.

    Only saints and royals name places this way; "President Clinton" stays a person
    even though towns are called Clinton.
    """
    name = " ".join(rest)
    if gazetteer.place_kind(name) in ("country", "region"):
        return True
    return key(title) in SAINTLY_TITLES and gazetteer.place_kind(name) is not None


def _strip_trailing_title(texts: list[str]) -> int:
    """How many of a run's words are the name: "Inherent Resolve Commander" -> 2, a title
    after a name is a role, not part of it."""
    n = len(texts)
    if n < 2 or not _title_word(texts[-1]) or key(texts[-1]) in ORG_HEADS:
        return n
    if n == 2 and gazetteer.looks_given_name(texts[0]):
        return n  # "Charlie King": a surname that is also a title
    while n and (_title_word(texts[n - 1]) or key(texts[n - 1]) in TITLE_MODIFIERS):
        n -= 1
    return n
