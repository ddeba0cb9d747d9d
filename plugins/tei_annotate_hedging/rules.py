"""Context checks that tell a hedging reading of a cue from its other readings.

Each rule gets a sentence (its tokens) and the cue's token range ``[i, j)`` and
says whether the cue hedges there.  They look at a few neighbouring words and the
word classes of :mod:`wordclass`; a lexicon row names its rule in its third column.
A rule that needs no more than the lower-cased words gets only those (``WORD_RULES``):
the sentence is then not tokenized for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Any

from .tokens import OPENERS, Token
from .wordclass import (
    AUXILIARIES,
    BE,
    DETERMINERS,
    DO,
    FUNCTION_WORDS,
    HAVE,
    MODALS,
    NEGATIONS,
    OBJECT_PRONOUNS,
    POSSESSIVES,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    UNITS_OF_TIME,
    WH,
    is_number,
    looks_adjective,
    looks_participle,
    may_be_number,
)

__all__ = ["PRECHECKS", "RULES", "WORD_RULES", "Precheck", "Rule", "WordRule"]

Sentence = list[Token]
Rule = Callable[[Sentence, int, int], bool]
RULES: dict[str, Rule] = {}
# A rule's precheck reads only the sentence's lower-cased words (no tokens) and is False
# only where the rule is False too.  The cues of common words ("about", "would") mostly
# fail their rules, and a sentence whose cues all fail a precheck is never tokenized.
Precheck = Callable[[list[str], int, int], bool]
PRECHECKS: dict[str, Precheck] = {}
# Rules that read only the lower-cased words, like the prechecks: asked without tokens.
WordRule = Callable[[list[str], int, int], bool]
WORD_RULES: dict[str, WordRule] = {}

# Adverbs that may stand between a modal or a verb and what it governs.
INSERTS = frozenset(
    [
        "also",
        "well",
        "even",
        "still",
        "only",
        "easily",
        "then",
        "thus",
        "therefore",
        "indeed",
        "never",
        "not",
        "just",
        "already",
        "potentially",
        "possibly",
        "probably",
        "perhaps",
        "certainly",
        "actually",
        "really",
        "further",
        "eventually",
        "ultimately",
        "soon",
        "later",
    ]
)
# How far a rule looks for a clause's edge, a subject or a condition: sentences can be
# pathologically long, and a bounded look keeps the work per cue constant.
REACH = 25
CLAUSE_PUNCT = frozenset(',;:()—–-"“”')


def rule(fn: Rule) -> Rule:
    RULES[fn.__name__] = fn
    return fn


def word_rule(fn: WordRule) -> WordRule:
    WORD_RULES[fn.__name__] = fn
    return fn


def precheck(name: str) -> Callable[[Precheck], Precheck]:
    """Register ``fn`` as the precheck of rule ``name``."""

    def register(fn: Precheck) -> Precheck:
        PRECHECKS[name] = fn
        return fn

    return register


def before(s: Sentence, i: int, k: int = 1) -> Token | None:
    return s[i - k] if i - k >= 0 else None


def after(s: Sentence, j: int, k: int = 0) -> Token | None:
    return s[j + k] if j + k < len(s) else None


def word_after(s: Sentence, j: int) -> tuple[int, Token | None]:
    """The first word after ``j`` that is not an inserted adverb, with its index."""
    stop = min(len(s), j + REACH)
    while j < stop and s[j].lower in INSERTS:
        j += 1
    return j, (s[j] if j < len(s) else None)


def lower(tok: Token | None) -> str:
    return tok.lower if tok is not None else ""


def word_before(words: list[str], i: int, k: int = 1) -> str:
    """The lower-cased word ``k`` before ``i``, or "" (as :func:`lower` of :func:`before`)."""
    return words[i - k] if i - k >= 0 else ""


def word_at(words: list[str], j: int) -> str:
    """The lower-cased word at ``j``, or "" (as :func:`lower` of :func:`after`)."""
    return words[j] if j < len(words) else ""


def sentence_initial(s: Sentence, i: int) -> bool:
    return i == 0 or s[i - 1].text in OPENERS or s[i - 1].text in CLAUSE_PUNCT


def noun_context_before(tok: Token | None) -> bool:
    """A word that can stand before a noun: a determiner, a possessive, an adjective."""
    if tok is None:
        return False
    return (
        tok.lower in DETERMINERS
        or tok.lower in POSSESSIVES
        or tok.lower.endswith(("'s", "s'"))
        or looks_adjective(tok)
    )


def subject_of(s: Sentence, i: int) -> Token | None:
    """The word just before a verb's auxiliaries and adverbs, jumping back over a
    parenthetical relative clause ("Trump, who ..., regards"): its subject, roughly."""
    k, limit = i - 1, max(0, i - REACH)
    while k >= limit and (
        s[k].lower in INSERTS
        or s[k].lower in HAVE
        or s[k].lower in MODALS
        or s[k].lower in DO
        or (s[k].lower.endswith("ly") and len(s[k].lower) > 4)
        or s[k].lower in ("just", "long", "always", "often", "once", "now")
    ):
        k -= 1
    if k >= 0 and s[k].text == ",":
        m = k - 1
        while m >= limit and s[m].text != ",":
            m -= 1
        if m > 0 and lower(after(s, m + 1)) in WH:
            k = m - 1
    return s[k] if k >= 0 else None


def names_individual(s: Sentence, tok: Token | None) -> bool:
    """Is ``tok`` a proper name (capitalised inside the sentence, or a singular one at its start)?"""
    if tok is None or not tok.is_capitalised or not tok.is_word:
        return False
    if tok.lower in SUBJECT_PRONOUNS or tok.lower in DETERMINERS or tok.lower in FUNCTION_WORDS:
        return False
    return tok is not s[0] or not tok.lower.endswith("s")


@rule
def belief_held(s: Sentence, i: int, j: int) -> bool:
    """A belief verb hedges unless a named individual is its subject: "Trump regards X as Y"
    reports that person's stance as a fact, where "X is regarded as Y", "we believe" or
    "experts believe" withhold the writer's commitment."""
    return not names_individual(s, subject_of(s, i))


