"""Currencies as ISO 4217 codes, from the CLDR data that Babel ships.

Symbols ("$", "£", "A$"), codes ("USD") and English names, singular and plural
("euro", "US dollars", "Swiss francs"), all come from CLDR.  A bare name shared by
several currencies ("dollars", "pounds") goes to the one whose English symbol is a
single sign (USD "$", GBP "£"), which is how English text uses it.  Only currencies
some territory uses today count, so "roubles" is RUB and not the Soviet rouble.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from babel import Locale
from babel.numbers import get_currency_name, get_currency_symbol, get_territory_currencies

__all__ = ["CURRENCY_SIGNS", "currency_code", "currency_codes", "currency_names", "currency_symbol"]

# One-character signs written before an amount ("$5", "£2.4bn").
CURRENCY_SIGNS = frozenset("$£€¥₹₽₴₩₪₺₦₱")

# British spellings CLDR does not list.
SPELLINGS = {"rouble": "ruble", "roubles": "rubles"}
# Bare names that are far more often ordinary words after a number ("20 gold medals").
NOT_BARE = frozenset({"gold"})
EXTRA_NAMES = {("sterling",): "GBP", ("pounds", "sterling"): "GBP", ("pound", "sterling"): "GBP"}


@cache
def currency_codes() -> frozenset[str]:
    """ISO 4217 codes of the currencies some territory uses today (X-codes are funds,
    metals and testing codes)."""
    codes = {c for t in Locale("en").territories for c in get_territory_currencies(str(t))}
    return frozenset(c for c in codes if len(c) == 3 and not c.startswith("X"))


@cache
def _symbols() -> dict[str, str]:
    out = {}
    for code in currency_codes():
        sym = get_currency_symbol(code, "en")
        if sym != code and not sym.isalpha():
            out[sym] = code
    return out


@cache
def currency_names() -> dict[tuple[str, ...], str]:
    """Lower-case word tuples naming a currency -> its code."""
    full: dict[tuple[str, ...], str] = {}
    bare: dict[str, set[str]] = defaultdict(set)
    signs = {code for sym, code in _symbols().items() if len(sym) == 1}
    for code in sorted(currency_codes()):
        for count in (1, 2):
            words = tuple(get_currency_name(code, count=count, locale="en").lower().split())
            if not words or not all(w.isalpha() for w in words):
                continue
            full.setdefault(words, code)
            bare[words[-1]].add(code)
    for word, codes in bare.items():
        preferred = codes & signs if len(codes) > 1 else codes
        if len(preferred) == 1 and word not in NOT_BARE:
            full.setdefault((word,), next(iter(preferred)))
    for variant, spelling in SPELLINGS.items():
        for words, code in list(full.items()):
            if words[-1] == spelling:
                full.setdefault((*words[:-1], variant), code)
    full.update(EXTRA_NAMES)
    return full


def currency_code(token: str) -> str | None:
    """The token itself if it is an upper-case ISO 4217 code of a currency."""
    return token if token in currency_codes() else None


def currency_symbol(symbol: str, prefix: str = "") -> str | None:
    """The code of a currency sign, with letters written before it ("US" + "$", "A" + "$")."""
    if prefix:
        if prefix + symbol in _symbols():
            return _symbols()[prefix + symbol]
        # "US$", "NZ$": a country code before the dollar sign.
        guess = prefix + symbol.replace("$", "D")
        return guess if len(prefix) == 2 and symbol == "$" and guess in currency_codes() else None
    return _symbols().get(symbol)
