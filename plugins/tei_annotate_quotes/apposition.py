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
    whose that which told said says speaking noting who's than however meanwhile too also then now later
    instead still though last this next yesterday today tonight"""
) | (PREPOSITIONS - {"of"})
STOPS = frozenset(",.;:!?—–―")


def speaker_phrase(frame: Frame, m: Mention, verb: int | None = None) -> tuple[int, int]:
    """(start, end) of the noun phrase headed by mention ``m``."""
    toks = frame.tokens
    i = frame.index(m.end)
    end = m.end
    if i < len(toks) and toks[i].text == "(":
        close = next(
            (j for j in range(i + 1, min(i + MAX_PARENTHESIS, len(toks))) if toks[j].text == ")"),
            None,
        )
        if close is not None:
            end, i = toks[close].end, close + 1
    if i + 1 < len(toks) and toks[i].text == "," and _opens_apposition(toks[i + 1].text):
        j = i + 1
        while j < len(toks) and j - i <= MAX_APPOSITION:
            if (
                toks[j].text in STOPS
                or frame.is_quote(j)
                or toks[j].text in '“”"'
                or is_speech(frame, j)
            ):
                break
            j += 1
        if j > i + 1 and j - i <= MAX_APPOSITION and not is_speech(frame, j - 1):
            return m.start, toks[j - 1].end
    if (
        verb is not None
        and i < verb
        and toks[i].lower in PREPOSITIONS
        and all(t.text[:1].isalnum() for t in toks[i:verb])
    ):
        return m.start, toks[verb - 1].end
    return m.start, end


def _opens_apposition(w: str) -> bool:
    low = w.lower()
    if low in NOT_APPOSITION or low.endswith("ing") or low.endswith("ed"):
        return False
    return low in DETERMINERS or low == "who" or w[:1].isalpha()
