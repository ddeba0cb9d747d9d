"""Finding who said a quotation, from the words around it.

The patterns are those of news English: a reporting verb before the quotation
("X said: “…”", "X told reporters that “…”"), after it ("“…,” X said", "“…,” said
X"), "according to X", a colon introduction closing the previous paragraph, and a
reporting noun with its agent ("claims by X that …").  The speaker is the subject of
the reporting verb: the nearest mention before it in its clause that is not the
object of a preposition, or the subject of the verb it is coordinated with.
"""

from __future__ import annotations

import attrs

from .frame import QUOTE, Frame
from .lexicon import (
    DETERMINERS,
    PREPOSITIONS,
    ROLE_NOUNS,
    SPEECH_NOUNS,
    SUBJECT_PRONOUNS,
    words,
)
from .marks import Quotation
from .mentions import Mention, MentionIndex

__all__ = ["Attribution", "attribute", "proper_name", "subject_of"]

ADVERBS = words("""also then later again just still only already further repeatedly often once recently
    reportedly allegedly mockingly angrily flatly simply bluntly publicly privately
    previously earlier first has have had was were is are be been would will could
    did does do not never""")
CONNECTORS = words("and but or")
INTRO_GAP = 6  # words between a reporting verb and the quotation it introduces
TRAILER_GAP = 20  # words between a quotation and the verb that follows it
DASHES = "―—–"
CLOSING = "”’\"'»›"
SUBJECT_GAP = 16  # words between a subject and its verb
MAX_NAME_WORDS = 4
MAX_APPOSITION_WORDS = 8
BOUNDARY_WORDS = (
    CONNECTORS | (PREPOSITIONS - {"of"}) | words("that which who whom when while as if")
)
PLACE_PREPOSITIONS = PREPOSITIONS - {"to", "of", "about"}  # "said on “Fox and Friends”"
CLAUSE_WINDOW = 40
# Nouns that introduce someone's wording: "used the phrase “…”", "coined the term “…”".
TERM_NOUNS = words("phrase phrases term terms word words slogan expression label catchphrase")
LONG_APPOSITION = 40  # words of an apposition between a name and its reporting verb  # words around a quotation searched for its reporting clause
# Verbs that quote someone's term for a thing: "called them “lone wolves”".
NAMING_VERBS = words(
    "call calls called calling dub dubbed liken likened likens brand branded label labelled labeled"
)


@attrs.frozen
class Attribution:
    speaker: Mention | None
    rule: str
    verb: tuple[int, int] | None = None


def is_speech(frame: Frame, i: int) -> bool:
    """Is token ``i`` a reporting verb (see ``Frame.speech``)?"""
    return i in frame.speech


def _candidate(frame: Frame, m: Mention, index: int, mentions: MentionIndex) -> bool:
    """May ``m`` be a subject? Not inside a quotation, not the object of a preposition
    except in "the region of X" (a description ending before "of" is the subject then)."""
    k = index - 1
    while k > 0 and frame.lower(k) in DETERMINERS:
        k -= 1
    before = frame.lower(k)
    if frame.is_quote(index) or frame.lower(index - 1) == "(":
        return False  # a parenthesis ("Rep. Gwen Moore (D-Wis.) said") is never the subject
    if before == "of" and index >= 1:
        of = frame.starts[index - 1]
        return not any(
            d.end >= of - 1 for d in mentions.before(of, 200)[-1:] if d.kind == "description"
        )
    return before not in PREPOSITIONS


