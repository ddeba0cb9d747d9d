"""Which pronoun can point at an actor: "she" never resolves to a man.

A person's gender is read from an honorific in the mention ("Mrs. Clinton") or from
the given name in the registry entry, through the ``gender-guesser`` dictionary the
actors layer also uses; unknown means compatible with both pronouns.
"""

from __future__ import annotations

import functools

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


@functools.cache
def _genders() -> dict[str, str]:
    """The given names (lower case) ``gender-guesser`` reads as "male" or "female" (also
    "mostly"), with that gender.

    The detector keeps each name's counts by country, 61,000 small dicts: read once
    into this flat table of strings, they take a fraction of the memory, and the cycle
    collector has nothing in it to walk.
    """
    try:
        import gender_guesser.detector
    except ImportError:  # pragma: no cover - installed with the project
        return {}
    detector = gender_guesser.detector.Detector(case_sensitive=False)
    return {
        name: gender.removeprefix("mostly_")
        for name in detector.names
        if (gender := detector.get_gender(name)).endswith("male")
    }


@functools.lru_cache(maxsize=4096)
def gender_of(*names: str) -> str | None:
    """male, female or None from the honorifics and given names in ``names``."""
    for name in names:
        words = [w.strip(".,").lower() for w in name.split()]
        for w in words:
            if w in HONORIFICS:
                return HONORIFICS[w]
    genders = _genders()
    for name in names:
        words = [w.strip(".,") for w in name.split() if w.strip(".,").lower() not in HONORIFICS]
        if len(words) < 2:
            continue  # a single word is a surname as often as a given name
        gender = genders.get(words[0].lower())
        if gender:
            return gender
    return None