# ---------------------------------------------------------------- modal verbs
@rule
def may(s: Sentence, i: int, j: int) -> bool:
    """The modal "may", not "May" the month or a name ("Theresa May", "in May 2005")."""
    tok, nxt = s[i], after(s, j)
    if nxt is not None and is_number(nxt):
        return False  # "May 25", "may 2005"
    if not tok.is_capitalised:
        return True
    if nxt is not None and nxt.lower in ("of", "and", ","):
        return False  # "May of 1990", "May and June", "May, 1989"
    return sentence_initial(s, i) and nxt is not None and not nxt.is_capitalised


@rule
def might(s: Sentence, i: int, j: int) -> bool:
    """The modal "might", not the noun ("military might", "the might of Rome")."""
    prev, nxt = before(s, i), after(s, j)
    if nxt is None or not nxt.is_word or nxt.lower in ("of", "and", "or"):
        return False
    if nxt.lower in INSERTS or nxt.lower in ("be", "have", "want", "need", "seem", "help"):
        return True  # "that might be the case", "which might well be"
    if nxt.lower in AUXILIARIES or nxt.lower in MODALS:
        return False  # "China's might is growing"
    return not (noun_context_before(prev) or lower(prev) in ("with", "of", "all"))


INTERPRETIVE = frozenset(
    [
        "considered",
        "regarded",
        "seen",
        "viewed",
        "read",
        "interpreted",
        "described",
        "construed",
        "taken",
        "called",
        "thought",
        "argued",
        "explained",
        "attributed",
    ]
)
PERSONAL = frozenset(["i", "you", "he", "she", "we", "they"])
CONSEQUENCES = frozenset(
    [
        "lead",
        "cause",
        "result",
        "reach",
        "exceed",
        "mean",
        "affect",
        "harm",
        "damage",
        "threaten",
        "trigger",
        "explain",
        "underlie",
        "become",
        "pose",
        "prove",
        "increase",
        "reduce",
        "leave",
        "spark",
        "undermine",
        "jeopardize",
    ]
)
PERCEPTION = frozenset(
    ["see", "hear", "feel", "smell", "taste", "tell", "find", "afford", "remember"]
)


