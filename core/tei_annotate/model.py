"""The stand-off data model: an immutable text and frozen annotations on its offsets.

Stand-off is canonical; TEI is one rendering of it.  Plugins build these values and
never see an XML tree, so every layer combines with every other one and the core
alone decides how crossing spans are nested.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from operator import attrgetter
from typing import Any, Literal, TypeAlias

import attrs
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
    """Attributes as a sorted tuple of string pairs: hashable, and order-free for determinism.

    Runs for every annotation a layer makes, so strings (nearly all) skip the conversion."""
    if type(value) is dict:
        if len(value) == 1:  # the usual case: one attribute, nothing to sort
            ((k, v),) = value.items()
            return ((k if type(k) is str else str(k), v if type(v) is str else _attr_value(v)),)
        items: Iterable[tuple[object, object]] = value.items()
    elif value is None or value == ():
        return ()
    else:
        items = value.items() if isinstance(value, Mapping) else value
    pairs = [
        (k if type(k) is str else str(k), v if type(v) is str else _attr_value(v)) for k, v in items
    ]
    return tuple(sorted(pairs))


def _attr_value(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _to_links(value: Mapping[str, object] | Iterable[tuple[str, object]] | None) -> Links:
    """Pointer attributes as sorted (name, target ids) pairs; a bare string is one target."""
    if type(value) is dict:
        if len(value) == 1:  # the usual case: one pointer, nothing to sort
            ((name, t),) = value.items()
            return ((name if type(name) is str else str(name), _ids(t)),)
        items: Iterable[tuple[object, object]] = value.items()
    elif value is None or value == ():
        return ()
    else:
        items = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted([(name if type(name) is str else str(name), _ids(t)) for name, t in items]))


def _ids(targets: object) -> tuple[str, ...]:
    if type(targets) is str:  # the usual case: one target
        return (targets.removeprefix("#"),)
    seq: Iterable[object] = (targets,) if isinstance(targets, str) else targets  # type: ignore[assignment]
    return tuple(str(t).removeprefix("#") for t in seq)


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
        """A copy owned by ``layer``: what the host does to every annotation a layer returns."""
        new = object.__new__(Annotation)
        _fill(new, self, layer, _ANNOTATION_COPIER)
        return new

    def link(self, name: str) -> tuple[str, ...]:
        """Target ids of one pointer attribute (empty if absent; the last if given twice)."""
        for key, targets in reversed(self.links):
            if key == name:
                return targets
        return ()


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
        _fill(new, self, layer, _ENTRY_COPIER)
        return new

    @property
    def label(self) -> str:
        """The first name or label text, for listings and readers."""
        for child in self.children:
            if child.text:
                return child.text
        return self.id


def _copier(cls: type) -> tuple[Callable[[Any], tuple[Any, ...]], tuple[Any, ...]]:
    """A getter of every field of ``cls`` but ``layer`` (the last), and the setters of all its
    fields' slots, which bypass the frozen ``__setattr__``."""
    names = [f.name for f in attrs.fields(cls)]
    assert names[-1] == "layer", cls
    return attrgetter(*names[:-1]), tuple(cls.__dict__[n].__set__ for n in names)


def _fill(new: object, item: object, layer: str, copier: tuple[Any, ...]) -> None:
    """Set the slots of ``new`` to the fields of ``item`` and ``layer``, skipping ``__init__``:
    the fields are already converted (``attrs.evolve`` would run every converter again, a
    measurable share of a whole pipeline run)."""
    values_of, setters = copier
    for set_slot, value in zip(setters, (*values_of(item), layer), strict=True):
        set_slot(new, value)


_ANNOTATION_COPIER = _copier(Annotation)
_ENTRY_COPIER = _copier(Entry)


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
