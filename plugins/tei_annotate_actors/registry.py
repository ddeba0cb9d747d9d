"""Coreference of names and the registry: one entry per real-world actor.

Mentions of one actor share a key: a person's surname ("Steve Witkoff" …
"Witkoff"), an organisation's name or the initials that abbreviate it
("Syrian Democratic Forces" … "SDF"), a place's canonical name ("U.S." … "US" …
"United States").  Each key becomes one entry with a readable id
(``pers.witkoff``), the fullest name first, and the roles found for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from operator import attrgetter

from attrs import define, field

from tei_annotate import Entry, Node

from . import gazetteer
from .candidates import ACRONYM_SECOND, Candidate, is_acronym, looks_acronym
from .evidence import fold_spelling, short_form, surname
from .lexicon import SURNAME_PARTICLES, words
from .memo import by_word

__all__ = ["Registry", "slug"]

ELEMENTS = {"person": "person", "org": "org", "place": "place"}
NAME_TAGS = {"person": "persName", "org": "orgName", "place": "placeName"}
PREFIX = {"person": "pers", "org": "org", "place": "place"}
NOT_INITIAL = words("of the and for de du la al in to on")
NON_SLUG = re.compile(r"[^a-z0-9]+")
WORD_BREAK = re.compile(r"[\s-]+")


@by_word
def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "Kaja Kallas" -> "kaja-kallas"."""
    s = fold_spelling(text)
    if s.isalnum() and s.isascii():  # one plain word ("iraq"): already its slug
        return s
    return NON_SLUG.sub("-", s).strip("-") or "x"


# Python counts the separator controls U+000B, U+000C and U+001C-U+001F as whitespace, so
# a name may be split by one; XML cannot hold them, so the header has a space instead.
XML_LESS_SPACES = dict.fromkeys([0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x1F], " ")


@by_word
def initials(text: str) -> str:
    words = [w for w in WORD_BREAK.split(text) if w and w.lower() not in NOT_INITIAL]
    return "".join(w[0] for w in words).upper() if len(words) > 1 else ""


@define
class Draft:
    """An entry being assembled: its names (as mentioned), roles and affiliations."""

    id: str
    kind: str
    names: list[str] = field(factory=list)
    occupations: list[str] = field(factory=list)
    affiliations: list[str] = field(factory=list)
    label: str | None = None  # a description standing in for the name (anonymous sources)

    def add(self, attr: str, value: str) -> None:
        values = getattr(self, attr)
        if value and value not in values:
            values.append(value)

    def entry(self, layer: str = "") -> Entry:
        """The header entry; given the layer's name, the host need not copy it to stamp it."""
        tag = NAME_TAGS[self.kind]
        if len(self.names) == 1:
            children = [Node(tag, text=_header_text(self.names[0]))]
        elif self.names:
            fullest = max(self.names, key=lambda n: (len(n.split()), len(n)))
            children = [Node(tag, text=_header_text(fullest))]
        else:
            label = _header_text(self.label or self.id)
            children = [Node(tag, attrs={"type": "description"}, text=label)]
        if self.occupations:  # most actors have no role
            children += [Node("occupation", text=_header_text(o)) for o in self.occupations]
        if self.affiliations:
            children += [Node("affiliation", text=_header_text(a)) for a in self.affiliations]
        return Entry(self.id, ELEMENTS[self.kind], children=children, layer=layer)


def _header_text(text: str) -> str:
    """Words read from the text, as the header can hold them (see ``XML_LESS_SPACES``)."""
    # the separator controls are not printable: a printable text (nearly all) has none
    return text if text.isprintable() else text.translate(XML_LESS_SPACES)


@by_word
def _canonical_place(text: str) -> str:
    """A place's canonical name: the country a name or initials stand for, else the name."""
    return (
        gazetteer.canonical_country(text)
        or (gazetteer.country_initials(text) if looks_acronym(text) else None)
        or text
    )