@rule
def could(s: Sentence, i: int, j: int) -> bool:
    """Epistemic "could" ("it could take years"), not past ability ("he could swim")."""
    k, verb = word_after(s, j)
    if verb is None or lower(after(s, j)) in NEGATIONS or lower(after(s, j)) == "no":
        return False  # "could not": past inability
    if verb.lower == "have":
        return True  # "could have been": a possibility about the past
    if verb.lower == "be":
        nxt = after(s, k + 1)
        if nxt is not None and nxt.lower in INTERPRETIVE:
            return True  # "could be read as", "could be considered": a possible view
        return nxt is None or not looks_participle(nxt)  # "could be opened": ability
    lo = max(0, i - REACH)
    if verb.lower in PERCEPTION or _purpose_clause([t.lower for t in s[max(0, i - 4) : i]]):
        return False
    if verb.lower in CONSEQUENCES:
        return True  # "the departure could lead to ...": a possible outcome
    subject = subject_of(s, i)
    if lower(subject) in PERSONAL or names_individual(s, subject):
        return False  # a person who could do something: ability ("he could swim")
    # "it could take years" but "the ship could carry 90"
    return not _past_context([t.lower for t in s[lo : i + REACH]], i - lo)


@precheck("could")
def _may_be_epistemic(words: list[str], i: int, j: int) -> bool:
    k, stop = j, min(len(words), j + REACH)
    while k < stop and words[k] in INSERTS:
        k += 1
    if k >= len(words) or words[j] in NEGATIONS:
        return False
    if words[k] in ("have", "be") or words[k] in CONSEQUENCES:
        return True
    if words[k] in PERCEPTION or _purpose_clause(words[max(0, i - 4) : i]):
        return False
    return not _past_context(words, i)


PAST = re.compile(r"\b(?:was|were|had|did|\w+ed)\b")


def _past_context(lows: list[str], i: int) -> bool:
    """Does the sentence narrate the past (a past auxiliary or an -ed verb near ``i``)?"""
    around = lows[max(0, i - REACH) : i] + lows[i + 1 : i + REACH]
    return PAST.search(" ".join(around)) is not None


def _purpose_clause(window: list[str]) -> bool:
    """Is the modal inside "so (that) ..." or "in order that ..."? (ability, not doubt)"""
    return "so" in window or ("order" in window and "that" in window)


@rule
def must_have(s: Sentence, i: int, j: int) -> bool:
    """A "must have" + participle is an inference ("it must have been"); obligation is not."""
    nxt = after(s, j)
    return nxt is not None and looks_participle(nxt)


NARRATIVE = frozenset(["later", "eventually", "soon", "then", "go", "become", "remain", "continue"])
CONDITIONS = frozenset(["if", "unless", "otherwise", "without", "suppose", "supposing", "imagine"])


@rule
def consequent(s: Sentence, i: int, j: int) -> bool:
    """A "would" or "will" that states what follows from a condition in the same sentence
    ("if he left, the party would split"), not the future in the past or habit."""
    _, verb = word_after(s, j)
    if verb is None or lower(after(s, j)) in NARRATIVE or lower(verb) in NARRATIVE:
        return False
    lo, hi = _clause_start(s, i), _clause_end(s, j)
    return any(
        s[k].lower in CONDITIONS and (s[k].lower != "if" or if_(s, k, k + 1)) for k in range(lo, hi)
    )


@precheck("consequent")
def _condition_in_reach(words: list[str], i: int, j: int) -> bool:
    return not CONDITIONS.isdisjoint(words[max(0, i - REACH) : j + REACH])


# A quotation or a colon opens a new speech act: a condition outside does not govern it.
SEGMENT_BREAKS = frozenset(':;"“”«»')


