"""Reported (indirect) speech: what someone said, told in the writer's words.

Three frames: a reporting verb with a complement clause ("Putin has said that he
…", "Figueroa said Stein complied …"), a trailing attribution ("…, sources said."),
and "according to X".  The span is the reported content.  A clause holding a
quotation is left to the quotation, which carries the same speaker.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from .attribution import ADVERBS, is_speech, subject_of
from .frame import QUOTE, Frame
from .lexicon import BELIEF_VERBS as BELIEF
from .lexicon import DETERMINERS, PREPOSITIONS, SUBJECT_PRONOUNS, words
from .lexicon import REPORTED_CUES as CUES  # a sentence reports speech only with one of them
from .mentions import Mention, MentionIndex

__all__ = ["Reported", "reported_speech"]

MIN_CLAUSE = 4  # words of a reported clause before ", X said"
TRAILER_WORDS = 6  # words of ", X said" after a reported clause
THAT_GAP = 5  # words between the verb and "that" ("said on Thursday that")
PASSIVE = words("been is was are were being")
# Conjunctions that open the writer's own comment after a reported clause.
CONTRAST = words("but although though whereas while yet even")
NOT_CLAUSE = (
    PREPOSITIONS
    | ADVERBS
    | words("so yes no nothing anything something this last yesterday today tonight earlier")
    | words("monday tuesday wednesday thursday friday saturday sunday week month year")
    | words("as when while because if though although whereas unless until")
)
ZERO_THAT = words(
    "say says said saying claim claims claimed insist insists insisted argue argues argued "
    "add adds added warn warns warned admit admits admitted believe believes believed "
    "think thinks thought stated"
)


# Verbs taking the hearer as object before the clause: "told a press conference that …".
TELL_VERBS = words(
    "tell tells told telling inform informs informed warn warns warned assure assured "
    "remind reminded"
)


class Reported(NamedTuple):
    """A reported clause and its speaker.  A named tuple: cheaper to build than a frozen
    attrs class, whose ``__init__`` sets each field through ``object.__setattr__``."""

    start: int
    end: int
    speaker: Mention | None


def reported_speech(text: str, frames: Sequence[Frame], index: MentionIndex) -> Iterator[Reported]:
    for frame in frames:
        # a sentence with no reporting or belief verb and no "according" reports nothing
        cues = frame.positions(CUES)
        if not cues:
            continue
        # only the sentences holding a cue: found from the cues, most sentences hold none
        starts, sentences, sentence_starts = frame.starts, frame.sentences, frame.sentence_starts
        n = 0
        while n < len(cues):
            k = bisect.bisect_right(sentence_starts, starts[cues[n]]) - 1
            s, e = sentences[k] if k >= 0 else (-1, -1)
            if k < 0 or starts[cues[n]] >= e:
                n += 1  # in no sentence
                continue
            s0, s1 = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
            hi = bisect.bisect_left(cues, s1, n)
            yield from _in_sentence(frame, s0, s1, index, cues[n:hi])
            n = hi


def _in_sentence(
    frame: Frame, s0: int, s1: int, index: MentionIndex, cues: Sequence[int]
) -> Iterator[Reported]:
    toks = frame
    triggers: list[tuple[int, int, Mention | None]] = []  # (verb, content start token, speaker)
    for v in cues:
        if not (is_speech(frame, v) or _belief(frame, v)):
            continue
        c = _complement(frame, v, s1, index)
        if c is None:
            continue
        if _impersonal(frame, v, s0):
            triggers.append((v, c, None))
        elif (who := subject_of(frame, v, s0, index)) is not None:
            triggers.append((v, c, who))
    # "said he finally believes …": a report inside another one's clause belongs to it
    triggers = [
        t for n, t in enumerate(triggers) if n == 0 or not 0 < t[0] - triggers[n - 1][1] <= 3
    ]
    for n, (_v, c, who) in enumerate(triggers):
        stop = triggers[n + 1][0] if n + 1 < len(triggers) else s1
        end = _content_end(frame, c, stop, s1)
        if end <= c or _only_quoted(frame, c, end):
            continue
        yield Reported(toks.starts[c], toks.ends[end - 1], who)
    if not triggers:
        yield from _trailing(frame, s0, s1, index)


def _only_quoted(frame: Frame, c: int, end: int) -> bool:
    """ "said that “…”": the quotation carries the report; a clause with words of its own
    around a quotation ("the basis for “serious discussion”") is reported speech."""
    texts, lowers = frame.texts, frame.lowers
    if QUOTE not in texts[c:end]:
        return False
    return all(lowers[j] == "that" for j in range(c, end) if texts[j][:1].isalnum())


def _complement(frame: Frame, v: int, s1: int, index: MentionIndex) -> int | None:
    """The token where the reported clause after verb ``v`` starts, if it has one."""
    determiner = False
    for j in range(v + 1, min(v + 1 + THAT_GAP, s1)):
        w = frame.lowers[j]
        if w == "that":
            # "mocked an offer that …" is a relative clause; "told a press conference that" is not
            return None if determiner and frame.lower(v) not in TELL_VERBS else j
        if frame.texts[j] == QUOTE or frame.texts[j] in '.;:“”"':
            break
        determiner = determiner or w in DETERMINERS
    if frame.lower(v) in ZERO_THAT and v + 1 < s1 and not _closes_quote(frame, v):
        nxt, low = frame.texts[v + 1], frame.lowers[v + 1]
        if frame.texts[v - 1] == "," and nxt[:1].isupper() and v > 0:
            return None  # "…, said Jeffrey N. Trimble, a …": the speaker follows the verb
        if low in SUBJECT_PRONOUNS and low != "it":
            return v + 1
        if nxt[:1].isalnum() and low not in NOT_CLAUSE:
            return v + 1
    return None


def _belief(frame: Frame, v: int) -> bool:
    return frame.lower(v) in BELIEF and frame.lower(v - 1) not in DETERMINERS


def _closes_quote(frame: Frame, v: int) -> bool:
    """ "“…,” he said" or "“…,” Trump said": the verb reports a quotation before it."""
    k = v - 1
    while k >= 0 and frame.lower(k) in ADVERBS:
        k -= 1
    j = k
    while j >= 0 and frame.texts[j][:1].isalnum() and k - j < 6:
        j -= 1
    return j >= 0 and (frame.is_quote(j) or (frame.is_quote(j - 1) and frame.texts[j] == ","))


def _closes_clause(frame: Frame, v: int, s1: int, comma: int) -> bool:
    """The reporting clause ends its sentence or is set off by a comma ("…, X said(, …)"),
    or puts its subject after the verb ("…, said X, a …")."""
    if v == comma + 1:
        return True
    for k in range(v + 1, min(v + 1 + TRAILER_WORDS, s1)):
        low = frame.lowers[k]
        if frame.texts[k] in ",.;!?":
            return True
        if low in SUBJECT_PRONOUNS or low in DETERMINERS or low == "that":
            return False
        if frame.is_quote(k):
            return False
    return v + 1 >= s1


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
            if frame.texts[j] == ",":
                end = j
                break
    for j in range(c, end):
        t = frame.texts[j]
        if t == ";" or (t in ",—–" and frame.lower(j + 1) in CONTRAST and j > c):
            end = j  # "…, although …" and "… — but …" leave the reported clause
            break
    while end > c and frame.texts[end - 1] in ".!?,:—–-":
        end -= 1
    return end


def _trailing(frame: Frame, s0: int, s1: int, index: MentionIndex) -> Iterator[Reported]:
    """ "…, sources said.", "…, Graham said, since …", "…, said X, a …" and "…, according
    to X." after the reported clause."""
    toks = frame
    if QUOTE in toks.texts[s0:s1]:
        return
    speech = frame.speech
    inner = toks.texts[s0 + 1 : s1 - 1]
    at = -1
    for _ in range(inner.count(",")):  # the commas, found in C
        at = inner.index(",", at + 1)
        j = s0 + 1 + at
        if frame.lower(j + 1) == "according" and frame.lower(j + 2) == "to":
            who = _first(index, toks.starts[min(j + 3, s1 - 1)], toks.ends[s1 - 1])
        else:
            v = None
            for k in range(j + 1, min(j + 1 + TRAILER_WORDS, s1)):
                if k in speech:
                    v = k
                    break
            if v is None or any(toks.texts[k] in ",;" for k in range(j + 1, v)):
                continue
            if j - s0 < MIN_CLAUSE or not _closes_clause(frame, v, s1, j):
                continue  # "At the debate, Clinton said she …": the clause follows the verb
            who = subject_of(frame, v, j + 1, index)
        if who is not None:
            yield Reported(toks.starts[s0], toks.ends[j - 1], who)
            return


def _first(index: MentionIndex, s: int, e: int) -> Mention | None:
    found = index.between(s, e)
    return found[0] if found else None
