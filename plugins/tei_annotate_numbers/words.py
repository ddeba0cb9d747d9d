"""Number words: which words are numbers, and what a run of them is worth.

Cardinals ("twenty-three", "one hundred and five") and ordinals ("twenty-first")
are parsed by ``text2num`` so we do not keep our own number tables; only words it
does not cover as numbers (fractions, "dozen", "trillion", abbreviated scales) are
listed here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from text_to_num import alpha2digit, text2num

__all__ = [
    "ABBREVIATED_SCALES",
    "ENDING_ORDINALS",
    "MONEY_SCALES",
    "NUMBER_STEMS",
    "cardinal",
    "cardinal_word",
    "denominator",
    "ordinal",
    "ordinal_word",
    "plural_noun",
    "plural_scale",
    "scale_word",
]

# Every word text2num reads as a number, with its trailing "s" removed (text2num
# ignores them too: "thirds", "thousands"), and the fraction words and scales we add;
# not "first", "second" and "oneth", which only end a number ("twenty-first").
NUMBER_STEMS = frozenset(
    [
        "zero",
        "nought",
        "one",
        "two",
        "three",
        "third",
        "four",
        "fourth",
        "five",
        "fifth",
        "six",
        "sixth",
        "seven",
        "seventh",
        "eight",
        "eighth",
        "nine",
        "ninth",
        "ten",
        "tenth",
        "eleven",
        "eleventh",
        "twelve",
        "twelfth",
        "thirteen",
        "thirteenth",
        "fourteen",
        "fourteenth",
        "fifteen",
        "fifteenth",
        "sixteen",
        "sixteenth",
        "seventeen",
        "seventeenth",
        "eighteen",
        "eighteenth",
        "nineteen",
        "nineteenth",
        "twenty",
        "twentieth",
        "thirty",
        "thirtieth",
        "forty",
        "fourty",
        "fortieth",
        "fourtieth",
        "fifty",
        "fiftieth",
        "sixty",
        "sixtieth",
        "sixteeth",
        "seventy",
        "seventieth",
        "eighty",
        "eightieth",
        "ninety",
        "ninetieth",
        "hundred",
        "hundredth",
        "thousand",
        "thousandth",
        "million",
        "millionth",
        "billion",
        "billionth",
        "trillion",
        "trillionth",
        "dozen",
        "half",
        "halve",
        "quarter",
    ]
)
# The ordinals text2num reads that only end a number, and so are not NUMBER_STEMS.
ENDING_ORDINALS = frozenset({"first", "second", "oneth"})
ORDINAL_DIGITS = re.compile(r"(\d+)(?:st|nd|rd|th)\Z")
# Scales text2num does not know, and the abbreviations of the press ("$5bn", "£2.4m").
EXTRA_SCALES = {"trillion": 10**12, "dozen": 12}
ABBREVIATED_SCALES = {
    "bn": 10**9,
    "bln": 10**9,
    "mn": 10**6,
    "mln": 10**6,
    "tn": 10**12,
    "trn": 10**12,
}
# Scales that only money makes unambiguous: "$5m" is millions, "5m" is metres.
MONEY_SCALES = {"m": 10**6, "b": 10**9, "k": 10**3}
FRACTION_WORDS = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4}


@lru_cache(maxsize=4096)
def cardinal_word(word: str) -> int | None:
    """The value of one cardinal word ("nine", "hundred"), else None; plurals are not cardinals."""
    # A word text2num reads is a NUMBER_STEMS word, so text2num (and the error it raises
    # for any other word) is called only for those.  They are letters only, without a
    # final "s", and of three letters or more (text2num also reads "o" as zero).
    w = word.lower()
    if w not in NUMBER_STEMS:
        return None
    try:
        return int(text2num(w, "en"))
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def ordinal_word(word: str) -> int | None:
    """The value of one ordinal word ("fifth" -> 5), else None."""
    w = word.lower()
    # alpha2digit reads an ordinal only from a NUMBER_STEMS word or an ENDING_ORDINALS one.
    if w not in NUMBER_STEMS and w not in ENDING_ORDINALS:
        return None
    m = ORDINAL_DIGITS.match(alpha2digit(w, "en", threshold=0))
    return int(m.group(1)) if m else None


def cardinal(words: list[str]) -> int | None:
    """The value of a run of cardinal words ("one hundred and five"), or None."""
    return _cardinal(" ".join(words).lower())


def ordinal(words: list[str]) -> int | None:
    """The value of a run ending in an ordinal ("twenty first" -> 21), or None."""
    return _ordinal(" ".join(words).lower())


@lru_cache(maxsize=4096)
def _cardinal(phrase: str) -> int | None:
    try:
        return int(text2num(phrase, "en"))
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _ordinal(phrase: str) -> int | None:
    m = ORDINAL_DIGITS.match(alpha2digit(phrase, "en", threshold=0))
    return int(m.group(1)) if m else None


def scale_word(word: str, money: bool = False) -> int | None:
    """The multiplier of a scale word after a number: "million", "bn"; "m" only for money."""
    w = word.lower()
    if w in ("hundred", "thousand", "million", "billion"):
        return cardinal_word(w)
    if w in EXTRA_SCALES and w != "dozen":
        return EXTRA_SCALES[w]
    if w in ABBREVIATED_SCALES:
        return ABBREVIATED_SCALES[w]
    if money and w in MONEY_SCALES:
        return MONEY_SCALES[w]
    return None


def plural_scale(word: str) -> int | None:
    """The unit of a vague plural: "thousands" -> 1000, "dozens" -> 12, "tens" -> 10."""
    w = word.lower()
    if not w.endswith("s"):
        return None
    base = w[:-1]
    if base in ("ten", "hundred", "thousand", "million", "billion", "trillion", "dozen"):
        return EXTRA_SCALES.get(base) or cardinal_word(base)
    return None


def denominator(word: str) -> tuple[int, bool] | None:
    """(denominator, plural) of a fraction word: "fifth" (5, False), "thirds" (3, True), "half".

    Only ordinals from "third" up name fractions; "second(s)" is a unit of time.
    """
    w = word.lower()
    if w in FRACTION_WORDS:
        return FRACTION_WORDS[w], w.endswith("s")
    plural = w.endswith("s")
    n = ordinal_word(w[:-1] if plural else w)
    if n is None or n < 3:
        return None
    return n, plural


# Plurals that do not end in -s.
IRREGULAR_PLURALS = frozenset(
    ["people", "men", "women", "children", "police", "personnel", "staff", "cattle", "feet"]
)


def plural_noun(word: str) -> bool:
    """Does the word look plural ("troops", "people"), as a counted noun after a number is?"""
    w = word.lower()
    return (w.endswith("s") and not w.endswith("ss")) or w in IRREGULAR_PLURALS
