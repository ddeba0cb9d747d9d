"""Throughput of the actors layer against spaCy's small English model, in one process.

    python benchmarks/actors_throughput.py GOLD.jsonl [MORE.jsonl | TEXT.txt ...] [--repeat N]

Times are CPU seconds of this process (all its threads), so that other work on a
shared machine does not skew the ratio.  Texts come from the files given (the ``text`` field of each JSONL line, or a
whole .txt file); nothing is copied into the repository.  Loading data and
models is done once before timing.  Reported: MB/s of UTF-8 input and the ratio
of the actors layer (alone, with TEI rendering, and every installed layer with TEI
rendering: the full pipeline) to
spaCy's full pipeline and to its NER alone.  spaCy rows are skipped with a note
when spaCy or an English model is not installed.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

import tei_annotate


def load_texts(paths: list[str]) -> list[str]:
    texts = []
    for p in map(Path, paths):
        raw = p.read_text(encoding="utf-8")
        if p.suffix == ".jsonl":
            texts += [json.loads(line)["text"] for line in raw.split("\n") if line.strip()]
        else:
            texts.append(raw)
    return texts


def rate(fn: Callable[[str], object], texts: list[str], repeat: int) -> float:
    """MB/s of ``fn`` over ``texts`` (best of ``repeat`` passes)."""
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    for t in texts:  # warm up: data and models load here, and caches fill as in a long run
        fn(t)
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for t in texts:
            fn(t)
        best = min(best, time.process_time() - start)
    return size / best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = load_texts(args.paths)
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(f"{len(texts)} texts, {size / 1e6:.3f} MB")
    layers = sorted(tei_annotate.get_host().layers)
    rows = {
        "actors layer": rate(lambda t: tei_annotate.annotate(t, ["actors"]), texts, args.repeat),
        "actors + TEI": rate(
            lambda t: tei_annotate.annotate(t, ["actors"]).render("tei"), texts, args.repeat
        ),
        f"all layers + TEI ({','.join(layers)})": rate(
            lambda t: tei_annotate.annotate(t, layers).render("tei"), texts, args.repeat
        ),
    }
    try:
        import spacy

        from tei_annotate_actors.spacy_backend import default_model

        name = default_model()
        full = spacy.load(name)
        ner = spacy.load(name, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"])
        rows[f"spaCy {name} full"] = rate(full, texts, args.repeat)
        rows[f"spaCy {name} NER only"] = rate(ner, texts, args.repeat)
    except Exception as exc:  # spaCy is optional: report why its rows are missing
        print(f"spaCy rows skipped: {type(exc).__name__}: {exc}")
    for label, mbs in rows.items():
        print(f"{label:48} {mbs:8.3f} MB/s")
    spacy_rows = [(k, v) for k, v in rows.items() if k.startswith("spaCy")]
    for label, mbs in spacy_rows:
        for ours in [k for k in rows if not k.startswith("spaCy")]:
            print(f"{ours} / {label}: {rows[ours] / mbs:6.1f}x")


if __name__ == "__main__":
    main()
