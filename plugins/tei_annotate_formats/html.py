"""The ``html`` format: one self-contained page that shows every layer to a reader.

No network access: the style sheet, the script and the data are inlined, and a
Content-Security-Policy forbids fetching anything.  The page works for any layer:
each gets a colour and a toggle; header entries (people, organisations, places,
categories) form a side list; a click on one lights up everything pointing at it.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import Counter
from html import escape
from importlib import resources

from tei_annotate import Annotation, Block, Entry, Result

from .describe import entry_details, entry_label, link_label, summary, target_labels
from .runs import Close, Open, runs

__all__ = ["render_html"]

# Okabe & Ito's palette, distinguishable with the common colour-vision deficiencies.
PALETTE = (
    (230, 159, 0),
    (86, 180, 233),
    (0, 158, 115),
    (204, 121, 167),
    (240, 228, 66),
    (0, 114, 178),
    (213, 94, 0),
    (120, 120, 120),
)
SECTIONS = {
    "person": "People",
    "personGrp": "Groups of people",
    "org": "Organisations",
    "place": "Places",
}
SPEECH = frozenset({"said", "q", "quote"})  # TEI's elements for words someone says
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"
UNSAFE_CLASS = re.compile(r"[^A-Za-z0-9_-]")


def _asset(name: str) -> str:
    return (resources.files(__package__) / name).read_text(encoding="utf-8")


def _cls(name: str) -> str:
    return UNSAFE_CLASS.sub("_", name)


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _layer_css(result: Result) -> str:
    rules = []
    for k, lay in enumerate(result.layers):
        r, g, b = PALETTE[k % len(PALETTE)]
        name = _cls(lay.name)
        rules.append(f".L-{name}{{--c:{r},{g},{b}}}")
        rules.append(
            f"body.off-{name} .a.L-{name}{{background:transparent;border-bottom-color:transparent}}"
        )
    return "\n".join(rules)


def _by_block(result: Result) -> dict[int, list[tuple[int, int, int]]]:
    """(index, start, end) of the annotations overlapping each block, found by bisection."""
    blocks = result.document.blocks
    starts = [b.start for b in blocks]
    out: dict[int, list[tuple[int, int, int]]] = {}
    for i, a in enumerate(result.annotations):
        k = max(bisect.bisect_right(starts, a.start) - 1, 0)
        while k < len(blocks) and blocks[k].start < a.end:
            if blocks[k].end > a.start:
                out.setdefault(k, []).append((i, a.start, a.end))
            k += 1
    return out


class _Page:
    def __init__(self, result: Result) -> None:
        self.result = result
        self.text = result.document.text
        self.annotations = result.annotations
        self.labels = target_labels(result)
        self.summaries = [summary(a, self.labels) for a in self.annotations]
        self.by_block = _by_block(result)
        self.mentions = Counter(
            t for a in self.annotations for _, targets in a.links for t in set(targets)
        )

    def span_open(self, i: int) -> str:
        a = self.annotations[i]
        targets = sorted({t for _, ts in a.links for t in ts})
        classes = f"a L-{_cls(a.layer)} E-{_cls(a.element)}"
        kind = a.attrib.get("type")
        if kind:
            classes += f" T-{_cls(kind)}"
        links = f' data-links="{_attr(" ".join(targets))}"' if targets else ""
        return (
            f'<span class="{classes}" data-a="{i}" data-layer="{_attr(a.layer)}"'
            f'{links} title="{_attr(self.summaries[i])}">'
        )

    def block(self, k: int, block: Block) -> str:
        out = []
        for ev in runs(self.by_block.get(k, []), block.start, block.end):
            if isinstance(ev, Open):
                out.append(self.span_open(ev.index))
            elif isinstance(ev, Close):
                out.append("</span>")
            else:
                out.append(escape(self.text[ev.start : ev.end], quote=False))
        tag = {"title": "h1", "head": "h2"}.get(block.kind, "p")
        return f'<{tag} id="{_attr(block.id)}" class="block">{"".join(out)}</{tag}>'

    def article(self) -> str:
        body: list[str] = []
        back: list[str] = []
        for k, b in enumerate(self.result.document.blocks):
            (back if b.kind == "boilerplate" else body).append(self.block(k, b))
        footer = f'<footer class="boilerplate">{"".join(back)}</footer>' if back else ""
        return f'<article id="article">{"".join(body)}{footer}</article>'

    def legend(self) -> str:
        counts = Counter(a.layer for a in self.annotations)
        items = []
        for lay in self.result.layers:
            name = _attr(lay.name)
            items.append(
                f'<label class="toggle L-{_cls(lay.name)}" title="{_attr(lay.description)}">'
                f'<input type="checkbox" checked data-layer="{name}">'
                f'<span class="swatch"></span>{name} <small>{counts[lay.name]}</small></label>'
            )
        if not items:
            items.append("<span>No annotation layers were run.</span>")
        return f'<div id="legend" role="group" aria-label="Layers">{"".join(items)}</div>'

    def entry(self, e: Entry) -> str:
        details = [escape(d) for d in entry_details(e)]
        note = f'<small class="details">{"; ".join(details)}</small>' if details else ""
        return (
            f'<li><button type="button" class="entry L-{_cls(e.layer)}" data-entry="{_attr(e.id)}"'
            f' aria-pressed="false">{escape(entry_label(e))}</button>'
            f' <span class="count" title="mentions">{self.mentions[e.id]}</span>{note}</li>'
        )

    def registry(self) -> str:
        groups: dict[str, list[Entry]] = {}
        for e in self.result.entries:
            heading = SECTIONS.get(e.element) or (
                f"Categories: {e.group}" if e.element == "category" and e.group else e.element
            )
            groups.setdefault(heading, []).append(e)
        return "".join(
            f'<section class="registry"><h2>{escape(h)}</h2><ul>{"".join(map(self.entry, es))}</ul></section>'
            for h, es in groups.items()
        )

    def speech(self) -> str:
        items = []
        for i, a in enumerate(self.annotations):
            if not a.link("who") and a.element not in SPEECH:
                continue
            who = ", ".join(link_label(t, self.labels) for t in a.link("who")) or "unattributed"
            kind = " <small>(reported)</small>" if a.attrib.get("direct") == "false" else ""
            items.append(
                f'<li><button type="button" class="quote L-{_cls(a.layer)}" data-goto="{i}">'
                f'<b class="speaker">{escape(who)}</b>{kind}: {escape(self._text(a))}</button></li>'
            )
        if not items:
            return ""
        return (
            f'<section id="speech"><h2>Quotes and speakers</h2><ol>{"".join(items)}</ol></section>'
        )

    def _text(self, a: Annotation) -> str:
        return " ".join(self.text[a.start : a.end].split())

    def data(self) -> str:
        payload = {
            "annotations": [
                {"layer": a.layer, "element": a.element, "text": self._text(a), "summary": s}
                for a, s in zip(self.annotations, self.summaries, strict=True)
            ]
        }
        raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        return raw.replace("</", "<\\/").replace("<!--", "<\\!--")

    def render(self) -> str:
        doc = self.result.document
        return (
            "<!DOCTYPE html>\n"
            '<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<meta name="generator" content="tei-annotate">'
            f"<title>{escape(doc.title)}</title>"
            f"<style>{_asset('page.css')}\n{_layer_css(self.result)}</style></head>\n"
            f'<body><header><p class="source">{escape(doc.name)}</p>{self.legend()}</header>\n'
            f'<div class="page">{self.article()}\n'
            f'<aside id="side">{self.registry()}{self.speech()}</aside></div>\n'
            '<div id="detail" aria-live="polite">Point at a highlight to see what it marks.</div>\n'
            f'<script type="application/json" id="tei-data">{self.data()}</script>\n'
            f"<script>{_asset('page.js')}</script></body></html>\n"
        )


def render_html(result: Result) -> bytes:
    """The page as UTF-8 bytes."""
    return _Page(result).render().encode("utf-8")
