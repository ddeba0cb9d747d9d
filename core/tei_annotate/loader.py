"""The built-in plain-text loader: bytes to an immutable :class:`Document`."""

from __future__ import annotations

import codecs

from .blocks import classify_lines
from .errors import InputError
from .model import Document

__all__ = ["decode", "load_text", "text_document"]

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """The text of ``data``: the given encoding, else by byte-order mark, else strict UTF-8."""
    if encoding is None:
        encoding = next((enc for bom, enc in BOMS if data.startswith(bom)), "utf-8")
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"{name}: unknown encoding {encoding!r}") from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise InputError(
            f"{name}: not valid {exc.encoding} at byte offset {exc.start} (0x{bad}); "
            "give --encoding to read it in another encoding"
        ) from None
    return text.removeprefix("\ufeff")


def load_text(data: bytes, name: str, encoding: str | None = None) -> Document:
    """A document from plain text: one block per non-blank line."""
    return text_document(decode(data, name, encoding), name)


def text_document(text: str, name: str = "<string>") -> Document:
    """A document from a string of plain text: one block per non-blank line."""
    return Document(text=text, blocks=classify_lines(text), name=name)
