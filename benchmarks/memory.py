"""Peak memory of a corpus run: 10,000 documents against 100, which must stay within 1.5×.

    python benchmarks/memory.py [--small 100] [--large 10000] [--jobs 1,2]

Runs the ``annotate`` command on directories and JSONL files of seed-article
copies and samples the resident memory of its whole process tree (main process
plus workers) every 20 ms; the peak is the largest sum seen.
"""

from __future__ import annotations

import argparse
import contextlib
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import psutil
from common import (
    annotate_command,
    full_pipeline,
    git_revision,
    installed_layers,
    lead_text,
    machine,
    seed_text,
    table,
    write_dir_corpus,
    write_jsonl_corpus,
)


def tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            total += p.memory_info().rss
    return total


def peak_run(args: list[str]) -> tuple[int, float]:
    """(peak tree RSS in bytes, wall seconds) of ``annotate ARGS``."""
    start = time.perf_counter()
    child = subprocess.Popen(annotate_command() + args)
    proc = psutil.Process(child.pid)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            with contextlib.suppress(psutil.Error):
                peak = max(peak, tree_rss(proc))
            done.wait(0.02)

    thread = threading.Thread(target=sample)
    thread.start()
    code = child.wait()
    done.set()
    thread.join()
    if code != 0:
        sys.exit(f"annotate {' '.join(args)} exited with {code}")
    return peak, time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--large", type=int, default=10_000)
    parser.add_argument("--jobs", default="1,2", help="--jobs values to run (1,2)")
    parser.add_argument("--kinds", default="dir,jsonl", help="corpus kinds (dir,jsonl)")
    parser.add_argument(
        "--doc",
        choices=["lead", "article"],
        default="lead",
        help="each document: the article's title and first four paragraphs (lead, ~0.8 KB; "
        "keeps 10,000 documents quick) or the whole article",
    )
    args = parser.parse_args(argv)
    pipeline = full_pipeline(installed_layers())
    text = lead_text() if args.doc == "lead" else seed_text()
    plugins = ["--plugins", ",".join(pipeline)] if pipeline else []
    rows = []
    verdicts = []
    with tempfile.TemporaryDirectory(prefix="tei-bench-") as tmp:
        work = Path(tmp)
        for kind in args.kinds.split(","):
            for jobs in [int(j) for j in args.jobs.split(",")]:
                peaks = {}
                for n in (args.small, args.large):
                    src = work / f"{kind}-{n}"
                    if not src.exists() and not src.with_suffix(".jsonl").exists():
                        if kind == "dir":
                            write_dir_corpus(src, n, text)
                        else:
                            src = write_jsonl_corpus(src.with_suffix(".jsonl"), n, text)
                    src = src if src.exists() else src.with_suffix(".jsonl")
                    out = work / f"out-{kind}-{n}-j{jobs}"
                    peak, wall = peak_run(
                        [str(src), "-o", str(out), "-q", "--jobs", str(jobs), *plugins]
                    )
                    peaks[n] = peak
                    rows.append(
                        [
                            kind,
                            jobs,
                            f"{n:,}",
                            f"{peak / 2**20:,.0f}",
                            f"{wall:,.1f}",
                            f"{n / wall:,.1f}",
                        ]
                    )
                    print(
                        f"  {kind} jobs={jobs} n={n}: {peak / 2**20:.0f} MiB, {wall:.1f} s",
                        file=sys.stderr,
                    )
                ratio = peaks[args.large] / peaks[args.small]
                verdicts.append(
                    f"{kind}, --jobs {jobs}: {args.large:,} documents peak at {ratio:.2f}× "
                    f"the memory of {args.small:,} (limit 1.5×)"
                )
    print(f"Machine: {machine()}; revision {git_revision()}\n")
    kb = len(text.encode()) / 1e3
    print(
        f"Pipeline {'+'.join(pipeline) or 'no layers'}, TEI output; each document the seed "
        f"article's {'lead' if args.doc == 'lead' else 'full text'} ({kb:.1f} KB).\n"
    )
    header = ["input", "--jobs", "documents", "peak RSS, MiB (all processes)", "wall s", "docs/s"]
    print(table(header, rows))
    print("\n" + "\n".join(f"- {v}" for v in verdicts))


if __name__ == "__main__":
    main()
