"""Throughput on texts the process has not read before, against spaCy's small model.

    python benchmarks/unseen.py --dev ../shared/eval/dev/*.jsonl [--rounds 5]

``throughput.py`` times passes over texts its untimed first pass has already read, so
every table a pipeline learns as it reads (token chunks, word judgements, written
entries; spaCy's lexemes and its tokenizer's cache) is warm with exactly those texts.
A corpus of new articles is not that kind.  Here each turn, in a fresh process, first
reads the seed article (loading lexicons, gazetteers and the model), then, in a
``read-on`` turn, the rest of each dev file (up to ``--warm-kb``: other articles of the
same sources, as a long corpus run has read before it meets a new one); it then times
one pass over the dev texts, which it reads for the first time, and a ``cold`` turn a
second pass over them, seen.  Ratios are those of the two turns of a round, as in
``throughput.py``.  A first reading cannot be repeated in one process, and ours lasts
under a second against the peer's many, so one busy spell of a shared host would weigh
on it far more than on the peer's long pass.  A turn of ours is therefore several fresh
processes, until their timed passes add up to ``--turn-seconds``, and counts their mean:
like the peer's one long pass, and like ``throughput.py``'s turns, it averages over the
host's second-scale jitter rather than sampling one moment of it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
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
from throughput import has_peer, ours, peer, pipeline_label

SEED_READS = 3


def turn(key: str, texts: list[str], before: list[str]) -> dict[str, float | str]:
    """One turn (in a child process): CPU seconds of the first pass over ``texts``, after
    reading ``before``, and of a second pass."""
    pipeline, _, mode = key.rpartition(":")
    if pipeline == "spacy:full":
        label, run = peer(pipeline)
    else:
        layers = pipeline.split(",")
        label, run = pipeline_label(layers), ours(layers)
    for _ in range(SEED_READS):
        run([seed_text()])
    if mode == "read-on":
        run(before)
    cpu0 = time.process_time()
    run(texts)
    cpu1 = time.process_time()
    if mode == "read-on":
        return {"label": label, "unseen": cpu1 - cpu0}
    run(texts)
    return {"label": label, "unseen": cpu1 - cpu0, "seen": time.process_time() - cpu1}


def mean_turn(command: list[str], seconds: float) -> dict[str, float | str]:
    """Run the child ``command`` until its first-reading passes add up to ``seconds`` (at
    least once), and return the mean of each timed pass."""
    runs: list[dict[str, float | str]] = []
    while not runs or sum(float(r["unseen"]) for r in runs) < seconds:
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        runs.append(json.loads(out.splitlines()[-1]))
    mean: dict[str, float | str] = {"label": runs[0]["label"], "processes": float(len(runs))}
    for pass_ in ("unseen", "seen"):
        if pass_ in runs[0]:
            mean[pass_] = statistics.fmean(float(r[pass_]) for r in runs)
    return mean


def other_articles(paths: Sequence[Path], skip_bytes: int, max_bytes: int) -> list[str]:
    """Each file's texts after those ``dev_texts(paths, skip_bytes)`` takes, up to (and
    including) the first to bring them to ``max_bytes``."""
    out = []
    for path in paths:
        size = 0
        for text in dev_texts([path])[len(dev_texts([path], skip_bytes)) :]:
            if size >= max_bytes:
                break
            out.append(text)
            size += len(text.encode("utf-8"))
    return out


def add_text_options(parser: argparse.ArgumentParser) -> None:
    """The options that choose the dev texts timed and the other articles read before."""
    parser.add_argument("--dev", type=Path, nargs="+", required=True, help="dev JSONL files")
    parser.add_argument(
        "--dev-kb", type=int, default=150, help="KB of text taken from each dev file (150)"
    )
    parser.add_argument(
        "--warm-kb", type=int, default=300, help="KB of other articles read first, per file (300)"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_text_options(parser)
    # as many as throughput.py: the median of five is steadier than of three
    parser.add_argument("--rounds", type=int, default=5, help="rounds of one turn each (5)")
    parser.add_argument(
        "--turn-seconds",
        type=float,
        default=4.0,
        help="fresh processes of ours a turn, until their timed passes add up to this (4)",
    )
    parser.add_argument("--turn", help=argparse.SUPPRESS)  # in a child: time one turn
    args = parser.parse_args(argv)
    texts = dev_texts(args.dev, args.dev_kb * 1000)
    # read by the parent (for its size) and by the turns that read them only
    reads_on = not args.turn or args.turn.endswith(":read-on")
    before = other_articles(args.dev, args.dev_kb * 1000, args.warm_kb * 1000) if reads_on else []
    if args.turn:
        print(json.dumps(turn(args.turn, texts, before)))
        return
    if not has_peer():
        sys.exit(1)
    pipelines = [",".join(full_pipeline(installed_layers())), "spacy:full"]
    keys = [f"{p}:{mode}" for mode in ("cold", "read-on") for p in pipelines]
    child = [
        sys.executable,
        __file__,
        "--dev",
        *map(str, args.dev),
        "--dev-kb",
        str(args.dev_kb),
        "--warm-kb",
        str(args.warm_kb),
    ]
    got: dict[str, list[dict[str, float | str]]] = {key: [] for key in keys}
    for _ in range(args.rounds):
        for key in keys:
            # the peer's one pass lasts many seconds by itself
            seconds = 0.0 if key.startswith("spacy:") else args.turn_seconds
            got[key].append(mean_turn([*child, "--turn", key], seconds))
    size = sum(len(t.encode("utf-8")) for t in texts)
    warm = sum(len(t.encode("utf-8")) for t in before)
    regimes = [
        ("cold", "unseen", "unseen, after the seed article only"),
        ("read-on", "unseen", f"unseen, after {warm / 1e3:,.0f} KB of other articles"),
        ("cold", "seen", "seen (read once before)"),
    ]
    ours_name, peer_name = pipelines
    rows = []
    for mode, pass_, label in regimes:
        mine, theirs = got[f"{ours_name}:{mode}"], got[f"{peer_name}:{mode}"]
        ratios = [float(p[pass_]) / float(o[pass_]) for p, o in zip(theirs, mine, strict=True)]
        print(
            f"  {label}: ours × spaCy by round: {', '.join(f'{r:.1f}×' for r in ratios)}",
            file=sys.stderr,
        )
        row = [label]
        for samples in (mine, theirs):
            row.append(f"{size / statistics.median(float(x[pass_]) for x in samples) / 1e6:,.3f}")
        rows.append([*row, f"{statistics.median(ratios):,.1f}×"])
    processes = [int(float(x["processes"])) for x in got[f"{ours_name}:cold"]]
    print(f"  a turn of ours: {min(processes)}–{max(processes)} processes", file=sys.stderr)
    print(f"dev texts: {len(texts)} documents, {size / 1e3:,.0f} KB")
    print(f"Machine: {machine()}; revision {git_revision()}\n")
    header = ["dev texts", f"{mine[0]['label']}, MB/s CPU", f"{theirs[0]['label']}, MB/s CPU"]
    print(table([*header, "ours × spaCy"], rows))


if __name__ == "__main__":
    main()
