"""Rendering a :class:`Result` as TEI P5, inline or stand-off.

The string value of ``<text>`` is the source text itself: blocks keep their lines
character for character and the line ends between blocks stay as whitespace
between elements.  Only the header and ``<standOff>`` are indented.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from lxml import etree

from .model import Annotation, Block, Entry, Node
from .nesting import Placed, nest, split_by_blocks
from .pipeline import ENTRY_PLACES
from .result import Result
from .version import OWN_DISTRIBUTION, own_version
from .xmltext import TEI_NS, append_text

__all__ = ["render_tei", "tei_tree"]

APP = "tei-annotate"
VERSION = re.compile(r"\d+[a-z]*\d*(\.\d+[a-z]*\d*){0,3}")
FRAGMENTABLE = frozenset({"seg", "ab", "p", "l", "lg", "div"})


def _tag(name: str) -> str:
    return f"{{{TEI_NS}}}{name}"


def _sub(parent: Any, name: str, attrib: dict[str, str] | None = None, text: str = "") -> Any:
    el = etree.SubElement(parent, _tag(name), _qualify(attrib or {}))
    if text:
        append_text(el, text)
    return el


def _qualify(attrib: dict[str, str]) -> dict[str, str]:
    if not any(k.startswith("xml:") for k in attrib):
        return attrib
    return {
        ("{http://www.w3.org/XML/1998/namespace}" + k[4:] if k.startswith("xml:") else k): v
        for k, v in attrib.items()
    }


def _tei_version(version: str) -> str:
    m = VERSION.match(version)
    return m.group() if m else "0"


class _Ids:
    """xml:ids in use, and fresh ones that never collide with them."""

    def __init__(self, result: Result) -> None:
        self.used = {b.id for b in result.document.blocks}
        self.used |= {a.id for a in result.annotations if a.id}
        self.used |= {e.id for e in result.entries} | {e.group for e in result.entries if e.group}
        self.used |= {f"app.{lay.name}" for lay in result.layers} | {f"app.{APP}"}

    def fresh(self, base: str) -> str:
        candidate, n = base, 1
        while candidate in self.used:
            n += 1
            candidate = f"{base}-{n}"
        self.used.add(candidate)
        return candidate


class _Writer:
    def __init__(self, result: Result, inline: bool) -> None:
        self.result = result
        self.doc = result.document
        self.text = result.document.text
        self.annotations: Sequence[Annotation] = result.annotations
        self.ids = _Ids(result)
        self.rank = {lay.name: i for i, lay in enumerate(result.layers)}
        self.inline = inline
        # per annotation index: its pieces in document order, then their ids
        self.trees: dict[int, list[Placed]] = {}
        self.pieces: dict[int, list[Placed]] = {}
        self.position: dict[int, int] = {}  # id(piece) -> its place among its annotation's pieces
        self.orphans: list[int] = list(range(len(self.annotations)))
        self.frag_ids: dict[int, list[str | None]] = {}
        self.first_id: dict[str, str] = {}
        self.last_id: dict[str, str] = {}

    # ---------------------------------------------------------------- layout
    def place(self) -> None:
        if not self.inline:
            return
        blocks = self.doc.blocks
        by_block, self.orphans = split_by_blocks(self.annotations, blocks)
        for i, block in enumerate(blocks):
            tree = nest(by_block.get(i, []), self.annotations, self.rank, block.start, block.end)
            self.trees[i] = tree
            self._collect(tree)
        counters: dict[str, int] = {}
        for k, pieces in sorted(self.pieces.items()):
            a = self.annotations[k]
            if len(pieces) == 1:
                self.frag_ids[k] = [a.id]
                continue
            counters[a.layer] = counters.get(a.layer, 0) + 1
            base = a.id or self.ids.fresh(f"{a.layer}.{a.element}.{counters[a.layer]}")
            ids: list[str | None] = [base]
            ids += [self.ids.fresh(f"{base}.f{j}") for j in range(2, len(pieces) + 1)]
            self.frag_ids[k] = ids
            if a.id:
                self.last_id[a.id] = ids[-1]  # type: ignore[assignment]

    def _collect(self, placed: list[Placed]) -> None:
        for p in placed:
            siblings = self.pieces.setdefault(p.index, [])
            self.position[id(p)] = len(siblings)
            siblings.append(p)
            self._collect(p.children)

    # ---------------------------------------------------------------- attributes
    def attrib(self, a: Annotation, j: int = 0, n: int = 1) -> dict[str, str]:
        attrib = dict(a.attrs)
        for name, targets in a.links:
            if (name == "next" and j != n - 1) or (name == "prev" and j != 0):
                continue
            mapped = [self.last_id.get(t, t) if name == "prev" else t for t in targets]
            attrib[name] = " ".join(f"#{t}" for t in mapped)
        attrib["resp"] = f"#app.{a.layer}"
        if a.cert is not None:
            attrib["cert"] = str(a.cert)
        return attrib

    def piece_attrib(self, p: Placed) -> dict[str, str]:
        a = self.annotations[p.index]
        pieces = self.pieces[p.index]
        n, j = len(pieces), self.position[id(p)]
        attrib = self.attrib(a, j, n)
        ids = self.frag_ids[p.index]
        if ids[j]:
            attrib["xml:id"] = ids[j]  # type: ignore[assignment]
        if n > 1:
            if j > 0:
                attrib["prev"] = f"#{ids[j - 1]}"
            if j < n - 1:
                attrib["next"] = f"#{ids[j + 1]}"
            if a.element in FRAGMENTABLE:
                attrib["part"] = "I" if j == 0 else "F" if j == n - 1 else "M"
        return attrib

    # ---------------------------------------------------------------- tree
    def build(self) -> Any:
        self.place()
        root = etree.Element(_tag("TEI"), nsmap={None: TEI_NS})  # type: ignore[dict-item]
        root.append(self.header())
        root.append(self.body())
        if self.orphans:
            root.append(self.standoff(self.orphans))
        for child in root:
            child.tail = "\n"
        root.text = "\n"
        return root

    def header(self) -> Any:
        h = etree.Element(_tag("teiHeader"))
        fd = _sub(h, "fileDesc")
        title = _sub(_sub(fd, "titleStmt"), "title")
        _sub(_sub(fd, "publicationStmt"), "p", text=f"Annotated by {APP}; not published.")
        _sub(_sub(fd, "sourceDesc"), "p", text=f"Plain text read from {self.doc.name}.")
        enc = _sub(h, "encodingDesc")
        info = _sub(enc, "appInfo")
        core = _sub(
            info,
            "application",
            {"xml:id": f"app.{APP}", "ident": APP, "version": _tei_version(own_version())},
        )
        _sub(core, "label", text=OWN_DISTRIBUTION)
        for lay in self.result.layers:
            app = _sub(
                info,
                "application",
                {
                    "xml:id": f"app.{lay.name}",
                    "ident": lay.name,
                    "version": _tei_version(lay.version),
                },
            )
            _sub(app, "label", text=lay.name)
            if lay.description:
                _sub(app, "desc", text=lay.description)
        categories = [e for e in self.result.entries if e.element == "category"]
        if categories:
            decl = _sub(enc, "classDecl")
            taxonomies: dict[str, Any] = {}
            for e in categories:
                assert e.group is not None
                if e.group not in taxonomies:
                    taxonomies[e.group] = _sub(decl, "taxonomy", {"xml:id": e.group})
                taxonomies[e.group].append(self.entry(e))
        profile = _sub(h, "profileDesc")
        lists: dict[str, Any] = {}
        for place, parent in (
            ("listPerson", "particDesc"),
            ("listOrg", "particDesc"),
            ("listPlace", "settingDesc"),
        ):
            members = [e for e in self.result.entries if ENTRY_PLACES[e.element] == place]
            if not members:
                continue
            if parent not in lists:
                lists[parent] = _sub(profile, parent)
            container = _sub(lists[parent], place)
            for e in members:
                container.append(self.entry(e))
        etree.indent(h)
        # After indenting: a title of only <g/> (control characters) would gain whitespace.
        append_text(title, self.doc.title)
        return h

    def entry(self, e: Entry) -> Any:
        attrib = dict(e.attrs)
        for name, targets in e.links:
            attrib[name] = " ".join(f"#{t}" for t in targets)
        attrib["xml:id"] = e.id
        attrib["resp"] = f"#app.{e.layer}"
        el = etree.Element(_tag(e.element), _qualify(attrib))
        for child in e.children:
            self.node(el, child)
        return el

    def node(self, parent: Any, n: Node) -> None:
        el = _sub(parent, n.tag, dict(n.attrs), n.text)
        for child in n.children:
            self.node(el, child)

    def body(self) -> Any:
        text_el = etree.Element(_tag("text"))
        body = _sub(text_el, "body")
        blocks = self.doc.blocks
        back_div = None
        container = body
        first = blocks[0].start if blocks else len(self.text)
        append_text(body, self.text[:first])
        for i, block in enumerate(blocks):
            if block.kind == "head":
                container = _sub(body, "div")
            elif block.kind == "boilerplate":
                if back_div is None:
                    back_div = _sub(_sub(text_el, "back"), "div", {"type": "boilerplate"})
                container = back_div
            el = _sub(
                container,
                "p" if block.kind in ("p", "boilerplate") else "head",
                {"xml:id": block.id},
            )
            self.fill(el, block, self.trees.get(i, []))
            nxt = blocks[i + 1].start if i + 1 < len(blocks) else len(self.text)
            el.tail = self.text[block.end : nxt]
        if not any(b.kind in ("p", "head") for b in blocks):
            _sub(body, "p", {"xml:id": self.ids.fresh("p0")})  # TEI needs one; it adds no text
        return text_el

    def fill(self, el: Any, block: Block | Placed, children: list[Placed]) -> None:
        cursor = block.start
        for p in children:
            append_text(el, self.text[cursor : p.start])
            child = _sub(el, self.annotations[p.index].element, self.piece_attrib(p))
            self.fill(child, p, p.children)
            cursor = p.end
        append_text(el, self.text[cursor : block.end])

    def standoff(self, indexes: list[int]) -> Any:
        so = etree.Element(_tag("standOff"))
        groups: dict[str, Any] = {}
        for k in indexes:
            a = self.annotations[k]
            if a.layer not in groups:
                groups[a.layer] = _sub(so, "listAnnotation", {"type": a.layer})
            ann = _sub(
                groups[a.layer],
                "annotation",
                {
                    "xml:id": self.ids.fresh(f"ann.{a.layer}.{k + 1}"),
                    "target": " ".join(self.ranges(a)),
                    "motivation": "tagging",
                    "resp": f"#app.{a.layer}",
                },
            )
            attrib = self.attrib(a)
            if a.id:
                attrib["xml:id"] = a.id
            _sub(_sub(ann, "note"), a.element, attrib, self.text[a.start : a.end])
        etree.indent(so)
        return so

    def ranges(self, a: Annotation) -> list[str]:
        """TEI string-range() pointers covering the annotation, one per block it touches."""
        out = []
        for b in self.doc.blocks:
            s, e = max(a.start, b.start), min(a.end, b.end)
            if s < e:
                out.append(f"#string-range({b.id},{s - b.start},{e - s})")
        if not out:  # only inter-block whitespace: point at the nearest block's end
            prior = [b for b in self.doc.blocks if b.end <= a.start] or list(self.doc.blocks[:1])
            if prior:
                b = prior[-1]
                out.append(f"#string-range({b.id},{b.end - b.start},0)")
            else:
                out.append("#string-range(p0,0,0)")
        return out


def tei_tree(result: Result, inline: bool = True) -> Any:
    """The TEI document as an lxml element."""
    return _Writer(result, inline).build()


def render_tei(result: Result, inline: bool = True) -> bytes:
    """The TEI document as UTF-8 bytes with an XML declaration."""
    root = tei_tree(result, inline)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"
