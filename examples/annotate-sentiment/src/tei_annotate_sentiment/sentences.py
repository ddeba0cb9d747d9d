"""Sentence and word spans of a block, as offsets into the document text.

News paragraphs end sentences with ., ! or ? (possibly followed by closing quotes
or brackets) and a space; a full stop after a single capital ("J. Smith") or a
common abbreviation does not end one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+|$)")
NOT_AN_END = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Sen|Rep|Gov|No|vs|etc))\.\Z")
WORD = re.compile(r"\w+(?:['’-]\w+)*")


def sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence in ``text[start:end]``, without surrounding spaces."""
    begin = start
    for m in SENTENCE_END.finditer(text, start, end):
        if NOT_AN_END.search(text, begin, m.end()):
            continue
        yield from _trimmed(text, begin, m.end())
        begin = m.end()
    yield from _trimmed(text, begin, end)


def words(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    for m in WORD.finditer(text, start, end):
        yield m.start(), m.end()


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end
