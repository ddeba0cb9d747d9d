"""Whole quantity phrases and the TEI element each one becomes.

A phrase is an optional bound ("more than", "between"), an optional currency sign,
a number (see :mod:`cores`), an optional second number of a range ("10-20",
"15 to 20"), an optional open end ("60-plus", "or more") and an optional unit
("per cent", "euros", "square miles").  Scanning is one left-to-right pass over
the tokens; nothing is matched twice.
"""

from __future__ import annotations

from functools import cache

from attrs import define

from .candidates import BOUND_FIRST_WORDS, candidates, may_hold_number
from .cores import Core, core_at
from .currency import CURRENCY_SIGNS, currency_code, currency_names, currency_symbol
from .dates import date_at, may_start, time_at, year_value
from .exclusions import attached, is_headline, not_a_number
from .found import Found
from .lexicon import (
    AT_LEAST,
    AT_MOST,
    DETERMINERS,
    FUNCTION_WORDS,
    TEMPORAL_CUES,
    WordPhrases,
    by_first_word,
)
from .tokens import Tokens, lower_at, token_at, touches
from .units import PERCENT, UNIT_SYMBOLS, UNIT_WORDS, longest_unit
from .values import tei_number
from .words import plural_noun

__all__ = ["scan"]

DASHES = frozenset({"-", "–"})
OPEN_ENDS = (("or", "more"), ("or", "over"), ("or", "above"))
CLOSED_ENDS = (("or", "less"), ("or", "fewer"), ("or", "under"), ("or", "below"))
ALLOWED_AFTER_DIGITS = frozenset({"s", "am", "pm"})
DEGREES = {"C": "Cel", "F": "[degF]"}


@define
class Phrase:
    first: int
    core: Core
    bound: str | None = None  # "atLeast" | "atMost"
    high: Core | None = None  # the upper end of a range
    currency: str | None = None
    unit: str | None = None
    percent: bool = False
    last: int = -1
    inner_first: int = -1  # where the measured quantity starts, after a bound
    inner_last: int = -1  # where it ends, before "or more"
    special: Found | None = None  # a decade or a clock time read off the number


def scan(text: str) -> list[tuple[int, int, str, dict[str, str]]]:
    """(start, end, element, attributes) for every number, measure, date and time in text.

    Phrases are read only from the tokens :func:`candidates` names; from any other token
    the reader would find nothing and skip no candidate, so the result is the same.
    """
    chunks = text.split()
    if not may_hold_number(chunks):
        return []
    toks = Tokens(text, chunks)
    words = toks.texts()
    starts = candidates(words)
    if not starts:
        return []
    headline = is_headline(words)
    out: list[Found] = []
    i = 0
    for c in starts:
        if c < i:
            continue
        found, nxt = _at(toks, c, text, headline)
        out.extend(found)
        i = max(nxt, c + 1)
    return [(toks[f.first].start, toks[f.last].end, f.element, dict(f.attrs)) for f in out]


AT_LEAST_WORDS = by_first_word(AT_LEAST)
AT_MOST_WORDS = by_first_word(AT_MOST)
OPEN_END_WORDS = by_first_word(OPEN_ENDS)
CLOSED_END_WORDS = by_first_word(CLOSED_ENDS)
END_FIRST_WORDS = frozenset(OPEN_END_WORDS) | frozenset(CLOSED_END_WORDS)
PERCENT_WORDS = by_first_word(PERCENT)


def _words_at(toks: Tokens, i: int, phrases: WordPhrases) -> int:
    """Length of the longest phrase in ``phrases`` the lower-cased tokens at i spell."""
    best = 0
    for phrase in phrases.get(lower_at(toks, i), ()):
        n = len(phrase)
        if n > best and all(lower_at(toks, i + k) == w for k, w in enumerate(phrase)):
            best = n
    return best


def _at(toks: Tokens, i: int, text: str, headline: bool) -> tuple[list[Found], int]:
    tok = toks[i]
    if tok.is_digits and attached(toks, i, text) is not None:
        return [], i + 1
    if may_start(tok):
        found = date_at(toks, i)
        if found is None and tok.is_digits:
            found = time_at(toks, i)
        if found is not None:
            return [found], found.last + 1
    phrase = _phrase(toks, i, text, headline)
    if isinstance(phrase, int):
        return [], phrase
    return _render(toks, phrase), phrase.last + 1


