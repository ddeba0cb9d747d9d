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

from .xmltext import UNSAFE

__all__ = ["El", "attributes", "indented", "is_plain", "text"]

# Characters libxml2 escapes in text content, and in attribute values.
_TEXT_SPECIAL = re.compile("[&<>\r]")
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


def attributes(attrib: Mapping[str, str]) -> str:
    """`` name="value"`` for every attribute, in the mapping's order."""
    if _ATTR_SPECIAL.search("".join(attrib.values())) is None:  # the usual case: no escaping
        return "".join([f' {name}="{value}"' for name, value in attrib.items()])
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


class El:
    """An element of an indented part (the header, ``<standOff>``): tag, attributes, text, children.

    ``text`` comes before the children, as when it is appended on creation.  With
    ``indent=False`` the element's content is left as it is (text added after indenting).
    """

    __slots__ = ("attrib", "children", "indent", "tag", "text")

    def __init__(
        self,
        tag: str,
        attrib: Mapping[str, str] | None = None,
        text: str = "",
        children: Iterable[El] = (),
        indent: bool = True,
    ) -> None:
        self.tag = tag
        self.attrib = attrib
        self.text = text
        self.children = list(children)
        self.indent = indent

    def add(self, tag: str, attrib: Mapping[str, str] | None = None, text: str = "") -> El:
        """A new child, returned (like ``etree.SubElement``)."""
        child = El(tag, attrib, text)
        self.children.append(child)
        return child


def indented(el: El) -> str:
    """``el`` serialized after ``etree.indent(el)``: two spaces a level, ``el`` at level 0."""
    out: list[str] = []
    _write(el, 0, out)
    return "".join(out)


def _write(el: El, level: int, out: list[str]) -> None:
    start = f"<{el.tag}{attributes(el.attrib) if el.attrib else ''}"
    if not el.indent:
        content = text(el.text)
        out.append(f"{start}>{content}</{el.tag}>" if content else f"{start}/>")
        return
    # Children as etree.indent sees them: unsafe characters of the text are <g/> elements,
    # each followed by the text after it (its tail); element children have no tail.
    lead, gs = el.text, []
    if UNSAFE.search(lead) is not None:
        pieces = UNSAFE.split(lead)
        lead, gs = pieces[0], list(zip(UNSAFE.findall(el.text), pieces[1:], strict=True))
    if not gs and not el.children:
        out.append(f"{start}>{_escape_plain(lead)}</{el.tag}>" if lead else f"{start}/>")
        return
    inner = "\n" + "  " * (level + 1)
    out.append(f"{start}>{_escape_plain(lead) if lead.strip() else inner}")
    last = len(gs) + len(el.children) - 1
    for i, (char, tail) in enumerate(gs):
        out.append(_g(char))
        if tail.strip():
            out.append(_escape_plain(tail))
        else:
            out.append(inner if i < last else "\n" + "  " * level)
    for i, child in enumerate(el.children, len(gs)):
        _write(child, level + 1, out)
        out.append(inner if i < last else "\n" + "  " * level)
    out.append(f"</{el.tag}>")


def is_plain(s: str) -> bool:
    """True if ``s`` is its own XML text: every slice of it can be written as it is."""
    return _TEXT_SPECIAL.search(s) is None and UNSAFE.search(s) is None
