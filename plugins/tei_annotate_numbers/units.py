"""Units of measure written after a number, and the unit name we record for each.

Time units keep their English singular ("year"); other units use their usual
symbol ("km", "kg", "km2").  Words match in any case, symbols only as written
("MW" is not "mW").  Multi-word units ("square miles") are tuples of words.
"""

from __future__ import annotations

__all__ = ["PERCENT", "UNIT_SYMBOLS", "UNIT_WORDS", "longest_unit"]

_TIME = {
    "year": "year",
    "yr": "year",
    "month": "month",
    "week": "week",
    "day": "day",
    "hour": "hour",
    "hr": "hour",
    "minute": "minute",
    "second": "second",
    "decade": "decade",
    "century": "century",
    "centurie": "century",
}
_LENGTH = {
    "kilometre": "km",
    "kilometer": "km",
    "metre": "m",
    "meter": "m",
    "centimetre": "cm",
    "centimeter": "cm",
    "millimetre": "mm",
    "millimeter": "mm",
    "mile": "mi",
    "foot": "ft",
    "feet": "ft",
    "inche": "in",
    "inch": "in",
    "yard": "yd",
}
_MASS = {
    "kilogram": "kg",
    "kilo": "kg",
    "gram": "g",
    "tonne": "t",
    "ton": "t",
    "ounce": "oz",
}
_OTHER = {
    "hectare": "ha",
    "acre": "acre",
    "litre": "l",
    "liter": "l",
    "barrel": "bbl",
    "gallon": "gal",
    "megawatt": "MW",
    "gigawatt": "GW",
    "kilowatt": "kW",
}


def _words() -> dict[tuple[str, ...], str]:
    out: dict[tuple[str, ...], str] = {}
    for table in (_TIME, _LENGTH, _MASS, _OTHER):
        for word, unit in table.items():
            out[(word,)] = unit
            out[(word + "s",)] = unit
    out[("centuries",)] = "century"
    out[("inches",)] = "in"
    for word, unit in _LENGTH.items():
        if unit in ("km", "m", "mi", "ft", "yd"):
            for square in ("square", "sq"):
                out[(square, word)] = out[(square, word + "s")] = unit + "2"
                out[(square, unit)] = unit + "2"
    out[("nautical", "miles")] = out[("nautical", "mile")] = "nmi"
    out[("degrees", "celsius")] = out[("degrees", "centigrade")] = "Cel"
    out[("degrees", "fahrenheit")] = "[degF]"
    out[("percentage", "points")] = out[("percentage", "point")] = "%-point"
    return out


UNIT_WORDS = _words()
# Symbols, matched case-sensitively; "m" alone is metres only when no money is around.
UNIT_SYMBOLS = {
    s: s
    for s in ("km", "m", "cm", "mm", "mi", "ft", "kg", "g", "t", "ha", "l", "MW", "GW", "kW", "kWh")
} | {
    "km2": "km2",
    "km²": "km2",
    "m2": "m2",
    "m²": "m2",
    "mph": "[mi_i]/h",
    "kph": "km/h",
    "lb": "lb",
    "lbs": "lb",
    "bpd": "bbl/d",
    "yrs": "year",
    "hrs": "hour",
    "mins": "minute",
}
PERCENT = frozenset({("%",), ("per", "cent"), ("percent",), ("pc",), ("pct",)})


def longest_unit(words: list[str]) -> tuple[int, str] | None:
    """(number of words, unit) of the longest unit the words start with, if any."""
    if not words:
        return None
    first = words[0].lower()
    if len(words) > 1 and (unit := UNIT_WORDS.get((first, words[1].lower()))) is not None:
        return 2, unit
    if (unit := UNIT_WORDS.get((first,))) is not None:
        return 1, unit
    if words[0] in UNIT_SYMBOLS:
        return 1, UNIT_SYMBOLS[words[0]]
    return None
