"""Calendar dates and clock times written with month names or digits.

Month names come from CLDR (Babel).  A date gets ``@when`` in W3C form with only
what the text states: "12 December 2016" -> 2016-12-12, "Dec. 15" -> --12-15,
"September" -> --09; a stated day range becomes ``@from``/``@to``.
"""

from __future__ import annotations

import calendar
from functools import cache

from babel.dates import get_month_names

from .found import Found
from .lexicon import TEMPORAL_CUES
from .tokens import Token, Tokens

__all__ = ["date_at", "may_start", "month", "month_names", "time_at", "year_value"]

ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
# Month names that are also common words or given names need a day, a year or a cue.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "june", "april", "august"})
MERIDIEM = {"am": 0, "pm": 12, "a": 0, "p": 12}


@cache
def _months() -> dict[str, int]:
    out: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for n, name in get_month_names(width, locale="en").items():
            out[name] = n
    out["Sept"] = 9
    return out


def month_names() -> frozenset[str]:
    """Month names and abbreviations as written in English text ("December", "Dec", "Sept")."""
    return frozenset(_months())


@cache
def _wide() -> frozenset[str]:
    return frozenset(get_month_names("wide", locale="en").values())


def month(tok: Token | None) -> int | None:
    """The month a capitalised month name or abbreviation names."""
    return _months().get(tok.text) if tok is not None else None


def year_value(tok: Token | None) -> int | None:
    """A four-digit year 1000-2199 without separators."""
    if tok is None or not tok.text.isdecimal() or len(tok.text) != 4:
        return None
    y = int(tok.text)
    return y if 1000 <= y <= 2199 else None


def _day(toks: Tokens, i: int) -> tuple[int, int] | None:
    """(day, tokens used) for "15", "15th", "14th" at i."""
    if i >= toks.n or not toks[i].text.isdecimal() or len(toks[i].text) > 2:
        return None
    d = int(toks[i].text)
    if not 1 <= d <= 31:
        return None
    nxt = toks[i + 1] if i + 1 < toks.n else None
    if nxt is not None and nxt.start == toks[i].end and nxt.lower in ORDINAL_SUFFIXES:
        return d, 2
    if nxt is not None and nxt.start == toks[i].end and nxt.is_word:
        return None
    return d, 1


def _when(y: int | None, m: int, d: int | None) -> str:
    if y is not None:
        return f"{y:04d}-{m:02d}" + (f"-{d:02d}" if d else "")
    return f"--{m:02d}" + (f"-{d:02d}" if d else "")


def _skip_dot(toks: Tokens, i: int) -> int:
    """After an abbreviated month ("Dec."), the index past its full stop."""
    abbreviated = toks[i - 1].text not in _wide()
    if abbreviated and i < toks.n and toks[i].text == "." and toks[i].start == toks[i - 1].end:
        return i + 1
    return i


def _dash(tok: Token | None) -> bool:
    return tok is not None and tok.text in ("-", "–")


def _days(toks: Tokens, i: int) -> tuple[int, int | None, int] | None:
    """(day, last day of a range or None, index after) for "15", "14th", "25-26" at i."""
    day = _day(toks, i)
    if day is None:
        return None
    k = i + day[1]
    if k + 1 < toks.n and _dash(toks[k]) and toks[k].start == toks[k - 1].end:
        end = _day(toks, k + 1)
        if end:
            return day[0], end[0], k + 1 + end[1]
    return day[0], None, k


def _year_after(toks: Tokens, i: int) -> tuple[int | None, int]:
    """An optional ", 2016" or " 2016" at i: (year, index after)."""
    j = i + 1 if i < toks.n and toks[i].text == "," else i
    y = year_value(toks[j]) if j < toks.n else None
    return (y, j + 1) if y is not None else (None, i)


def may_start(tok: Token) -> bool:
    """Can a date or a time start at ``tok``: a month name, or a day or an hour (one or
    two digits)?  Checked first, since most numbers are neither."""
    return (tok.is_digits and len(tok.text) <= 2) or tok.text in _months()


