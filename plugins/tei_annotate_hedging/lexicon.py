"""Cue lists from tab-separated data files, the package's own and the user's.

The lists are data so that a user can extend them (``--option hedging.lexicon=FILE``)
without touching code: a later line for the same cue replaces an earlier one, and
the category ``none`` withdraws it (or, for a phrase, keeps the cues inside from counting).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from attrs import frozen

from tei_annotate import OptionError

from .tokens import tokenize
from .wordclass import FUNCTION_WORDS

__all__ = ["Category", "Cue", "Lexicon", "load_lexicon"]

DATA_FILES = ("categories.tsv", "hedges.tsv", "boosters.tsv")
GROUP = re.compile(r"\(([^()]*)\)")
NAME = re.compile(r"[a-z][a-z0-9_-]*\Z")
SEG_TYPES = ("hedge", "booster")


@frozen
class Category:
    """One class of the taxonomy: its name, the seg type it marks, its description."""

    name: str
    seg_type: str
    description: str


@frozen
class Cue:
    """A cue: its words (lower case), its category and the name of its context rule."""

    words: tuple[str, ...]
    category: str
    rule: str | None = None


class Lexicon:
    """Cues by their words, the words that begin a cue, and key words.

    A sentence holding none of the ``keys`` (one chosen word of every cue, the least
    common-looking) cannot hold a cue, so it is skipped without being tokenized.
    ``singles`` are the one-word cues by their word, ``phrases`` the lengths of the longer
    cues by their first two words: most words that begin a cue ("to", "of", "in") begin
    only phrases, and looking up the pair is all it takes to rule them out.
    """

    def __init__(self, categories: dict[str, Category], cues: Iterable[Cue]) -> None:
        self.categories = categories
        self.table: dict[tuple[str, ...], Cue] = {c.words: c for c in cues}
        phrases: dict[tuple[str, str], set[int]] = {}
        for words in self.table:
            if len(words) > 1:
                phrases.setdefault((words[0], words[1]), set()).add(len(words))
        self.firsts = frozenset(words[0] for words in self.table)
        self.phrases = {ws: tuple(sorted(ns, reverse=True)) for ws, ns in phrases.items()}
        self.singles = {c.words[0]: c for c in self.table.values() if len(c.words) == 1}
        self.keys = frozenset(_key(c.words) for c in self.table.values() if c.category != "none")

    def __len__(self) -> int:
        return len(self.table)


def _key(words: tuple[str, ...]) -> str:
    """The word of a cue most likely to be rare: the longest that is no function word."""
    content = [w for w in words if w not in FUNCTION_WORDS] or list(words)
    return max(content, key=len)


def expand(pattern: str) -> Iterator[str]:
    """Every spelling a pattern stands for: ``"(look|looks) set to"`` gives two."""
    parts = GROUP.split(pattern)
    literals, groups = parts[0::2], [g.split("|") for g in parts[1::2]]
    for choice in itertools.product(*groups):
        pieces = [literals[0]]
        for alternative, literal in zip(choice, literals[1:], strict=True):
            pieces += [alternative, literal]
        yield "".join(pieces)


def _rows(text: str, source: str) -> Iterator[tuple[str, int, list[str]]]:
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield f"{source}:{number}", number, [c.strip() for c in line.split("\t")]


def parse_categories(text: str, source: str) -> dict[str, Category]:
    out = {}
    for where, _, cols in _rows(text, source):
        if len(cols) != 3 or not NAME.match(cols[0]) or cols[1] not in SEG_TYPES:
            raise OptionError(f"{where}: expected NAME<TAB>hedge|booster<TAB>DESCRIPTION")
        out[cols[0]] = Category(*cols)
    return out


def parse_cues(
    text: str, source: str, categories: dict[str, Category], rules: Iterable[str]
) -> Iterator[tuple[tuple[str, ...], Cue]]:
    """(words, cue) per spelling.  The category ``none`` marks words that are no cue:
    it withdraws a cue listed earlier and keeps a fixed phrase ("as if") from being read
    as the cues it holds.

    A row ``@category<TAB>NAME<TAB>hedge|booster<TAB>DESCRIPTION`` adds a category
    (to ``categories``) for the rows after it.
    """
    known_rules = set(rules)
    for where, _, cols in _rows(text, source):
        if cols[0] == "@category":
            categories.update(parse_categories("\t".join(cols[1:]), where))
            continue
        if len(cols) not in (2, 3) or not cols[0]:
            raise OptionError(f"{where}: expected CUE<TAB>CATEGORY[<TAB>RULE], got {cols!r}")
        pattern, category, rule = cols[0], cols[1], (cols[2] if len(cols) == 3 else "") or None
        if "(" in GROUP.sub("", pattern) or ")" in GROUP.sub("", pattern):
            raise OptionError(f"{where}: unbalanced or nested parentheses in {pattern!r}")
        if category != "none" and category not in categories:
            valid = ", ".join([*sorted(categories), "none"])
            raise OptionError(f"{where}: unknown category {category!r} (valid: {valid})")
        if rule is not None and rule not in known_rules:
            valid = ", ".join(sorted(known_rules))
            raise OptionError(f"{where}: unknown rule {rule!r} (valid: {valid})")
        for spelling in expand(pattern):
            words = tuple(t.lower for t in tokenize(spelling))
            if words:
                yield words, Cue(words, category, rule)


def load_lexicon(extra: Path | None = None) -> Lexicon:
    """The package's lexicon, extended (and overridden) by the user's file ``extra``."""
    if extra is None:
        return _builtin()
    try:
        text = Path(extra).read_text(encoding="utf-8")
    except OSError as exc:
        raise OptionError(f"option hedging.lexicon: cannot read {extra}: {exc.strerror}") from None
    return _load(text, str(extra))


@functools.lru_cache(maxsize=1)
def _builtin() -> Lexicon:
    return _load("", "")


@functools.lru_cache(maxsize=8)
def _load(extra_text: str, extra_name: str) -> Lexicon:
    from .rules import RULES, WORD_RULES

    data = resources.files(__package__) / "data"
    categories = parse_categories(
        (data / "categories.tsv").read_text(encoding="utf-8"), "categories.tsv"
    )
    table: dict[tuple[str, ...], Cue] = {}
    sources = [(f, (data / f).read_text(encoding="utf-8")) for f in DATA_FILES[1:]]
    if extra_name:
        sources.append((extra_name, extra_text))
    for name, text in sources:
        table.update(parse_cues(text, name, categories, [*RULES, *WORD_RULES]))
    return Lexicon(categories, table.values())
