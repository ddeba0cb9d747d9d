"""Words of a block with their offsets, and where sentences start.

Names are decided on words, so the text is cut once, with one linear-time
regular expression, into words and single punctuation marks.  A possessive
ending ("Trump’s") is its own token so it stays outside the name.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from attrs import frozen

__all__ = ["Token", "TokenBlock", "token", "tokenize"]

TOKEN = re.compile(
    r"""
    (?:[A-Z]\.){2,}                 # dotted initialisms: U.S., U.K.
  | [A-Z]\.(?=[ \t]+(?:[A-Z]|and[ \t]+[A-Z]))  # an initial: Stephen J. Townsend, Charles G. and
  | (?:Inc|Ltd|Corp|Co|St|Dr|Mr|Mrs|Ms|Gen|Lt|Col|Capt|Sgt|Spc|Pfc|Pvt|Cpl|Brig|Adm|Prof|Rev|Gov|Sen|Rep|Maj|Cmdr|Cdr|Amb|Hon|Jr|Sr|Ft|Mt|Del|Det|Fr|Msgr|Supt|Insp|Pres|Sec|Atty|Ald)\.(?=[ \t]+\w)
  | \w+(?:[-'’]\w+)*                # words, with inner hyphens and apostrophes
  | \S                              # any other mark
    """,
    re.VERBOSE,
)
POSSESSIVE = ("’s", "'s", "’S", "'S")
# Marks after which the next word opens a sentence (or a quotation, which reads the same).
SENTENCE_END = frozenset(".!?:“‘«(")


ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|as|an|ar|at|ash|ibn|bin)-[A-Z]")


class Token(NamedTuple):
    """A word or mark: offsets into the document, and whether it opens a sentence.

    A named tuple: documents have tens of thousands of tokens, and the word tests
    used everywhere are computed once, by :func:`token`.
    """

    start: int
    end: int
    text: str
    initial: bool
    is_word: bool
    capitalised: bool  # like a name; "al-Abadi" counts, its article is lower-case by convention


def token(start: int, end: int, text: str, initial: bool) -> Token:
    c = text[0]
    return Token(
        start,
        end,
        text,
        initial,
        c.isalnum(),
        c.isupper() or (c in "aeib" and ARABIC_ARTICLE.match(text) is not None),
    )


_new = tuple.__new__  # builds a Token without the Python-level ``__new__`` call


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]`` (one block); the first word is sentence-initial."""
    out: list[Token] = []
    append = out.append
    initial = True
    arabic = ARABIC_ARTICLE.match
    for m in TOKEN.finditer(text, start, end):
        word = m.group()
        s = m.start()
        c = word[0]
        if not c.isalnum():  # a mark
            append(_new(Token, (s, s + 1, word, False, False, False)))
            if word in SENTENCE_END or (word in "\"'" and text[s + 1 : s + 2].isalnum()):
                initial = True
            continue
        n = len(word)
        if n > 2 and word.endswith(POSSESSIVE):
            append(token(s, s + n - 2, word[:-2], initial))
            append(_new(Token, (s + n - 2, s + n, word[-2:], False, False, False)))
        else:
            cap = c.isupper() or (c in "aeib" and arabic(word) is not None)
            append(_new(Token, (s, s + n, word, initial, True, cap)))
        initial = False
    return out


@frozen
class TokenBlock:
    """The tokens of one block; ``heading`` if it capitalises every word, ``prose`` if a paragraph."""

    tokens: list[Token]
    heading: bool
    prose: bool
