"""The quotes layer: quotations paired, classified and attributed, plus reported speech."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

import attrs

from tei_annotate import Annotation, Document, Entry, LayerContext, LayerResult

from .attribution import Attribution, attribute, is_speech, subject_of
from .frame import Frame
from .marks import Quotation, pair_block
from .mentions import Mention, MentionIndex, actor_mentions, descriptions, pronouns
from .reported import reported_speech
from .speakers import Speakers

__all__ = ["annotate_quotes"]

SCARE_MAX_WORDS = 4
# "WALLACE: …" opening a transcript turn inside a quoted paragraph
LABEL = re.compile(r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}: ")


@attrs.define
class Found:
    """One outermost quotation with what was decided about it."""

    block: int
    q: Quotation
    start: int
    speaker: Mention | None = None
    rule: str = ""
    prev: int | None = None
    kind: str = "direct"


def annotate_quotes(document: Document, context: LayerContext) -> Iterator[Annotation | Entry]:
    actors: LayerResult | None = context.results.get("actors")
    text = document.text
    blocks = [b for b in document.blocks if b.kind != "boilerplate"]
    quotations = [pair_block(text, b.start, b.end) for b in blocks]
    frames = [Frame(text, b.start, b.end, qs) for b, qs in zip(blocks, quotations, strict=True)]
    groups = {e.id for e in actors.entries if e.element == "personGrp"} if actors else set()
    index = MentionIndex(actor_mentions(actors.annotations if actors else (), groups))
    extra: list[Mention] = []
    for f in frames:
        words = [t for t in f.tokens if t.text != "\x00quote"]
        extra += pronouns(words, index) + descriptions(text, words, index)
    index = MentionIndex(_mark_initial(text, [*index.items, *extra], frames))
    speakers = Speakers(text, actors, index)
    for m in index.items:  # resolve pronouns in reading order, so chains stay shallow
        if m.kind == "pronoun":
            speakers.ref(m)

    found = _attribute_all(text, blocks, frames, index)
    said_ids = {k: f"said.{k + 1}" for k in range(len(found))}
    nexts = {f.prev: k for k, f in enumerate(found) if f.prev is not None}
    marked: dict[tuple[int, int], str] = {}
    for k, f in enumerate(found):
        end = f.q.end
        if f.kind == "scare":
            yield Annotation(f.start, end, "soCalled", id=said_ids[k])
            continue
        who = speakers.ref(f.speaker) if f.speaker is not None else None
        links: dict[str, str] = {}
        if who is not None:
            links["who"] = who
            m = f.speaker
            assert m is not None
            if not m.marked and (m.start, m.end) not in marked:
                marked[(m.start, m.end)] = who
        if f.prev is not None:
            links["prev"] = said_ids[f.prev]
        if k in nexts:
            links["next"] = said_ids[nexts[k]]
        yield Annotation(f.start, end, "said", {"direct": "true"}, id=said_ids[k], links=links)
    for frame, qs in zip(frames, quotations, strict=True):
        yield from _nested(frame, qs)
    for r in reported_speech(text, frames, index):
        who = speakers.ref(r.speaker) if r.speaker is not None else None
        links = {"who": who} if who else {}
        if who and r.speaker is not None and not r.speaker.marked:
            marked.setdefault((r.speaker.start, r.speaker.end), who)
        yield Annotation(r.start, r.end, "said", {"direct": "false"}, links=links)
    for (s, e), ref in sorted(marked.items()):
        m = next(x for x in index.covering(s, e) if (x.start, x.end) == (s, e))
        rs_type = "org" if m.type == "org" else "person"
        yield Annotation(s, e, "rs", {"type": rs_type}, links={"ref": ref})
    yield from speakers.entries.values()


OPENER = re.compile(
    r"[\s“‘\"']*(?:(?:But|And|So|Yet|Still|Now|Then)\s+|[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,6},\s*)?"
)


def _mark_initial(text: str, mentions: list[Mention], frames: list[Frame]) -> list[Mention]:
    """Flag mentions that open their sentence (after at most a short adverbial)."""
    starts = sorted(s for f in frames for s, _ in f.sentences)
    out = []
    for m in mentions:
        k = bisect.bisect_right(starts, m.start) - 1
        s = starts[k] if k >= 0 else 0
        opener = OPENER.match(text, s, m.start)
        out.append(attrs.evolve(m, initial=bool(opener) and opener.end() == m.start))
    return out


def _attribute_all(
    text: str, blocks: list, frames: list[Frame], index: MentionIndex
) -> list[Found]:
    found: list[Found] = []
    for bi, frame in enumerate(frames):
        first_in_block = True
        for q in frame.quotations:
            f = Found(bi, q, q.start)
            label = LABEL.match(text, q.start + 1, q.end)
            at_start = first_in_block and not text[frame.lo : q.start].strip()
            prior = found[-1] if found else None
            if label:
                f.start = label.end()
                f.speaker = _label_speaker(text, index, q.start + 1, label.end() - 2)
                f.rule = "label"
            elif (att := attribute(frame, q, index)) is not None:
                f.speaker, f.rule = att.speaker, att.rule
            if prior is not None and f.rule != "label":
                _follow(text, frame, f, prior, len(found) - 1, at_start, frames, index)
            if f.rule == "" and at_start and bi > 0:
                intro = _colon_intro(frames[bi - 1], index)
                if intro is not None:
                    f.speaker, f.rule = intro.speaker, "colon"
            if f.rule == "":
                f.kind = _unattributed_kind(text, frame, q)
            found.append(f)
            first_in_block = False
    return found


def _follow(
    text: str,
    frame: Frame,
    f: Found,
    prior: Found,
    prior_k: int,
    at_start: bool,
    frames: list[Frame],
    index: MentionIndex,
) -> None:
    """Chain a quotation to the one before it, or let it inherit that one's speaker."""
    same_block = prior.block == f.block
    if not same_block and prior.block == f.block - 1 and not prior.q.closed and at_start:
        f.prev, f.speaker = prior_k, prior.speaker
        f.rule = f.rule or "continued"
        return
    if f.rule:
        return
    if same_block and prior.rule == "trailer" and prior.kind != "scare":
        between = text[prior.q.end : f.q.start]
        if re.search(r"[.,:]\s*\Z", between) and len(between.split()) <= TRAILER_WORDS:
            f.prev, f.speaker, f.rule = prior_k, prior.speaker, "split"
            return
    if (
        at_start
        and prior.block == f.block - 1
        and prior.speaker is not None
        and prior.kind != "scare"
    ):
        f.speaker, f.rule = prior.speaker, "follow-on"


