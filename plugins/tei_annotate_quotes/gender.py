"""Which pronoun can point at an actor: "she" never resolves to a man.

A person's gender is read from an honorific in the mention ("Mrs. Clinton") or from
the given name in the registry entry, through the ``gender-guesser`` dictionary the
actors layer also uses; unknown means compatible with both pronouns.
"""

from __future__ import annotations

import functools
from typing import Any

__all__ = ["gender_of", "pronoun_gender"]

HONORIFICS = {
    "mr": "male",
    "mrs": "female",
    "ms": "female",
    "miss": "female",
    "sir": "male",
    "lady": "female",
    "lord": "male",
    "madam": "female",
}
PRONOUNS = {"he": "male", "she": "female"}


def pronoun_gender(pronoun: str) -> str | None:
    return PRONOUNS.get(pronoun.lower())


@functools.lru_cache(maxsize=1)
def _detector() -> Any:
    try:
        import gender_guesser.detector
    except ImportError:  # pragma: no cover - installed with the project
        return None
    return gender_guesser.detector.Detector(case_sensitive=False)


@functools.lru_cache(maxsize=4096)
def gender_of(*names: str) -> str | None:
    """male, female or None from the honorifics and given names in ``names``."""
    for name in names:
        words = [w.strip(".,").lower() for w in name.split()]
        for w in words:
            if w in HONORIFICS:
                return HONORIFICS[w]
    detector = _detector()
    for name in names:
        words = [w.strip(".,") for w in name.split() if w.strip(".,").lower() not in HONORIFICS]
        if len(words) < 2 or detector is None:
            continue  # a single word is a surname as often as a given name
        guess = detector.get_gender(words[0])
        if guess in ("male", "female", "mostly_male", "mostly_female"):
            return str(guess).removeprefix("mostly_")
    return None