def _person_keys(persons: list[Candidate]) -> dict[int, str]:
    """Registry key of each person mention, by ``id()`` of the mention.

    The key is the surname ("witkoff"); when the text names two people of one
    surname ("Hillary Clinton", "Bill Clinton") the second one's key adds the given
    name ("bill-clinton"), and a lone "Clinton" goes with the one named last before it.
    """
    mentions = persons
    spelled: dict[str, str] | None = None  # given names as written: read after honorifics only
    persons = sorted(persons, key=_START)
    surnames = [surname(c) for c in persons]
    # surname -> {given name: key}, in order of first mention
    full: dict[str, dict[str, str]] = {}
    for c, s in zip(persons, surnames, strict=True):
        if len(c.words) >= 2 and c.words[0] not in SURNAME_PARTICLES:
            given = gazetteer.fold(c.words[0])
            known = full.setdefault(s, {})
            if given not in known:
                known[given] = f"{given}-{s}" if known else s
    out: dict[int, str] = {}
    last_seen: dict[str, str] = {}  # surname -> key of the last full mention so far
    none: dict[str, str] = {}
    for c, s in zip(persons, surnames, strict=True):
        known = full.get(s, none)
        if len(c.words) >= 2 and c.words[0] not in SURNAME_PARTICLES:
            out[id(c)] = last_seen[s] = known[gazetteer.fold(c.words[0])]
            continue
        gender = _gender_of(c)
        if gender is None:
            by_gender = list(known.values())
        else:
            if spelled is None:
                spelled = {gazetteer.fold(m.words[0]): m.words[0] for m in mentions}
            by_gender = [
                k
                for g, k in known.items()
                if gazetteer.given_name_gender(spelled.get(g, g)) == gender
            ]
        if len(by_gender) == 1:
            out[id(c)] = by_gender[0]  # "Mrs. Clinton" is the Clinton with a woman's name
        else:
            out[id(c)] = last_seen.get(s) or next(iter(known.values()), s)
    return out


_START = attrgetter("start")


HONORIFIC_GENDER = {
    "mr": "male",
    "mrs": "female",
    "ms": "female",
    "miss": "female",
    "sir": "male",
    "dame": "female",
    "lord": "male",
    "lady": "female",
}


def _gender_of(c: Candidate) -> str | None:
    """The gender an honorific gives a mention ("Mrs. Clinton"), if any."""
    if not c.role:
        return None
    return next(
        (
            HONORIFIC_GENDER[k]
            for t in c.role
            if (k := t.text.lower().rstrip(".")) in HONORIFIC_GENDER
        ),
        None,
    )


class Registry:
    """Entries by key; ``assign`` gives each typed candidate the id of its actor."""

    def __init__(self) -> None:
        self.drafts: dict[str, Draft] = {}
        self._by_key: dict[tuple[str, str], str] = {}

    def _new(self, kind: str, base: str, key: tuple[str, str] | None = None) -> Draft:
        ident = f"{PREFIX[kind]}.{base}"
        n = 2
        while ident in self.drafts:
            ident = f"{PREFIX[kind]}.{base}-{n}"
            n += 1
        draft = self.drafts[ident] = Draft(ident, kind)
        if key is not None:
            self._by_key[key] = ident
        return draft

    def assign(self, cands: Iterable[Candidate], source: str) -> None:
        cands = [c for c in cands if c.kind in ELEMENTS]
        keys = _person_keys([c for c in cands if c.kind == "person"])
        by_key, drafts = self._by_key, self.drafts
        # longest names first, so "Steve Witkoff" founds the entry "Witkoff" joins; in the
        # text's order among names as long (sorts are stable, ``reverse`` too)
        order = sorted(cands, key=_START)
        order.sort(key=lambda c: len(c.words), reverse=True)
        for c in order:
            kind, text = c.kind or "", source[c.name_start : c.end]
            canon = _canonical_place(text) if kind == "place" else text
            if kind == "person":
                k = keys[id(c)]
            elif kind == "place":
                k = gazetteer.fold(canon)
            else:
                k = gazetteer.fold(text.removeprefix("The ").removeprefix("the "))
            ident = by_key.get((kind, k))
            # is_acronym's own first test, before it: most organisations' names fail it,
            # and are then not learnt in its table (a miss for each new one)
            if ident is None and kind == "org" and text[1:2] in ACRONYM_SECOND and is_acronym(text):
                ident = by_key.get(("org-initials", text.replace(".", "")))
            if ident is None and kind == "org" and len(c.words) == 1:
                ident = by_key.get(("org-short", gazetteer.fold(text)))
            if ident is None:
                # a slug is its own slug: a place's or an organisation's is made once
                draft = self._new(kind, slug(k if kind == "person" else canon), (kind, k))
                if kind == "org" and (abbr := initials(text)):
                    by_key.setdefault(("org-initials", abbr), draft.id)
                if kind == "org" and (short := short_form(c)):
                    by_key.setdefault(("org-short", short), draft.id)
                ident = draft.id
            c.ref = ident
            draft = drafts[ident]
            names = draft.names  # as draft.add("names", ...): most mentions repeat a name
            if text not in names:
                names.append(text)
            if canon != text and canon not in names:
                names.append(canon)
            if c.role:
                draft.add("occupations", source[c.role[0].start : c.role[-1].end])

    def anonymous(self, kind: str, label: str) -> str:
        """A new entry for an actor known only by a description ("a French diplomat")."""
        words = [w for w in label.split() if w.lower() not in ("a", "an", "the", "one")]
        draft = self._new(kind, "anon-" + slug(" ".join(words[:4])))
        draft.label = label
        return draft.id

    def entries(self, layer: str = "") -> list[Entry]:
        return [d.entry(layer) for d in self.drafts.values()]
