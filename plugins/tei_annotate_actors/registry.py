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

from attrs import define, field

from tei_annotate import Entry, Node

from . import gazetteer
from .candidates import Candidate, is_acronym
from .evidence import surname
from .lexicon import words

__all__ = ["Registry", "slug"]

ELEMENTS = {"person": "person", "org": "org", "place": "place"}
NAME_TAGS = {"person": "persName", "org": "orgName", "place": "placeName"}
PREFIX = {"person": "pers", "org": "org", "place": "place"}
NOT_INITIAL = words("of the and for de du la al in to on")


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "Kaja Kallas" -> "kaja-kallas"."""
    s = re.sub(r"[^a-z0-9]+", "-", gazetteer.fold(text).replace("’", "").replace("'", ""))
    return s.strip("-") or "x"


def initials(text: str) -> str:
    words = [w for w in re.split(r"[\s-]+", text) if w and w.lower() not in NOT_INITIAL]
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

    def entry(self) -> Entry:
        tag = NAME_TAGS[self.kind]
        if self.names:
            fullest = max(self.names, key=lambda n: (len(n.split()), len(n)))
            children = [Node(tag, text=fullest)]
        else:
            children = [Node(tag, attrs={"type": "description"}, text=self.label or self.id)]
        children += [Node("occupation", text=o) for o in self.occupations]
        children += [Node("affiliation", text=a) for a in self.affiliations]
        return Entry(self.id, ELEMENTS[self.kind], children=children)


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
        # longest names first, so "Steve Witkoff" founds the entry "Witkoff" joins
        order = sorted(cands, key=lambda c: (-len(c.words), c.start))
        for c in order:
            kind, text = c.kind or "", c.text(source)
            k = self._key(c, text)
            ident = self._by_key.get((kind, k))
            if ident is None and kind == "org" and is_acronym(text):
                ident = self._by_key.get(("org-initials", text.replace(".", "")))
            if ident is None:
                base = k if kind == "person" else slug(self._canonical(c, text))
                draft = self._new(kind, slug(base), (kind, k))
                if kind == "org" and initials(text):
                    self._by_key.setdefault(("org-initials", initials(text)), draft.id)
                ident = draft.id
            c.ref = ident
            draft = self.drafts[ident]
            draft.add("names", text)
            if kind == "place" and (canon := self._canonical(c, text)) != text:
                draft.add("names", canon)
            for role in (source[c.role[0].start : c.role[-1].end],) if c.role else ():
                draft.add("occupations", role)

    def _key(self, c: Candidate, text: str) -> str:
        if c.kind == "person":
            return surname(c)
        if c.kind == "place":
            return gazetteer.fold(self._canonical(c, text))
        return gazetteer.fold(text.removeprefix("The ").removeprefix("the "))

    @staticmethod
    def _canonical(c: Candidate, text: str) -> str:
        if c.kind == "place":
            return (
                gazetteer.canonical_country(text)
                or (gazetteer.country_initials(text) if is_acronym(text) else None)
                or text
            )
        return text

    def anonymous(self, kind: str, label: str) -> str:
        """A new entry for an actor known only by a description ("a French diplomat")."""
        words = [w for w in label.split() if w.lower() not in ("a", "an", "the", "one")]
        draft = self._new(kind, "anon-" + slug(" ".join(words[:4])))
        draft.label = label
        return draft.id

    def entries(self) -> list[Entry]:
        return [d.entry() for d in self.drafts.values()]
