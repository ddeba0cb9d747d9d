"""Writing XML as text, byte for byte what lxml would serialize, without building a tree.

Building an lxml element per annotation and per header field cost more than some
layers do; joining strings costs a fraction.  The output must not change, so the
rules copied here are lxml's (libxml2's) own: which characters are escaped in text
and in attribute values, ``<a/>`` for an empty element, and what ``etree.indent``
does to whitespace-only text.  Characters XML cannot hold become ``<g>`` as in
:mod:`.xmltext`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from lxml import etree

from .model import Node
from .xmltext import TEI_NS, UNSAFE

__all__ = [
    "El",
    "attributes",
    "check_tags",
    "indented",
    "is_plain",
    "plain_values",
    "text",
    "wrapped",
]

# Characters libxml2 escapes in text content; text that needs escaping or <g/>.
_TEXT_SPECIAL = re.compile("[&<>\r]")
_TEXT_OR_UNSAFE = re.compile(f"{_TEXT_SPECIAL.pattern}|{UNSAFE.pattern}")
# ... and in attribute values, where (as lxml does) characters XML cannot hold are refused.
_ATTR_SPECIAL = re.compile(f'[&<>"\n\r\t]|{UNSAFE.pattern}')


def _escape_plain(s: str) -> str:
    if _TEXT_SPECIAL.search(s) is None:
        return s
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _g(char: str) -> str:
    return f'<g type="U+{ord(char):04X}"/>'


def text(s: str, encode: bool = True) -> str:
    """``s`` as XML character data; characters XML cannot hold written as ``<g/>``.

    With ``encode=False`` they are refused with a ValueError instead (text between blocks)."""
    if UNSAFE.search(s) is None:
        return _escape_plain(s)
    if not encode:
        raise ValueError(f"{s!r}: not XML compatible")
    out, pos = [], 0
    for m in UNSAFE.finditer(s):
        out.append(_escape_plain(s[pos : m.start()]))
        out.append(_g(m.group()))
        pos = m.end()
    out.append(_escape_plain(s[pos:]))
    return "".join(out)


_PAIRS_SEP, _NAME_VALUE_SEP = '" ', '="'


def attributes(attrib: Mapping[str, str]) -> str:
    """`` name="value"`` for every attribute, in the mapping's order.

    A name lxml would refuse (``a b``, ``p:q``) is a ValueError, as it was when lxml built
    the tree."""
    if not _NAMES.issuperset(attrib):
        _learn_names(attrib)
    if plain_values(attrib.values()):  # the usual case: no escaping
        # ' a="1" b="2"' by str.join alone, cheaper than formatting each pair
        return f' {_PAIRS_SEP.join(map(_NAME_VALUE_SEP.join, attrib.items()))}"' if attrib else ""
    out = []
    for name, value in attrib.items():
        if _ATTR_SPECIAL.search(value) is not None:
            if UNSAFE.search(value) is not None:
                raise ValueError(f"attribute {name}={value!r}: not XML compatible")
            value = (
                value.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace('"', "&quot;")
                .replace("\n", "&#10;")
                .replace("\r", "&#13;")
                .replace("\t", "&#9;")
            )
        out.append(f' {name}="{value}"')
    return "".join(out)


def plain_values(values: Iterable[str]) -> bool:
    """True if every one of ``values`` can be written as an attribute value as it is."""
    s = "".join(values)
    if s.isprintable():  # no control character, surrogate or noncharacter (a test checks)
        return '"' not in s and "&" not in s and "<" not in s and ">" not in s
    return _ATTR_SPECIAL.search(s) is None


# Attribute and element names found valid; a few dozen in practice, emptied should they
# ever grow large.
_NAMES: set[str] = set()
_TAGS: set[str] = set()
_NAMES_MAX = 4096


def _learn_names(names: Iterable[str], known: set[str] = _NAMES) -> None:
    for name in names:
        if name not in known:
            # lxml's own check of a name (ValueError); xml: is the one prefix attributes take
            etree.QName(TEI_NS, name.removeprefix("xml:") if known is _NAMES else name)
            if len(known) >= _NAMES_MAX:
                known.clear()
            known.add(name)


def check_tags(tags: Iterable[str]) -> None:
    """A ValueError for an element name lxml would refuse, as when lxml built the tree."""
    if not _TAGS.issuperset(tags):
        _learn_names(tags, _TAGS)


class El:
    """An element of an indented part (the header, ``<standOff>``): tag, attributes, text, children.

    ``text`` comes before the children, as when it is appended on creation.  With
    ``indent=False`` the element's content is left as it is (text added after indenting).
    A child that is a ``str`` is an element already written by :func:`indented` at the
    level it is put at (a plain string: an object to wrap it in cost a Python call each).
    """

    __slots__ = ("attrib", "children", "indent", "tag", "text")

    def __init__(
        self,
        tag: str,
        attrib: Mapping[str, str] | None = None,
        text: str = "",
        children: Iterable[El | Node | str] = (),
        indent: bool = True,
    ) -> None:
        self.tag = tag
        self.attrib = attrib
        self.text = text
        self.children: list[El | Node | str] = list(children)
        self.indent = indent

    def add(self, tag: str, attrib: Mapping[str, str] | None = None, text: str = "") -> El:
        """A new child, returned (like ``etree.SubElement``)."""
        child = El(tag, attrib, text)
        self.children.append(child)
        return child


def indented(el: El, level: int = 0) -> str:
    """``el`` serialized after ``etree.indent(el)``: two spaces a level, ``el`` at ``level``.

    Children may also be :class:`~tei_annotate.model.Node` (header data from layers) or
    ``str`` (elements already written, see :class:`El`)."""
    out: list[str] = []
    _write(el, level, out)
    return "".join(out)


def wrapped(tag: str, children: list[str], level: int, attributes: str = "") -> str:
    """An element at ``level`` holding ``children`` already written at the level below, as
    :func:`indented` writes an element with no text (none: a self-closing tag).  For a frame
    that is the same for every document (the header): joined, not built and walked."""
    if not children:
        return f"<{tag}{attributes}/>"
    inner = "\n" + "  " * (level + 1)
    return f"<{tag}{attributes}>{inner}{inner.join(children)}\n{'  ' * level}</{tag}>"


def _write(el: El | Node, level: int, out: list[str]) -> None:
    if type(el) is El:
        attrib, indent = el.attrib, el.indent
    else:
        attrib, indent = dict(el.attrs) if el.attrs else None, True  # type: ignore[union-attr]
    tag, lead, children = el.tag, el.text, el.children
    start = f"<{tag}{attributes(attrib)}" if attrib else f"<{tag}"
    if not indent:
        content = text(lead)
        out.append(f"{start}>{content}</{tag}>" if content else f"{start}/>")
        return
    if not children and _TEXT_OR_UNSAFE.search(lead) is None:  # the usual case: a plain leaf
        out.append(f"{start}>{lead}</{tag}>" if lead else f"{start}/>")
        return
    unsafe = UNSAFE.search(lead) is not None
    if not children and not unsafe:
        out.append(f"{start}>{_escape_plain(lead)}</{tag}>" if lead else f"{start}/>")
        return
    # Children as etree.indent sees them: unsafe characters of the text are <g/> elements,
    # each followed by the text after it (its tail); element children have no tail.
    gs: list[tuple[str, str]] = []
    if unsafe:
        pieces = UNSAFE.split(lead)
        lead, gs = pieces[0], list(zip(UNSAFE.findall(lead), pieces[1:], strict=True))
    inner = "\n" + "  " * (level + 1)
    out.append(f"{start}>{_escape_plain(lead) if lead.strip() else inner}")
    last = len(gs) + len(children) - 1
    for i, (char, tail) in enumerate(gs):
        out.append(_g(char))
        if tail.strip():
            out.append(_escape_plain(tail))
        else:
            out.append(inner if i < last else "\n" + "  " * level)
    for i, child in enumerate(children, len(gs)):
        if isinstance(child, str):
            out.append(child)
        else:
            _write(child, level + 1, out)
        out.append(inner if i < last else "\n" + "  " * level)
    out.append(f"</{tag}>")


def is_plain(s: str) -> bool:
    """True if ``s`` is its own XML text: every slice of it can be written as it is."""
    return _TEXT_OR_UNSAFE.search(s) is None
