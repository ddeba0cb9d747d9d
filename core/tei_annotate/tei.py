"""Rendering a :class:`Result` as TEI P5, inline or stand-off.

The string value of ``<text>`` is the source text itself: blocks keep their lines
character for character and the line ends between blocks stay as whitespace
between elements.  Only the header and ``<standOff>`` are indented.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from itertools import compress, repeat
from operator import attrgetter, gt

from . import xmlout
from .model import Annotation, Entry
from .nesting import Placed, level, nest, split_by_blocks
from .pipeline import ENTRY_PLACES
from .result import Result
from .version import OWN_DISTRIBUTION, own_version
from .xmlout import El, indented, wrapped
from .xmltext import TEI_NS

__all__ = ["render_tei"]

APP = "tei-annotate"
VERSION = re.compile(r"\d+[a-z]*\d*(\.\d+[a-z]*\d*){0,3}")
FRAGMENTABLE = frozenset({"seg", "ab", "p", "l", "lg", "div"})
_START, _ELEMENT, _LAYER, _ID = map(attrgetter, ("start", "element", "layer", "id"))


def _tei_version(version: str) -> str:
    m = VERSION.match(version)
    return m.group() if m else "0"


class _Ids:
    """xml:ids in use, and fresh ones that never collide with them (gathered when first asked:
    most documents need none)."""

    def __init__(self, result: Result, annotations: Sequence[Annotation]) -> None:
        self.result = result
        self.annotations = annotations
        self.used: set[str] | None = None

    def _gather(self) -> set[str]:
        result = self.result
        used = {b.id for b in result.document.blocks}
        used |= {a.id for a in self.annotations if a.id}
        used |= {e.id for e in result.entries} | {e.group for e in result.entries if e.group}
        used |= {f"app.{lay.name}" for lay in result.layers} | {f"app.{APP}"}
        return used

    def fresh(self, base: str) -> str:
        if self.used is None:
            self.used = self._gather()
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
        self.elements = set(map(_ELEMENT, self.annotations))
        self.ids = _Ids(result, self.annotations)
        self.rank = {lay.name: i for i, lay in enumerate(result.layers)}
        self.inline = inline
        # per block index: its tree of pieces; per annotation index: how many pieces, and the
        # ids of the pieces of each annotation cut in several
        self.trees: dict[int, list[Placed]] = {}
        self.counts: list[int] = [0] * len(self.annotations)
        self.orphans: list[int] = list(range(len(self.annotations)))
        self.frag_ids: dict[int, list[str | None]] = {}
        self.last_id: dict[str, str] = {}
        self.start_tags: dict[tuple[object, ...], str] = {}

    # ---------------------------------------------------------------- layout
    def place(self) -> None:
        if not self.inline:
            return
        annotations, blocks, counts = self.annotations, self.doc.blocks, self.counts
        by_block, self.orphans = split_by_blocks(annotations, blocks)
        levels = {e: level(e) for e in self.elements}
        order = list(
            zip(
                map(levels.__getitem__, map(_ELEMENT, annotations)),
                map(self.rank.get, map(_LAYER, annotations), repeat(0)),
                strict=True,
            )
        )
        for i in sorted(by_block):  # in document order: it numbers each annotation's pieces
            block = blocks[i]
            self.trees[i] = nest(by_block[i], order, block.start, block.end, counts)
        counters: dict[str, int] = {}
        # Annotations cut in several pieces; the others' pieces take their own ids.
        for k in compress(range(len(counts)), map(gt, counts, repeat(1))):
            n = counts[k]
            a = annotations[k]
            counters[a.layer] = counters.get(a.layer, 0) + 1
            base = a.id or self.ids.fresh(f"{a.layer}.{a.element}.{counters[a.layer]}")
            ids: list[str | None] = [base]
            ids += [self.ids.fresh(f"{base}.f{j}") for j in range(2, n + 1)]
            self.frag_ids[k] = ids
            if a.id:
                self.last_id[a.id] = ids[-1]  # type: ignore[assignment]

    # ---------------------------------------------------------------- attributes
    def attrib(self, a: Annotation, k: int, j: int = 0) -> dict[str, str]:
        """The attributes of piece ``j`` of annotation ``k``, ``a``.  An annotation with no
        piece in the text (in ``<standOff>``) is written whole, as if in one piece."""
        n = self.counts[k] or 1
        attrib = dict(a.attrs)
        for name, targets in a.links:
            if name == "prev":
                if j != 0:
                    continue
                targets = tuple(map(self.last_id.get, targets, targets))
            elif name == "next" and j != n - 1:
                continue
            attrib[name] = "#" + " #".join(targets) if targets else ""
        attrib["resp"] = f"#app.{a.layer}"
        if a.cert is not None:
            attrib["cert"] = str(a.cert)
        if n == 1:  # the usual case: not cut
            if a.id:
                attrib["xml:id"] = a.id
            return attrib
        ids = self.frag_ids[k]
        if ids[j]:
            attrib["xml:id"] = ids[j]  # type: ignore[assignment]
        if j > 0:
            attrib["prev"] = f"#{ids[j - 1]}"
        if j < n - 1:
            attrib["next"] = f"#{ids[j + 1]}"
        if a.element in FRAGMENTABLE:
            attrib["part"] = "I" if j == 0 else "F" if j == n - 1 else "M"
        return attrib

    def start_tag(self, a: Annotation, k: int, j: int) -> str:
        """``<tag attributes>`` of piece ``j`` of annotation ``k``, ``a``.

        That of an annotation in one piece and with no id depends on its value alone, and
        such values recur in a document (an actor named again, a role): each is written once."""
        if self.counts[k] == 1 and a.id is None:
            key = (a.element, a.attrs, a.links, a.layer, a.cert)
            try:
                return self.start_tags[key]
            except KeyError:
                tag = self.start_tags[key] = f"<{a.element}{xmlout.attributes(self.attrib(a, k))}>"
                return tag
            except TypeError:  # an unhashable value forced into the frozen annotation
                pass
        return f"<{a.element}{xmlout.attributes(self.attrib(a, k, j))}>"

    # ---------------------------------------------------------------- document
    def build(self) -> str:
        xmlout.check_tags(self.elements)
        self.place()
        parts = [
            f'<TEI xmlns="{TEI_NS}">\n',
            self.header(),
            "\n",
            self.body(),
            "\n",
        ]
        if self.orphans:
            parts += [indented(self.standoff(self.orphans)), "\n"]
        parts.append("</TEI>")
        return "".join(parts)

    def header(self) -> str:
        """``<teiHeader>``, written as :func:`~.xmlout.indented` writes it: its frame is the
        same for every document, so it is joined from strings, not built as elements."""
        # Its text is added after indenting: a title of only <g/> would gain whitespace.
        title = indented(El("title", text=self.doc.title, indent=False), level=3)
        source = indented(El("p", text=f"Plain text read from {self.doc.name}."), level=3)
        layers = tuple((lay.name, lay.version, lay.description) for lay in self.result.layers)
        encoding = [_app_info(own_version(), layers)]
        by_place: dict[str, list[Entry]] = {}  # entries by where they go, in their order
        for e in self.result.entries:
            by_place.setdefault(ENTRY_PLACES[e.element], []).append(e)
        categories = by_place.get("taxonomy")
        if categories:
            taxonomies: dict[str, list[str]] = {}
            for e in categories:
                assert e.group is not None
                taxonomies.setdefault(e.group, []).append(self.entry(e))
            decl = [
                wrapped("taxonomy", entries, 3, xmlout.attributes({"xml:id": group}))
                for group, entries in taxonomies.items()
            ]
            encoding.append(wrapped("classDecl", decl, 2))
        lists: dict[str, list[str]] = {}
        for place, parent in (
            ("listPerson", "particDesc"),
            ("listOrg", "particDesc"),
            ("listPlace", "settingDesc"),
        ):
            members = by_place.get(place)
            if members:
                entries = list(map(self.entry, members))
                lists.setdefault(parent, []).append(wrapped(place, entries, 3))
        profile = [wrapped(parent, places, 2) for parent, places in lists.items()]
        return wrapped(
            "teiHeader",
            [
                _FILE_DESC.format(title=title, source=source),
                wrapped("encodingDesc", encoding, 1),
                wrapped("profileDesc", profile, 1),
            ],
            0,
        )

    def entry(self, e: Entry) -> str:
        try:
            return _entry_xml(e)
        except TypeError:  # an unhashable value forced into the frozen entry
            return indented(_entry_el(e), level=ENTRY_LEVEL)

    def body(self) -> str:
        """``<text>``: the blocks with their annotations, and the source's line ends between.

        A head opens a ``<div>`` in ``<body>``; page furniture goes to ``<back>``."""
        text, blocks = self.text, self.doc.blocks
        plain = xmlout.is_plain(text)
        body = [xmlout.text(text[: blocks[0].start if blocks else len(text)])]
        back: list[str] | None = None
        container, div_open = body, False
        trees = self.trees
        nexts = [*map(_START, blocks[1:]), len(text)]
        plain_ids = xmlout.plain_values(map(_ID, blocks))  # then written as they are
        for i, block in enumerate(blocks):
            kind = block.kind
            if kind == "head":
                body.append("</div><div>" if div_open else "<div>")
                container, div_open = body, True
            elif kind == "boilerplate":
                if back is None:
                    back = []
                container = back
            tag = "p" if kind in ("p", "boilerplate") else "head"
            if plain_ids:
                container.append(f'<{tag} xml:id="{block.id}">')
            else:
                container.append(f"<{tag}{xmlout.attributes({'xml:id': block.id})}>")
            self.fill(container, block.start, block.end, trees.get(i, []), plain)
            tail = text[block.end : nexts[i]]
            container.append(f"</{tag}>{tail if plain else xmlout.text(tail, encode=False)}")
        if div_open:
            body.append("</div>")
        if not any(b.kind in ("p", "head") for b in blocks):  # TEI needs one; it adds no text
            body.append(f"<p{xmlout.attributes({'xml:id': self.ids.fresh('p0')})}/>")
        content = "".join(body)
        out = ["<text>", f"<body>{content}</body>" if content else "<body/>"]
        if back is not None:
            out += ['<back><div type="boilerplate">', *back, "</div></back>"]
        out.append("</text>")
        return "".join(out)

    def fill(
        self, out: list[str], start: int, end: int, children: list[Placed], plain: bool
    ) -> None:
        """The content of an element from ``start`` to ``end``: text and nested pieces.

        ``plain``: the document has nothing to escape, so its slices are written as they are."""
        text, annotations, start_tag = self.text, self.annotations, self.start_tag
        cursor = start
        # Slices of the text are written at once, never kept: a piece can be huge.
        for s, e, k, j, inner in children:
            if cursor < s:
                out.append(text[cursor:s] if plain else xmlout.text(text[cursor:s]))
            a = annotations[k]
            if inner:
                out.append(start_tag(a, k, j))
                self.fill(out, s, e, inner, plain)
                out.append(f"</{a.element}>")
            else:  # the usual case, written without a call: a piece with only text
                out += (
                    start_tag(a, k, j),
                    text[s:e] if plain else xmlout.text(text[s:e]),
                    f"</{a.element}>",
                )
            cursor = e
        if cursor < end:
            out.append(text[cursor:end] if plain else xmlout.text(text[cursor:end]))

    def standoff(self, indexes: list[int]) -> El:
        so = El("standOff")
        groups: dict[str, El] = {}
        for k in indexes:
            a = self.annotations[k]
            if a.layer not in groups:
                groups[a.layer] = so.add("listAnnotation", {"type": a.layer})
            ann = groups[a.layer].add(
                "annotation",
                {
                    "xml:id": self.ids.fresh(f"ann.{a.layer}.{k + 1}"),
                    "target": " ".join(self.ranges(a)),
                    "motivation": "tagging",
                    "resp": f"#app.{a.layer}",
                },
            )
            attrib = self.attrib(a, k)
            ann.add("note").add(a.element, attrib, self.text[a.start : a.end])
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


def _file_desc() -> str:
    """``<fileDesc>`` at its level in the header, with ``{title}`` and ``{source}`` to fill
    in: the same for every document but for those, so it is indented once, not per document."""
    fd = El("fileDesc")
    fd.add("titleStmt").children.append("{title}")
    fd.add("publicationStmt").add("p", text=f"Annotated by {APP}; not published.")
    fd.add("sourceDesc").children.append("{source}")
    return indented(fd, level=1)


_FILE_DESC = _file_desc()


def _entry_el(e: Entry) -> El:
    return El(e.element, _entry_attrib(e), children=e.children)


def _entry_attrib(e: Entry) -> dict[str, str]:
    attrib = dict(e.attrs)
    for name, targets in e.links:
        attrib[name] = " ".join(f"#{t}" for t in targets)
    attrib["xml:id"] = e.id
    attrib["resp"] = f"#app.{e.layer}"
    return attrib


# Every entry sits four levels into the header (teiHeader/profileDesc/particDesc/listPerson,
# teiHeader/encodingDesc/classDecl/taxonomy).
ENTRY_LEVEL = 4


# Entries written, by value: the entries documents repeat (a taxonomy's categories, the
# actors a corpus keeps naming) are written once.  Emptied should it grow large.
_ENTRY_XML: dict[tuple[object, ...], str] = {}
_ENTRY_XML_MAX = 4096
# An entry's value as a key: its fields and its nodes' fields, read by C-level getters
# (hashing the entry itself runs attrs' Python __hash__ for it and for each of its nodes).
_ENTRY_FIELDS = attrgetter("id", "element", "attrs", "links", "group", "layer")
_NODE_FIELDS = attrgetter("tag", "attrs", "text", "children")


def _entry_xml(e: Entry) -> str:
    """An entry written at its level: its XML depends on its value alone.

    A TypeError if a value forced into the frozen entry cannot be hashed."""
    key = (_ENTRY_FIELDS(e), *map(_NODE_FIELDS, e.children))
    xml = _ENTRY_XML.get(key)
    if xml is None:
        if len(_ENTRY_XML) >= _ENTRY_XML_MAX:
            _ENTRY_XML.clear()
        xml = _leaves_xml(e)
        if xml is None:
            xml = indented(_entry_el(e), level=ENTRY_LEVEL)
        _ENTRY_XML[key] = xml
    return xml


_LEAF_INDENT = "\n" + "  " * (ENTRY_LEVEL + 1)
_END_INDENT = "\n" + "  " * ENTRY_LEVEL


def _leaves_xml(e: Entry) -> str | None:
    """The entry as :func:`~.xmlout.indented` writes it at its level, if its nodes are leaves
    of text with nothing to escape (most are: a name, roles), else None.

    A corpus brings new entries (the actors of each text): writing one line per leaf costs
    less than building its :class:`~.xmlout.El` and walking it.  The usual entry's only
    attributes are xml:id and resp, written without building their mapping."""
    nodes = e.children
    if not nodes:
        return None
    leaves, values = [], [e.id, e.layer]
    for node in nodes:
        if node.children:
            return None
        tag, attrs, text = node.tag, node.attrs, node.text
        opened = f"{tag}{xmlout.attributes(dict(attrs))}" if attrs else tag
        values.append(text)
        leaves.append(
            f"{_LEAF_INDENT}<{opened}>{text}</{tag}>" if text else f"{_LEAF_INDENT}<{opened}/>"
        )
    # attribute values escape more than text does: one search clears both for most entries
    plain = xmlout.plain_values(values)
    if not plain and not xmlout.is_plain("".join(values[2:])):
        return None
    el = e.element
    if plain and not e.attrs and not e.links:
        return f'<{el} xml:id="{e.id}" resp="#app.{e.layer}">{"".join(leaves)}{_END_INDENT}</{el}>'
    return f"<{el}{xmlout.attributes(_entry_attrib(e))}>{''.join(leaves)}{_END_INDENT}</{el}>"


@functools.lru_cache(maxsize=64)
def _app_info(version: str, layers: tuple[tuple[str, str, str], ...]) -> str:
    """``<appInfo>``: the same for every document annotated with the same layers, so it is
    written once (at its level in the header) for each set of layers."""
    info = El("appInfo")
    core = info.add(
        "application",
        {"xml:id": f"app.{APP}", "ident": APP, "version": _tei_version(version)},
    )
    core.add("label", text=OWN_DISTRIBUTION)
    for name, layer_version, description in layers:
        app = info.add(
            "application",
            {"xml:id": f"app.{name}", "ident": name, "version": _tei_version(layer_version)},
        )
        app.add("label", text=name)
        if description:
            app.add("desc", text=description)
    return indented(info, level=2)


def render_tei(result: Result, inline: bool = True) -> bytes:
    """The TEI document as UTF-8 bytes with an XML declaration."""
    xml = _Writer(result, inline).build()
    return f"<?xml version='1.0' encoding='UTF-8'?>\n{xml}\n".encode()
