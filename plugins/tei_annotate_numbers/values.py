"""Exact numeric values and their TEI form.

Values are kept as :class:`fractions.Fraction` so "1.3 million" is exactly 1300000
and "two-thirds" stays 2/3 instead of a rounded float.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

__all__ = ["digits_value", "tei_number"]

GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?\Z")
PLAIN = re.compile(r"\d+(?:\.\d+)?\Z")


def digits_value(text: str) -> Fraction | None:
    """The value of a digit token: "30,000" -> 30000, "1.3" -> 13/10; None if malformed.

    Commas only group thousands; a token like "1,5" or "1.2.3" is not one number.
    """
    # Most are digits alone: PLAIN without decimals, told by isdecimal() without a regex
    # match (both read the Unicode decimal digits); Fraction takes them without a Decimal.
    if text.isdecimal():
        return Fraction(int(text))
    if GROUPED.match(text):
        text = text.replace(",", "")
    elif not PLAIN.match(text):
        return None
    return Fraction(int(text)) if text.isdecimal() else Fraction(Decimal(text))


def tei_number(value: Fraction) -> str:
    """``teidata.numeric``: an integer, an exact decimal, or "p/q" when no decimal is exact."""
    if value.denominator == 1:
        return str(value.numerator)
    d = value.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    if d != 1:
        return f"{value.numerator}/{value.denominator}"
    text = format(Decimal(value.numerator) / Decimal(value.denominator), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
