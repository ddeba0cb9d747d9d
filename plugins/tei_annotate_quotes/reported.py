"""Reported (indirect) speech: what someone said, told in the writer's words.

Three frames: a reporting verb with a complement clause ("Putin has said that he
…", "Figueroa said Stein complied …"), a trailing attribution ("…, sources said."),
and "according to X".  The span is the reported content.  A clause holding a
quotation is left to the quotation, which carries the same speaker.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from .attribution import ADVERBS, is_speech, subject_of
from .frame import Frame
from .lexicon import DETERMINERS, SUBJECT_PRONOUNS, words
from .mentions import Mention, MentionIndex

__all__ = ["Reported", "reported_speech"]

THAT_GAP = 5  # words between the verb and "that" ("said on Thursday that")
PASSIVE = words("been is was are were being")
ZERO_THAT = words(
    "say says said saying claim claims claimed insist insists insisted argue argues argued "
    "add adds added warn warns warned admit admits admitted"
)


# Verbs taking the hearer as object before the clause: "told a press conference that …".
TELL_VERBS = words(
    "tell tells told telling inform informs informed warn warns warned assure assured "
    "remind reminded"
)


@attrs.frozen
class Reported:
    start: int
    end: int
    speaker: Mention | None


def reported_speech(text: str, frames: Sequence[Frame], index: MentionIndex) -> Iterator[Reported]:
    for frame in frames:
        for s, e in frame.sentences:
            yield from _in_sentence(frame, frame.index(s), frame.index(e), index)


def _in_sentence(frame: Frame, s0: int, s1: int, index: MentionIndex) -> Iterator[Reported]:
    toks = frame.tokens
    triggers: list[tuple[int, int, Mention | None]] = []  # (verb, content start token, speaker)
    for v in range(s0, s1):
        if not is_speech(frame, v):
            continue
        c = _complement(frame, v, s1, index)
        if c is None:
            continue
        if _impersonal(frame, v, s0):
            triggers.append((v, c, None))
        elif (who := subject_of(frame, v, s0, index)) is not None:
            triggers.append((v, c, who))
    for n, (_v, c, who) in enumerate(triggers):
        stop = triggers[n + 1][0] if n + 1 < len(triggers) else s1
        end = _content_end(frame, c, stop, s1)
        if end <= c or any(frame.is_quote(j) for j in range(c, end)):
            continue
        yield Reported(toks[c].start, toks[end - 1].end, who)
    if not triggers:
        yield from _trailing(frame, s0, s1, index)


def _complement(frame: Frame, v: int, s1: int, index: MentionIndex) -> int | None:
    """The token where the reported clause after verb ``v`` starts, if it has one."""
    for j in range(v + 1, min(v + 1 + THAT_GAP, s1)):
        w = frame.lower(j)
        if w == "that":
            return j
        if w in DETERMINERS and frame.lower(v) not in TELL_VERBS:
            return None  # "mocked an offer that …": a relative clause
        if frame.is_quote(j) or frame.tokens[j].text in '.;:“”"':
            return None
    if frame.lower(v) in ZERO_THAT and v + 1 < s1:
        nxt = frame.tokens[v + 1]
        if nxt.lower in SUBJECT_PRONOUNS and nxt.lower != "it":
            return v + 1
        names = [m for m in index.between(nxt.start, frame.hi) if m.start == nxt.start]
        if names and names[0].kind == "name":
            after = frame.index(names[0].end)
            if after < s1 and frame.tokens[after].text[:1].islower():
                return v + 1
    return None


def _impersonal(frame: Frame, v: int, s0: int) -> bool:
    """ "it has been reported that": a report with no source."""
    k = v - 1
    while k >= s0 and (frame.lower(k) in PASSIVE or frame.lower(k) in ADVERBS):
        k -= 1
    return k >= s0 and frame.lower(k) == "it" and frame.lower(v - 1) in PASSIVE


def _content_end(frame: Frame, c: int, stop: int, s1: int) -> int:
    """End (exclusive token index) of content starting at ``c``: before the next report's
    clause or a semicolon, without the final punctuation."""
    end = stop
    if stop < s1:  # cut at the last comma or conjunction before the next reporting clause
        for j in range(stop - 1, c, -1):
            if frame.tokens[j].text == ",":
                end = j
                break
    for j in range(c, end):
        if frame.tokens[j].text == ";":
            end = j
            break
    while end > c and frame.tokens[end - 1].text in ".!?,:—–-":
        end -= 1
    return end


def _trailing(frame: Frame, s0: int, s1: int, index: MentionIndex) -> Iterator[Reported]:
    """ "…, sources said." and "…, according to X." at the end of a sentence."""
    toks = frame.tokens
    e = s1
    while e > s0 and toks[e - 1].text in ".!?":
        e -= 1
    for j in range(e - 1, max(s0, e - 10) - 1, -1):
        if toks[j].text != ",":
            continue
        tail = range(j + 1, e)
        if any(frame.is_quote(k) for k in range(s0, e)):
            return
        if frame.lower(j + 1) == "according" and frame.lower(j + 2) == "to":
            who = _first(index, toks[j + 3].start if j + 3 < e else toks[j].end, toks[e - 1].end)
        elif any(is_speech(frame, k) for k in tail):
            v = next(k for k in tail if is_speech(frame, k))
            who = subject_of(frame, v, j + 1, index)
            if who is None:
                return
        else:
            continue
        if j > s0:
            yield Reported(toks[s0].start, toks[j - 1].end, who)
        return


def _first(index: MentionIndex, s: int, e: int) -> Mention | None:
    found = index.between(s, e)
    return found[0] if found else None
