"""The built-in plain-text loader: bytes to an immutable :class:`Document`.

A file that is not text (an image, an archive, UTF-16 without its byte-order mark)
is refused with a message saying what it looks like, rather than turned into pages
of ``<g type="U+0000"/>`` or an error about byte offset 0.  ``--encoding`` skips the
sniffing and reads the bytes as text regardless.
"""

from __future__ import annotations

import codecs

from .blocks import classify_lines
from .errors import InputError
from .model import Document

__all__ = ["binary_kind", "decode", "load_text", "text_document"]

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Leading bytes of files people pass by mistake; none can start a plain-text article.
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX, ODT, EPUB)"),
    (b"\x1f\x8b", "a gzip file"),
    (b"\xfd7zXZ\x00", "an xz file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (DOC, XLS)"),
    (b"\x7fELF", "an executable"),
)
SNIFF = 8192
# Controls that plain text legitimately holds: tab, line ends, form feed.
TEXT_CONTROLS = frozenset("\t\n\r\x0b\x0c")
# Share of other control characters above which a file is taken for binary data.
BINARY_SHARE = 0.3


def _odd_share(chars: str) -> float:
    """Share of control characters and undecodable bytes (U+FFFD) in ``chars``."""
    odd = sum(1 for c in chars if (c < " " and c not in TEXT_CONTROLS) or c == "\ufffd")
    return odd / len(chars) if chars else 0.0


def binary_kind(data: bytes, text: str | None) -> tuple[str, str] | None:
    """(what ``data`` looks like, advice) if it is not text, else None.

    ``text`` is its decoding, or None when it did not decode.
    """
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            return kind, ""
    head = data[:SNIFF]
    pairs = len(head) // 2
    if pairs >= 2 and b"\x00" in head:
        for parity, enc in ((1, "utf-16-le"), (0, "utf-16-be")):
            if head[parity::2].count(0) >= 0.9 * pairs and head[1 - parity :: 2].count(0) == 0:
                return f"{enc.upper()} text without a byte-order mark", f"give --encoding {enc}"
    sample = text[:SNIFF] if text is not None else head.decode("utf-8", "replace")
    share = _odd_share(sample)
    if share > BINARY_SHARE:
        return f"binary data ({share:.0%} control characters or undecodable bytes)", ""
    return None


def _not_text(name: str, found: tuple[str, str]) -> InputError:
    kind, advice = found
    return InputError(
        f"{name}: not text: looks like {kind}; "
        f"{advice or 'give --encoding to read it as text anyway'}"
    )


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """The text of ``data``: the given encoding, else by byte-order mark, else strict UTF-8.

    Without an explicit encoding, data that looks binary is refused (see :func:`binary_kind`).
    """
    sniff = encoding is None
    if encoding is None:
        encoding = next((enc for bom, enc in BOMS if data.startswith(bom)), None)
        by_bom, encoding = encoding is not None, encoding or "utf-8"
    else:
        by_bom = False
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"{name}: unknown encoding {encoding!r}") from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if sniff and not by_bom and (found := binary_kind(data, None)) is not None:
            raise _not_text(name, found) from None
        bad = data[exc.start : exc.start + 1].hex()
        raise InputError(
            f"{name}: not valid {exc.encoding} at byte offset {exc.start} (0x{bad}); "
            "give --encoding to read it in another encoding"
        ) from None
    if sniff and (found := binary_kind(data, text)) is not None:
        raise _not_text(name, found)
    return text.removeprefix("\ufeff")


def load_text(data: bytes, name: str, encoding: str | None = None) -> Document:
    """A document from plain text: one block per non-blank line."""
    return text_document(decode(data, name, encoding), name)


def text_document(text: str, name: str = "<string>") -> Document:
    """A document from a string of plain text: one block per non-blank line."""
    return Document(text=text, blocks=classify_lines(text), name=name)
