"""The ``brat`` format: brat stand-off ``.ann`` lines over the exact source text (``.txt``).

Offsets are code points into the text, as brat counts them.  A span that runs over
a line end becomes a discontinuous span (brat keeps an annotation's text on one
line).  Pointers become normalisations (``N1  Reference T1 ref:pers.putin  Vladimir
Putin``), single-token attributes brat attributes, and the rest annotator notes.
"""

from __future__ import annotations

import re

from tei_annotate import Result

from .describe import link_label, target_labels

__all__ = ["fragments", "render_ann", "render_txt"]

LINE_END = re.compile(r"[\r\n\u2028\u2029\x85\x0b\x0c\x1c-\x1e]+")
TOKEN = re.compile(r"[^\s]+\Z")


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut at line ends, without empty pieces."""
    out, pos = [], start
    for m in LINE_END.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if end > pos:
        out.append((pos, end))
    return out


def _one_line(value: str) -> str:
    return " ".join(value.split())


def render_ann(result: Result) -> bytes:
    text = result.document.text
    labels = target_labels(result)
    lines: list[str] = []
    counters = {"T": 0, "A": 0, "N": 0, "#": 0}

    def next_id(kind: str) -> str:
        counters[kind] += 1
        return f"{kind}{counters[kind]}"

    for a in result.annotations:
        pieces = fragments(text, a.start, a.end)
        if not pieces:
            continue
        t = next_id("T")
        spans = ";".join(f"{s} {e}" for s, e in pieces)
        covered = " ".join(text[s:e] for s, e in pieces)
        lines.append(f"{t}\t{a.element} {spans}\t{covered}")
        notes = [f"layer={a.layer}"]
        attrs = list(a.attrs) + ([("cert", str(a.cert))] if a.cert is not None else [])
        for name, value in attrs:
            if TOKEN.match(value) and TOKEN.match(name):
                lines.append(f"{next_id('A')}\t{name} {t} {value}")
            else:
                notes.append(f"{name}={_one_line(value)}")
        for name, targets in a.links:
            for target in targets:
                label = _one_line(link_label(target, labels)) or target
                lines.append(f"{next_id('N')}\tReference {t} {name}:{target}\t{label}")
        lines.append(f"#{counters['#'] + 1}\tAnnotatorNotes {t}\t{'; '.join(notes)}")
        counters["#"] += 1
    return "".join(line + "\n" for line in lines).encode("utf-8")


def render_txt(result: Result) -> bytes:
    """The text the offsets count in: the document text exactly, as UTF-8."""
    return result.document.text.encode("utf-8")