TRAILER_WORDS = 25


def _colon_intro(prev: Frame, index: MentionIndex) -> Attribution | None:
    """A paragraph ending "X said:" introduces the quotation opening the next one."""
    if not prev.text[prev.lo : prev.hi].rstrip().endswith(":") or not prev.tokens:
        return None
    s0, _ = prev.sentence(prev.tokens[-1].start)
    for v in range(len(prev.tokens) - 1, s0 - 1, -1):
        if prev.is_quote(v):
            return None
        if is_speech(prev, v):
            who = subject_of(prev, v, s0, index)
            return Attribution(who, "colon") if who else None
    found = index.between(prev.tokens[s0].start, prev.hi)
    return Attribution(found[0], "colon") if found else None


def _label_speaker(text: str, index: MentionIndex, s: int, e: int) -> Mention:
    for m in index.covering(s, e):
        if m.start <= s and m.end >= e:
            return m
    return Mention(s, e, "description", "person", definite=False, head=text[s:e].lower())


def _unattributed_kind(text: str, frame: Frame, q: Quotation) -> str:
    """A short quoted phrase with no speaker, not a sentence, is held at a distance."""
    s, e = q.inner
    words = text[s:e].split()
    if len(words) <= SCARE_MAX_WORDS and not re.search(r"[.!?]\W*\Z", text[s:e]):
        return "scare"
    return "direct"


def _nested(frame: Frame, quotations: list[Quotation]) -> Iterator[Annotation]:
    """Quotations inside quotations: speech when a reporting verb introduces them."""
    text = frame.text
    for q in quotations:
        if q.depth == 0:
            continue
        s, e = q.inner
        before = text[max(frame.lo, q.start - 30) : q.start].split()
        reported = bool(before) and (
            before[-1].rstrip(",:").lower() in _speech_words() or before[-1].endswith(":")
        )
        if reported or len(text[s:e].split()) > SCARE_MAX_WORDS:
            yield Annotation(q.start, q.end, "said", {"direct": "true"})
        else:
            yield Annotation(q.start, q.end, "soCalled")


def _speech_words() -> frozenset[str]:
    from .lexicon import SPEECH_VERBS

    return SPEECH_VERBS
