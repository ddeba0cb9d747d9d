"""Checking a TEI document: the vendored tei_all schema plus the pointer rules RELAX NG cannot express.

The schema takes seconds to compile, so it is compiled once per process.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any

from lxml import etree

from .errors import ValidationError
from .xmltext import TEI, XML_ID, encoded_char, string_value

__all__ = ["check_pointers", "check_text", "schema", "validate_tei"]

POINTER_ATTRS = (
    "ref",
    "who",
    "ana",
    "resp",
    "next",
    "prev",
    "from",
    "to",
    "target",
    "corresp",
    "sameAs",
)
STRING_RANGE = re.compile(r"#string-range\(([^,()]+),(\d+),(\d+)\)\Z")
SAFE_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True
)


@functools.lru_cache(maxsize=1)
def schema() -> etree.RelaxNG:
    """The compiled TEI P5 4.3.0 ``tei_all`` schema."""
    path = resources.files("tei_annotate") / "schema" / "tei_all.rng"
    with resources.as_file(path) as p:
        return etree.RelaxNG(etree.parse(str(p), SAFE_PARSER))


def _line(el: Any) -> str:
    return f"line {el.sourceline}: " if el.sourceline else ""


def check_pointers(root: Any) -> list[str]:
    """Problems with ``#id`` pointers and ``span`` rules, one line each."""
    problems = []
    ids: dict[str, Any] = {}
    for el in root.iter():
        i = el.get(XML_ID) if isinstance(el.tag, str) else None
        if i is None:
            continue
        if i in ids:
            problems.append(f"{_line(el)}xml:id {i!r} is used twice")
        ids[i] = el
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in POINTER_ATTRS:
            for token in (el.get(attr) or "").split():
                if not token.startswith("#"):
                    continue
                m = STRING_RANGE.match(token)
                target = m.group(1) if m else token[1:]
                if target not in ids:
                    problems.append(f"{_line(el)}@{attr} points at {token!r}, which has no xml:id")
                elif m and int(m.group(2)) + int(m.group(3)) > len(string_value(ids[target])):
                    problems.append(f"{_line(el)}@{attr} {token!r} runs past the end of {target!r}")
        if el.tag == f"{TEI}span" and el.get("to") is not None and el.get("from") is None:
            problems.append(f"{_line(el)}span has @to without @from")
    return problems


def _pieces(el: Any) -> Any:
    """(text, line) pieces of an element's string value; ``g type="U+0007"`` is its character."""
    glyph = encoded_char(el)
    if glyph:
        yield glyph, el.sourceline
    elif isinstance(el.tag, str) and el.text:
        yield el.text, el.sourceline
    for child in el:
        if isinstance(child.tag, str):
            yield from _pieces(child)
        if child.tail:
            yield child.tail, child.sourceline


def check_text(root: Any, source: str) -> list[str]:
    """Where the text of ``<text>`` stops being ``source``: hand edits must only add markup."""
    text_el = root.find(f"{TEI}text")
    if text_el is None:
        return ["the document has no <text> element"]
    pos = 0
    for piece, line in _pieces(text_el):
        want = source[pos : pos + len(piece)]
        if piece != want:
            i = next(
                (k for k, (a, b) in enumerate(zip(piece, want, strict=False)) if a != b), len(want)
            )
            at = pos + i
            return [
                f"line {line}: the text differs from the source at character {at}: "
                f"has {piece[i : i + 20]!r}, the source has {source[at : at + 20]!r}"
            ]
        pos += len(piece)
    if pos < len(source):
        return [f"the text ends at character {pos}; the source goes on: {source[pos : pos + 20]!r}"]
    return []


def validate_tei(data: bytes | Any, name: str = "<output>", source: str | None = None) -> None:
    """Raise ValidationError listing every schema and pointer problem (with line numbers).

    Given ``source``, also check that the text is still the source text (no lost,
    added or changed character), as after editing an output by hand.
    """
    if isinstance(data, bytes):
        try:
            root = etree.fromstring(data, SAFE_PARSER)
        except etree.XMLSyntaxError as exc:
            where = f"line {exc.lineno}: " if exc.lineno else ""
            problem = f"{where}not well-formed XML: {exc.msg}"
            raise ValidationError(f"{name}: {problem}", (problem,)) from None
        tree = root.getroottree()
    else:
        root = data
        tree = root.getroottree()
    rng = schema()
    problems = []
    if not rng.validate(tree):
        problems = [f"line {e.line}: {e.message}" for e in rng.error_log]
    problems += check_pointers(root)
    if source is not None:
        problems += check_text(root, source)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ValidationError(f"{name}: invalid TEI: {problems[0]}{more}", tuple(problems))
