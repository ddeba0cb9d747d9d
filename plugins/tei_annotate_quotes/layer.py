"""The quotes layer: quotations paired, classified and attributed, plus reported speech."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from functools import partial

import attrs

from tei_annotate import Annotation, Document, Entry, LayerContext, LayerResult

from .apposition import speaker_phrase
from .attribution import Attribution, attribute, is_speech, subject_of
from .frame import PRONOUN_BYTES, ROLE_BYTES, Frame, Frames
from .lexicon import ROLE_NOUNS
from .marks import Quotation, pair_block
from .mentions import (
    Mention,
    MentionIndex,
    actor_mentions,
    bare_descriptions,
    bare_pronouns,
    descriptions,
    pronouns,
)
from .reported import reported_speech
from .speakers import Speakers

__all__ = ["annotate_quotes"]

SCARE_MAX_WORDS = 4
SPLIT_MAX_WORDS = 40  # words of attribution between the two halves of a split quotation
SPLIT_LOOKBACK = 100  # quotations looked back over for the first half of a split quotation
# "WALLACE: …" opening a transcript turn inside a quoted paragraph
LABEL = re.compile(r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}: ")
SENTENCE_END = re.compile(r"[.!?]\W*\Z")  # quoted words that make a sentence
FULL_STOP_END = re.compile(r"\.\W*\Z")
SPLIT_END = re.compile(r"(?:[.,:][”’\"']*|\b(?:but|and))\s*\Z")


@attrs.define
class Found:
    """One quotation and what was decided about it."""

    block: int
    q: Quotation
    start: int
    speaker: Mention | None = None
    rule: str = ""
    verb: tuple[int, int] | None = None
    prev: int | None = None
    kind: str = "direct"


def annotate_quotes(document: Document, context: LayerContext) -> Iterator[Annotation | Entry]:
    """Quotations (``said``, ``soCalled``), reported speech, speaker ``rs`` and entries."""
    actors: LayerResult | None = context.results.get("actors")
    text = document.text
    layer = context.layer  # stamped here, so the host need not copy each annotation to stamp it
    blocks = [b for b in document.blocks if b.kind != "boilerplate"]
    quotations = [pair_block(text, b.start, b.end) for b in blocks]
    frames = Frames(text, [(b.start, b.end) for b in blocks], quotations)
    starts = [b.start for b in blocks]  # to find a mention's paragraph
    index = _mentions(text, actors, frames)
    speakers = Speakers(
        text, actors, index, partial(_sentence_start, frames, starts), partial(_block_start, starts)
    )
    found = Attributor(text, frames, speakers.same).run(index)
    found += _attribute_nested(text, frames, quotations, index)
    phrases: dict[tuple[int, int], tuple[str, str]] = {}
    if found:  # most paragraphs, and many documents, hold no quotation
        yield from _quotations(found, speakers, phrases, frames, starts, layer)
    reporting = [frames[k] for k in frames.scanned if k not in frames.unreported]
    for r in reported_speech(text, reporting, index):
        who = speakers.ref(r.speaker) if r.speaker is not None else None
        if who is not None and r.speaker is not None:
            _mark(phrases, frames, starts, r.speaker, who, None)
        links = {"who": who} if who else {}
        yield Annotation(r.start, r.end, "said", {"direct": "false"}, links=links, layer=layer)
    if phrases:
        for (s, e), (ref, rs_type) in sorted(phrases.items()):
            yield Annotation(s, e, "rs", {"type": rs_type}, links={"ref": ref}, layer=layer)
    if speakers.entries:
        yield from speakers.entries.values()


def _quotations(
    found: list[Found],
    speakers: Speakers,
    phrases: dict[tuple[int, int], tuple[str, str]],
    frames: Frames,
    starts: list[int],
    layer: str,
) -> Iterator[Annotation]:
    """The ``said`` and ``soCalled`` of the quotations ``found``, their speakers' phrases
    put in ``phrases``."""
    ids = {k: f"said.{k + 1}" for k in range(len(found))}
    nexts = {f.prev: k for k, f in enumerate(found) if f.prev is not None}
    for k, f in enumerate(found):
        if f.kind == "scare":
            yield Annotation(f.start, f.q.end, "soCalled", layer=layer)
            continue
        links: dict[str, str] = {}
        who = speakers.ref(f.speaker) if f.speaker is not None else None
        if who is not None and f.speaker is not None:
            links["who"] = who
            if f.rule not in ("continued", "split", "follow-on", "inherited"):
                _mark(phrases, frames, starts, f.speaker, who, f.verb)
        if f.prev is not None:
            links["prev"] = ids[f.prev]
        if k in nexts:
            links["next"] = ids[nexts[k]]
        yield Annotation(
            f.start, f.q.end, "said", {"direct": "true"}, id=ids[k], links=links, layer=layer
        )


def _mentions(text: str, actors: LayerResult | None, frames: Frames) -> MentionIndex:
    """Actors' mentions, plus pronouns and descriptions outside quotations."""
    groups = {e.id for e in actors.entries if e.element == "personGrp"} if actors else set()
    index = MentionIndex(actor_mentions(actors.annotations if actors else (), groups), True)
    extra: list[Mention] = []
    for k in frames.scanned:
        unreported = frames.unreported.get(k)
        if unreported is not None:  # its letters read once for its pronouns and role nouns
            letters, found = unreported
            lo, hi = frames.blocks[k]
            if found_pronouns := PRONOUN_BYTES.intersection(found):
                extra += bare_pronouns(text, lo, hi, index, found_pronouns, letters)
            if nouns := ROLE_BYTES.intersection(found):
                extra += bare_descriptions(text, lo, hi, nouns, index, letters)
            continue
        f = frames[k]
        extra += pronouns(f, index)
        heads = f.positions(ROLE_NOUNS)
        if heads:  # most paragraphs hold no role noun
            if f.quote_at:  # indices in the words without the quotation placeholders
                heads = [i - bisect.bisect_left(f.quote_at, i) for i in heads]
            extra += descriptions(text, f.words(), index, heads)
    if not extra:  # the actors' mentions alone, in reading order already: no second sort
        return index
    return MentionIndex([*index.items, *extra])