def _clause_start(s: Sentence, i: int) -> int:
    limit = max(0, i - REACH)
    while i > limit and s[i - 1].text not in SEGMENT_BREAKS:
        i -= 1
    return i


def _clause_end(s: Sentence, j: int) -> int:
    limit = min(len(s), j + REACH)
    while j < limit and s[j].text not in SEGMENT_BREAKS:
        j += 1
    return j


# ---------------------------------------------------------------- conditionals
# Set phrases that plan for a case rather than doubt a claim.
IF_IDIOMS = (("all", "else", "fails"), ("need", "be"), ("necessary",), ("possible",), ("ever",))


@precheck("inverted_condition")
def _initial_with_comma(words: list[str], i: int, j: int) -> bool:
    opens = i == 0 or words[i - 1] in OPENERS or words[i - 1] in CLAUSE_PUNCT
    return opens and _last_comma(words) >= j


class _LastComma:
    """Index of the last "," of a sentence (-1 if none), kept for the sentence last asked
    about: a sentence of many openers ("( Should ( Should ...") asks once per opener, and
    scanning its rest each time was quadratic.  The memo is one tuple, replaced whole, so
    threads never see one sentence's index with another sentence."""

    def __init__(self, text_of: Callable[[Any], str]) -> None:
        self.text_of = text_of
        self.memo: tuple[object, int] = (None, -1)

    def __call__(self, seq: Sequence[Any]) -> int:
        seen, index = self.memo
        if seen is not seq:
            texts = list(map(self.text_of, seq))
            index = len(texts) - 1 - texts[::-1].index(",") if "," in texts else -1
            self.memo = (seq, index)
        return index


_last_comma = _LastComma(str)  # of the lower-cased words: "," is its own lower case
_last_comma_token = _LastComma(attrgetter("text"))


@rule
def if_(s: Sentence, i: int, j: int) -> bool:
    """A condition, not a concession or comparison ("even if", "as if", "if any")."""
    prev, nxt, two = before(s, i), after(s, j), after(s, j, 1)
    if nxt is None or lower(prev) == "as" or nxt.lower in ("any", "anything", "not", "no"):
        return False  # "as if" compares; "if any", "if not most" concede
    if any(tuple(t.lower for t in s[j : j + len(idiom)]) == idiom for idiom in IF_IDIOMS):
        return False
    if nxt.lower == "so":
        return True  # "if so": the condition is the previous sentence
    if lower(prev) == "and" and lower(before(s, i, 2)) == "only":
        return False
    if nxt.lower == "and" and lower(two) == "only":
        return False  # "if and only if": a definition
    return two is not None and (two.is_word or two.text in "'’\"“")  # "if fleeting," concedes


RULES["if"] = RULES.pop("if_")


@rule
def inverted_condition(s: Sentence, i: int, j: int) -> bool:
    """An inverted condition ("Should the talks fail, ..."), not a question ("Should we go?")."""
    return sentence_initial(s, i) and s[-1].text != "?" and _last_comma_token(s) >= j


@rule
def if_not(s: Sentence, i: int, j: int) -> bool:
    """A condition in "if not combined with ..."; a concession in "many, if not most" concedes."""
    nxt = after(s, j)
    return nxt is not None and looks_participle(nxt) and lower(before(s, i)) != "even"


@word_rule
def in_case(words: list[str], i: int, j: int) -> bool:
    """A condition in "in case of fire", "in case he calls"; not "in case law"."""
    return word_at(words, j) not in ("law", "study", "studies")


# ---------------------------------------------------------------- content words
@rule
def attributive(s: Sentence, i: int, j: int) -> bool:
    """Adjectives that hedge before a noun ("the apparent suicide", "a potential buyer")."""
    nxt = after(s, j)
    return nxt is not None and nxt.is_word and nxt.lower not in PREPOSITIONS | {"and", "or"}


