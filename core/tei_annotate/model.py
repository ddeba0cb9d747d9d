"""The stand-off data model: an immutable text and frozen annotations on its offsets.

Stand-off is canonical; TEI is one rendering of it.  Plugins build these values and
never see an XML tree, so every layer combines with every other one and the core
alone decides how crossing spans are nested.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from functools import cached_property
from typing import Any, Literal, TypeAlias

from attrs import field, frozen

__all__ = [
    "Annotation",
    "Block",
    "BlockKind",
    "Document",
    "Entry",
    "Node",
]

Attrs: TypeAlias = tuple[tuple[str, str], ...]
Links: TypeAlias = tuple[tuple[str, tuple[str, ...]], ...]
BlockKind = Literal["title", "head", "p", "boilerplate"]


def _to_attrs(value: Mapping[str, object] | Iterable[tuple[str, object]] | None) -> Attrs:
    """Attributes as a sorted tuple of string pairs: hashable, and order-free for determinism."""
    if value is None:
        return ()
    items = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted((str(k), _attr_value(v)) for k, v in items))


def _attr_value(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _to_links(value: Mapping[str, object] | Iterable[tuple[str, object]] | None) -> Links:
    """Pointer attributes as sorted (name, target ids) pairs; a bare string is one target."""
    if value is None:
        return ()
    items = value.items() if isinstance(value, Mapping) else value
    out = []
    for name, targets in items:
        seq: Iterable[object] = (targets,) if isinstance(targets, str) else targets  # type: ignore[assignment]
        ids = tuple(str(t) for t in seq)
        out.append((str(name), tuple(t.removeprefix("#") for t in ids)))
    return tuple(sorted(out))


def _to_blocks(value: Iterable[Block]) -> tuple[Block, ...]:
    return tuple(value)


def _to_children(value: Iterable[Node] | None) -> tuple[Node, ...]:
    return tuple(value or ())


@frozen
class Annotation:
    """One span of the text a layer wants marked with a TEI element.

    ``start``/``end`` are code-point offsets into :attr:`Document.text`, end exclusive.
    ``links`` holds pointer attributes by target id (``{"ref": "pers.putin"}`` renders
    ``ref="#pers.putin"``) so the host can check that every pointer resolves.
    ``layer`` is filled in by the host; a layer may leave it empty.
    """

    start: int
    end: int
    element: str
    attrs: Attrs = field(default=(), converter=_to_attrs)
    id: str | None = None
    links: Links = field(default=(), converter=_to_links)
    cert: str | float | None = None
    layer: str = ""

    @property
    def attrib(self) -> dict[str, str]:
        return dict(self.attrs)

    def stamped(self, layer: str) -> Annotation:
        """A copy owned by ``layer``: what the host does to every annotation a layer returns.

        The fields are already converted, so this skips ``__init__`` (``attrs.evolve``
        would run every converter again, a measurable share of a whole pipeline run);
        unrolled, as it runs for nearly every annotation.
        """
        new = object.__new__(Annotation)
        start, end, element, attrs, ident, links, cert, set_layer = _ANNOTATION_SLOTS
        start(new, self.start)
        end(new, self.end)
        element(new, self.element)
        attrs(new, self.attrs)
        ident(new, self.id)
        links(new, self.links)
        cert(new, self.cert)
        set_layer(new, layer)
        return new

    def link(self, name: str) -> tuple[str, ...]:
        """Target ids of one pointer attribute (empty if absent)."""
        return dict(self.links).get(name, ())


_ANNOTATION_FIELDS = ("start", "end", "element", "attrs", "id", "links", "cert")


def _slot_setters(cls: type, fields: tuple[str, ...]) -> tuple[Any, ...]:
    """Setters of the slots of ``fields`` then of ``layer``; they bypass the frozen __setattr__."""
    return tuple(cls.__dict__[n].__set__ for n in (*fields, "layer"))


_ANNOTATION_SLOTS = _slot_setters(Annotation, _ANNOTATION_FIELDS)


@frozen
class Node:
    """A small TEI element tree for header data (names, roles, descriptions)."""

    tag: str
    attrs: Attrs = field(default=(), converter=_to_attrs)
    text: str = ""
    children: tuple[Node, ...] = field(default=(), converter=_to_children)


@frozen
class Entry:
    """A header record a layer returns: a registry entry or a taxonomy category.

    ``element`` decides where it goes: ``person``/``personGrp`` in
    ``particDesc/listPerson``, ``org`` in ``particDesc/listOrg``, ``place`` in
    ``settingDesc/listPlace``, ``category`` in ``classDecl/taxonomy[@xml:id=group]``.
    """

    id: str
    element: str
    children: tuple[Node, ...] = field(default=(), converter=_to_children)
    attrs: Attrs = field(default=(), converter=_to_attrs)
    links: Links = field(default=(), converter=_to_links)
    group: str | None = None
    layer: str = ""

    @property
    def attrib(self) -> dict[str, str]:
        return dict(self.attrs)

    def stamped(self, layer: str) -> Entry:
        """A copy owned by ``layer``, as :meth:`Annotation.stamped`."""
        new = object.__new__(Entry)
        ident, element, children, attrs, links, group, set_layer = _ENTRY_SLOTS
        ident(new, self.id)
        element(new, self.element)
        children(new, self.children)
        attrs(new, self.attrs)
        links(new, self.links)
        group(new, self.group)
        set_layer(new, layer)
        return new

    @property
    def label(self) -> str:
        """The first name or label text, for listings and readers."""
        for child in self.children:
            if child.text:
                return child.text
        return self.id


_ENTRY_FIELDS = ("id", "element", "children", "attrs", "links", "group")
_ENTRY_SLOTS = _slot_setters(Entry, _ENTRY_FIELDS)


@frozen
class Block:
    """A line of the source that becomes one TEI block (``head`` or ``p``)."""

    kind: BlockKind
    start: int
    end: int
    id: str


@frozen
class Document:
    """The immutable source text and its block structure."""

    text: str
    blocks: tuple[Block, ...] = field(converter=_to_blocks)
    name: str = "<string>"

    @property
    def title(self) -> str:
        for block in self.blocks:
            if block.kind == "title":
                return self.text[block.start : block.end].strip()
        return self.name

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    @cached_property
    def _starts(self) -> tuple[int, ...]:
        return tuple(b.start for b in self.blocks)

    def block_at(self, offset: int) -> Block | None:
        """The block holding ``offset``, or None between blocks."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.blocks[i].end:
            return self.blocks[i]
        return None