def subject_of(
    frame: Frame, v: int, s0: int, mentions: MentionIndex, depth: int = 0
) -> Mention | None:
    """The speaker of the reporting verb at token ``v`` in a sentence starting at ``s0``."""
    toks = frame
    k = v - 1
    while k >= s0 and toks.lowers[k] in ADVERBS:
        k -= 1
    # "“…,” said X" and "…, says X:" put the subject after the verb
    if k < s0 or frame.is_quote(k) or (toks.texts[k] in ",:" and frame.is_quote(k - 1)):
        after = _first_after(frame, v + 1, mentions, limit=3) or proper_name(frame, v + 1)
        if after is not None:
            return after
    if k >= s0 and toks.lowers[k] in CONNECTORS and depth < 3:
        speech = frame.speech
        for u in range(k - 1, s0 - 1, -1):
            if u in speech:
                return subject_of(frame, u, s0, mentions, depth + 1)
    if frame.lower(v - 1) in ("was", "were", "been", "being"):  # a passive: "was told by X"
        agent = _agent(frame, v, mentions)
        if agent is not None:
            return agent
    lo = toks.starts[max(s0, v - SUBJECT_GAP)]
    participle = frame.lower(v).endswith("ing") and k >= s0 and toks.texts[k] == ","
    best = None
    for m in mentions.between(lo, toks.starts[v]):
        idx = frame.index(m.start)
        between = toks.texts[idx:v]
        if QUOTE in between or ";" in between:
            continue
        if _candidate(frame, m, idx, mentions) and (m.type != "place" or _adjacent(frame, m, v)):
            best = m
            if participle:
                break  # "Trump …, saying": the participle shares the main clause's subject
    if best is not None:
        best = _apposed_name(frame, best, mentions) or best
    if (
        best is None
        and k >= s0
        and toks.texts[k][:1].isupper()
        and not mentions.covers(toks.starts[k], toks.ends[k])
    ):
        best = proper_name(frame, k, backwards=True)
    return best


def proper_name(frame: Frame, i: int, backwards: bool = False) -> Mention | None:
    """A run of capitalised words at token ``i`` no layer marked ("Mr. Kamin", "Melanie"):
    the subject of a reporting verb is a name even when the actors layer missed it."""
    toks = frame
    step = -1 if backwards else 1
    j = i
    n = len(toks.starts)
    while 0 <= j < n and _name_word(toks.texts[j]) and abs(j - i) < MAX_NAME_WORDS:
        j += step
    lo, hi = (j + 1, i) if backwards else (i, j - 1)
    if (
        hi < lo
        or toks.texts[hi].lower() in SUBJECT_PRONOUNS
        or toks.texts[lo].lower() in DETERMINERS
    ):
        return None
    if lo == 0 or (frame.texts[lo - 1] in ".!?" and hi == lo):
        return None  # one capitalised word opening a sentence may be any word
    name = " ".join(toks.texts[lo : hi + 1])
    return Mention(toks.starts[lo], toks.ends[hi], "name", "person", head=name)


def _name_word(w: str) -> bool:
    return w[:1].isupper() and w != QUOTE and (w[1:2].islower() or w.endswith(".") or len(w) == 1)


def _apposed_name(frame: Frame, m: Mention, mentions: MentionIndex) -> Mention | None:
    """In "Vann R. Newkirk II, a writer for The Atlantic, said" the name is the subject:
    a mention inside an apposition (", a/the …,") gives way to the name before the comma."""
    i = frame.index(m.start)
    j = i
    while j > 0 and i - j < MAX_APPOSITION_WORDS and frame.texts[j - 1][:1].isalnum():
        j -= 1
    if j < 2 or frame.texts[j - 1] != "," or frame.lower(j) not in DETERMINERS:
        return None
    k = j - 2  # the last token before the comma
    if frame.texts[k] == ")":
        while k > 0 and frame.texts[k] != "(":
            k -= 1
        k -= 1
    end = frame.ends[k]
    before = [x for x in mentions.before(end, 200) if x.end == end]
    if before and before[-1].kind == "name":
        return before[-1]
    return proper_name(frame, k, backwards=True) if frame.texts[k][:1].isupper() else None


def _adjacent(frame: Frame, m: Mention, v: int) -> bool:
    """Only auxiliaries and adverbs between ``m`` and the verb: "Moscow has just said"."""
    return all(frame.lower(j) in ADVERBS for j in range(frame.index(m.end), v))


def _agent(frame: Frame, v: int, mentions: MentionIndex) -> Mention | None:
    """The agent of a passive or of a reporting noun: "claims last week by X"."""
    texts, lowers = frame.texts, frame.lowers
    for j in range(v + 1, min(v + 5, len(texts))):
        if lowers[j] == "by":
            return _first_after(frame, j + 1, mentions, limit=8, prefer_name=True)
        if texts[j] == QUOTE or texts[j] in ".;":
            break
    return None


