"""The ``xmi`` format: UIMA CAS XMI for INCEpTION and other DKPro/UIMA tools, through dkpro-cassis.

Names and descriptions of people, organisations and places become DKPro Core's
``NamedEntity`` (``value`` PER/ORG/LOC/OTH, ``identifier`` the registry id), which
INCEpTION shows in its built-in Named Entity layer.  Blocks become DKPro
``Sentence`` and words ``Token`` (cut at every annotation boundary), as
INCEpTION anchors spans to tokens.  Everything else becomes one
custom span type per layer, ``webanno.custom.TeiAnnotate<Layer>``, with a string
feature per TEI attribute and pointer, so INCEpTION can import it as a custom layer.
cassis writes offsets in UTF-16 code units, as Java readers count them.

XML 1.0 cannot carry most C0 controls: such a character becomes U+FFFD in the
text (offsets stay right) under a ``webanno.custom.TeiAnnotateGlyph`` annotation
whose ``codepoint`` names it, as TEI's ``<g type="U+0007"/>`` does, so the source
can be rebuilt.
"""

from __future__ import annotations

import re

from cassis import Cas, TypeSystem

from tei_annotate import Annotation, Result

from .tokens import tokens

__all__ = [
    "GLYPH",
    "NAMED_ENTITY",
    "custom_type_name",
    "render_typesystem",
    "render_xmi",
    "typesystem",
]

NAMED_ENTITY = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
SENTENCE = "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence"
TOKEN = "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token"
METADATA = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData"
STRING = "uima.cas.String"
ANNOTATION = "uima.tcas.Annotation"
# TEI elements that name or describe an entity, and the CoNLL-style class each gets.
ENTITY_ELEMENTS = {"persName": "PER", "orgName": "ORG", "placeName": "LOC", "geogName": "LOC"}
RS_TYPES = {"person": "PER", "org": "ORG", "place": "LOC"}
# Names a feature may not take: UIMA's own, and the attributes of cassis feature structures.
GLYPH = "webanno.custom.TeiAnnotateGlyph"
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
RESERVED = frozenset({"begin", "end", "sofa", "type", "xmiID", "element"})
UNSAFE = re.compile(r"[^A-Za-z0-9_]")


def entity_class(a: Annotation) -> str | None:
    """PER/ORG/LOC/OTH for a name or description, None for anything else."""
    if a.element in ENTITY_ELEMENTS:
        return ENTITY_ELEMENTS[a.element]
    if a.element in ("rs", "name"):
        return RS_TYPES.get(a.attrib.get("type", ""), "OTH")
    return None


def custom_type_name(layer: str) -> str:
    camel = "".join(part.capitalize() for part in re.split(r"[-_]", layer) if part)
    return f"webanno.custom.TeiAnnotate{camel}"


def feature_name(name: str) -> str:
    """A TEI attribute name as a UIMA feature name (``xml:lang`` → ``xml_lang``, ``type`` → ``teiType``)."""
    safe = UNSAFE.sub("_", name)
    return f"tei{safe[:1].upper()}{safe[1:]}" if safe in RESERVED else safe


def _xml(value: str) -> str:
    return NOT_XML.sub("\ufffd", value)


def _features(a: Annotation) -> dict[str, str]:
    values = {feature_name(k): _xml(v) for k, v in a.attrs}
    values.update({feature_name(k): _xml(" ".join(ts)) for k, ts in a.links})
    if a.cert is not None:
        values["cert"] = str(a.cert)
    if a.id:
        values["xmlId"] = a.id
    values["element"] = a.element
    return values


def typesystem(result: Result) -> TypeSystem:
    """The DKPro types used plus one custom type per layer, with the features its annotations need."""
    ts = TypeSystem()
    ne = ts.create_type(NAMED_ENTITY, supertypeName=ANNOTATION)
    for name in ("value", "identifier"):
        ts.create_feature(ne, name, STRING)
    ts.create_type(SENTENCE, supertypeName=ANNOTATION)
    ts.create_type(TOKEN, supertypeName=ANNOTATION)
    glyph = ts.create_type(GLYPH, supertypeName=ANNOTATION)
    ts.create_feature(glyph, "codepoint", STRING)
    meta = ts.create_type(METADATA, supertypeName="uima.tcas.DocumentAnnotation")
    for name in ("documentTitle", "documentId", "documentUri"):
        ts.create_feature(meta, name, STRING)
    features: dict[str, set[str]] = {}
    for a in result.annotations:
        if entity_class(a) is None:
            features.setdefault(a.layer, set()).update(_features(a))
    for layer, names in sorted(features.items()):
        t = ts.create_type(custom_type_name(layer), supertypeName=ANNOTATION)
        for name in sorted(names):
            ts.create_feature(t, name, STRING)
    return ts


def cas(result: Result) -> Cas:
    """The annotated document as a CAS with the types of :func:`typesystem`."""
    ts = typesystem(result)
    doc = result.document
    out = Cas(typesystem=ts)
    out.sofa_string = _xml(doc.text)
    out.sofa_mime = "text/plain"
    out.add(
        ts.get_type(METADATA)(
            begin=0, end=len(doc.text), documentTitle=_xml(doc.title), documentId=_xml(doc.name)
        )
    )
    for block in doc.blocks:
        out.add(ts.get_type(SENTENCE)(begin=block.start, end=block.end))
    for start, end in tokens(result):
        out.add(ts.get_type(TOKEN)(begin=start, end=end))
    for m in NOT_XML.finditer(doc.text):
        out.add(
            ts.get_type(GLYPH)(begin=m.start(), end=m.end(), codepoint=f"U+{ord(m.group()):04X}")
        )
    for a in result.annotations:
        value = entity_class(a)
        if value is not None:
            ref = " ".join(a.link("ref"))
            out.add(
                ts.get_type(NAMED_ENTITY)(
                    begin=a.start, end=a.end, value=value, identifier=ref or None
                )
            )
        else:
            out.add(
                ts.get_type(custom_type_name(a.layer))(begin=a.start, end=a.end, **_features(a))
            )
    return out


def render_xmi(result: Result) -> bytes:
    xmi: str = cas(result).to_xmi()
    return xmi.encode("utf-8")


def render_typesystem(result: Result) -> bytes:
    xml: str = typesystem(result).to_xml()
    return xml.encode("utf-8")
