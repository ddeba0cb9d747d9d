"""A tei-annotate layer that marks sentences of clearly positive or negative tone.

VADER scores each sentence from -1 to 1 (its "compound" score); a sentence whose
score reaches ``threshold`` in either direction becomes
``<seg type="sentiment" ana="#sentiment.positive|negative">``.  With ``cues`` the
words that carry the tone are marked inside it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from tei_annotate import (
    Annotation,
    Document,
    Entry,
    Layer,
    LayerContext,
    Node,
    Option,
    OptionError,
    hookimpl,
)

from .sentences import sentences, words

__version__ = "0.1.0"

TAXONOMY = "sentiment"
DESCRIPTIONS = {
    "positive": "Positive tone: VADER compound score at or above the threshold.",
    "negative": "Negative tone: VADER compound score at or below minus the threshold.",
}


@lru_cache(maxsize=8)
def analyzer(lexicon: Path | None = None) -> Any:
    """A VADER analyzer, with extra ``word<TAB>valence`` lines from ``lexicon`` if given."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    if lexicon is not None:
        vader.lexicon.update(read_lexicon(lexicon))
    return vader


def read_lexicon(path: Path) -> dict[str, float]:
    """``word<TAB>valence`` lines; blank lines and ``#`` comments are skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise OptionError(f"option sentiment.lexicon: cannot read {path}: {exc.strerror}") from None
    out: dict[str, float] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        word, _, valence = line.partition("\t")
        try:
            out[word.strip().lower()] = float(valence)
        except ValueError:
            raise OptionError(
                f"option sentiment.lexicon: {path} line {number}: expected word<TAB>number"
            ) from None
    return out


def annotate(document: Document, context: LayerContext) -> Iterator[Annotation | Entry]:
    threshold: float = context.options["threshold"]
    vader = analyzer(context.options["lexicon"])
    used: set[str] = set()
    for block in document.blocks:
        if block.kind == "boilerplate":
            continue
        for start, end in sentences(document.text, block.start, block.end):
            score = vader.polarity_scores(document.text[start:end])["compound"]
            if abs(score) < threshold:
                continue
            tone = "positive" if score > 0 else "negative"
            used.add(tone)
            yield Annotation(
                start, end, "seg", attrs={"type": "sentiment"}, links={"ana": f"sentiment.{tone}"}
            )
            if context.options["cues"]:
                yield from _cues(document.text, start, end, tone, vader.lexicon.get)
    for tone in sorted(used):
        yield Entry(
            f"sentiment.{tone}",
            "category",
            group=TAXONOMY,
            children=[Node("catDesc", text=DESCRIPTIONS[tone])],
        )


def _cues(
    text: str, start: int, end: int, tone: str, valence: Callable[[str], float | None]
) -> Iterator[Annotation]:
    """The words of a marked sentence whose lexicon valence has the sentence's sign."""
    sign = 1 if tone == "positive" else -1
    for w_start, w_end in words(text, start, end):
        value = valence(text[w_start:w_end].lower())
        if value is not None and value * sign >= 1.0:
            yield Annotation(
                w_start,
                w_end,
                "seg",
                attrs={"type": "sentiment-cue"},
                links={"ana": f"sentiment.{tone}"},
            )


LAYER = Layer(
    "sentiment",
    annotate,
    version=__version__,
    description="sentences of clearly positive or negative tone (VADER)",
    produces=("seg", "category"),
    options=(
        Option("threshold", float, 0.5, "VADER compound score (0-1) a sentence's tone must reach"),
        Option("cues", bool, False, "also mark the words that carry the tone"),
        Option("lexicon", Path, None, "TSV file of word<TAB>valence (-4..4) to add to VADER's"),
    ),
)


@hookimpl
def register_layers(register: Callable[[Layer], None]) -> None:
    register(LAYER)
