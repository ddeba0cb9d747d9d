"""Turning a speaker mention into a registry entry.

Names and descriptions the actors layer marked carry their entry already.  A
pronoun points at the nearest preceding compatible actor ("he" → a person, "they"
→ a group or organisation).  A definite description ("the Russian leader") points
at an actor whose registry entry mentions its head noun, or at the last-mentioned
person when the head noun is a title; otherwise, like every indefinite description
("a French diplomat"), it gets an anonymous entry of its own.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable

from tei_annotate import Entry, LayerResult, Node

from .gender import gender_of, pronoun_gender
from .lexicon import words
from .mentions import LOOKBACK, Mention, MentionIndex

__all__ = ["Speakers"]

# Head nouns that are titles of a single prominent person already in the story.
TITLE_NOUNS = words("""leader president premier chancellor minister secretary senator governor mayor nominee
    candidate businessman businesswoman billionaire mogul republican democrat chief""")
# What may come before a sentence's subject: quotation marks, a conjunction, or a short
# adverbial set off by a comma ("In a statement on Monday, …").
# (``\w`` is written with the ASCII word characters first, which the regex engine tests
# against a bitmap before it looks up a character's Unicode category.)
OPENER_MARKS = "“‘\"'"  # before it, with spaces
OPENER_WORDS = ("But", "And", "So", "Yet", "Still", "Now", "Then")
OPENER = re.compile(
    rf"[\s{OPENER_MARKS}]*(?:(?:{'|'.join(OPENER_WORDS)})\s+"
    r"|[A-Z][a-zA-Z0-9_\w’'-]*(?:\s+[a-zA-Z0-9_\w’'-]+){0,6},\s*)?"
)
# What OPENER can end after besides its marks, spaces and words (see
# ``Speakers._may_open``): the end marks and closing marks before a sentence
# (``text.END``), a comma.
OPENER_AFTER = ".!?…”’)],"
SALIENCE_WINDOW = 600  # characters back to look for a sentence-opening antecedent
COMPATIBLE = {
    "person": ("person",),
    "group": ("group", "org"),
    "org": ("org", "group"),
}


class Speakers:
    """Entries for speakers, created on demand; remembers what it resolved."""

    def __init__(
        self,
        text: str,
        actors: LayerResult | None,
        index: MentionIndex,
        sentence_start: Callable[[int], int],
        block_start: Callable[[int], int],
    ) -> None:
        """``sentence_start(offset)``: the start of the last sentence starting at or before
        ``offset`` (0 if none); ``block_start(offset)``: that of the last paragraph (0 if
        none)."""
        self.text = text
        self.index = index
        self.sentence_start = sentence_start
        self.block_start = block_start
        self.opens: dict[int, bool] = {}  # mention start -> opens its sentence
        self.entries: dict[str, Entry] = {}
        self.resolved: dict[tuple[int, int], str | None] = {}
        self._pronouns: list[Mention] | None = None  # the index's pronouns in reading order
        self._next_pronoun = 0  # how many of them are resolved
        self.genders: dict[tuple[int, int, str], str | None] = {}  # see ``_agrees``
        self.actors = actors
        self._taken: set[str] | None = None
        self._known: dict[str, Entry] | None = None

    @property
    def known(self) -> dict[str, Entry]:
        """The actors layer's entries by id, gathered on first use: only a pronoun's
        gender or a name or description to resolve reads them, and most documents
        attribute their quotations to names the actors layer marked."""
        if self._known is None:
            actors = self.actors
            self._known = {e.id: e for e in actors.entries} if actors else {}
        return self._known

    @property
    def taken(self) -> set[str]:
        """The ids the actors layer defined, gathered on first use: most documents make
        no new entry, and the annotations are many."""
        if self._taken is None:
            actors = self.actors
            self._taken = {e.id for e in actors.entries} if actors else set()
            self._taken |= {a.id for a in actors.annotations if a.id} if actors else set()
        return self._taken

    def ref(self, m: Mention) -> str | None:
        """The entry id of mention ``m`` (None for a pronoun with no antecedent, or "I")."""
        if m.ref is not None:
            return m.ref
        key = (m.start, m.end)
        if key not in self.resolved:
            if m.kind == "pronoun":
                self._pronouns_to(key)
            if key not in self.resolved:
                self.resolved[key] = self._resolve(m)
        return self.resolved[key]

    def _pronouns_to(self, key: tuple[int, int]) -> None:
        """Resolve the index's pronouns in reading order up to the one at ``key``: each
        one's antecedent chain then stays shallow (the pronouns before it are resolved),
        and most pronouns, which no speaker reaches, are never resolved."""
        pronouns = self._pronouns
        if pronouns is None:
            pronouns = self._pronouns = [m for m in self.index.items if m.kind == "pronoun"]
        resolved = self.resolved
        while key not in resolved and self._next_pronoun < len(pronouns):
            p = pronouns[self._next_pronoun]
            self._next_pronoun += 1
            if (p.start, p.end) not in resolved:
                resolved[p.start, p.end] = self._resolve(p)

    def same(self, a: Mention, b: Mention) -> bool:
        """Do two mentions name the same speaker?"""
        return a == b or (self.ref(a) is not None and self.ref(a) == self.ref(b))

    def _resolve(self, m: Mention) -> str | None:
        if m.kind == "name":
            return self._by_surname(m) or self._new_entry(m, prefix="pers.")
        if m.kind == "pronoun":
            if m.head == "i":
                return None
            return self._antecedent(m, COMPATIBLE.get(m.type, ("person",)))
        if m.definite:
            for prior in self.index.nearest_first(m.start):
                if prior.kind == "description" and prior.head == m.head and prior.ref is None:
                    return self.ref(prior)
            titled = self._by_role(m.head)
            if titled is not None:
                return titled
            if m.head in TITLE_NOUNS:
                found = self._antecedent(m, ("person",), names_only=True, salient=False)
                if found is not None:
                    return found
        return self._new_entry(m)

    def _antecedent(
        self, m: Mention, types: Iterable[str], names_only: bool = False, salient: bool = True
    ) -> str | None:
        """The nearest compatible actor, preferring one that opened a recent sentence."""
        nearest = None
        pronoun = m.kind == "pronoun"
        want = pronoun_gender(m.head) if pronoun else None  # he/she
        offset = m.start
        items, starts, resolved = self.index.items, self.index.starts, self.resolved
        # ``index.nearest_first(offset)`` written out: this loop runs for every pronoun
        lo = bisect.bisect_left(starts, offset - LOOKBACK)
        for k in range(bisect.bisect_left(starts, offset) - 1, lo - 1, -1):
            prior = items[k]
            if prior.end > offset or prior.type not in types:
                continue
            kind = prior.kind
            if (names_only and kind != "name") or (kind == "pronoun" and prior.head == "i"):
                continue
            ref = prior.ref
            if ref is None:
                if kind == "pronoun":
                    ref = self.ref(prior)
                elif not pronoun:  # a pronoun points at a marked actor or through a pronoun
                    ref = resolved.get((prior.start, prior.end))
            if ref is None or (want is not None and not self._agrees(want, prior, ref)):
                continue
            if nearest is None:
                nearest = ref
                if not salient:
                    return ref
            if offset - prior.start > SALIENCE_WINDOW:
                return nearest
            if self._initial(prior):
                return ref
        return nearest

    def _initial(self, m: Mention) -> bool:
        """Does ``m`` open its sentence (after at most a short adverbial)?  Such a mention is
        the likeliest antecedent of a later "he"; worked out only for those a pronoun reaches."""
        found = self.opens.get(m.start)
        if found is None:
            found = self.opens[m.start] = self._may_open(m.start) and self._opens(m.start)
        return found

    def _opens(self, offset: int) -> bool:
        opener = OPENER.match(self.text, self.sentence_start(offset), offset)
        return opener is not None and opener.end() == offset

    def _may_open(self, offset: int) -> bool:
        """Can ``OPENER`` end at ``offset``?  Only where the spaces and quotation marks
        before it follow a paragraph's start, a sentence's end, a conjunction or a comma:
        most mentions follow a word, and their paragraph need not be split into sentences."""
        text = self.text
        i = offset
        while i > 0 and ((c := text[i - 1]) in OPENER_MARKS or c.isspace()):
            i -= 1
        return (
            i <= self.block_start(offset)
            or text[i - 1] in OPENER_AFTER
            or text.endswith(OPENER_WORDS, 0, i)
        )

    def _agrees(self, want: str, prior: Mention, ref: str) -> bool:
        """A he/she pronoun (of gender ``want``) agrees with an actor of unknown or the
        same gender."""
        key = (prior.start, prior.end, ref)  # each actor is tried by many pronouns
        got = self.genders.get(key, "")
        if got == "":
            entry = self.known.get(ref)  # a pronoun's antecedent is an actor's (see ``ref``)
            label = entry.label if entry is not None else ""
            got = self.genders[key] = gender_of(self.text[prior.start : prior.end], label)
        return got is None or got == want

    def _by_role(self, head: str) -> str | None:
        """An actor entry whose role or occupation names this head noun."""
        word = re.compile(rf"\b{re.escape(head)}\b", re.IGNORECASE)
        hits = [
            e.id
            for e in self.known.values()
            if any(word.search(c.text) for c in e.children[1:] if c.text)
        ]
        return hits[0] if len(hits) == 1 else None

    def _by_surname(self, m: Mention) -> str | None:
        """An actor entry whose name ends in the same word ("Mr. Kamin" → Daniel Kamin)."""
        last = self.text[m.start : m.end].split()[-1].lower().strip(".")
        hits = {
            e.id
            for e in self.known.values()
            if e.element == "person" and e.label.split() and e.label.split()[-1].lower() == last
        }
        return hits.pop() if len(hits) == 1 else None

    def _new_entry(self, m: Mention, prefix: str = "pers.anon-") -> str:
        label = " ".join(self.text[m.start : m.end].split())
        slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-") or "speaker"
        slug = re.sub(r"^(the|a|an|another|one|mr|mrs|ms|dr)-", "", slug)
        base = f"{prefix}{slug}"
        ident, n = base, 1
        while ident in self.taken or ident in self.entries:
            n += 1
            ident = f"{base}-{n}"
        element = "personGrp" if m.type == "group" else "person"
        attrs = {"type": "description"} if m.kind == "description" else {}
        self.entries[ident] = Entry(ident, element, children=[Node("persName", attrs, text=label)])
        return ident