def date_at(toks: Tokens, i: int) -> Found | None:
    """A date starting at token i: "Dec. 15, 2016", "12 February", "October 25-26", "May 2016"."""
    tok = toks[i]
    m = month(tok)
    if m is not None:
        j = _skip_dot(toks, i + 1)
        days = _days(toks, j)
        if days:
            d, d2, k = days
            y, after = _year_after(toks, k)
            return _found(i, after - 1, y, m, d, d2)
        y, after = _year_after(toks, j)
        if y is not None and (after - j == 1 or toks[j].text != ","):
            return _found(i, after - 1, y, m, None, None)
        abbreviated = tok.text not in _wide()
        cue = i > 0 and toks[i - 1].lower in TEMPORAL_CUES
        if abbreviated or (tok.lower in AMBIGUOUS_MONTHS and not cue):
            return None
        if i > 0 and toks[i - 1].is_capitalised and toks[i - 1].is_word and not cue:
            return None
        return _found(i, i, None, m, None, None)
    days = _days(toks, i)
    if days:
        d, d2, k = days
        if k < toks.n and toks[k].lower == "of":
            k += 1
        m = month(toks[k]) if k < toks.n else None
        if m is not None:
            j = _skip_dot(toks, k + 1)
            y, after = _year_after(toks, j)
            return _found(i, after - 1 if y is not None else j - 1, y, m, d, d2)
    return None


def _exists(y: int | None, m: int, d: int | None) -> bool:
    """Is day d of month m real (in year y, or in a leap year when no year is given)?"""
    return d is None or d <= calendar.monthrange(y if y is not None else 2000, m)[1]


def _found(
    first: int, last: int, y: int | None, m: int, d: int | None, d2: int | None
) -> Found | None:
    if not (_exists(y, m, d) and _exists(y, m, d2)):
        return None  # "February 30" is not a date
    attrs: tuple[tuple[str, str], ...]
    if d is not None and d2 is not None:
        attrs = (("from", _when(y, m, d)), ("to", _when(y, m, d2)))
    else:
        attrs = (("when", _when(y, m, d)),)
    return Found(first, last, "date", attrs)


def time_at(toks: Tokens, i: int) -> Found | None:
    """A clock time at token i: "10:30", "9.15pm", "3 p.m.", "10am"."""
    tok = toks[i]
    if not tok.text.isdecimal() or len(tok.text) > 2 or int(tok.text) > 24:
        return None
    hour, minute, j = int(tok.text), 0, i + 1
    has_minutes = (
        j + 1 < toks.n
        and toks[j].text == ":"
        and toks[j].start == tok.end
        and toks[j + 1].start == toks[j].end
        and len(toks[j + 1].text) == 2
        and toks[j + 1].text.isdecimal()
        and int(toks[j + 1].text) < 60
    )
    if has_minutes:
        minute, j = int(toks[j + 1].text), j + 2
    mer = _meridiem(toks, j)
    if mer is not None:
        offset, j = mer
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + offset
    elif not has_minutes or hour > 23:
        return None
    return Found(i, j - 1, "time", (("when", f"{hour:02d}:{minute:02d}:00"),))


def _meridiem(toks: Tokens, j: int) -> tuple[int, int] | None:
    """(hours to add, index after) for "am", "pm", "a.m.", "p.m." at j."""
    if j >= toks.n or toks[j].lower not in MERIDIEM:
        return None
    word = toks[j].lower
    if word in ("am", "pm"):
        return MERIDIEM[word], j + 1
    if j + 2 < toks.n and toks[j + 1].text == "." and toks[j + 2].lower == "m":
        k = j + 3
        if k < toks.n and toks[k].text == "." and toks[k].start == toks[k - 1].end:
            k += 1
        return MERIDIEM[word], k
    return None