def _sentence_start(frames: Frames, starts: list[int], offset: int) -> int:
    """The start of the last sentence starting at or before ``offset`` (0 if none): only
    the paragraphs a pronoun's antecedent lies in are split into sentences."""
    k = bisect.bisect_right(starts, offset) - 1
    while k >= 0:  # back over paragraphs of only spaces, which hold no sentence
        sentence_starts = frames.sentence_starts(k)
        j = bisect.bisect_right(sentence_starts, offset) - 1
        if j >= 0:
            return sentence_starts[j]
        k -= 1
    return 0


def _block_start(starts: list[int], offset: int) -> int:
    """The start of the last paragraph starting at or before ``offset`` (0 if none)."""
    k = bisect.bisect_right(starts, offset) - 1
    return starts[k] if k >= 0 else 0


def _mark(
    phrases: dict[tuple[int, int], tuple[str, str]],
    frames: Frames,
    starts: list[int],
    m: Mention,
    ref: str,
    verb: tuple[int, int] | None,
) -> None:
    """Mark the phrase naming a speaker with ``rs`` unless the actors layer marked all of it."""
    k = bisect.bisect_right(starts, m.start) - 1
    frame = frames[max(k, 0)]
    v = frame.index(verb[0]) if verb else None
    span = speaker_phrase(frame, m, v)
    if m.marked and span == (m.start, m.end):
        return
    rs_type = "org" if m.type == "org" else "place" if m.type == "place" else "person"
    phrases.setdefault(span, (ref, rs_type))


class Attributor:
    """Attributes the outermost quotations in reading order, chaining and inheriting."""

    def __init__(self, text: str, frames: Frames, same: Callable[[Mention, Mention], bool]):
        self.text, self.frames, self.same = text, frames, same

    def run(self, index: MentionIndex) -> list[Found]:
        found: list[Found] = []
        for bi in self.frames.scanned:
            if not self.frames.quotations[bi]:
                continue  # nothing to attribute: no frame needed
            frame = self.frames[bi]
            for n, q in enumerate(frame.quotations):
                f = Found(bi, q, q.start)
                at_start = n == 0 and not self.text[frame.lo : q.start].strip()
                label = LABEL.match(self.text, q.inner[0], q.end)
                if label:
                    f.start = label.end()
                    f.speaker = _label_speaker(self.text, index, q.inner[0], label.end() - 2)
                    f.rule = "label"
                elif (att := attribute(frame, q, index)) is not None:
                    f.speaker, f.rule, f.verb = att.speaker, att.rule, att.verb
                if found and f.rule != "label":
                    self._follow(frame, f, found, at_start, index)
                if f.rule == "" and at_start and bi > 0:
                    intro = _colon_intro(self.frames[bi - 1], index)
                    if intro is not None:
                        f.speaker, f.rule = intro.speaker, "colon"
                if f.rule == "":
                    f.kind = _unattributed_kind(self.text, q, frame)
                found.append(f)
        for f in found:  # a quotation continued by another one is speech, not a term
            if f.prev is not None:
                found[f.prev].kind = "direct"
        return found

    def _follow(
        self, frame: Frame, f: Found, found: list[Found], at_start: bool, index: MentionIndex
    ) -> None:
        """Chain a quotation to the one before it, or let it inherit that one's speaker."""
        prior_k = len(found) - 1
        prior = found[prior_k]
        if prior.block == f.block - 1 and not prior.q.closed and at_start:
            if f.rule and prior.speaker and f.speaker and not self.same(prior.speaker, f.speaker):
                return  # a new speaker opens the paragraph: not a continuation
            f.prev, f.rule = prior_k, f.rule or "continued"
            if f.speaker is None:
                f.speaker = prior.speaker
            k: int | None = prior_k
            while k is not None and found[k].speaker is None:  # "…” he said" ends the chain
                found[k].speaker = f.speaker
                k = found[k].prev
            return
        sk = next(
            (
                k
                for k in range(prior_k, max(prior_k - SPLIT_LOOKBACK, -1), -1)
                if found[k].kind != "scare" or found[k].block < f.block
            ),
            prior_k,
        )
        split_prior = found[sk]
        between = self.text[split_prior.q.end : f.q.start]
        split = (
            split_prior.block == f.block
            and split_prior.kind != "scare"
            and split_prior.rule
            in ("", "trailer", "split", "continued", "label", "colon", "follow-on")
            and all(g.prev != sk for g in found[sk + 1 :])  # a prev always points back
            and len(between.split()) <= SPLIT_MAX_WORDS
            and SPLIT_END.search(between) is not None
            and _holds_speech(frame, split_prior.q.end, f.q.start)
        )
        if split and (not f.rule or f.verb == split_prior.verb):
            f.prev, f.speaker, f.verb = sk, split_prior.speaker, split_prior.verb
            f.rule = "split"
            return
        if f.rule:
            return
        if at_start and prior.block == f.block - 1 and prior.speaker and prior.kind != "scare":
            f.speaker, f.rule = prior.speaker, "follow-on"
            if _whole_paragraph(self.text, self.frames[prior.block], prior.q):
                f.prev = prior_k
            return
        said = _previous_sentence_speaker(frame, f.q.start, index)
        if said is not None:
            f.speaker, f.rule = said, "inherited"