@rule
def possible(s: Sentence, i: int, j: int) -> bool:
    """Predicative "it is possible that", "a possible cause"; not "as soon as possible", "made it possible"."""
    prev, nxt = lower(before(s, i)), lower(after(s, j))
    if nxt == "that":
        return True
    if nxt in ("to", "for", "through", "by", "with", "within", "at", "in", "on"):
        return False  # ability or permission: "it is possible to travel there"
    return prev in PREDICATIVE  # "it is possible", not "a possible cause" or "as soon as possible"


@precheck("possible")
def _predicative_or_that(words: list[str], i: int, j: int) -> bool:
    return words[j : j + 1] == ["that"] or (i > 0 and words[i - 1] in PREDICATIVE)


PREDICATIVE = BE - {"be", "been", "being"} | frozenset(
    [
        "seems",
        "seemed",
        "appears",
        "appeared",
        "also",
        "quite",
        "very",
        "entirely",
        "perfectly",
        "well",
        "still",
        "it's",
    ]
)


@word_rule
def doubt(words: list[str], i: int, j: int) -> bool:
    """A "doubt" hedges, except in "no doubt", "without doubt", "beyond doubt" (boosters)."""
    return word_before(words, i) not in ("no", "without", "beyond", "little")


@rule
def verb(s: Sentence, i: int, j: int) -> bool:
    """A verb reading: after a subject or auxiliary, not after a determiner ("the suspects")."""
    return not noun_context_before(before(s, i))


@word_rule
def fear(words: list[str], i: int, j: int) -> bool:
    """Fear as doubt: "it is feared that", "fears that ..." but not "fear of spiders"."""
    return word_at(words, j) in ("that", "to") or word_before(words, i) in BE


@word_rule
def in_question(words: list[str], i: int, j: int) -> bool:
    """Doubt in "open to question", "called in question"; not "the person in question"."""
    return word_before(words, i) in ("called", "call", "calls", "calling", "open", "brought")


@rule
def questioned(s: Sentence, i: int, j: int) -> bool:
    """Doubted, as in "has (also) been questioned", "critics have questioned"; not
    "police questioned the suspect" (no perfect or passive auxiliary)."""
    k = i - 1
    while k > 0 and s[k].lower in INSERTS:
        k -= 1
    if lower(after(s, j)) in ("by", "over", "about", "on", "for", "in"):
        return False  # "questioned by police", "questioned over the attack": interrogated
    subject = subject_of(s, k if s[k].lower in ("been", "being") else i)
    if lower(subject) in PERSONAL or names_individual(s, subject):
        return False  # "he has been questioned": a person is interrogated
    return k >= 0 and s[k].lower in HAVE | {"been", "being"}


@rule
def appear(s: Sentence, i: int, j: int) -> bool:
    """Seeming in "appears to be", "it appears that", "appears unimpressed"; not "appears on stage"."""
    k, nxt = word_after(s, j)
    if nxt is None or not nxt.is_word:
        return lower(before(s, i)) == "it" and nxt is not None and nxt.text == ","
    if nxt.lower in ("to", "that", "likely", "unlikely", "certain", "as"):
        return nxt.lower != "as" or lower(after(s, k + 1)) in ("if", "though")
    if nxt.lower in PREPOSITIONS or nxt.lower in DETERMINERS or nxt.lower in POSSESSIVES:
        return False
    if is_number(nxt) or nxt.is_capitalised or nxt.lower.endswith("ly"):
        return False
    return (nxt.lower not in AUXILIARIES and not looks_participle(nxt)) or nxt.lower in (
        "unimpressed",
        "unconvinced",
    )


@word_rule
def look_like(words: list[str], i: int, j: int) -> bool:
    """A "looks like" + a clause or an event, not a description of a face."""
    return word_before(words, i) in SUBJECT_PRONOUNS or word_before(words, i) in ("this", "that")


PROPOSED = DETERMINERS - {"that"} | POSSESSIVES  # what is proposed: "suggested a new name"


@word_rule
def suggest(words: list[str], i: int, j: int) -> bool:
    """Suggesting as implying, not as proposing ("suggested a new name for the club")."""
    return word_at(words, j) not in PROPOSED


