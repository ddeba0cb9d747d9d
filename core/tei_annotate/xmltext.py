"""Putting arbitrary text into XML without losing a character.

XML 1.0 cannot carry most C0 controls or U+FFFE/U+FFFF.  Rather than drop them we
write ``<g type="U+0007"/>`` in their place (:mod:`.xmlout`), which readers (and our scorer) map
back to the character, so the source can always be rebuilt.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["encoded_char", "first_unsafe", "string_value"]

TEI_NS = "http://www.tei-c.org/ns/1.0"
TEI = f"{{{TEI_NS}}}"  # prefix of TEI element tags in lxml
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
G_CODE = re.compile(r"U\+([0-9A-F]{4,6})\Z")
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def first_unsafe(text: str) -> str | None:
    """The first character of ``text`` XML 1.0 cannot hold, or None."""
    m = UNSAFE.search(text)
    return m.group() if m else None


def encoded_char(el: Any) -> str:
    """The character an encoded ``<g type="U+0007"/>`` stands for, else ''."""
    m = G_CODE.match(el.get("type", "")) if el.tag == f"{TEI}g" else None
    return chr(int(m.group(1), 16)) if m else ""


def string_value(el: Any) -> str:
    """The text under lxml element ``el`` with encoded characters restored."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str):
            parts.append(encoded_char(child) + string_value(child))
        parts.append(child.tail or "")
    return "".join(parts)
