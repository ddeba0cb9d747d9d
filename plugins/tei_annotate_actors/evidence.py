"""Typing a candidate as person, organisation or place from general evidence.

Each rule gives a type and a strength; the strongest wins, and
:func:`harmonise` then makes the document consistent (one name, one type; a
surname of a known person is that person).  Strengths: 3 is grammar that
settles it (a title, an organisation head noun, a country), 2 is knowledge or
context (a given name, a city, "in X"), 1 a default guess.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from itertools import filterfalse
from operator import attrgetter
from typing import TypeAlias

from . import gazetteer
from .candidates import Candidate, key, looks_acronym
from .lexicon import (
    ADJECTIVE_ENDINGS,
    ADVERSARY_CUES,
    COMPASS,
    DEITIES,
    FUNCTION_WORDS,
    GEO_HEADS,
    GEO_NOUNS,
    GEO_OPENERS,
    LOCATIVE_PREPOSITIONS,
    NON_ACTOR_ACRONYMS,
    ORG_HEADS,
    ORG_NOUNS,
    ORG_OPENERS,
    PERSON_ROLE_NOUNS,
    PLACE_ENDINGS,
    PLACE_PREPOSITIONS,
    SURNAME_PARTICLES,
    words,
)
from .memo import by_key, by_word, learn

__all__ = ["fold_spelling", "folded_spelling", "harmonise", "surname", "type_candidate"]

STRONG, MEDIUM, WEAK = 3, 2, 1
SPEECH_VERBS = frozenset(
    [
        "said",
        "says",
        "told",
        "tells",
        "added",
        "adds",
        "asked",
        "asks",
        "wrote",
        "writes",
        "argued",
        "argues",
        "insisted",
        "warned",
        "warns",
        "claimed",
        "claims",
        "explained",
        "stated",
        "noted",
        "replied",
    ]
)
# Verbs whose object is an organisation one belongs to ("join Nato").
MEMBERSHIP_VERBS = words("join joined joins joining rejoin rejoined leave quit")
GROUP_NAME = re.compile(r"[A-Z]\d{1,2}\Z")  # G7, G20, P5, E3


def surname(c: Candidate) -> str:
    """The folded last name of a person mention ("al-Abadi" and "Abadi" agree)."""
    return _folded_surname(c.words[-1])


@by_word
def _folded_surname(last: str) -> str:
    if "-" in last:  # most names have no hyphen, and so no article
        for prefix in ("al-", "el-", "Al-", "El-"):
            last = last.removeprefix(prefix)
    return gazetteer.fold(last)


def type_candidate(c: Candidate, source: str) -> tuple[str | None, int]:
    """(type, strength) of one candidate from its own words and context; type None drops it."""
    if c.role:
        return "person", STRONG
    words = c.words
    # the rules read at most two words of context on either side
    before, after = c.prev, c.next
    # the words two away are read in one rule each, after the word next to the name: most
    # mentions never need them, and a new word would cost a memo miss
    p1 = key(before[-1]) if before else None
    if p1 == ":" and len(before) > 1 and gazetteer.is_demonym(before[-2]):
        return None, STRONG  # "(Arabic: Jaysh …)": a transliteration, not a mention
    (settled, unplaced, by_words, acronym_in, place, compass, adjective, plural) = _name_facts(
        (c.text(source), *words)
    )
    if settled is not None:
        return settled
    n = len(words)
    n1 = key(after[0]) if after else None
    if p1 in LOCATIVE_PREPOSITIONS:
        return "place", MEDIUM  # "near Tal Afar"
    if after and after[0] == "," and _before_place(c):
        return "place", MEDIUM  # "Vermillion, South Dakota"
    if by_words is not None:
        return by_words
    if n1 in GEO_NOUNS and after[0].islower():
        return "place", MEDIUM  # "the Donetsk region"
    if n1 is not None and after[0] in ORG_NOUNS:
        return "org", STRONG  # "the Asad regime": this mention stands for the organisation
    if acronym_in:
        return "org", MEDIUM  # "ANG Airmen", "407th AEG"
    if p1 == "of" and len(before) > 1 and key(before[-2]) in GEO_NOUNS:
        return "place", MEDIUM  # "the region of Yakutia"
    if place:
        return "place", MEDIUM
    if p1 in MEMBERSHIP_VERBS:
        return "org", MEDIUM
    if unplaced and p1 in ADVERSARY_CUES:
        return "org", MEDIUM
    if compass:
        return "place", MEDIUM
    if n1 in SPEECH_VERBS:
        return "person", MEDIUM
    if n1 in ("’s", "'s") and len(after) > 1 and key(after[1]) in PERSON_ROLE_NOUNS:
        return "org", WEAK  # "the Kremlin's spokesman": institutions have spokesmen
    if n == 1 and p1 == "the" and _heads_phrase(c):
        return "org", MEDIUM  # "the Kremlin", "the Pentagon": institutions take the article
    if c.hint:
        return c.hint, WEAK
    if p1 in PLACE_PREPOSITIONS:
        return "place", WEAK
    if n == 1:
        if adjective:
            return None, WEAK  # "Democratic": an adjective
        if (p1 == "a" or p1 == "an") and _heads_phrase(c):
            return None, WEAK  # "a Democrat": a capitalised common noun, not a name
        if plural:
            return None, WEAK  # "Sunnis", "Democrats": groups named by a common noun
    if n <= 3:
        return "person", WEAK
    return "org", WEAK


Typed: TypeAlias = tuple[str | None, int]


@by_key
def _name_facts(
    name: tuple[str, ...],
) -> tuple[Typed | None, bool, Typed | None, bool, bool, bool, bool, bool]:
    """What the rules of :func:`type_candidate` read of a name alone, as (its text, its
    words...): most rules test the name, so it is judged once, and a mention reads only
    its context.

    (type settled whatever the context, a single word that is no known place, type from
    two or more words, an acronym inside a longer name, a local place by its name, a
    compass point, an adjective, a plural).  A name whose type is settled has only that:
    nothing else is read of it, so nothing else is judged."""
    text, *words = name
    # every name is folded for the votes of :func:`harmonise`: a new name is learnt there
    # now, with its fold at hand (as the place look-up below has it), not missed there
    learn(folded_spelling, text, fold_spelling(text))
    n = len(words)
    first = key(words[0])
    kind = gazetteer.find_place_kind(text)
    settled = _settled_by_name(words, first, kind)
    if settled is not None:  # the mention's type, whatever else: the other facts are not read
        return settled, False, None, False, False, False, False, False
    local = kind == "city" or kind == "province" or kind == "town"
    if n == 1:
        return (
            None,
            not kind,
            None,
            False,
            # "Babylonia", "Kurdistan"; few words end so: the given names are asked for those
            local or (first.endswith(PLACE_ENDINGS) and not gazetteer.looks_given_name(words[0])),
            first in COMPASS,
            first.endswith(ADJECTIVE_ENDINGS),
            _looks_plural(words[0]),
        )
    by_words: Typed | None = None
    if gazetteer.looks_given_name(words[0]) and not kind:
        by_words = "person", MEDIUM
    elif (
        n == 2
        and gazetteer.find_place_kind(words[0]) in ("country", "region", "city")
        and _looks_plural(words[1])
    ):
        by_words = "org", MEDIUM  # "Minnesota Vikings": a team or a group named after a place
    elif words[-2] in SURNAME_PARTICLES:
        by_words = "person", MEDIUM
    return (
        None,
        False,
        by_words,
        any(looks_acronym(w) and not gazetteer.country_initials(w) for w in words),
        local,
        False,
        False,
        False,
    )


def _settled_by_name(words: list[str], first: str, kind: str | None) -> Typed | None:
    """(type, strength) that a name has whatever its context, if its words settle it: the
    first rules of :func:`type_candidate`.  ``first`` is the key of its first word, ``kind``
    the kind of place it names, as :func:`_name_facts` has them."""
    n = len(words)
    last = key(words[-1])
    if n == 1 and first in DEITIES:
        return None, STRONG
    # a first word of more than one letter settles it (most): tested without a call
    if len(words[0].rstrip(".")) == 1 and all(map(_single_letter, words)):
        return None, STRONG  # "N" of a coordinate, an initial standing alone
    if all(map(gazetteer.looks_demonym, words)):
        return None, STRONG  # "Russian", "French": nationalities, not actors
    if n == 1 and looks_acronym(words[0]):
        return _acronym(words[0])
    if n == 1 and GROUP_NAME.match(words[0]):
        return "org", STRONG
    if kind == "country" or kind == "region":
        return "place", STRONG
    if n == 2 and first in COMPASS and gazetteer.find_place_kind(words[1]):
        return "place", STRONG  # "Northern India", "Eastern Ukraine"
    if last in ORG_HEADS or (n > 2 and first in ORG_OPENERS):
        return "org", STRONG
    if last in GEO_HEADS or (n > 1 and first in GEO_OPENERS):
        return "place", STRONG
    if n > 2 and ("of" in words[1:] or "for" in words[1:]):
        return "org", MEDIUM
    return None


def _single_letter(word: str) -> bool:
    """An initial or a letter ("N", "J."): read only when a name is first judged, and
    cheaper to test than to look up."""
    return len(word.rstrip(".")) == 1


def _looks_plural(word: str) -> bool:
    return len(word) > 4 and word.endswith("s") and word[-2] not in "su" and word[1:].islower()


def _heads_phrase(c: Candidate) -> bool:
    """Is the name the head of its noun phrase ("the Kremlin is"), not a modifier ("the X regime")?"""
    if not c.next:
        return True
    t = c.next[0]
    return not t.isalpha() or not t.islower() or key(t) in FUNCTION_WORDS


def _before_place(c: Candidate) -> bool:
    """Does "X, <country or region>" follow, as in "Vermillion, South Dakota"?"""
    if len(c.next) < 2 or c.next[0] != ",":
        return False
    after = c.next[1:]
    return any(gazetteer.place_kind(" ".join(after[:n])) in ("country", "region") for n in (1, 2))


def _acronym(word: str) -> tuple[str | None, int]:
    if key(word).replace(".", "") in NON_ACTOR_ACRONYMS:
        return None, STRONG
    if len(word) > 4 and word.isalpha() and gazetteer.find_place_kind(word.title()):
        return "place", MEDIUM  # "WASHINGTON —" opening a dispatch
    if gazetteer.country_initials(word) or gazetteer.find_place_kind(word) == "country":
        return "place", STRONG
    if gazetteer.state_abbreviation(word):
        return "place", STRONG
    return "org", STRONG


def harmonise(cands: Iterable[Candidate], source: str) -> None:
    """Make types consistent across the document, in place.

    A surname of a person named in full is that person ("Davis" after "Jeff
    Davis", even though Davis is also a city); otherwise the same name keeps the
    type its strongest mentions give it.
    """
    cands = list(cands)
    if len(cands) < 2:
        return  # a lone name has nothing to agree with: every rule below pairs mentions
    _shouting(cands)
    surnames = {
        surname(c)
        for c in cands
        if c.kind == "person" and c.strength >= MEDIUM and (len(c.words) > 1 or c.role)
    }
    for c in cands:
        if (
            c.strength < STRONG
            and c.kind is not None
            and (len(c.words) == 1 or c.words[0] in SURNAME_PARTICLES)  # a lone surname
            and surname(c) in surnames
        ):
            c.kind, c.strength = "person", MEDIUM
    _short_forms(cands)
    _coordinated(cands, source)
    by_spelling: dict[str, list[Candidate]] = {}
    for c in cands:
        spelling = folded_spelling(source[c.name_start : c.end])
        same = by_spelling.get(spelling)
        if same is None:
            by_spelling[spelling] = [c]
        else:
            same.append(c)
    for same in by_spelling.values():
        if len(same) > 1:  # a name mentioned once keeps its type: there is nothing to vote on
            _vote(same)


def _vote(same: list[Candidate]) -> None:
    """Give the mentions of one spelling that are not settled the type with the most votes."""
    votes: dict[str | None, int] = {}
    for c in same:
        # metonymy is local: a mention that names an organisation ("the Asad regime") has
        # no vote
        after = c.next
        local = after and after[0] in ORG_NOUNS and not c.role
        votes[c.kind] = votes.get(c.kind, 0) + (0 if local else c.strength * c.strength)
    if len(votes) == 1:
        return  # all of one type already
    # the most votes, the first kind voted for on a tie (as Counter.most_common)
    winner = max(votes, key=votes.__getitem__)
    for c in same:
        if c.strength < STRONG:
            c.kind = winner


def short_form(c: Candidate) -> str | None:
    """The word an organisation is also called by alone: "Hofstra" for "Hofstra University"."""
    words = c.words
    if c.kind != "org" or len(words) != 2 or key(words[1]) not in ORG_HEADS:
        return None
    first = words[0]
    if gazetteer.is_demonym(first) or gazetteer.place_kind(first) or not first[0].isupper():
        return None  # "European Commission" is not "European"
    return gazetteer.fold(first)


def _short_forms(cands: list[Candidate]) -> None:
    shorts = {s for c in cands if c.kind == "org" and (s := short_form(c))}
    if not shorts:
        return
    for c in cands:
        if len(c.words) == 1 and c.strength < STRONG and gazetteer.fold(c.words[0]) in shorts:
            c.kind, c.strength = "org", MEDIUM


_WORDS = attrgetter("words")


def _shouting(cands: list[Candidate]) -> None:
    """ "PENCE:" in a transcript is Pence, not an acronym, when the text also writes "Pence"."""
    # the words, shouted and as the text writes them, gathered without a Python loop over
    # the candidates: most documents shout no word they also write ("US" but never "Us")
    words = list(itertools.chain.from_iterable(map(_WORDS, cands)))
    shouted = set(filter(str.isupper, words))
    if not shouted:
        return
    written = set(map(str.lower, filterfalse(str.isupper, words)))
    also_written = {w for w in shouted if w.lower() in written}
    if not also_written:
        return
    for c in cands:
        if len(c.words) == 1 and c.words[0] in also_written:
            c.kind, c.strength = "person", WEAK


def fold_spelling(name: str) -> str:
    """A name's spelling for consistency votes ("Da’esh" and "Daesh" agree), and the
    ground of its slug (:func:`.registry.slug`).  Unremembered, for the slug, which is
    itself remembered and asked half the time of a person's surname key, a string no
    vote has folded: a miss of :func:`folded_spelling` costs several times this."""
    folded = gazetteer.fold(name)
    if "’" in folded or "'" in folded:  # a test, not two calls, for most names
        return folded.replace("’", "").replace("'", "")
    return folded


folded_spelling = by_word(fold_spelling)  # the same, remembered by name


COORDINATORS = frozenset({", ", " and ", " or ", ", and ", ", or "})
LONGEST_COORDINATOR = max(map(len, COORDINATORS))
_START = attrgetter("start")


def _coordinated(cands: list[Candidate], source: str) -> None:
    """Names in one list share a type: "Rabiyah and Zumar", "Iraq, Syria and Jordan"."""
    ordered = sorted(cands, key=_START)
    chains: list[list[Candidate]] = []
    for a, b in itertools.pairwise(ordered):
        if b.start - a.end <= LONGEST_COORDINATOR and source[a.end : b.start] in COORDINATORS:
            if chains and chains[-1][-1] is a:
                chains[-1].append(b)
            else:
                chains.append([a, b])
    for chain in chains:
        known = {c.kind for c in chain if c.strength >= MEDIUM and c.kind}
        if len(known) == 1:
            kind = next(iter(known))
            for c in chain:
                if c.strength == WEAK and c.kind is not None:
                    c.kind = kind
