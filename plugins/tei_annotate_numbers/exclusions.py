"""Numbers that count nothing: parts of names, labels, references and identifiers.

"G8", "F-16", "Boeing 737", "CTF 50", "5th Fleet", "Second World War" are names;
"section 119.3", "Resolutions 2254 and 2118" are labels; "[3]" is a citation;
"910-432-3383" an identifier; "35°01′57″N" a coordinate; "one of the" a pronoun.
Each rule returns the index of the last token to skip, or None.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .dates import month, year_value
from .lexicon import AT_LEAST, AT_MOST, DETERMINERS, FUNCTION_WORDS, LABEL_NOUNS
from .tokens import Token, Tokens, lower_at, token_at, touches
from .words import cardinal_word, ordinal_word

__all__ = ["attached", "is_headline", "not_a_number"]

BOUND_WORDS = frozenset(w for phrase in AT_LEAST + AT_MOST for w in phrase)
APPROXIMATORS = frozenset(
    [
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "estimated",
        "nearly",
        "almost",
        "only",
        "just",
        "another",
        "circa",
        "maybe",
        "perhaps",
    ]
)
WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
SENTENCE_END = frozenset(".!?:;\"“‘'([")
ANGLE_MARKS = frozenset("°′″")
# Labels where the noun must be written with a full stop or a digit must follow ("No. 5").
ABBREVIATED_LABELS = frozenset({"no", "nos", "p", "pp", "fig", "vol", "para"})


Rule = Callable[[Tokens, int, str], int | None]


def _numeric(tok: Token | None) -> bool:
    return tok is not None and (tok.is_digits or cardinal_word(tok.text) is not None)


def not_a_number(toks: Tokens, i: int, text: str, headline: bool = False) -> int | None:
    """If the number at token i is not a quantity, the last token index to skip.

    In a headline every word is capitalised, so capitals say nothing about names there.
    """
    rules = _RULES[toks[i].is_digits, headline]
    for rule in rules:
        last = rule(toks, i, text)
        if last is not None:
            return last
    return None


# The rules in the order they are asked, less those that cannot fire: the digit rules
# (attached, _long_digits, _chain, _angle) on a word, _pronoun ("one") on digits, and
# _name_part in a headline.  Keyed by (token is digits, headline).
def _rule_table() -> dict[tuple[bool, bool], tuple[Rule, ...]]:
    digits = (_citation, attached, _long_digits, _chain, _angle, _label, _name_part)
    words = (_citation, _label, _name_part, _pronoun)
    return {
        (d, h): tuple(r for r in (digits if d else words) if not (h and r is _name_part))
        for d in (False, True)
        for h in (False, True)
    }


def is_headline(words: Sequence[str]) -> bool:
    """Title Case: every word longer than three letters is capitalised (a sentence has
    lower-case verbs and nouns however many names it holds).  ``words`` are the token texts."""
    n = 0
    for w in words:
        if len(w) > 3 and w[0].isalpha():
            if not w[0].isupper():
                return False
            n += 1
    return n >= 3


def _long_digits(toks: Tokens, i: int, text: str) -> int | None:
    """Nine or more digits without separators: timestamps, ids, phone numbers.
    News writes quantities that large with separators or scale words."""
    tok = toks[i]
    return i if tok.is_digits and tok.text.isdecimal() and len(tok.text) >= 9 else None


def _citation(toks: Tokens, i: int, text: str) -> int | None:
    """ "[3]": a footnote or reference mark."""
    prev = token_at(toks, i - 1)
    if prev is None or prev.text != "[":  # rarely one: the token after is then not built
        return None
    nxt = token_at(toks, i + 1)
    return i + 1 if nxt is not None and nxt.text == "]" else None


def attached(toks: Tokens, i: int, text: str) -> int | None:
    """Digits written onto letters ("G8", "B52") or onto a capitalised word by a hyphen
    ("F-16", "COVID-19", "Su-27"); letters written onto digits ("3D", "5G")."""
    tok = toks[i]
    if not tok.is_digits:
        return None
    prev = token_at(toks, i - 1)
    if prev is not None and touches(toks, i) and prev.is_word:
        return i
    if (
        prev is not None
        and prev.text in ("-", "–")
        and touches(toks, i)
        and touches(toks, i - 1)
        and (before := toks[i - 2]).is_word
        and before.is_capitalised
        and month(before) is None
    ):
        return i
    return None


def _chain(toks: Tokens, i: int, text: str) -> int | None:
    """Three or more digit groups joined without spaces ("910-432-3383", "12/15/2016"),
    or any two joined by a slash ("24/7"): identifiers, not quantities."""
    if not toks[i].is_digits or (touches(toks, i) and toks[i - 1].text in "-/."):
        return None
    j, groups, slash = i, 1, False
    while (
        (sep := token_at(toks, j + 1)) is not None
        and sep.text in ("-", "/", ".")
        and touches(toks, j + 1)
        and (nxt := token_at(toks, j + 2)) is not None
        and nxt.is_digits
        and touches(toks, j + 2)
    ):
        slash = slash or sep.text == "/"
        j, groups = j + 2, groups + 1
    return j if groups >= 3 or slash else None


def _angle(toks: Tokens, i: int, text: str) -> int | None:
    """Degrees, minutes and seconds of a coordinate ("35°01′57″N"), and the decimal
    latitude/longitude pairs written beside them ("35.0325; 43.6463889")."""
    tok = toks[i]
    if not tok.is_digits:
        return None
    nxt = token_at(toks, i + 1)
    if nxt is not None and touches(toks, i + 1) and nxt.text in ANGLE_MARKS:
        after = token_at(toks, i + 2)
        if nxt.text == "°" and after is not None and after.text in ("C", "F"):
            return None  # a temperature
        return i + 1
    decimals = tok.text.partition(".")[2]
    if len(decimals) >= 4:
        prev = token_at(toks, i - 1)
        if (nxt is not None and nxt.text == ";") or (prev is not None and prev.text == ";"):
            return i
    return None


def _label(toks: Tokens, i: int, text: str) -> int | None:
    """A number after a labelling noun, and the numbers coordinated with it:
    "section 119.3", "Resolutions 2254 and 2118", "Chapter one"."""
    prev = token_at(toks, i - 1)
    if prev is not None and prev.text == "." and touches(toks, i - 1):
        prev = token_at(toks, i - 2)
        dotted = True
    else:
        dotted = False
    if prev is None or prev.lower not in LABEL_NOUNS:
        return None
    if prev.lower in ABBREVIATED_LABELS and not (dotted and toks[i].is_digits):
        return None
    if not toks[i].is_digits and not prev.is_capitalised and prev.lower not in ("chapter",):
        return None
    j = i
    while (sep := token_at(toks, j + 1)) is not None and sep.lower in (",", "and", "or", "-", "–"):
        if not _numeric(token_at(toks, j + 2)):
            break
        j += 2
    return j


def _name_part(toks: Tokens, i: int, text: str) -> int | None:
    """A number inside a name: after a capitalised word or acronym ("Boeing 737",
    "CTF 50", "DDG 70"), or a capitalised ordinal before a capitalised word
    ("5th Fleet", "Second World War")."""
    tok = toks[i]
    nxt = token_at(toks, i + 1)
    if (
        tok.is_digits
        and nxt is not None
        and touches(toks, i + 1)
        and nxt.lower in ("st", "nd", "rd", "th")
    ):
        after = token_at(toks, i + 2)  # built only here: most numbers have no suffix
        if after is not None and after.is_capitalised and after.is_word and month(after) is None:
            return i + 1
        return None
    capital_mid_sentence = tok.is_word and tok.is_capitalised and not _sentence_start(toks, i, text)
    if (
        capital_mid_sentence
        and ordinal_word(tok.text)
        and nxt is not None
        and nxt.is_word
        and nxt.is_capitalised
    ):
        return i
    prev = token_at(toks, i - 1)
    if prev is not None and prev.text == ")" and _acronym_in_brackets(toks, i - 1):
        return i  # "Task Force (CTF) 50"
    if prev is None or not prev.is_word or not prev.is_capitalised or touches(toks, i):
        return None
    if year_value(tok) is not None:
        return None  # "the 2016 Summit", "Summit 2016": a year still
    low = prev.lower
    sentence_capital = _sentence_start(toks, i - 1, text) and not tok.is_capitalised
    if tok.is_word and (sentence_capital or low.endswith("ly")):
        return None  # "Exactly twenty", "Nearly nine"; but "Formula One", "Apollo Eleven"
    if (
        low in FUNCTION_WORDS
        or low in BOUND_WORDS
        or low in APPROXIMATORS
        or low in WEEKDAYS
        or month(prev) is not None
        or text[prev.end : tok.start] != " "
    ):
        return None
    if tok.is_word and cardinal_word(tok.text) is None:
        return None
    return i


def _acronym_in_brackets(toks: Tokens, close: int) -> bool:
    """Token ``close`` ends "(ABC)": an acronym standing for the name before it."""
    inner, open_ = token_at(toks, close - 1), token_at(toks, close - 2)
    return (
        inner is not None
        and open_ is not None
        and open_.text == "("
        and inner.is_word
        and len(inner.text) > 1
        and inner.text.isupper()
    )


def _sentence_start(toks: Tokens, i: int, text: str) -> bool:
    prev = token_at(toks, i - 1)
    return prev is None or prev.text in SENTENCE_END or "\n" in text[prev.end : toks[i].start]


def _pronoun(toks: Tokens, i: int, text: str) -> int | None:
    """ "one" as a pronoun: "one of the", "every one of", "the last one", "one another"."""
    tok = toks[i]
    if tok.lower != "one":
        return None
    prev, nxt = token_at(toks, i - 1), token_at(toks, i + 1)
    if prev is not None and prev.lower in DETERMINERS:
        return i
    if nxt is not None and (
        nxt.text == "-" or (nxt.lower == "and" and lower_at(toks, i + 3) == "half")
    ):
        return None  # "one-third", "one and a half"
    if nxt is None or not nxt.is_word or nxt.lower in FUNCTION_WORDS:
        return i
    return None


_RULES = _rule_table()
