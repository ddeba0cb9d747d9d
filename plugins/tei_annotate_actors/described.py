"""Actors described rather than named: "a French diplomat", "the Russian leader".

A description is a noun phrase headed by a person role noun: a determiner or a
possessor ("the", "a", "his", "Trump’s"), a few modifiers (adjectives,
demonyms, names: "a former Kremlin insider") and the role noun, with a
complement that names something ("envoy to Ukraine", "chief of the General
Staff").  It points at a named actor when it stands in apposition to the name
("Kaja Kallas, the European Commission’s foreign policy chief"); a definite
one otherwise refers back to the last person named; an indefinite one is an
anonymous actor of its own, so that quotes can point at it.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from itertools import compress, count
from operator import attrgetter

from attrs import define

from . import gazetteer
from .candidates import Candidate, is_office, key, word_key
from .lexicon import FUNCTION_WORDS, PERSON_ROLE_NOUNS, TITLE_MODIFIERS, words
from .memo import by_word, learn
from .registry import Registry
from .tokens import TokenBlock

__all__ = ["Description", "describe"]

DEFINITE = words("the his her their its our my your")
INDEFINITE = words("a an")
OPENERS = DEFINITE | INDEFINITE
# every capitalisation of the openers ("the", "The", "THE"): a set test without lower() per word
OPENER_SPELLINGS = frozenset(
    "".join(v) for w in OPENERS for v in itertools.product(*((c, c.upper()) for c in w))
)
THE_SPELLINGS = frozenset(w for w in OPENER_SPELLINGS if w.lower() == "the")  # see _office
COPULAS = words("is are was were be been being become became of as")  # "as" lower-case only
POSSESSIVE = frozenset(("’s", "'s"))
PLURALS = frozenset(w for w in PERSON_ROLE_NOUNS if w.endswith("s") and w[:-1] in PERSON_ROLE_NOUNS)
# Every word :func:`_role_word` accepts, as written (it accepts lower-case words only).
ROLE_SPELLINGS = PERSON_ROLE_NOUNS - PLURALS
MAX_MODIFIERS = 5
# How far back (in characters) a definite description looks for the person it means.
ANTECEDENT_WINDOW = 1500


@define
class Description:
    start: int
    end: int
    kind: str
    ref: str
    head: int  # token index of the role noun, within its block


def _is_role_word(word: str, k: str) -> bool:
    """Is ``word`` (``k`` its key, as :func:`.candidates.key` has it) a singular role noun,
    written in lower case?"""
    return word.islower() and k in PERSON_ROLE_NOUNS and k not in PLURALS


@by_word
def _role_word(word: str) -> bool:
    # unremembered: a new word is seldom looked up by its key (a miss there)
    return _is_role_word(word, word_key(word))


def _phrase(
    block: TokenBlock, i: int, names_at: dict[int, Candidate]
) -> tuple[int, int, list[Candidate]] | None:
    """(first token, last token, names inside) of a description opening at token i."""
    texts, starts = block.texts, block.starts
    n, j, inside = len(texts), i, []
    if key(texts[i]) in OPENERS:
        j = i + 1
    elif starts[i] in names_at and _possessed(block, i, names_at[starts[i]]):
        pass
    else:
        return None
    modifiers = 0
    name_at = names_at.get
    while j < n and modifiers <= MAX_MODIFIERS:
        c = name_at(starts[j])
        if c is not None:
            inside.append(c)
            while j < n and starts[j] < c.end:
                j += 1
            if j < n and texts[j] in POSSESSIVE:
                j += 1
            modifiers += 1
            continue
        part = _part(texts[j])
        if part is ROLE:
            end = j
            while end + 1 < n and _role_word(texts[end + 1]):
                end += 1
            end = _complement(block, end, names_at, inside)
            return i, end, inside
        if part is not MODIFIER:
            return None
        modifiers += 1
        j += 1
    return None


ROLE, MODIFIER, OTHER = "role", "modifier", "other"


@by_word
def _part(word: str) -> str:
    """What ``word`` can be in a description: its role noun, a modifier, or neither."""
    k = word_key(word)  # unremembered: a new word is seldom looked up by its key
    role = _is_role_word(word, k)
    # the words of a description found are asked again (_note_role): learnt now, not missed
    learn(_role_word, word, role)
    if role:
        return ROLE
    if not word[0].isalnum() or k in FUNCTION_WORDS:
        return OTHER  # a mark or a closed-class word ends the phrase
    if word.islower() or gazetteer.looks_demonym(word):
        return MODIFIER
    return OTHER


def _possessed(block: TokenBlock, i: int, c: Candidate) -> bool:
    """Is the name starting at token ``i`` followed by a possessive ending ("Trump’s")?"""
    starts = block.starts
    k = i
    while k < len(starts) and starts[k] < c.end:
        k += 1
    return k < len(starts) and block.texts[k] in POSSESSIVE


def _complement(
    block: TokenBlock, end: int, names_at: dict[int, Candidate], inside: list[Candidate]
) -> int:
    """Extend the head over "to Ukraine", "of the General Staff" when a name follows."""
    texts, starts = block.texts, block.starts
    k = end + 1
    if k < len(texts) and texts[k] in ("to", "of", "for", "at"):
        k += 1
        if k < len(texts) and texts[k] == "the":
            k += 1
        if k < len(texts) and starts[k] in names_at:
            c = names_at[starts[k]]
            inside.append(c)
            while k + 1 < len(texts) and starts[k + 1] < c.end:
                k += 1
            return k
    return end


def describe(
    source: str,
    blocks: Sequence[TokenBlock],
    names: Sequence[Candidate],
    registry: Registry,
) -> list[Description]:
    """Person descriptions of the document, each pointing at an entry of ``registry``."""
    starts_at = {c.start: c for c in names}
    ends_at = {c.end: c for c in names}
    persons = sorted([c for c in names if c.kind == "person"], key=_END)
    person_ends = list(map(_END, persons))
    offices: dict[str, str] = {}  # "prime minister" -> the entry "the Prime Minister" means
    out: list[Description] = []
    name_starts = sorted(starts_at)
    for block in blocks:
        if not block.prose or not block.texts:
            continue  # section heads ("The diplomat") label the text, they describe no one
        texts, starts, n = block.texts, block.starts, len(block.texts)
        # a description has its role noun after its first word: after the block's last role
        # noun only an office ("the Prime Minister") may open, and that needs no role noun
        last_role = _last_role(texts)
        i = 0
        for at in _openings(block, name_starts, last_role):
            if at < i:
                continue  # inside the last description
            i = at
            found = None
            if not (i and texts[i - 1] in COPULAS):
                found = _phrase(block, i, starts_at) if i < last_role else None
                # an office opens with a capitalised word: most "the" are turned away here
                if (
                    found is None
                    and texts[i] in THE_SPELLINGS
                    and i + 1 < n
                    and block.capitalised[i + 1]
                ):
                    found = _office(block, i)
            if found is None:
                continue
            first, last, inside = found
            s, e = starts[first], block.end(last)
            ref = _apposition(source, s, e, starts_at, ends_at)
            if ref is None and not inside and texts[last][0].isupper():
                ref = _office_holder(
                    registry, offices, persons, person_ends, source[starts[first + 1] : e], s
                )
            definite = key(texts[first]) not in INDEFINITE
            if ref is None and definite and key(texts[first]) in DEFINITE:
                ref = _antecedent(persons, person_ends, s)
            label = source[s:e]
            if ref is None:
                ref = registry.anonymous("person", label)
            _note_role(registry, ref, source, block, first, last, inside)
            out.append(Description(s, e, "person", ref, last))
            i = last + 1
    return out


_END = attrgetter("end")


def _last_role(texts: list[str]) -> int:
    """Index of the last role noun :func:`_role_word` accepts in ``texts``, -1 if none is."""
    if ROLE_SPELLINGS.isdisjoint(texts):  # many paragraphs have none
        return -1
    backwards = map(ROLE_SPELLINGS.__contains__, reversed(texts))
    return next(compress(count(len(texts) - 1, -1), backwards))


def _openings(block: TokenBlock, name_starts: Sequence[int], last_role: int) -> list[int]:
    """Token indices where a description may open: a determiner, or a name (a possessor)
    before the block's last role noun (at ``last_role``, -1 if it has none); after it, a
    "the" before a capitalised word (an office), the only description that needs no role
    noun (most determiners are after the last role noun: they are never looked at)."""
    texts = block.texts
    out = list(compress(count(), map(OPENER_SPELLINGS.__contains__, texts[: max(last_role, 0)])))
    for k in block.capitals:  # in order, so the indices stay sorted
        if k > last_role and k and texts[k - 1] in THE_SPELLINGS:
            out.append(k - 1)
    if last_role <= 0:
        return out
    at = block.starts
    lo = bisect.bisect_left(name_starts, at[0])
    hi = bisect.bisect_left(name_starts, at[last_role], lo)
    if lo == hi:
        return out
    for s in name_starts[lo:hi]:
        k = bisect.bisect_left(at, s)
        if at[k] == s:  # not the second part of "US-Ukraine"
            out.append(k)
    return sorted(set(out))


def _office(block: TokenBlock, i: int) -> tuple[int, int, list[Candidate]] | None:
    """ "the Prime Minister", "The Foreign Secretary": an office named without its holder."""
    texts, capitalised = block.texts, block.capitalised
    if texts[i].lower() != "the":
        return None
    j = i + 1
    while (
        j < len(texts)
        and capitalised[j]
        and (is_office(texts[j]) or key(texts[j]) in TITLE_MODIFIERS)
    ):
        j += 1
    if j == i + 1 or not is_office(texts[j - 1]):
        return None
    if j < len(texts) and capitalised[j]:
        return None  # a name follows: "the Prime Minister Theresa May"
    return i, j - 1, []


def _office_holder(
    registry: Registry,
    offices: dict[str, str],
    persons: Sequence[Candidate],
    person_ends: Sequence[int],
    office: str,
    at: int,
) -> str:
    """Who holds ``office``: the last person named with that title, or one entry per office."""
    wanted = office.lower()
    # ``persons`` is sorted by end: only those before ``at`` are candidates
    checked = set()  # each actor's roles are read once, however often it is mentioned
    for n in range(bisect.bisect_right(person_ends, at) - 1, -1, -1):
        ref = persons[n].ref
        if ref and ref not in checked:
            if any(wanted in o.lower() for o in registry.drafts[ref].occupations):
                return ref
            checked.add(ref)
    if wanted not in offices:
        offices[wanted] = registry.anonymous("person", "the " + office)
    return offices[wanted]


def _apposition(
    source: str, s: int, e: int, starts: dict[int, Candidate], ends: dict[int, Candidate]
) -> str | None:
    """The person named right beside a description: "X, the ..." or "the ..., X" or "the ... X"."""
    after = e
    while after < len(source) and source[after] in " ,":
        after += 1
    c = starts.get(after)
    if c is not None and c.kind == "person" and source[e:after].count(",") <= 1:
        return c.ref
    before = s
    while before > 0 and source[before - 1] in " ,":
        before -= 1
    c = ends.get(before)
    if c is not None and c.kind == "person" and "," in source[before:s]:
        return c.ref
    return None


def _antecedent(persons: Sequence[Candidate], ends: Sequence[int], at: int) -> str | None:
    """The last person named before ``at`` (within a few paragraphs)."""
    k = bisect.bisect_right(ends, at)
    if k and at - ends[k - 1] <= ANTECEDENT_WINDOW:
        return persons[k - 1].ref
    return None


def _note_role(
    registry: Registry,
    ref: str,
    source: str,
    block: TokenBlock,
    first: int,
    last: int,
    inside: list[Candidate],
) -> None:
    """Record the role a description gives (and the organisations in it) on the entry.

    "the European Commission’s foreign policy chief" gives the occupation
    "foreign policy chief" and the affiliation "European Commission"; a place
    counts as affiliation only before the role noun ("a US diplomat", not
    "envoy to Ukraine").
    """
    draft = registry.drafts.get(ref)
    if draft is None:
        return
    texts, starts = block.texts, block.starts
    k = first
    if key(texts[k]) in OPENERS:
        k += 1
    at = starts[k]
    possessor = None
    for c in inside:
        if c.start == at:
            possessor = c
            break
    if possessor is not None and _possessed(block, k, possessor):
        while k <= last and starts[k] < possessor.end:
            k += 1
        k += 1  # the possessive ending
    if k > last:
        return
    draft.add("occupations", source[starts[k] : block.end(last)])
    head = starts[last]
    for m in range(first, last + 1):
        if _role_word(texts[m]):
            head = starts[m]
            break
    for c in inside:
        if c.ref != ref and (c.kind == "org" or (c.kind == "place" and c.end <= head)):
            draft.add("affiliations", c.text(source))
