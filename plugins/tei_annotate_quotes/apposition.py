"""The whole phrase naming a speaker: a name with its apposition or its prepositional phrase.

"said Ryan Ellis, a Republican tax consultant." and "“…” a narrator in the Clinton
ad asks": the reader is told who speaks by the whole noun phrase, so the ``rs``
marking the speaker covers it, with the name the actors layer marked inside it.
"""

from __future__ import annotations

from .attribution import is_speech
from .frame import Frame
from .lexicon import DETERMINERS, PREPOSITIONS, words
from .mentions import Mention

__all__ = ["speaker_phrase"]

MAX_APPOSITION = 30
MAX_PARENTHESIS = 8
NOT_APPOSITION = words(
    """and but or according adding saying as when where while because if though although
    that told said says speaking noting who's than however meanwhile too also then now later
    instead still though last this next yesterday today tonight"""
) | (PREPOSITIONS - {"of"})
RELATIVE = words("who whose which")
FINITE = words(
    "is are was were will would has have had can could should may might must do does did"
)
STOPS = frozenset(",.;:!?—–―")


def speaker_phrase(frame: Frame, m: Mention, verb: int | None = None) -> tuple[int, int]:
    """(start, end) of the noun phrase headed by mention ``m``."""
    toks = frame
    n = len(toks.starts)  # ``len(toks)`` would call a Python-level ``__len__`` each test
    i = frame.index(m.end)
    end = m.end
    if i < n and toks.texts[i] == "(":
        close = next(
            (j for j in range(i + 1, min(i + MAX_PARENTHESIS, n)) if toks.texts[j] == ")"),
            None,
        )
        if close is not None:
            end, i = toks.ends[close], close + 1
    if i + 1 < n and toks.lowers[i] == "of" and toks.texts[i + 1][:1].isupper():
        j = i + 1  # "Elijah Cummings of Maryland, …"
        while j < n and toks.texts[j][:1].isupper():
            j += 1
        end, i = toks.ends[j - 1], j
    found = _apposition(frame, i)
    if found is not None:
        end = toks.ends[found - 1]
        if found + 1 < n and toks.texts[found] == "," and toks.lowers[found + 1] in RELATIVE:
            end = toks.ends[(_apposition(frame, found) or found + 1) - 1]  # ", who has …"
        return m.start, end
    if (
        verb is not None
        and i < verb
        and toks.lowers[i] in PREPOSITIONS
        and all(w[:1].isalnum() for w in toks.texts[i:verb])
    ):
        return m.start, toks.ends[verb - 1]
    return m.start, end


def _apposition(frame: Frame, i: int) -> int | None:
    """End (exclusive token index) of ", an apposition" starting at the comma at ``i``."""
    toks = frame
    n = len(toks.starts)
    if not (i + 1 < n and toks.texts[i] == "," and _opens_apposition(toks.texts[i + 1])):
        return None
    j = i + 1
    relative = toks.lowers[i + 1] in RELATIVE
    while j < n and j - i <= MAX_APPOSITION:
        w, low = toks.texts[j], toks.lowers[j]
        if w in STOPS or frame.is_quote(j) or w in '“”"' or is_speech(frame, j):
            break
        relative = relative or low in RELATIVE
        if low in FINITE and not relative:
            return None  # ", the deal is …": a clause, not an apposition
        j += 1
    ends = j >= n or toks.texts[j] in STOPS or is_speech(frame, j)
    if j > i + 1 and j - i <= MAX_APPOSITION and ends and not is_speech(frame, j - 1):
        return j
    return None


def _opens_apposition(w: str) -> bool:
    low = w.lower()
    if low in NOT_APPOSITION or low.endswith("ing") or low.endswith("ed"):
        return False
    return low in DETERMINERS or low in RELATIVE or w[:1].isalnum()