@word_rule
def that_clause(words: list[str], i: int, j: int) -> bool:
    """Nouns and verbs that hedge with a content clause ("the belief that", "indicates that")."""
    return word_at(words, j) in ("that", "a", "an") or word_before(words, i) in BE


@rule
def believe(s: Sentence, i: int, j: int) -> bool:
    """Belief in a proposition; not faith or trust ("believe in Santa Claus") or disbelief
    ("could not believe their eyes", "hard to believe")."""
    if not belief_held(s, i, j):
        return False
    prev = lower(before(s, i))
    if lower(after(s, j)) == "in" or prev in ("can't", "couldn't", "cannot"):
        return False
    return not (prev == "to" and lower(before(s, i, 2)) in ("hard", "difficult", "refused"))


@rule
def think(s: Sentence, i: int, j: int) -> bool:
    """Belief in "I think", "experts think that"; not "think about" or "think of" (consider)."""
    if not belief_held(s, i, j):
        return False
    return lower(after(s, j)) not in ("about", "of", "tank", "tanks")


@rule
def thought(s: Sentence, i: int, j: int) -> bool:
    """Belief in "is thought to", "he thought that"; not the noun ("Buddhist thought", "schools of thought")."""
    if not belief_held(s, i, j):
        return False
    prev, nxt = before(s, i), after(s, j)
    if lower(prev) in ("of", "and") or noun_context_before(prev):
        return lower(prev) in BE
    if nxt is None or (nxt.text in ".,;:)" and lower(prev) not in BE | {"previously", "once"}):
        return False
    return lower(nxt) not in ("-", "out", "provoking")


@rule
def consider(s: Sentence, i: int, j: int) -> bool:
    """Belief in "consider X (to be) Y" as belief; not "considering the cost" or "consider whether"."""
    if not belief_held(s, i, j):
        return False
    nxt = after(s, j)
    if lower(before(s, i)) == "to" or lower(nxt).endswith("ing"):
        return False  # "time to consider", "consider leaving": deliberation
    return lower(nxt) not in ("whether", "how", "what", "the", "a", "an", "this", "that", "it")


@word_rule
def considered(words: list[str], i: int, j: int) -> bool:
    """Belief in "is considered (to be) important"; not "was considered by the board" (deliberated)."""
    nxt = word_at(words, j)
    return nxt not in ("for", "whether", "but", ".", ",") and nxt not in WH


@rule
def regard(s: Sentence, i: int, j: int) -> bool:
    """Belief in "regards X as Y"; not "with regard to", "in this regard", "regards" as greetings."""
    if not belief_held(s, i, j):
        return False
    return any(t.lower == "as" for t in s[j : j + 8]) and lower(before(s, i)) not in (
        "with",
        "in",
        "this",
    )


@precheck("regard")
def _as_follows(words: list[str], i: int, j: int) -> bool:
    return "as" in words[j : j + 8] and (i == 0 or words[i - 1] not in ("with", "in", "this"))


@word_rule
def regarded(words: list[str], i: int, j: int) -> bool:
    """Belief in "regarded as", "highly regarded"; not "regarded the plan with suspicion"."""
    return "as" in words[j : j + 4] or word_before(words, i) in ("highly", "well", "widely")


@word_rule
def view(words: list[str], i: int, j: int) -> bool:
    """Belief in "viewed as", "their view is"; not "a view of the lake" or "viewed the film"."""
    if "as" in words[j : j + 5]:
        return True
    return word_before(words, i) in POSSESSIVES and word_at(words, j) in ("is", "was", ",", "that")


@word_rule
def seen_as(words: list[str], i: int, j: int) -> bool:
    """A judgement in "seen as"; "as seen as" is a comparison."""
    return word_before(words, i) != "as"


@rule
def expect(s: Sentence, i: int, j: int) -> bool:
    """Expectation in "is expected to", "expected that"; not "life expectancy" or "the expected value"."""
    if not belief_held(s, i, j):
        return False
    prev, nxt = lower(before(s, i)), lower(after(s, j))
    if prev in ("as", "than", "initially", "originally") or lower(before(s, i, 2)) == "as":
        return False  # "than expected", "as might be expected": an outcome compared
    return nxt in ("to", "that", "the", "a", "an") or (prev in BE and nxt not in (".", ",", ";"))


