"""How the lines of a plain-text article become TEI blocks.

News text copied from the web has a title line, paragraphs one per line, short
section heads between paragraphs, and page furniture ("Comments", "Share this
article") trailing after the article.  Only line ends separate blocks; the lines
themselves are kept character for character.
"""

from __future__ import annotations

import re

from .model import Block, BlockKind

__all__ = ["classify_lines"]

LEADING_BLANKS = re.compile(r"[ \t]*+")
FINAL_PUNCTUATION = tuple('.!?:;,…"”’»)]')
HEAD_MAX_WORDS = 8
HEAD_MAX_CHARS = 80
FURNITURE_MAX_CHARS = 80
# Phrases web pages put after an article; matched against a whole trailing line.
FURNITURE = re.compile(
    r"""(?ix)\A\s*+(?:
        \d*\s*comments?(\s*\(\d+\))?
      | (post|leave|add|write|show|view|hide|load)\s+(a\s+|more\s+|all\s+)?(comments?|reply|replies)\d*
      | share(\s+(this|the))?(\s+(article|story|page|post))?(\s+on\s+\w+)?
      | (related|recommended|more|most\s+read|popular|latest)(\s+(articles?|stories|news|posts|from\s+.+))?
      | read\s+(more|next|the\s+full\s+(story|article))
      | advertisement|sponsored(\s+content)?|promoted(\s+stories)?
      | (sign\s+up|subscribe|register|log\s*in|sign\s+in)(\s+\S+){0,6}
      | (follow|like)\s+us(\s+on\s+.+)?
      | back\s+to\s+top|print(\s+this\s+(page|article))?|e-?mail(\s+this)?|tweet|reply
      | (©|\(c\)|copyright\b).*|all\s+rights\s+reserved\.?
      | topics?:?.*|tags?:.*
    )\s*\Z"""
)

ID_PREFIX = {"title": "title", "head": "h", "p": "p", "boilerplate": "bp"}


def _is_head(line: str) -> bool:
    stripped = line.strip()  # empty exactly when it has no words, which are counted last
    return (
        0 < len(stripped) <= HEAD_MAX_CHARS
        and not stripped.endswith(FINAL_PUNCTUATION)
        and (stripped[0].isupper() or stripped[0].isdigit())
        and len(stripped.split()) <= HEAD_MAX_WORDS
    )


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every whole line (its LF, CRLF or CR excluded) holding something else
    than spaces and tabs: only XML whitespace may sit between blocks, so only those make a
    line blank.  Line ends are found by str.find, far faster than a regular expression
    trying every character, and no line is copied (a line may be the whole text)."""
    if "\r" in text:  # CR ends lines too: made LF (same offsets; CRLF leaves an empty line)
        text = text.replace("\r", "\n")
    spans = []
    start, size = 0, len(text)
    while start <= size:
        end = text.find("\n", start)
        if end < 0:
            end = size
        if LEADING_BLANKS.match(text, start, end).end() < end:  # type: ignore[union-attr]
            spans.append((start, end))
        start = end + 1
    return spans


def classify_lines(text: str) -> tuple[Block, ...]:
    """Blocks for every non-blank line: the title, section heads, paragraphs, furniture."""
    lines = _line_spans(text)
    if not lines:
        return ()
    kinds: list[BlockKind] = ["p"] * len(lines)
    kinds[0] = "title"
    n = len(lines)
    while n > 1:
        s, e = lines[n - 1]
        if e - s > FURNITURE_MAX_CHARS or not FURNITURE.match(text[s:e]):
            break
        n -= 1
        kinds[n] = "boilerplate"
    for i in range(2, n - 1):  # a head stands between paragraphs, never first or last
        s, e = lines[i]
        if kinds[i - 1] == "p" and _is_head(text[s:e]) and not _is_head(text[slice(*lines[i + 1])]):
            kinds[i] = "head"
    counters: dict[str, int] = {}
    blocks = []
    for (s, e), kind in zip(lines, kinds, strict=True):
        prefix = ID_PREFIX[kind]
        counters[prefix] = counters.get(prefix, 0) + 1
        block_id = prefix if kind == "title" else f"{prefix}{counters[prefix]}"
        blocks.append(Block(kind, s, e, block_id))
    return tuple(blocks)