def _phrase(toks: Tokens, i: int, text: str, headline: bool) -> Phrase | int:
    """The phrase starting at token i, or the index to continue scanning from."""
    bound, k = None, i
    if lower_at(toks, i) in BOUND_FIRST_WORDS:  # most candidates are the number itself
        bound, k = _bound(toks, i)
    inner = k
    currency, k = _currency_before(toks, k)
    start = token_at(toks, k)
    if start is None or not (start.is_digits or start.is_word):
        return i + 1
    if k > i and may_start(start) and (date_at(toks, k) or time_at(toks, k)):
        return i + 1  # "between 11-13 Dec.": the date is read from its own start
    skip = None if currency else not_a_number(toks, k, text, headline)
    if skip is not None:
        return skip + 1 if k == i or currency else i + 1
    core = core_at(toks, k, money=currency is not None)
    if core is None:
        return i + 1
    if core.digits and _stuck_letters(toks, core.last + 1):
        return core.last + 2
    if _two_digit_decade(toks, core):
        return core.last + 2
    p = Phrase(i, core, bound if bound != "between" else None, currency=currency, inner_first=inner)
    if bound is None and currency is None and (special := _decade_or_clock(toks, core)):
        p.special, p.last = special, special.last
        return p
    j = _range(toks, p, j=core.last + 1, between=bound == "between", money=currency is not None)
    if bound == "between" and p.high is None:
        p.first = p.inner_first = inner  # "between" without "and": just the number
    p.inner_last = j - 1
    j = _open_end(toks, p, j)
    if core.kind == "cardinal":
        after_unit = _unit(toks, p, j)
        if after_unit > j:  # "15-plus years": the unit closes the measure
            p.inner_last = after_unit - 1
        j = _open_end(toks, p, after_unit)
    p.last = j - 1
    return p


def _bound(toks: Tokens, i: int) -> tuple[str | None, int]:
    """The bound at token i ("more than", "up to", "between") and the index after it."""
    if n := _words_at(toks, i, AT_LEAST_WORDS):
        return "atLeast", i + n
    if n := _words_at(toks, i, AT_MOST_WORDS):
        return "atMost", i + n
    if lower_at(toks, i) == "between":
        return "between", i + 1
    return None, i


def _currency_before(toks: Tokens, k: int) -> tuple[str | None, int]:
    """A currency sign or code before the number: "$", "US$", "A$", "£", "USD "."""
    tok = token_at(toks, k)
    if tok is None:
        return None, k
    if tok.text in CURRENCY_SIGNS:
        return currency_symbol(tok.text), k + 1
    if not tok.is_word:  # only a word can be a code or be written onto a sign
        return None, k
    nxt = token_at(toks, k + 1)
    if nxt is not None and nxt.text in CURRENCY_SIGNS and touches(toks, k + 1):
        code = currency_symbol(nxt.text, tok.text)
        if code:
            return code, k + 2
    if currency_code(tok.text) and nxt is not None and nxt.is_digits and not touches(toks, k + 1):
        return tok.text, k + 1
    return None, k


def _two_digit_decade(toks: Tokens, core: Core) -> bool:
    """ "the 80s", "in their 20s": a decade without its century, or an age bracket."""
    tok = toks[core.first]
    return (
        core.first == core.last
        and len(tok.text) == 2
        and tok.text.endswith("0")
        and lower_at(toks, core.last + 1) == "s"
        and touches(toks, core.last + 1)
    )


def _stuck_letters(toks: Tokens, j: int) -> bool:
    """Letters written onto digits that no rule read ("3D", "5G"): an identifier."""
    tok = token_at(toks, j)
    if tok is None or not touches(toks, j) or not tok.is_word:
        return False
    return (
        tok.lower not in ALLOWED_AFTER_DIGITS
        and tok.text not in UNIT_SYMBOLS
        and (tok.lower,) not in PERCENT
    )


