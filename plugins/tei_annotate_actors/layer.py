"""The ``actors`` layer: names, titles, described actors and the registry of actors."""

from __future__ import annotations

from collections.abc import Sequence

from tei_annotate import Annotation, Document, Entry, LayerContext, Option, OptionError

from .candidates import Candidate, all_capitals, find_candidates, title_cased
from .described import describe
from .evidence import harmonise, type_candidate
from .registry import NAME_TAGS, Registry
from .tokens import TokenBlock, scan_lines

__all__ = ["OPTIONS", "PRODUCES", "annotate", "find_names", "token_blocks"]

BACKENDS = ("rules", "spacy")
_new = tuple.__new__
PRODUCES = (
    "persName",
    "orgName",
    "placeName",
    "roleName",
    "rs",
    "person",
    "org",
    "place",
)
OPTIONS = (
    Option("backend", str, "rules", "where candidate names come from: 'rules' or 'spacy'"),
    Option("model", str, None, "spaCy model for backend=spacy (default: first English one)"),
)


def token_blocks(document: Document) -> list[TokenBlock]:
    """Tokens of every article block (not page furniture)."""
    blocks = [b for b in document.blocks if b.kind != "boilerplate"]
    scans = scan_lines(document.text, [(b.start, b.end) for b in blocks])
    out = []
    for block, scan in zip(blocks, scans, strict=True):
        texts = scan.texts
        # title case includes all capitals: one test or the other, not both
        heading = title_cased(texts) if block.kind != "p" else all_capitals(texts)
        # tuple.__new__: not the named tuple's Python-level __new__ (nor _replace) per block
        out.append(_new(TokenBlock, (*scan[:-2], heading, block.kind == "p")))
    return out


def _known_words(blocks: Sequence[TokenBlock]) -> set[str]:
    """Words the document capitalises inside sentences: names wherever they stand."""
    known: set[str] = set()
    for block in blocks:
        if block.heading:
            continue
        texts, initial, add = block.texts, block.initial, known.add
        for k in block.capitals:  # a loop, not a generator: most blocks have a few capitals
            if not initial[k]:
                add(texts[k])
    return known


def find_names(
    document: Document,
    blocks: Sequence[TokenBlock],
    backend: str = "rules",
    model: str | None = None,
) -> list[Candidate]:
    """Typed, harmonised name candidates of the document (not yet in the registry)."""
    if backend not in BACKENDS:
        raise OptionError(f"actors.backend={backend!r} is unknown (valid: {', '.join(BACKENDS)})")
    known = _known_words(blocks)
    if backend == "spacy":
        from .spacy_backend import spacy_candidates

        cands = spacy_candidates(document, blocks, model, known.__contains__)
    else:
        cands = [c for b in blocks for c in find_candidates(b, known.__contains__)]
    for c in cands:
        c.kind, c.strength = type_candidate(c, document.text)
    harmonise(cands, document.text)
    return [c for c in cands if c.kind is not None]


def annotate(document: Document, context: LayerContext) -> list[Annotation | Entry]:
    # The host pauses the cycle collector while layers run (tei_annotate.collector), so
    # the hundreds of thousands of tokens of a long document are not walked repeatedly.
    blocks = token_blocks(document)
    names = find_names(document, blocks, context.options["backend"], context.options["model"])
    registry = Registry()
    registry.assign(names, document.text)
    described = describe(document.text, blocks, names, registry)
    # The annotations and entries carry the layer's name, so the host need not copy each to
    # stamp it.
    layer = context.layer
    out: list[Annotation | Entry] = []
    add = out.append
    for c in names:
        assert c.ref is not None and c.kind is not None
        add(Annotation(c.start, c.end, NAME_TAGS[c.kind], links={"ref": c.ref}, layer=layer))
        if c.role:
            add(Annotation(c.role[0].start, c.role[-1].end, "roleName", layer=layer))
    for d in described:
        attrs = {"type": d.kind}
        add(Annotation(d.start, d.end, "rs", attrs=attrs, links={"ref": d.ref}, layer=layer))
    out += registry.entries(layer)
    return out