@rule
def assume(s: Sentence, i: int, j: int) -> bool:
    """Assumption in "assume that"; not "assumed office", "assumed command", "assume responsibility"."""
    if not belief_held(s, i, j):
        return False
    return lower(after(s, j)) not in (
        "office",
        "command",
        "control",
        "responsibility",
        "power",
        "the",
        "his",
        "her",
        "their",
        "its",
        "a",
        "an",
        "role",
        "name",
    )


@word_rule
def suppose(words: list[str], i: int, j: int) -> bool:
    """Hearsay in "supposed to be"; not "supposed by" (a proposal)."""
    return word_at(words, j) != "by"


@word_rule
def accuse(words: list[str], i: int, j: int) -> bool:
    """An unproven act in "accused of", "accused him that"."""
    return "of" in words[j : j + 3] or "that" in words[j : j + 3]


@rule
def claim(s: Sentence, i: int, j: int) -> bool:
    """A disputed assertion ("claimed that", "claims to be"); not "land claims", "claimed the title"."""
    nxt = after(s, j)
    if nxt is None:
        return False
    if nxt.lower == "that" or (nxt.lower == "to" and lower(after(s, j, 1)) in ("be", "have")):
        return True
    if s[i].lower in ("claims", "claim") and noun_context_before(before(s, i)):
        return False
    if nxt.text in ",:" or nxt.lower in SUBJECT_PRONOUNS:
        return True
    return _clause_follows(s, j)  # "claims the army used gas", not "claimed the title"


@precheck("claim")
def _clause_may_follow(words: list[str], i: int, j: int) -> bool:
    if j >= len(words):
        return False
    nxt = words[j]
    return (
        nxt in ("that", "to", ",", ":")
        or nxt in SUBJECT_PRONOUNS
        or any(map(_finite, words[j + 1 : j + 6]))
    )


def _clause_follows(s: Sentence, j: int) -> bool:
    """Does a finite verb follow within a short noun phrase (a "that"-less content clause)?"""
    for t in s[j + 1 : j + 6]:
        if not t.is_word:
            return False
        if _finite(t.lower):
            return True
    return False


def _finite(word: str) -> bool:
    return word in BE or word in HAVE or word in MODALS or (word.endswith("ed") and len(word) >= 4)


@word_rule
def approximate(words: list[str], i: int, j: int) -> bool:
    """Approximation in "about 2,000", "around a dozen", "some 30 people"; not "talks about Ukraine"."""
    nxt = word_at(words, j)
    if nxt in ("a", "an") and words[i] != "some":
        two = word_at(words, j + 1)
        return two != "" and (may_be_number(two) or two in UNITS_OF_TIME)
    if words[i] in ("nearly", "almost"):
        return False
    return nxt != "" and may_be_number(nxt) and nxt not in ("one", "third", "fifth", "tenth")


@word_rule
def kind_of(words: list[str], i: int, j: int) -> bool:
    """Hedging "kind of"/"sort of" ("it was kind of odd"), not "a kind of bird"."""
    return word_before(words, i) in BE or word_before(words, i) in SUBJECT_PRONOUNS


@rule
def weasel(s: Sentence, i: int, j: int) -> bool:
    """A vague group as subject: "some say", "critics argue": not "some say in the matter"."""
    nxt = after(s, j)
    return not (nxt is not None and nxt.lower in ("in", "over", "on")) and lower(
        before(s, i)
    ) not in (DETERMINERS | POSSESSIVES | OBJECT_PRONOUNS)


@rule
def intensifier(s: Sentence, i: int, j: int) -> bool:
    """Intensifiers boost before an adjective or adverb ("extremely important")."""
    nxt = after(s, j)
    if lower(before(s, i)) in NEGATIONS:
        return False  # "not entirely sound" understates
    return nxt is not None and nxt.is_word and nxt.lower not in DETERMINERS | PREPOSITIONS
