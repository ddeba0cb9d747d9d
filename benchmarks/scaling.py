"""How time grows with document size (1×, 10×, 100× the seed article) and with ``--jobs``.

    python benchmarks/scaling.py [--sizes 1,10,100] [--jobs 1,2] [--docs 400]

Size scaling runs in this process and counts CPU seconds per document. Each round times
every size once, in turn, on the same volume of text (100 copies of the 1× article, 10 of
the 10×, one 100×), and the fastest and the median of at least five rounds are kept; time
must grow linearly (the check: 100× the article in at most 120× the time of 1×).
Jobs scaling runs the ``annotate`` command on a directory of seed-article copies
and counts wall-clock time, pool start-up included; with Dask installed it also
runs the same corpus on a LocalCluster and checks the outputs are the same bytes.
"""

from __future__ import annotations

import argparse
import filecmp
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from common import (
    annotate_command,
    full_pipeline,
    git_revision,
    installed_layers,
    machine,
    scaled_article,
    table,
    write_dir_corpus,
)

from tei_annotate import annotate, get_host


def size_scaling(sizes: Sequence[int], min_seconds: float, min_rounds: int = 5) -> str:
    host = get_host()
    layers = installed_layers()
    pipelines = {"+".join(p) or "no layers": p for p in ([[]] + [[x] for x in layers])}
    full = full_pipeline(layers)
    if full:
        pipelines["full: " + "+".join(full)] = full
    texts = {k: scaled_article(k) for k in sizes}
    rows = []
    verdicts = []
    for label, pipeline in pipelines.items():
        samples = interleaved_cpu(
            {
                k: (lambda t=text, p=pipeline: annotate(t, p, host=host).render("tei", host))
                for k, text in texts.items()
            },
            {k: max(1, max(sizes) // k) for k in sizes},
            min_seconds,
            min_rounds,
        )
        best = {k: min(v) for k, v in samples.items()}
        middle = {k: statistics.median(v) for k, v in samples.items()}
        base, base_middle = best[sizes[0]] / sizes[0], middle[sizes[0]] / sizes[0]
        for k, text in texts.items():
            ratio = best[k] / (base * sizes[0])
            ratio_middle = middle[k] / (base_middle * sizes[0])
            rows.append(
                [
                    label,
                    f"{k}×",
                    f"{len(text.encode()) / 1e3:,.0f}",
                    f"{best[k]:.4f}",
                    f"{middle[k]:.4f}",
                    f"{ratio:,.1f}×",
                    f"{ratio_middle:,.1f}×",
                    f"{best[k] / k / base:.2f}",
                    f"{len(text.encode()) / best[k] / 1e6:.3f}",
                ]
            )
            print(
                f"  size {label} {k}×: {best[k]:.4f} s CPU best, {middle[k]:.4f} median "
                f"({len(samples[k])} rounds)",
                file=sys.stderr,
            )
            if k == 100 and sizes[0] == 1:
                verdicts.append(
                    f"{label}: 100× takes {ratio:.1f}× the time of 1× (limit 120×); "
                    f"{ratio_middle:.1f}× in median rounds"
                )
    header = [
        "pipeline",
        "size",
        "KB",
        "CPU s/doc (best)",
        "CPU s/doc (median)",
        "time vs 1× (best)",
        "time vs 1× (median)",
        "per-KB time vs 1×",
        "MB/s",
    ]
    return table(header, rows) + "\n\n" + "\n".join(f"- {v}" for v in verdicts)


def interleaved_cpu(
    runs: dict[int, Callable[[], object]],
    loops: dict[int, int],
    min_seconds: float,
    min_rounds: int,
) -> dict[int, list[float]]:
    """CPU seconds per call of each run, one sample per round and run.

    Each sample repeats its run ``loops`` times, so that every sample reads the same volume
    of text and lasts about as long (``timeit``'s loops per repeat); the runs take turns
    within each round. Timed one after the other, a size whose samples are short would have
    hundreds of chances to catch a quiet moment of a shared machine and the largest size
    three, and a busy spell would fall on one size only.
    """
    for run in runs.values():  # warm up: imports, compiled patterns, first-call caches
        run()
    samples: dict[int, list[float]] = {k: [] for k in runs}
    wall0 = time.perf_counter()
    rounds = 0
    while rounds < min_rounds or time.perf_counter() - wall0 < min_seconds:
        for k, run in runs.items():
            cpu0 = time.process_time()
            for _ in range(loops[k]):
                run()
            samples[k].append((time.process_time() - cpu0) / loops[k])
        rounds += 1
    return samples


def _run_cli(args: list[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(annotate_command() + args, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def jobs_scaling(jobs: Sequence[int], docs: int, workdir: Path, repeat: int = 2) -> str:
    pipeline = full_pipeline(installed_layers())
    corpus = write_dir_corpus(workdir / "corpus", docs)
    size = sum(p.stat().st_size for p in corpus.rglob("*.txt"))
    plugins = ["--plugins", ",".join(pipeline)] if pipeline else []
    rows = []
    base = None
    outputs = {}
    best: dict[int, tuple[float, float]] = {}
    for _ in range(repeat):  # interleaved, best of each: the machine may be shared
        for j in jobs:
            out = workdir / f"out-j{j}"
            shutil.rmtree(out, ignore_errors=True)
            wall, cpu = _run_cli([str(corpus), "-o", str(out), "-q", "--jobs", str(j), *plugins])
            outputs[f"--jobs {j}"] = out
            best[j] = min(best.get(j, (wall, cpu)), (wall, cpu))
            print(f"  jobs {j}: {wall:.1f} s wall, {cpu:.1f} s CPU", file=sys.stderr)
    for j, (wall, cpu) in best.items():
        base = base or wall
        rows.append(
            [
                f"annotate --jobs {j}",
                f"{docs / wall:,.1f}",
                f"{size / wall / 1e6:.3f}",
                f"{base / wall:.2f}×",
                f"{cpu:.1f}",
            ]
        )
    try:
        from distributed import Client, LocalCluster

        from tei_annotate import RunConfig, annotate_corpus
    except ImportError:
        print("  Dask not installed: no cluster row", file=sys.stderr)
    else:
        n = max(jobs)
        with (
            LocalCluster(n_workers=n, threads_per_worker=1, dashboard_address=":0") as cluster,
            Client(cluster) as client,
        ):
            out = workdir / "out-dask"
            start = time.perf_counter()
            annotate_corpus([corpus], out, RunConfig(layers=pipeline), scheduler=client)
            wall = time.perf_counter() - start
        outputs["dask"] = out
        rows.append(
            [
                f"Dask LocalCluster, {n} workers × 1 thread (cluster start not counted)",
                f"{docs / wall:,.1f}",
                f"{size / wall / 1e6:.3f}",
                f"{base / wall:.2f}×",
                "",
            ]
        )
        print(f"  dask {n} workers: {wall:.1f} s wall", file=sys.stderr)
    first = next(iter(outputs.values()))
    same = all(_same_tree(first, other) for other in outputs.values())
    header = [
        "run (best of the repeats)",
        "docs/s (wall)",
        "MB/s (wall)",
        "speed-up vs first",
        "CPU s (children)",
    ]
    note = (
        f"{docs} copies of the seed article ({size / 1e6:.1f} MB), pipeline "
        f"{'+'.join(pipeline) or 'no layers'}, TEI output; outputs of every run identical: {same}"
    )
    return note + "\n\n" + table(header, rows)


def _same_tree(a: Path, b: Path) -> bool:
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    if files != sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file()):
        return False
    return all(filecmp.cmp(a / f, b / f, shallow=False) for f in files)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,10,100", help="article multiples (1,10,100)")
    parser.add_argument(
        "--jobs", default="1,2", help="--jobs values to run (1,2; '' for document size only)"
    )
    parser.add_argument("--docs", type=int, default=400, help="documents for jobs scaling (400)")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each --jobs, best kept (2)")
    parser.add_argument(
        "--min-seconds",
        type=float,
        default=2.0,
        help="take rounds of size timings at least this long (2)",
    )
    args = parser.parse_args(argv)
    print(f"Machine: {machine()}; revision {git_revision()}\n")
    print("### Document size\n")
    print(size_scaling([int(s) for s in args.sizes.split(",")], args.min_seconds))
    jobs = [int(j) for j in args.jobs.split(",") if j.strip()]
    if not jobs:
        return
    print("\n### --jobs\n")
    with tempfile.TemporaryDirectory(prefix="tei-bench-") as tmp:
        print(jobs_scaling(jobs, args.docs, Path(tmp), args.repeat))


if __name__ == "__main__":
    main()
