"""Closed word classes and spelling cues: a light part-of-speech guess without a model.

English closes its function words into short lists; what a content word is can
mostly be told from its neighbours (a determiner before a noun, "to" or a modal
before a verb) and its ending.  That is all the disambiguation rules need, and it
runs thousands of times faster than a statistical tagger.
"""

from __future__ import annotations

from .tokens import Token

__all__ = [
    "AUXILIARIES",
    "BE",
    "CONJUNCTIONS",
    "DETERMINERS",
    "DO",
    "FUNCTION_WORDS",
    "HAVE",
    "MODALS",
    "MONTHS",
    "NEGATIONS",
    "NUMBER_WORDS",
    "OBJECT_PRONOUNS",
    "POSSESSIVES",
    "PREPOSITIONS",
    "SUBJECT_PRONOUNS",
    "UNITS_OF_TIME",
    "WH",
    "is_number",
    "looks_adjective",
    "looks_participle",
    "may_be_number",
]


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


BE = _words("be is are was were been being am 's 're 'm isn't aren't wasn't weren't")
HAVE = _words("have has had having 've 'd haven't hasn't hadn't")
DO = _words("do does did doesn't don't didn't")
AUXILIARIES = BE | HAVE | DO
MODALS = _words(
    "may might can could would should will shall must ought 'll cannot can't couldn't "
    "wouldn't shouldn't won't mustn't mightn't"
)
NEGATIONS = _words("not n't never no")
DETERMINERS = _words(
    "a an the this that these those each every some any no another such what which whose "
    "all both either neither much many more most several few"
)
POSSESSIVES = _words("my your his her its our their")
SUBJECT_PRONOUNS = _words("i you he she it we they one there")
OBJECT_PRONOUNS = _words("me him her us them")
PREPOSITIONS = _words(
    "in on at of for from to with by about around into onto over under through during "
    "until till since before after between among amongst against across along behind "
    "beyond near upon within without toward towards via per like than"
)
CONJUNCTIONS = _words("and or but nor yet so because although though while whereas")
WH = _words("who whom which that what where when why how whose")
MONTHS = _words(
    "january february march april may june july august september october november december"
)
NUMBER_WORDS = _words(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred hundreds thousand thousands million millions billion billions "
    "trillion dozen dozens half third quarter fifth tenth twice thrice"
)
UNITS_OF_TIME = _words(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "decade decades century centuries"
)
CURRENCY_SIGNS = frozenset("$£€¥")
FUNCTION_WORDS = (
    AUXILIARIES
    | MODALS
    | DETERMINERS
    | POSSESSIVES
    | SUBJECT_PRONOUNS
    | OBJECT_PRONOUNS
    | PREPOSITIONS
    | CONJUNCTIONS
    | WH
)
ADJECTIVE_ENDINGS = (
    "al", "ary", "ic", "ful", "ous", "ive", "able", "ible", "less", "ish", "ian", "ese",
    "ern", "ant", "ent", "ial",
)  # fmt: skip


def is_number(tok: Token) -> bool:
    """A digit string, a number word or a currency sign opening an amount."""
    return tok.text[0].isdigit() or tok.lower in NUMBER_WORDS or tok.text in CURRENCY_SIGNS


def may_be_number(word: str) -> bool:
    """:func:`is_number` of a token read from its lower-cased text alone (digits, signs and
    number words have no case)."""
    return word[0].isdigit() or word in NUMBER_WORDS or word in CURRENCY_SIGNS


def looks_adjective(tok: Token) -> bool:
    """A lower-case content word with a typical adjective ending ("military", "economic")."""
    w = tok.lower
    return (
        tok.is_word
        and w not in FUNCTION_WORDS
        and len(w) > 4
        and w.endswith(ADJECTIVE_ENDINGS)
        and not w.endswith(("ment", "ness", "tion", "sion"))
    )


def looks_participle(tok: Token) -> bool:
    """A word that can be a past participle ("made", "seen", "considered")."""
    w = tok.lower
    return w.endswith(("ed", "en", "wn", "ght")) or w in IRREGULAR_PARTICIPLES


IRREGULAR_PARTICIPLES = _words(
    "made said done gone met put set let read sent spent built held kept left lost paid "
    "found told sold won hit cut run become come begun sung drunk struck understood"
)
