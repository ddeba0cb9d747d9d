"""The number at the heart of a phrase: digits, number words, fractions, vague plurals.

"1.3 million", "30,000", "twenty-three", "a hundred and five", "21st", "two-thirds",
"a fifth", "two and a half million", "thousands", "tens of thousands".
"""

from __future__ import annotations

from fractions import Fraction

from attrs import define

from .tokens import Tokens, lower_at, token_at, touches
from .values import digits_value
from .words import (
    MONEY_SCALES,
    cardinal,
    cardinal_word,
    denominator,
    ordinal,
    ordinal_word,
    plural_noun,
    plural_scale,
    scale_word,
)

__all__ = ["Core", "core_at"]

ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
RUN_SCALES = frozenset({"hundred", "thousand", "million", "billion"})
# No number written in words is longer; the cap keeps "one one one ..." linear.
MAX_RUN = 12
POSSESSIVES = frozenset(
    [
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
        "this",
        "that",
        "these",
        "those",
        "all",
    ]
)


@define
class Core:
    """Tokens first..last (inclusive) hold a number worth ``value``.

    ``vague``: a plural like "thousands", whose value is only a lower bound.
    ``scale``: the multiplier a trailing scale word applied ("million" -> 10**6).
    """

    first: int
    last: int
    value: Fraction
    kind: str = "cardinal"
    digits: bool = False
    vague: bool = False
    scale: int = 1
    article: bool = False


def core_at(toks: Tokens, i: int, money: bool = False) -> Core | None:
    """The number starting at token i, or None."""
    tok = toks[i]
    if tok.is_digits:
        return _digits(toks, i, money)
    if tok.is_word:
        return _words(toks, i, money)
    return None


def _digits(toks: Tokens, i: int, money: bool) -> Core | None:
    value = digits_value(toks[i].text)
    if value is None:
        return None
    nxt = token_at(toks, i + 1)
    if nxt is not None and touches(toks, i + 1) and nxt.lower in ORDINAL_SUFFIXES:
        if value.denominator != 1:
            return None
        return Core(i, i + 1, value, "ordinal", digits=True)
    return _scaled(toks, Core(i, i, value, digits=True), money)


def _scaled(toks: Tokens, core: Core, money: bool) -> Core:
    """Apply scale words after a number: "1.3 million", "$5bn", "£2.4m", "5 hundred thousand"."""
    j = core.last + 1
    while (tok := token_at(toks, j)) is not None and tok.is_word:
        single = len(tok.text) == 1
        # "5m people" counts millions of something; "a 5m wall" measures metres
        # (only a money scale reads it: the word after is seldom worth building)
        counted = (
            tok.lower in MONEY_SCALES
            and (nxt := token_at(toks, j + 1)) is not None
            and nxt.is_word
            and plural_noun(nxt.text)
        )
        factor = scale_word(tok.text, (money or counted) and (touches(toks, j) or not single))
        if factor is None or (single and not touches(toks, j)):
            break
        core.value *= factor
        core.scale *= factor
        core.last = j
        j += 1
    return core


def _words(toks: Tokens, i: int, money: bool) -> Core | None:
    run, j, article = _run(toks, i)
    if not run:
        return _single_word(toks, i, money)
    # An ordinal closes the run: "twenty-first", "one hundredth".
    k = j + 1 if (t := token_at(toks, j)) is not None and t.text == "-" and touches(toks, j) else j
    end = token_at(toks, k)
    if end is not None and ordinal_word(end.text) and not article and (k == j or touches(toks, k)):
        value = ordinal([w for _, w in run] + [end.text])
        if value is not None:
            return Core(i, k, Fraction(value), "ordinal")
    words = [w for _, w in run]
    last = run[-1][0]
    value = _run_value(words)
    while value is None and len(run) > 1:
        run.pop()
        last = run[-1][0]
        value = _run_value([w for _, w in run])
    if value is None:
        return None
    core = Core(i, last, Fraction(value), article=article)
    return _fraction_tail(toks, core, money)


