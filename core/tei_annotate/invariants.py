"""The TEI contract's invariants as functions, for our tests and for plugin authors' tests.

Each returns a list of problems (empty when the invariant holds), so a test can
show every breach at once.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from lxml import etree

from .model import Annotation
from .result import Result
from .validate import SAFE_PARSER, STRING_RANGE
from .xmltext import TEI, XML_ID, string_value
from .xmltext import encoded_char as _char

__all__ = [
    "annotation_spans",
    "check_lossless",
    "check_nothing_dropped",
    "check_provenance",
    "string_value",
]

BLOCK_TAGS = (f"{TEI}head", f"{TEI}p")


def _root(xml: bytes | Any) -> Any:
    return etree.fromstring(xml, SAFE_PARSER) if isinstance(xml, bytes) else xml


def check_lossless(xml: bytes | Any, text: str) -> list[str]:
    """Every block's string value equals its source line, and ``<text>`` equals the source."""
    root = _root(xml)
    text_el = root.find(f"{TEI}text")
    problems = []
    whole = string_value(text_el)
    if whole != text:
        at = next((i for i, (a, b) in enumerate(zip(whole, text, strict=False)) if a != b), None)
        at = min(len(whole), len(text)) if at is None else at
        problems.append(f"<text> differs from the source at offset {at}: {whole[at : at + 20]!r}")
    lines = set(re.split(r"\r\n|\r|\n", text))
    for block in text_el.iter(*BLOCK_TAGS):
        value = string_value(block)
        if value and value not in lines:
            problems.append(f"block {block.get(XML_ID)!r} is not a source line: {value[:40]!r}")
    return problems


def _walk(el: Any, pos: int, out: dict[Any, tuple[int, int]]) -> int:
    start = pos
    pos += len(el.text or "")
    for child in el:
        if isinstance(child.tag, str):
            pos += len(_char(child))
            pos = _walk(child, pos, out)
        pos += len(child.tail or "")
    out[el] = (start, pos)
    return pos


def annotation_spans(xml: bytes | Any) -> Counter[tuple[str, str, int, int]]:
    """(layer, element, start, end) of every annotation in the TEI, fragments joined.

    Offsets are into the source text; spans in ``<standOff>`` are read from their
    ``string-range()`` pointers.
    """
    root = _root(xml)
    spans: dict[Any, tuple[int, int]] = {}
    _walk(root.find(f"{TEI}text"), 0, spans)
    by_id = {el.get(XML_ID): el for el in spans if el.get(XML_ID)}
    found: Counter[tuple[str, str, int, int]] = Counter()
    for el, (start, _) in spans.items():
        resp = el.get("resp") or ""
        if not resp.startswith("#app.") or el.get("prev"):
            continue
        end, cur, seen = spans[el][1], el, set()
        while cur.get("next") and cur.get(XML_ID) not in seen:
            seen.add(cur.get(XML_ID))
            cur = by_id.get(cur.get("next")[1:])
            if cur is None:
                break
            end = spans[cur][1]
        found[(resp[5:], etree.QName(el).localname, start, end)] += 1
    standoff: dict[Any, tuple[str, int, int]] = {}
    for ann in root.iter(f"{TEI}annotation"):
        ranges = [STRING_RANGE.match(t) for t in ann.get("target", "").split()]
        offsets = [
            (spans[by_id[m.group(1)]][0] + int(m.group(2)), int(m.group(3)))
            for m in ranges
            if m and m.group(1) in by_id
        ]
        body = next((c for n in ann.iter(f"{TEI}note") for c in n), None)
        if offsets and body is not None:
            start, end = offsets[0][0], offsets[-1][0] + offsets[-1][1]
            standoff[body] = (ann.get("resp", "")[5:], start, end)
    # a layer's own next/prev chain (a quote across paragraphs) counts once, as in the text
    body_by_id = {body.get(XML_ID): body for body in standoff if body.get(XML_ID)}
    for body, (layer, start, end) in standoff.items():
        if body.get("prev", "")[1:] in body_by_id:
            continue
        cur, seen = body, set()
        while (nxt := body_by_id.get(cur.get("next", "")[1:])) is not None and nxt not in seen:
            seen.add(nxt)
            cur, end = nxt, standoff[nxt][2]
        found[(layer, etree.QName(body).localname, start, end)] += 1
    return found


def _expected(result: Result, a: Annotation) -> tuple[str, str, int, int]:
    """Where the renderer must show ``a``: its span clipped to the blocks it touches, or
    (for a span between blocks, kept in ``<standOff>``) the end of the block before it."""
    blocks = result.document.blocks
    inside = [
        (max(a.start, b.start), min(a.end, b.end))
        for b in blocks
        if max(a.start, b.start) < min(a.end, b.end)
    ]
    if inside:
        return (a.layer, a.element, inside[0][0], inside[-1][1])
    prior = [b for b in blocks if b.end <= a.start] or list(blocks[:1])
    at = prior[-1].end if prior else len(result.document.text)
    return (a.layer, a.element, at, at)


def _chains(annotations: tuple[Annotation, ...]) -> list[list[Annotation]]:
    """Annotations a layer chained itself with ``next`` links, as one list each."""
    by_id = {a.id: a for a in annotations if a.id}
    followers = {t for a in annotations for t in a.link("next") if t in by_id}
    chains = []
    for a in annotations:
        if a.id in followers:
            continue
        chain = [a]
        while (
            nxt := next((by_id[t] for t in chain[-1].link("next") if t in by_id), None)
        ) and nxt not in chain:
            chain.append(nxt)
        chains.append(chain)
    return chains


def _chain_span(result: Result, chain: list[Annotation]) -> tuple[str, str, int, int]:
    first, last = _expected(result, chain[0]), _expected(result, chain[-1])
    return (first[0], first[1], first[2], last[3])


def check_nothing_dropped(xml: bytes | Any, result: Result) -> list[str]:
    """Every annotation of ``result`` appears in the TEI at its offsets (inline or stand-off)."""
    found = annotation_spans(xml)
    wanted = Counter(_chain_span(result, chain) for chain in _chains(result.annotations))
    return [
        f"{layer} <{element}> at {s}..{e} missing ({found[key]} of {n} found)"
        for key, n in sorted(wanted.items())
        for layer, element, s, e in [key]
        if found[key] < n
    ]


def check_provenance(xml: bytes | Any, result: Result) -> list[str]:
    """Each layer has its application entry; each annotation points at it with ``@resp``."""
    root = _root(xml)
    apps = {el.get(XML_ID): el for el in root.iter(f"{TEI}application")}
    problems = []
    for layer in result.layers:
        app = apps.get(f"app.{layer.name}")
        if app is None:
            problems.append(f"no application entry for layer {layer.name!r}")
        elif app.get("ident") != layer.name or not app.get("version"):
            problems.append(f"application entry of {layer.name!r} lacks @ident or @version")
    text_el = root.find(f"{TEI}text")
    for el in text_el.iter():
        if (
            isinstance(el.tag, str)
            and el.tag not in (*BLOCK_TAGS, f"{TEI}g")
            and el.get("resp") is None
        ):
            if el.tag in (f"{TEI}text", f"{TEI}body", f"{TEI}back", f"{TEI}div"):
                continue
            problems.append(f"line {el.sourceline}: <{etree.QName(el).localname}> has no @resp")
    return problems
