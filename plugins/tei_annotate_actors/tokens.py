"""Words of a block with their offsets, and where sentences start.

Names are decided on words, so the text is cut once, with one linear-time
regular expression, into words and single punctuation marks.  A possessive
ending ("Trump’s") is its own token so it stays outside the name.
"""

from __future__ import annotations

import re

from attrs import frozen

__all__ = ["Token", "tokenize"]

TOKEN = re.compile(
    r"""
    (?:[A-Z]\.){2,}                 # dotted initialisms: U.S., U.K.
  | [A-Z]\.(?=[ \t]+[A-Z])          # an initial inside a name: Stephen J. Townsend
  | (?:Inc|Ltd|Corp|Co|St|Dr|Mr|Mrs|Ms|Gen|Lt|Col|Capt|Sgt|Spc|Pfc|Pvt|Cpl|Brig|Adm|Prof|Rev|Gov|Sen|Rep|Maj|Cmdr|Cdr|Amb|Hon|Jr|Sr|Ft|Mt)\.(?=[ \t]+\w)
  | \w+(?:[-'’]\w+)*                # words, with inner hyphens and apostrophes
  | \S                              # any other mark
    """,
    re.VERBOSE,
)
POSSESSIVE = ("’s", "'s", "’S", "'S")
# Marks after which the next word opens a sentence (or a quotation, which reads the same).
SENTENCE_END = frozenset(".!?:“‘«(")


@frozen
class Token:
    """A word or mark: offsets into the document, and whether it opens a sentence."""

    start: int
    end: int
    text: str
    initial: bool

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def lower(self) -> str:
        return self.text.lower()


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]`` (one block); the first word is sentence-initial."""
    out: list[Token] = []
    initial = True
    for m in TOKEN.finditer(text, start, end):
        word = m.group()
        s, e = m.span()
        if word[0].isalnum() and word.endswith(POSSESSIVE) and len(word) > 2:
            out.append(Token(s, e - 2, word[:-2], initial))
            out.append(Token(e - 2, e, word[-2:], False))
            initial = False
            continue
        is_word = word[0].isalnum()
        out.append(Token(s, e, word, initial and is_word))
        if is_word:
            initial = False
        elif word in SENTENCE_END or (word in "\"'" and text[e : e + 1].isalnum()):
            initial = True
    return out