def _run(toks: Tokens, i: int) -> tuple[list[tuple[int, str]], int, bool]:
    """Cardinal words from token i that make one number, joined by hyphens or "and"
    after a scale.

    "a"/"an" before a scale, "dozen" or a fraction word counts as "one".
    """
    run: list[tuple[int, str]] = []
    j, article = i, False
    tok = toks[i]
    if tok.lower in ("a", "an") and (nxt := token_at(toks, i + 1)) is not None:
        den = denominator(nxt.text)
        # "a fifth of", "a quarter." are fractions; "a third term" is an ordinal
        after = token_at(toks, i + 2)
        fraction = (
            den and not den[1] and (after is None or not after.is_word or after.lower == "of")
        )
        if nxt.lower in RUN_SCALES | {"dozen", "trillion"} or fraction:
            run.append((i, "one"))
            j, article = i + 1, True
    while len(run) < MAX_RUN and (t := token_at(toks, j)) is not None:
        if cardinal_word(t.text) is not None or t.lower in ("dozen", "trillion"):
            # Grow only while the words still make one number ("twenty three", not
            # "one two"): one parse per word keeps long runs linear.
            if run and _run_value([w for _, w in run] + [t.lower]) is None:
                break
            run.append((j, t.lower))
            j += 1
            continue
        nxt = token_at(toks, j + 1)
        joins_hyphen = t.text == "-" and touches(toks, j) and touches(toks, j + 1)
        joins_and = t.lower == "and" and run and run[-1][1] in RUN_SCALES
        if (
            (joins_hyphen or joins_and)
            and nxt is not None
            and cardinal_word(nxt.text) is not None
            and nxt.lower not in RUN_SCALES
        ):
            j += 1
            continue
        break
    return run, j, article


def _run_value(words: list[str]) -> int | None:
    """text2num on the words, with "dozen" and "trillion" multiplied in by hand."""
    if words[-1] in ("dozen", "trillion"):
        mult = 12 if words[-1] == "dozen" else 10**12
        base = cardinal(words[:-1]) if len(words) > 1 else 1
        return base * mult if base is not None else None
    if any(w in ("dozen", "trillion") for w in words):
        return None
    return cardinal(words)


def _fraction_tail(toks: Tokens, core: Core, money: bool) -> Core:
    """ "two-thirds", "a fifth", "two and a half", then a scale: "two and a half million"."""
    j = core.last + 1
    k = j + 1 if (t := token_at(toks, j)) is not None and t.text == "-" and touches(toks, j) else j
    den_tok = token_at(toks, k)
    den = denominator(den_tok.text) if den_tok is not None else None
    if den and core.value.denominator == 1 and (k == j or touches(toks, k)):
        core.value /= den[0]
        core.kind, core.last = "fraction", k
        return _scaled_fraction(toks, core, money)
    if (
        lower_at(toks, j) == "and"
        and lower_at(toks, j + 1) in ("a", "one")
        and lower_at(toks, j + 2) == "half"
    ):
        core.value += Fraction(1, 2)
        core.last = j + 2
    return _scaled(toks, core, money)


def _scaled_fraction(toks: Tokens, core: Core, money: bool) -> Core:
    """ "three quarters of a million": a fraction of a scale is a cardinal."""
    if lower_at(toks, core.last + 1) == "of" and lower_at(toks, core.last + 2) in ("a", "an"):
        nxt = token_at(toks, core.last + 3)
        factor = scale_word(nxt.text) if nxt is not None else None
        if factor:
            core.value *= factor
            core.kind, core.last = "cardinal", core.last + 3
    return core


def _single_word(toks: Tokens, i: int, money: bool) -> Core | None:
    """A number that is one word but no cardinal: "half", "fifth", "thousands"."""
    tok = toks[i]
    w = tok.lower
    if w == "half":
        nxt = token_at(toks, i + 2)
        if lower_at(toks, i + 1) in ("a", "an") and nxt is not None:
            factor = scale_word(nxt.text) or (12 if nxt.lower == "dozen" else None)
            if factor:
                return Core(i, i + 2, Fraction(factor, 2))
        return Core(i, i, Fraction(1, 2), "fraction")
    unit = plural_scale(w)
    if unit is not None:
        core = Core(i, i, Fraction(2 * unit), vague=True)
        # "tens of thousands", "hundreds of millions"
        if lower_at(toks, i + 1) == "of" and (nxt := token_at(toks, i + 2)) is not None:
            bigger = plural_scale(nxt.text)
            if bigger is not None and bigger > unit:
                core.value, core.last = Fraction(2 * unit * bigger), i + 2
        if w == "tens" and core.last == i:
            return None
        return core
    n = ordinal_word(w)
    # Alone, "first" and "second" are mostly adjectives and adverbs of order or time
    # ("at first", "first and foremost", "a second round", "wait a second"); written
    # as digits ("1st") or inside a compound ("twenty-first") they are still ordinals.
    if n is None or n < 3:
        return None
    # "the remaining fifth of the region": an ordinal from "third" up, then "of" + determiner.
    if n >= 3 and lower_at(toks, i + 1) == "of" and lower_at(toks, i + 2) in POSSESSIVES:
        return Core(i, i, Fraction(1, n), "fraction")
    return Core(i, i, Fraction(n), "ordinal")
