"""Our regular expressions match alike on every Python we support (``>=3.11``).

CPython 3.11.0 to 3.11.4 (3.11.2 is Debian 12's Python) mis-match a possessive repeat of
a group, ``(?:...)*+`` or ``(?:...)?+`` (python/cpython#106052 and #100061, fixed in
3.11.5): the hedging tokenizer looped without end, eating memory, on "a-", and the actors
and quotes tokenizers split some words wrongly.  A possessive repeat of one character
(``\\w++``) is compiled to another opcode, which those versions run right.  The tests pin
that no pattern of ours repeats a group possessively, whatever Python runs them.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator
from types import ModuleType

import pytest

PACKAGES = [
    "tei_annotate",
    "tei_annotate_actors",
    "tei_annotate_quotes",
    "tei_annotate_numbers",
    "tei_annotate_hedging",
]

try:  # the parser's module, public in name only since 3.11
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - a Python without them cannot say; the tests skip
    sre_parse = sre_constants = None  # type: ignore[assignment]


def _modules() -> Iterator[ModuleType]:
    for name in PACKAGES:
        package = importlib.import_module(name)
        yield package
        for info in pkgutil.walk_packages(package.__path__, f"{name}."):
            if info.name.endswith((".__main__", ".spacy_backend")):  # runs the CLI; needs spaCy
                continue
            yield importlib.import_module(info.name)


def _patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    """Every compiled pattern a module holds, alone or in a tuple, list or dict."""
    for module in _modules():
        for attr, value in vars(module).items():
            values = value.values() if isinstance(value, dict) else value
            items = values if isinstance(values, (tuple, list)) else [value]
            for item in items:
                for part in item if isinstance(item, tuple) else [item]:
                    if isinstance(part, re.Pattern) and isinstance(part.pattern, str):
                        yield f"{module.__name__}.{attr}", part


SINGLE = (
    {sre_constants.LITERAL, sre_constants.NOT_LITERAL, sre_constants.ANY, sre_constants.IN}
    if sre_constants
    else set()
)


def _possessive_groups(parsed: object) -> Iterator[str]:
    """The possessive repeats in a parsed pattern whose body is more than one character."""
    for op, av in parsed:  # type: ignore[attr-defined]
        if op is sre_constants.POSSESSIVE_REPEAT:
            body = av[2]
            if len(body) != 1 or body[0][0] not in SINGLE:
                yield str(body)
            yield from _possessive_groups(body)
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            yield from _possessive_groups(av[2])
        elif op is sre_constants.SUBPATTERN:
            yield from _possessive_groups(av[-1])
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            yield from _possessive_groups(av[1])
        elif op is sre_constants.ATOMIC_GROUP:
            yield "atomic group"
        elif op is sre_constants.BRANCH:
            for branch in av[1]:
                yield from _possessive_groups(branch)


def test_modules_hold_the_patterns_that_were_mis_matched() -> None:
    # The walk must reach the tokenizers, or the next test would pass on nothing.
    names = {name for name, _ in _patterns()}
    assert {
        "tei_annotate_hedging.tokens.WORD",
        "tei_annotate_actors.tokens.TOKEN",
        "tei_annotate_quotes.text.WORD",
    } <= names


@pytest.mark.skipif(sre_parse is None, reason="this Python has no re._parser to read")
def test_no_pattern_repeats_a_group_possessively() -> None:
    offenders = {
        name: found
        for name, pattern in _patterns()
        if (found := list(_possessive_groups(sre_parse.parse(pattern.pattern, pattern.flags))))
    }
    assert offenders == {}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("a-", ["a", "-"]),
        ("well-known", ["well-known"]),
        ("it's.", ["it's", "."]),
        ("e-mail's x-", ["e-mail's", "x", "-"]),
    ],
)
def test_hedging_words_end_before_a_hanging_hyphen(text: str, words: list[str]) -> None:
    from tei_annotate_hedging.tokens import WORD

    assert WORD.findall(text) == words