def _whole_paragraph(text: str, frame: Frame, q: Quotation) -> bool:
    return not text[frame.lo : q.start].strip()


def _holds_speech(frame: Frame, s: int, e: int) -> bool:
    return not frame.speech.isdisjoint(range(frame.index(s), frame.index(e)))


def _previous_sentence_speaker(frame: Frame, offset: int, index: MentionIndex) -> Mention | None:
    """A quotation opening a sentence after "…, Schiff said." continues Schiff's words."""
    s0, _ = frame.sentence(offset)
    if s0 >= len(frame) or frame.starts[s0] != offset or s0 == 0:
        return None
    p0, _ = frame.sentence(frame.starts[s0 - 1])
    for v in range(s0 - 1, p0 - 1, -1):
        if frame.is_quote(v):
            return None
        if is_speech(frame, v) and v >= s0 - 4:  # the sentence ends with its reporting clause
            return subject_of(frame, v, p0, index)
    return None


def _attribute_nested(
    text: str, frames: Frames, quotations: list[list[Quotation]], index: MentionIndex
) -> list[Found]:
    """Quotations inside quotations, attributed within their parent's words."""
    out: list[Found] = []
    for bi, qs in enumerate(quotations):
        if not qs or all(q.depth == 0 for q in qs):
            continue
        by_start = sorted(qs, key=lambda q: q.start)
        starts = [q.start for q in by_start]
        for parent in qs:
            window = by_start[
                bisect.bisect_right(starts, parent.start) : bisect.bisect_left(starts, parent.end)
            ]
            inner = [q for q in window if q.depth == parent.depth + 1]
            if not inner:
                continue
            s, e = parent.inner
            frame = Frame(text, s, e, [q.at_depth(0) for q in inner])
            for q in frame.quotations:
                f = Found(bi, q, q.start)
                att = attribute(frame, q, index)
                if att is not None:
                    f.speaker, f.rule, f.verb = att.speaker, att.rule, att.verb
                else:
                    f.kind = _nested_kind(frame, q)
                out.append(f)
    return out


def _nested_kind(frame: Frame, q: Quotation) -> str:
    """Unattributed nested quotation: speech after a reporting verb or a colon, else a term."""
    i = frame.index(q.start)
    if i > 0 and (frame.texts[i - 1] in ":," or is_speech(frame, i - 1)):
        return "direct"
    return _unattributed_kind(frame.text, q, frame)


def _colon_intro(prev: Frame, index: MentionIndex) -> Attribution | None:
    """A paragraph ending "X said:" introduces the quotation opening the next one."""
    if not prev.text[prev.lo : prev.hi].rstrip().endswith(":") or not len(prev):
        return None
    s0, _ = prev.sentence(prev.starts[-1])
    for v in range(len(prev) - 1, s0 - 1, -1):
        if prev.is_quote(v):
            return None
        if is_speech(prev, v):
            who = subject_of(prev, v, s0, index)
            return Attribution(who, "colon") if who else None
    return None


def _label_speaker(text: str, index: MentionIndex, s: int, e: int) -> Mention:
    for m in index.covering(s, e):
        if m.start <= s and m.end >= e:
            return m
    return Mention(s, e, "name", "person", head=text[s:e].lower())


def _unattributed_kind(text: str, q: Quotation, frame: Frame | None = None) -> str:
    """A short quoted phrase with no speaker is held at a distance, unless it is a sentence
    of its own ("“Absolutely.”" opening a sentence, or after a colon)."""
    s, e = q.inner
    if len(text[s:e].split()) > SCARE_MAX_WORDS:
        return "direct"
    if not SENTENCE_END.search(text, s, e):
        return "scare"
    if frame is not None:
        i = frame.index(q.start)
        before = frame.texts[i - 1] if i > 0 else "."
        if before[:1].isalnum() and FULL_STOP_END.search(text, s, e):
            return "scare"  # "… on “Fox and Friends.”": a title ending the writer's sentence
    return "direct"