def _range(toks: Tokens, p: Phrase, j: int, between: bool, money: bool) -> int:
    """The upper end of "between 10 and 20", "10-20", "15 to 20", "$5-$10 million"."""
    sep = token_at(toks, j)
    if sep is None:
        return j
    if between:
        ok = sep.lower == "and"
    elif sep.text in DASHES:
        ok = touches(toks, j) and touches(toks, j + 1) and p.core.digits
    else:
        ok = sep.lower == "to" and lower_at(toks, p.first - 1) != "from"
    if not ok:
        return j
    k = j + 1
    if money:  # "$5-$10 million"
        k = _currency_before(toks, k)[1]
    nxt = token_at(toks, k)
    if nxt is None or not (nxt.is_digits or nxt.is_word):
        return j
    high = core_at(toks, k, money=money)
    if high is None or high.kind != p.core.kind or high.digits != p.core.digits:
        return j
    if p.core.scale == 1 and high.scale > 1 and p.core.value * high.scale <= high.value:
        p.core.value *= high.scale  # "5-10 million": the scale belongs to both
    if high.value <= p.core.value:
        return j  # "80-19", "4-4": a score or a vote, not a range
    p.high = high
    return high.last + 1


def _open_end(toks: Tokens, p: Phrase, j: int) -> int:
    """ "60-plus", "60+", "or more": a lower bound; "or less": an upper bound."""
    tok = token_at(toks, j)
    if tok is None:
        return j
    if (
        tok.text in DASHES
        and touches(toks, j)
        and lower_at(toks, j + 1) == "plus"
        and touches(toks, j + 1)
    ):
        p.bound = "atLeast"
        return j + 2
    if tok.text == "+" and touches(toks, j):
        p.bound = "atLeast"
        return j + 1
    if tok.lower not in END_FIRST_WORDS:  # "or more", "or less": mostly no "or" here
        return j
    if n := _words_at(toks, j, OPEN_END_WORDS):
        p.bound = "atLeast"
        return j + n
    if n := _words_at(toks, j, CLOSED_END_WORDS):
        p.bound = "atMost"
        return j + n
    return j


def _unit(toks: Tokens, p: Phrase, j: int) -> int:
    """Per cent, a currency name or code, or a unit of measure after the number."""
    if p.currency:
        return j
    if lower_at(toks, j) in PERCENT_WORDS and (n := _words_at(toks, j, PERCENT_WORDS)):
        p.percent = True
        return j + n
    k = j
    if p.core.vague and lower_at(toks, j) == "of":
        k = j + 1  # "millions of dollars"
    words: list[str] = []
    first = token_at(toks, k)
    if first is not None and first.is_word:
        words.append(first.text)
        # Later words can only matter after the first word of a multi-word name or unit.
        if first.lower in _long_name_starts():
            while (
                len(words) < 3 and (t := token_at(toks, k + len(words))) is not None and t.is_word
            ):
                words.append(t.text)
    names, lows = currency_names(), tuple(map(str.lower, words))
    for n in range(len(lows), 0, -1):
        code = names.get(lows[:n])
        if code:
            p.currency = code
            return k + n
    if words and currency_code(words[0]):
        p.currency = words[0]
        return k + 1
    if p.core.vague:
        return j
    sign = token_at(toks, j + 1)
    if (
        lower_at(toks, j) == "°"
        and sign is not None
        and sign.text in DEGREES
        and touches(toks, j + 1)
    ):
        p.unit = DEGREES[sign.text]
        return j + 2
    hyphen = token_at(toks, j) is not None and toks[j].text in DASHES and touches(toks, j)
    if hyphen and touches(toks, j + 1):
        words = [t.text] if (t := token_at(toks, j + 1)) is not None and t.is_word else []
        k = j + 1
    found = longest_unit(words) if words else None
    if found is None:
        return j
    n, p.unit = found
    end = k + n
    # "a 45-year-old": the age is the measure
    if hyphen and lower_at(toks, end) == "-" and lower_at(toks, end + 1) == "old":
        end += 2
    return end


@cache
def _long_name_starts() -> frozenset[str]:
    """First words of the currency names and units of more than one word."""
    return frozenset(name[0] for name in (*currency_names(), *UNIT_WORDS) if len(name) > 1)