def _first_after(
    frame: Frame, i: int, mentions: MentionIndex, limit: int, prefer_name: bool = False
) -> Mention | None:
    """The first mention starting within ``limit`` words after token ``i``."""
    texts, lowers = frame.texts, frame.lowers
    if i >= len(texts):
        return None
    j = min(i + limit, len(texts) - 1)
    stop = next(
        (k for k in range(i, j + 1) if texts[k] == QUOTE or lowers[k] in (".", ";", "that")),
        j + 1,
    )
    end = frame.ends[stop - 1] if stop > i else frame.starts[i]
    found = [m for m in mentions.between(frame.starts[i], end) if m.type != "place"]
    while len(found) > 1 and _premodifies(frame, found[0], found[1]):
        found.pop(0)  # "MSNBC host Chris Matthews", "Del. Stacey Plaskett": the last is the head
    if prefer_name:
        names = [m for m in found if m.kind == "name" and m.type == "person"]
        found = names or found
    return found[0] if found else None


def _premodifies(frame: Frame, a: Mention, b: Mention) -> bool:
    """Only capitalised words and role nouns lie between mentions a and b."""
    i, j = frame.index(a.end), frame.index(b.start)
    return j - i <= 3 and all(
        w[:1].isupper() or low in ROLE_NOUNS or w == "."
        for w, low in zip(frame.texts[i:j], frame.lowers[i:j], strict=True)
    )


def _according_to(frame: Frame, s0: int, s1: int, mentions: MentionIndex) -> Mention | None:
    lowers = frame.lowers
    if "according" not in lowers[s0 : s1 - 1]:
        return None
    for j in range(s0, s1 - 1):
        if lowers[j] == "according" and lowers[j + 1] == "to":
            return _first_after(frame, j + 2, mentions, limit=6)
    return None


def attribute(frame: Frame, q: Quotation, mentions: MentionIndex) -> Attribution | None:
    """The attribution of quotation ``q`` from its own sentence, or None."""
    qi = frame.index(q.start)
    s0, s1 = frame.sentence(q.start)
    toks = frame
    texts, lowers, speech = frame.texts, frame.lowers, frame.speech
    # a reporting verb just before: "X said: “", "X told reporters that “"
    intro = None
    for v in range(qi - 1, max(s0, qi - INTRO_GAP) - 1, -1):
        if texts[v] == QUOTE:
            break
        if v in speech or lowers[v] in NAMING_VERBS:
            intro = v
            break
    if intro is not None and _place_of_speech(frame, intro, qi):
        intro = None
    if intro is not None:
        who = subject_of(frame, intro, s0, mentions)
        if who is not None:
            return Attribution(who, "intro", (toks.starts[intro], toks.ends[intro]))
    trailer = _trailer(frame, qi, s1, mentions)
    if trailer is not None:
        return trailer
    if frame.lower(qi - 1) in TERM_NOUNS:  # "Trump has used the phrase “Islamic terrorism”"
        for v in range(qi - 2, max(s0, qi - 5) - 1, -1):
            if lowers[v].endswith("ed") or lowers[v] in ("use", "uses", "coin"):
                who = subject_of(frame, v, s0, mentions)
                if who is not None:
                    return Attribution(who, "clause", (toks.starts[v], toks.ends[v]))
                break
    clause = None if _possessive_before(frame, qi) else _clause(frame, qi, s0, mentions)
    if clause is not None:
        return clause
    who = _according_to(frame, max(s0, qi - CLAUSE_WINDOW), min(s1, qi + CLAUSE_WINDOW), mentions)
    if who is not None:
        return Attribution(who, "according")
    return None


def _clause(frame: Frame, qi: int, s0: int, mentions: MentionIndex) -> Attribution | None:
    """A reporting verb or noun earlier in the sentence, unless it says where it was said."""
    speech, lowers = frame.speech, frame.lowers
    for v in range(qi - 1, max(s0, qi - CLAUSE_WINDOW) - 1, -1):
        if v in speech:
            if _place_of_speech(frame, v, qi):
                return None
            who = subject_of(frame, v, s0, mentions) or _agent(frame, v, mentions)
        elif lowers[v] in SPEECH_NOUNS:
            who = _agent(frame, v, mentions)
        else:
            continue
        if who is not None:
            return Attribution(who, "clause", (frame.starts[v], frame.ends[v]))
    return None


