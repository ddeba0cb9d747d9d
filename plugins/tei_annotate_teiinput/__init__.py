"""Reading TEI back in, to annotate it again: the string value of ``<text>`` becomes the text.

The output of ``annotate`` read this way gives back its source exactly (the
``<g type="U+0007"/>`` characters included), so a file can be re-annotated with
other layers.  Existing markup is not kept; only the text is.

XML from outside is hostile until shown otherwise.  The parser expands no
entity, loads no DTD, touches no network and keeps libxml2's limits on depth and
node size; a document that declares or uses entities (billion laughs, external
entities reading local files) is refused with a clear error instead.
"""

from __future__ import annotations

import codecs
import re

from lxml import etree

from tei_annotate import Document, InputError, hookimpl, text_document
from tei_annotate.invariants import string_value

__all__ = ["load_document", "looks_like_xml", "read_tei"]

TEI_NS = "http://www.tei-c.org/ns/1.0"
# What an XML document (not an HTML page, not prose) starts with.
XML_START = re.compile(
    r"\s*(<\?xml[\s?]|<!DOCTYPE\s+(?!html\b)|<(\w[\w.-]*:)?(TEI|teiCorpus)[\s/>])", re.IGNORECASE
)
HEAD = 1024


def looks_like_xml(data: bytes) -> bool:
    """True if ``data`` starts like an XML or TEI document (any Unicode encoding)."""
    head = data[:HEAD]
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if head.startswith(bom):
            text = head[len(bom) :].decode(enc, "ignore")
            break
    else:
        text = head.removeprefix(codecs.BOM_UTF8).decode("utf-8", "ignore")
    return XML_START.match(text) is not None


def _declares_entities(data: bytes) -> bool:
    encodings = ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
    return any("<!ENTITY".encode(enc) in data for enc in encodings)


def _refuse_entities(name: str, declared: list[str]) -> InputError:
    names = f" ({', '.join(declared[:5])})" if declared else ""
    return InputError(
        f"{name}: refused: the document declares entities{names}; "
        "entity declarations are not accepted in input XML (they can expand without "
        "bound or read local files)"
    )


def _parser(encoding: str | None) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        encoding=encoding,
    )


def read_tei(data: bytes, name: str, encoding: str | None = None) -> str:
    """The source text of a TEI document: the string value of its ``<text>``."""
    try:
        root = etree.fromstring(data, _parser(encoding))
    except etree.XMLSyntaxError as exc:
        if _declares_entities(data):  # libxml2 may stop on the declarations first
            raise _refuse_entities(name, []) from None
        raise InputError(f"{name}: not well-formed XML: {exc}") from None
    except LookupError:
        raise InputError(f"{name}: unknown encoding {encoding!r}") from None
    dtd = root.getroottree().docinfo.internalDTD
    declared = [e.name for e in dtd.iterentities()] if dtd is not None else []
    if declared:
        raise _refuse_entities(name, declared)
    used = next(root.iter(etree.Entity), None)
    if used is not None:
        raise InputError(
            f"{name}: refused: entity reference {used.text} on line {used.sourceline}; "
            "entities are not expanded (use the character itself or a numeric reference)"
        )
    if root.tag != f"{{{TEI_NS}}}TEI":
        raise InputError(
            f"{name}: XML whose root is <{etree.QName(root).localname}>, not a TEI document "
            f"(<TEI xmlns={TEI_NS!r}>); only TEI can be read back"
        )
    text_el = root.find(f"{{{TEI_NS}}}text")
    if text_el is None:
        raise InputError(f"{name}: TEI document without a <text> element")
    return str(string_value(text_el))


@hookimpl
def load_document(data: bytes, name: str, encoding: str | None) -> Document | None:
    """A document from TEI input; None (let the text loader try) for anything not XML."""
    if not looks_like_xml(data):
        return None
    return text_document(read_tei(data, name, encoding), name)