def _decade_or_clock(toks: Tokens, core: Core) -> Found | None:
    """ "the 1990s" -> a date from 1990 to 1999; "three o'clock" -> a time."""
    j, v = core.last + 1, core.value
    nxt = lower_at(toks, j)  # tested first: comparing a Fraction costs more
    if (
        nxt == "s"
        and core.digits
        and year_value(toks[core.first])
        and v % 10 == 0
        and touches(toks, j)
    ):
        return Found(core.first, j, "date", (("from", str(v)), ("to", str(v + 9))))
    if (
        nxt == "o"
        and core.kind == "cardinal"
        and v.denominator == 1
        and 1 <= v <= 12
        and lower_at(toks, j + 1) in ("'", "’")
        and lower_at(toks, j + 2) == "clock"
        and touches(toks, j + 1)
        and touches(toks, j + 2)
    ):
        return Found(core.first, j + 2, "time", (("when", f"{int(v):02d}:00:00"),))
    return None


def _render(toks: Tokens, p: Phrase) -> list[Found]:
    if p.special is not None:
        return [p.special]
    core, high = p.core, p.high
    value = core.value
    numeric: dict[str, str] = {}
    if high is not None:
        numeric = {"atLeast": tei_number(value), "atMost": tei_number(high.value)}
    elif p.bound or core.vague:
        numeric = {p.bound or "atLeast": tei_number(value)}
    if _is_year_phrase(toks, p):
        return [_year(p, high)]
    if p.percent:
        attrs = numeric or {"value": tei_number(value)}
        return [Found(p.first, p.last, "num", _attrs(type="percentage", **attrs))]
    unit = p.currency or p.unit
    if unit is not None:
        measure = _attrs(unit=unit, type="currency" if p.currency else None)
        if not numeric:
            return [Found(p.first, p.last, "measure", (*measure, ("quantity", tei_number(value))))]
        inner = measure if high is not None else (*measure, ("quantity", tei_number(value)))
        outer = Found(p.first, p.last, "num", _attrs(type="cardinal", **numeric))
        return [outer, Found(p.inner_first, p.inner_last, "measure", tuple(sorted(inner)))]
    attrs = numeric or {"value": tei_number(value)}
    return [Found(p.first, p.last, "num", _attrs(type=core.kind, **attrs))]


def _attrs(**kw: str | None) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, v) for k, v in kw.items() if v is not None))


def _is_year_phrase(toks: Tokens, p: Phrase) -> bool:
    """A bare four-digit number read as a year: "in 2016", "as early as 2029", "2014-2016"."""
    core = p.core
    if p.currency or p.unit or p.percent or p.bound or core.first != core.last:
        return False
    if year_value(toks[core.first]) is None and not _early_year(toks, core):
        return False
    if p.high is not None:
        return year_value(toks[p.high.first]) is not None and p.high.first == p.high.last
    prev, nxt = token_at(toks, core.first - 1), token_at(toks, core.last + 1)
    if prev is not None and prev.lower in TEMPORAL_CUES:
        return True
    possessive = (
        prev is not None and prev.lower == "s" and lower_at(toks, core.first - 2) in ("'", "’")
    )
    if (
        possessive or (prev is not None and prev.lower in DETERMINERS)
    ) and 1800 <= core.value <= 2100:
        return True  # "the 2016 summit", "Obama's 2008 campaign"
    if nxt is not None and nxt.is_word and not plural_noun(nxt.lower):
        return True  # "a 2015 winner": a count would be followed by a plural
    return not (
        nxt is not None
        and nxt.is_word
        and not nxt.is_capitalised
        and nxt.lower not in FUNCTION_WORDS
    )


def _early_year(toks: Tokens, core: Core) -> bool:
    """A three-digit year: "in 950.", "since 923 through", "the year 395,"."""
    tok, nxt = toks[core.first], token_at(toks, core.last + 1)
    if not (tok.text.isdecimal() and len(tok.text) == 3):
        return False
    cue = lower_at(toks, core.first - 1) in ("in", "since", "year", "until", "till")
    return cue and (nxt is None or not nxt.is_word or nxt.lower in ("through", "to", "and"))


def _year(p: Phrase, high: Core | None) -> Found:
    y = f"{int(p.core.value):04d}"  # xs:gYear has at least four digits: "0950"
    if high is not None:
        return Found(p.first, p.last, "date", (("from", y), ("to", f"{int(high.value):04d}")))
    return Found(p.first, p.last, "date", (("when", y),))