def _place_of_speech(frame: Frame, v: int, qi: int) -> bool:
    """ "said on “Fox and Friends”", "said Thursday on Fox News’s “…”": the quotation names
    where something was said, not what; a possessive before a quotation makes it a title."""
    if _possessive_before(frame, qi):
        return True
    before = frame.texts[qi - 1] if qi > 0 else ""
    if not is_speech(frame, v) or qi - v > INTRO_GAP or before in (":", ",", "that"):
        return False
    return not PLACE_PREPOSITIONS.isdisjoint(frame.lowers[v + 1 : qi])


def _possessive_before(frame: Frame, qi: int) -> bool:
    """ "on Fox News’s “…”": a possessive before a quotation makes it a title."""
    return qi > 0 and frame.texts[qi - 1].endswith(("’s", "'s", "s’", "s'"))


def _trailer(frame: Frame, qi: int, s1: int, mentions: MentionIndex) -> Attribution | None:
    """ "“…,” X said", "“…,” said X", "“…?” X asked.", "“…” ― X" after the quotation."""
    toks = frame
    n = len(toks.starts)
    i = qi + 1
    if i < n and toks.texts[i] == ",":
        i += 1
    if i < n and toks.texts[i] in DASHES and i + 1 < n:
        who = _first_after(frame, i + 1, mentions, limit=1) or proper_name(frame, i + 1)
        if who is not None:
            return Attribution(who, "dash")
    end = s1 if s1 > qi + 1 else _next_sentence_end(frame, qi)
    named = _name_with_apposition(frame, i, end, mentions)
    if named is not None:
        return named
    texts, speech = frame.texts, frame.speech
    for v in range(i, min(i + TRAILER_GAP, end)):
        if texts[v] == QUOTE or texts[v] in ";:":
            break
        if v not in speech:
            continue
        if v == i:
            who = _first_after(frame, v + 1, mentions, limit=6) or proper_name(frame, v + 1)
        else:
            who = subject_of(frame, v, i, mentions)
            if who is not None and not _premodifiers(frame, i, frame.index(who.start)):
                return None  # the clause after the quotation is about something else
        return Attribution(who, "trailer", (toks.starts[v], toks.ends[v])) if who else None
    return None


def _name_with_apposition(
    frame: Frame, i: int, end: int, mentions: MentionIndex
) -> Attribution | None:
    """ "“…,” Leonard E. Burman, director of … and a professor at …, said": a name right
    after the quotation, a long apposition set off by commas, then the reporting verb."""
    toks = frame
    if i >= end:
        return None
    run = i
    while run < end and (toks.texts[run][:1].isupper() or toks.lowers[run] in ROLE_NOUNS):
        run += 1
    if run == i or run >= end or toks.texts[run] != ",":
        return None
    found = [m for m in mentions.between(toks.starts[i], toks.ends[run - 1]) if m.kind == "name"]
    name = found[-1] if found and found[-1].end == toks.ends[run - 1] else None
    name = name or proper_name(frame, run - 1, backwards=True)
    if name is None:
        return None
    first = [name]
    j = run
    if j >= end or toks.texts[j] != ",":
        return None
    for k in range(j + 1, min(j + 1 + LONG_APPOSITION, end)):
        if toks.texts[k] == QUOTE or toks.texts[k] in ";:":
            return None
        if toks.texts[k] == "," and k + 1 < end:
            v = k + 1
            while v < end and toks.lowers[v] in ADVERBS:
                v += 1
            if v < end and is_speech(frame, v):
                return Attribution(first[0], "trailer", (toks.starts[v], toks.ends[v]))
    return None


def _premodifiers(frame: Frame, i: int, j: int) -> bool:
    """Tokens i..j can premodify a name ("White House press secretary Josh Earnest"):
    no clause boundary, conjunction or preposition between the quotation and the subject."""
    for text, w in zip(frame.texts[i:j], frame.lowers[i:j], strict=True):
        if w in ("’s", "'s") or (text[:1].isalnum() and w not in BOUNDARY_WORDS):
            continue
        return False
    return True


def _next_sentence_end(frame: Frame, qi: int) -> int:
    """After a quotation that ends its sentence ("…?” Trump asked.), the short next one."""
    last = frame.text[frame.starts[qi] : frame.ends[qi]].rstrip(CLOSING)[-1:]
    if qi + 1 >= len(frame) or last not in ("?", "!"):
        return qi + 1
    _, e = frame.sentence(frame.starts[qi + 1])
    return min(e, qi + 1 + TRAILER_GAP)
